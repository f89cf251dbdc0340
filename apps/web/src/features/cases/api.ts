import type {
  TCase,
  TCaseHandoverInput,
  TCaseListQuery,
  TCaseMessageInput,
  TCaseSatisfactionInput,
  TCaseSummary,
  TCaseTransitionInput,
  TCaseType,
  TCreateCaseInput,
  TKbArticleList,
  TSlaPolicy,
  TUpdateCaseInput,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

export const CASES_KEY = ['cases'] as const;
const PAGE_SIZE = 30;

/** The query parameters of the cases list (`GET /cases`), without paging. */
export type CaseQuery = Omit<Partial<TCaseListQuery>, 'limit' | 'cursor'>;

/** Cases matching `query`, page by page from the server ("load more"). */
export function useCasePages(query: CaseQuery, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...CASES_KEY, 'list', query, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TCaseSummary>>('/api/v1/cases', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One case, whole; refreshed each minute so that its SLA clock moves on screen. */
export function useCase(id: string) {
  return useQuery({
    queryKey: [...CASES_KEY, 'one', id],
    queryFn: ({ signal }) => api<TCase>(`/api/v1/cases/${id}`, { signal }),
    refetchInterval: 60_000,
  });
}

/** Every case type with its categories (inactive ones flagged). */
export function useCaseTypes() {
  return useQuery({
    queryKey: ['case-types'],
    queryFn: ({ signal }) => api<{ data: TCaseType[] }>('/api/v1/case-types', { signal }),
    select: (list) => list.data,
    staleTime: 60_000,
  });
}

/** The SLA policies (read by all staff), to know each target's whole time. */
export function useSlaPolicies() {
  return useQuery({
    queryKey: ['sla-policies'],
    queryFn: ({ signal }) => api<{ data: TSlaPolicy[] }>('/api/v1/sla-policies', { signal }),
    select: (list) => list.data,
    staleTime: 60_000,
  });
}

/** Knowledge-base articles matching `q` (best first), for a case's reply; nothing is asked for an empty search. */
export function useKbSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: ['kb-articles', 'case-reply', trimmed],
    queryFn: ({ signal }) =>
      api<TKbArticleList>('/api/v1/kb-articles', { signal, query: { q: trimmed, limit: 10, 'filter[status]': 'published' } }),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
  });
}

function useCaseMutation<TInput>(mutationFn: (input: TInput) => Promise<TCase>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData([...CASES_KEY, 'one', saved.id], saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] }),
        // A hand-over is an assignment; notices and My day show it.
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}

/** Registers a case; routing decides who handles it unless an owner or unit is sent. */
export function useCreateCase() {
  return useCaseMutation((input: TCreateCaseInput) => api<TCase>('/api/v1/cases', { method: 'POST', body: input }));
}

/** Changes the fields sent (verdict, resolution, compensation…). */
export function useUpdateCase() {
  return useCaseMutation(({ id, ...input }: TUpdateCaseInput & { id: string }) =>
    api<TCase>(`/api/v1/cases/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Moves a case on; 409 `invalid_transition` when its status no longer allows the move. */
export function useTransitionCase() {
  return useCaseMutation(({ id, ...input }: TCaseTransitionInput & { id: string }) =>
    api<TCase>(`/api/v1/cases/${id}/transitions`, { method: 'POST', body: input }),
  );
}

/** Adds a reply, a note or the customer's words to the conversation. */
export function useAddCaseMessage() {
  return useCaseMutation(({ id, ...input }: TCaseMessageInput & { id: string }) =>
    api<TCase>(`/api/v1/cases/${id}/messages`, { method: 'POST', body: input }),
  );
}

/** Hands the case to another unit: an assignment that must be accepted first. */
export function useHandOverCase() {
  return useCaseMutation(({ id, ...input }: TCaseHandoverInput & { id: string }) =>
    api<TCase>(`/api/v1/cases/${id}/handover`, { method: 'POST', body: input }),
  );
}

/** Takes an unowned case waiting in one's unit. */
export function useTakeCase() {
  return useCaseMutation((id: string) => api<TCase>(`/api/v1/cases/${id}/take`, { method: 'POST', body: {} }));
}

/** Records the customer's satisfaction (1–5 and a comment). */
export function useRecordSatisfaction() {
  return useCaseMutation(({ id, ...input }: TCaseSatisfactionInput & { id: string }) =>
    api<TCase>(`/api/v1/cases/${id}/satisfaction`, { method: 'POST', body: input }),
  );
}
