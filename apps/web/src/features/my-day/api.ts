import type { TMyDay } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const MY_DAY_KEY = ['my-day'] as const;

/** What needs the signed-in person today. */
export function useMyDay() {
  return useQuery({
    queryKey: MY_DAY_KEY,
    queryFn: ({ signal }) => api<TMyDay>('/api/v1/my-day', { signal }),
    // Read again whenever the page opens or the window comes back: a task just accepted leaves it.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
