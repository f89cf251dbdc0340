import type { TAgreement, TContract, TCreateContractInput, TRenewalState, TUpdateContractInput } from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

export const CONTRACTS_KEY = ['contracts'] as const;
const PAGE_SIZE = 30;

/** The query parameters of the contracts list (`GET /contracts`). */
export type ContractQuery = {
  q?: string;
  sort?: string;
  'filter[companyId]'?: string;
  'filter[renewal]'?: TRenewalState;
  'filter[expiringWithin]'?: number;
  'filter[expired]'?: 'true';
};

/** Contracts matching `query`, page by page from the server ("load more"). */
export function useContractPages(query: ContractQuery, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...CONTRACTS_KEY, 'list', query, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TContract>>('/api/v1/contracts', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One contract. */
export function useContract(id: string) {
  return useQuery({ queryKey: [...CONTRACTS_KEY, 'one', id], queryFn: () => api<TContract>(`/api/v1/contracts/${id}`) });
}

/** The query of a contract's agreements, binding ones first; also fetched afresh before ending it. */
export function contractAgreementsQuery(id: string) {
  return {
    queryKey: [...CONTRACTS_KEY, 'agreements', id],
    queryFn: ({ signal }: { signal?: AbortSignal }) => api<{ data: TAgreement[] }>(`/api/v1/contracts/${id}/agreements`, { signal }),
  };
}

/** The agreements about a contract, binding ones first. */
export function useContractAgreements(id: string) {
  return useQuery({ ...contractAgreementsQuery(id), select: (list) => list.data });
}

function useContractMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Agreements name their contract, and the calendar shows when contracts end.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: CONTRACTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['agreements'] }),
        queryClient.invalidateQueries({ queryKey: ['calendar'] }),
      ]),
  });
}

/** Adds a contract. */
export function useCreateContract() {
  return useContractMutation((input: TCreateContractInput) => api<TContract>('/api/v1/contracts', { method: 'POST', body: input }));
}

/**
 * Changes the fields sent. Ending a contract that agreements still bind answers 409
 * `binding_agreements` until their ids come back in `acknowledgedAgreementIds`.
 */
export function useUpdateContract() {
  return useContractMutation(({ id, ...input }: TUpdateContractInput & { id: string }) =>
    api<TContract>(`/api/v1/contracts/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a contract. */
export function useDeleteContract() {
  return useContractMutation((id: string) => api<void>(`/api/v1/contracts/${id}`, { method: 'DELETE' }));
}
