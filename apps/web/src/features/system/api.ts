import type { TSystemStatus } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** How often the status page asks again: replica lag and job counts move by the second. */
export const STATUS_REFRESH_MS = 10_000;

/** The system status, asked again every 10 seconds while the page is open. */
export function useSystemStatus() {
  return useQuery({
    queryKey: ['system', 'status'],
    queryFn: ({ signal }) => api<TSystemStatus>('/api/v1/system/status', { signal }),
    refetchInterval: STATUS_REFRESH_MS,
  });
}
