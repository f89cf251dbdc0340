import type { TNotification, TNotificationPreference, TNotificationPreferences } from '@clientela/contract';
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

// Not under NOTIFICATIONS_KEY: marking notices read must not refetch (and reset) the settings being edited.
const PREFERENCES_KEY = ['notification-preferences'] as const;

/** How each kind of notice reaches the person: in the app, by e-mail. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) => api<TNotificationPreferences>('/api/v1/notifications/preferences', { signal }),
  });
}

/** Saves the person's choices; the answer is the whole list again. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: TNotificationPreference[]) =>
      api<TNotificationPreferences>('/api/v1/notifications/preferences', { method: 'PUT', body: { data } }),
    onSuccess: (saved) => queryClient.setQueryData(PREFERENCES_KEY, saved),
  });
}
