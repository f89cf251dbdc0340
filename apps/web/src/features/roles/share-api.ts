import type { TCreateRecordShareInput, TRecordShare, TRecordShareList, TShareableEntity } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const SHARES_KEY = ['record-shares'] as const;

/** Who one record is shared with (only who may change the record may ask). */
export function useRecordShares(entity: TShareableEntity, recordId: string, enabled = true) {
  return useQuery({
    queryKey: [...SHARES_KEY, entity, recordId],
    queryFn: ({ signal }) => api<TRecordShareList>('/api/v1/record-shares', { signal, query: { entity, recordId } }),
    select: (list) => list.data,
    enabled,
  });
}

function useShareMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: SHARES_KEY }) });
}

/** Shares a record with a person or a unit; sharing with the same one again changes the access. */
export function useShareRecord() {
  return useShareMutation((input: TCreateRecordShareInput) => api<TRecordShare>('/api/v1/record-shares', { method: 'POST', body: input }));
}

/** Stops sharing a record with one person or unit. */
export function useRemoveShare() {
  return useShareMutation((id: string) => api<void>(`/api/v1/record-shares/${id}`, { method: 'DELETE' }));
}
