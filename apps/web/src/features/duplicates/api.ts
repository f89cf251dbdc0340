import type {
  TCreateMergeInput,
  TDuplicateCheckInput,
  TDuplicateCheckResult,
  TDuplicateEntity,
  TDuplicatePair,
  TMerge,
} from '@clientela/contract';
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { RECORDS_KEY, RESOURCE, type RecordOf } from '../customer-list/api.ts';
import type { Page } from '../customers/types.ts';

const PAGE_SIZE = 20;
export const DUPLICATES_KEY = ['duplicates'] as const;
export const MERGES_KEY = ['merges'] as const;

/** Probable duplicate pairs of companies or contacts, page by page ("load more"). */
export function useDuplicatePairs(entity: TDuplicateEntity) {
  return useInfiniteQuery({
    queryKey: [...DUPLICATES_KEY, 'pairs', entity],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TDuplicatePair>>('/api/v1/duplicates', { signal, query: { entity, limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** "These two are different customers": the pair leaves the duplicates list. */
export function useDismissDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { entity: TDuplicateEntity; ids: [string, string] }) =>
      api<void>('/api/v1/duplicates/dismiss', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DUPLICATES_KEY }),
  });
}

/** A shared e-mail, phone or tax number, or the very same name, before a name that is only alike; else as the server sent them. */
export function strongestFirst(matches: TDuplicateCheckResult['data']): TDuplicateCheckResult['data'] {
  const strength = (match: TDuplicateCheckResult['data'][number]) =>
    match.reasons.filter((reason) => reason !== 'similar_name_city').length;
  return [...matches].sort((a, b) => strength(b) - strength(a));
}

/**
 * Probable duplicates of the values being typed, the likeliest first; `null` asks nothing.
 * A failed check shows nothing: it never blocks saving.
 */
export function useDuplicateCheck(input: TDuplicateCheckInput | null) {
  return useQuery({
    queryKey: [...DUPLICATES_KEY, 'check', input],
    queryFn: ({ signal }) => api<TDuplicateCheckResult>('/api/v1/duplicates/check', { method: 'POST', body: input, signal }),
    select: (result) => strongestFirst(result.data),
    enabled: input !== null,
    retry: false,
    // While the person types on, the warning stays until the next answer replaces it.
    placeholderData: keepPreviousData,
  });
}

/** The full records to merge, from the same cache as their own pages. */
export function useMergeRecords<E extends TDuplicateEntity>(entity: E, ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...RECORDS_KEY[entity], 'one', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<RecordOf[E]>(`/api/v1/${RESOURCE[entity]}/${id}`, { signal }),
    })),
    combine: (results) => ({
      records: results.flatMap((result) => (result.data ? [result.data] : [])),
      pending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
    }),
  });
}

/** Merges into or out of a record, newest first. */
export function useMerges(entity: TDuplicateEntity, recordId: string) {
  return useQuery({
    queryKey: [...MERGES_KEY, entity, recordId],
    queryFn: ({ signal }) => api<Page<TMerge>>('/api/v1/merges', { signal, query: { entity, recordId } }),
    select: (page) => page.data,
  });
}

/** A merge moves links, list members, subsidiaries and history: every list and page of records may change. */
function refreshAfterMerge(queryClient: QueryClient) {
  return Promise.all(
    [RECORDS_KEY.company, RECORDS_KEY.contact, DUPLICATES_KEY, MERGES_KEY, ['lists'], ['company-groups']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** Merges records into the survivor, keeping per field the value of the record named. */
export function useCreateMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateMergeInput) => api<TMerge>('/api/v1/merges', { method: 'POST', body: input }),
    onSuccess: () => refreshAfterMerge(queryClient),
  });
}

/**
 * Undoes a merge: the merged records come back as they were. A plain function rather than a
 * mutation hook, because the "Undo" of the success message outlives the dialog that merged.
 */
export async function undoMerge(queryClient: QueryClient, id: string): Promise<TMerge> {
  const merge = await api<TMerge>(`/api/v1/merges/${id}/undo`, { method: 'POST' });
  await refreshAfterMerge(queryClient);
  return merge;
}
