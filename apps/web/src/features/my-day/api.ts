import type { TMyDay } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const MY_DAY_KEY = ['my-day'] as const;

/** What needs the signed-in person today; read again when they come back to the page. */
export function useMyDay() {
  return useQuery({
    queryKey: MY_DAY_KEY,
    queryFn: ({ signal }) => api<TMyDay>('/api/v1/my-day', { signal }),
    refetchOnWindowFocus: true,
  });
}
