import type { TCreateViewInput, TRecordEntity, TSavedView, TUpdateViewInput } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const VIEWS_KEY = ['views'] as const;

/** The saved views of a list: the user's own and those shared with the workspace. */
export function useViews(entity: TRecordEntity, enabled = true) {
  return useQuery({
    queryKey: [...VIEWS_KEY, entity],
    queryFn: ({ signal }) => api<{ data: TSavedView[] }>('/api/v1/views', { signal, query: { 'filter[entity]': entity } }),
    select: (list) => list.data,
    enabled,
  });
}

function useViewMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: VIEWS_KEY }) });
}

/** Saves a list's query and columns under a name. */
export function useCreateView() {
  return useViewMutation((input: TCreateViewInput) => api<TSavedView>('/api/v1/views', { method: 'POST', body: input }));
}

/** Renames, shares, or saves a view's new query and columns. */
export function useUpdateView() {
  return useViewMutation(({ id, ...input }: TUpdateViewInput & { id: string }) =>
    api<TSavedView>(`/api/v1/views/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a view; the records stay. */
export function useDeleteView() {
  return useViewMutation((id: string) => api<void>(`/api/v1/views/${id}`, { method: 'DELETE' }));
}
