import type { TAbsence, TCreateAbsence } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';
import { TASKS_KEY } from '../tasks/api.ts';

export const ABSENCES_KEY = ['absences'] as const;

/** The current and coming absences the reader may see: theirs, those they cover, their team's. */
export function useUpcomingAbsences() {
  return useQuery({
    queryKey: [...ABSENCES_KEY, 'upcoming'],
    queryFn: ({ signal }) => api<Page<TAbsence>>('/api/v1/absences', { signal, query: { 'filter[upcoming]': 'true', limit: 200 } }),
  });
}

/** After an absence changes, who sees which task may have changed too. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ABSENCES_KEY }), queryClient.invalidateQueries({ queryKey: TASKS_KEY })]);
}

/** Marks an absence (409 `absence_overlaps` when the person is already away on one of its days). */
export function useCreateAbsence() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: TCreateAbsence) => api<TAbsence>('/api/v1/absences', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Cancels an absence. */
export function useDeleteAbsence() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/absences/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
