import type { TNotification } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const NOTIFICATIONS_KEY = ['notifications'] as const;
/** Until notices are pushed live, the bell asks every half minute (and when the window regains focus). */
const POLL_MS = 30_000;

/** The person's latest notifications and their unread count. */
export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ signal }) =>
      api<{ data: TNotification[]; nextCursor: string | null; unread: number }>('/api/v1/notifications', { signal, query: { limit: 15 } }),
    refetchInterval: POLL_MS,
  });
}

/** Marks some notifications, or all, as read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[] } | { all: true }) =>
      api<{ unread: number }>('/api/v1/notifications/read', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
