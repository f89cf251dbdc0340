import type { TAgreement, TCreateAgreementInput, TUpdateAgreementInput } from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { TIMELINE_KEY } from '../activities/api.ts';
import type { Page } from '../customers/types.ts';

export const AGREEMENTS_KEY = ['agreements'] as const;
const PAGE_SIZE = 30;

/** The query parameters of the agreements list (`GET /agreements`). */
export type AgreementQuery = {
  q?: string;
  sort?: string;
  'filter[status]'?: string;
  'filter[binding]'?: 'true' | 'false';
  'filter[companyId]'?: string;
  'filter[contactId]'?: string;
};

/** Agreements matching `query`, page by page from the server ("load more"). */
export function useAgreementPages(query: AgreementQuery, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...AGREEMENTS_KEY, 'list', query, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TAgreement>>('/api/v1/agreements', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One agreement; nothing is asked while `id` is empty. */
export function useAgreement(id: string | undefined) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, 'one', id],
    queryFn: () => api<TAgreement>(`/api/v1/agreements/${id}`),
    enabled: Boolean(id),
  });
}

function useAgreementMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Lists, customer pages and timelines show agreements; search finds them by their resource.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: AGREEMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: TIMELINE_KEY }),
        queryClient.invalidateQueries({ queryKey: ['search'] }),
        // A contract counts the agreements about it that bind us.
        queryClient.invalidateQueries({ queryKey: ['contracts'] }),
      ]),
  });
}

/** Records a promise made to or by a customer. */
export function useCreateAgreement() {
  return useAgreementMutation((input: TCreateAgreementInput) => api<TAgreement>('/api/v1/agreements', { method: 'POST', body: input }));
}

/** Changes the fields sent (its status above all). */
export function useUpdateAgreement() {
  return useAgreementMutation(({ id, ...input }: TUpdateAgreementInput & { id: string }) =>
    api<TAgreement>(`/api/v1/agreements/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Moves an agreement recorded by mistake to the bin. */
export function useDeleteAgreement() {
  return useAgreementMutation((id: string) => api<void>(`/api/v1/agreements/${id}`, { method: 'DELETE' }));
}
