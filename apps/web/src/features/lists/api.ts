import type { TCreateListInput, TRecordEntity, TSavedQuery, TStaticList, TUpdateListInput } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { RECORDS_KEY } from '../customer-list/api.ts';

const LISTS_KEY = ['lists'] as const;

type MembersResult = { changed: number; memberCount: number };

/** The static lists of companies or contacts the user sees: their own and the shared ones. */
export function useLists(entity: TRecordEntity, enabled = true) {
  return useQuery({
    queryKey: [...LISTS_KEY, 'all', entity],
    queryFn: ({ signal }) => api<{ data: TStaticList[] }>('/api/v1/lists', { signal, query: { 'filter[entity]': entity } }),
    select: (list) => list.data,
    enabled,
  });
}

/** One list (its members come from the record list with `filter[listId]`). */
export function useList(id: string) {
  return useQuery({ queryKey: [...LISTS_KEY, 'one', id], queryFn: () => api<TStaticList>(`/api/v1/lists/${id}`) });
}

function useListMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>, entity?: TRecordEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: LISTS_KEY }),
        // The members' table is the record list filtered by the list.
        entity ? queryClient.invalidateQueries({ queryKey: RECORDS_KEY[entity] }) : undefined,
      ]),
  });
}

/** Creates an empty list. */
export function useCreateList() {
  return useListMutation((input: TCreateListInput) => api<TStaticList>('/api/v1/lists', { method: 'POST', body: input }));
}

/** Renames a list, changes its notes or shares it. */
export function useUpdateList() {
  return useListMutation(({ id, ...input }: TUpdateListInput & { id: string }) =>
    api<TStaticList>(`/api/v1/lists/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a list; its members stay in the customer base. */
export function useDeleteList() {
  return useListMutation((id: string) => api<void>(`/api/v1/lists/${id}`, { method: 'DELETE' }));
}

/** Adds the named records, or every record a list query matches, to a list. */
export function useAddListMembers(entity: TRecordEntity) {
  return useListMutation(
    ({ id, ...input }: { id: string } & ({ ids: string[] } | { query: TSavedQuery })) =>
      api<MembersResult>(`/api/v1/lists/${id}/members`, { method: 'POST', body: input }),
    entity,
  );
}

/** Takes records off a list. */
export function useRemoveListMembers(entity: TRecordEntity) {
  return useListMutation(
    ({ id, ids }: { id: string; ids: string[] }) =>
      api<MembersResult>(`/api/v1/lists/${id}/members/remove`, { method: 'POST', body: { ids } }),
    entity,
  );
}
