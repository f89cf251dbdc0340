import type { TNotification, TNotificationPreference, TNotificationPreferences } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../lib/api.ts';

const NOTIFICATIONS_KEY = ['notifications'] as const;
/** Notices are pushed live; the bell still asks now and then, in case the stream was down. */
const POLL_MS = 5 * 60_000;
/** What a new notice may have changed besides the bell: tasks and the start page (their query keys). */
const CHANGED_BY_NOTICES = [['tasks'], ['my-day']] as const;

/** The person's latest notifications and their unread count. */
export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ signal }) =>
      api<{ data: TNotification[]; nextCursor: string | null; unread: number }>('/api/v1/notifications', { signal, query: { limit: 15 } }),
    refetchInterval: POLL_MS,
  });
}

/**
 * Listens to the server's stream of "something new for you" while the page is open: the bell,
 * the tasks shown and My day read themselves again at once. The browser reconnects by itself
 * after a drop; on reconnecting, what was missed meanwhile is read again too.
 */
export function useLiveNotifications() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/notifications/stream');
    let opened = false;
    const refresh = () => {
      for (const queryKey of [NOTIFICATIONS_KEY, ...CHANGED_BY_NOTICES]) void queryClient.invalidateQueries({ queryKey });
    };
    source.addEventListener('notification', refresh);
    source.addEventListener('ready', () => {
      if (opened) refresh();
      opened = true;
    });
    return () => source.close();
  }, [queryClient]);
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
