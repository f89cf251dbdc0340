import type { TCalendarEntry, TCalendarFeed } from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const CALENDAR_KEY = ['calendar'] as const;
const FEED_KEY = [...CALENDAR_KEY, 'feed'] as const;

/** Whose calendar: mine, my unit's, or the whole company's. */
export type CalendarScope = 'me' | 'unit' | 'company';

/** The calendar's entries between two instants (at most 62 days apart). */
export function useCalendar(from: string, to: string, scope: CalendarScope) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'entries', scope, from, to],
    queryFn: ({ signal }) => api<{ data: TCalendarEntry[] }>('/api/v1/calendar', { signal, query: { from, to, scope } }),
    select: (calendar) => calendar.data,
    placeholderData: keepPreviousData,
  });
}

/**
 * Whether the user has an iCalendar feed, and since when. The server keeps only a hash of its
 * secret, so `url` comes once, from the `POST` that makes it: kept here until the page reloads.
 */
export function useCalendarFeed() {
  return useQuery({
    queryKey: FEED_KEY,
    queryFn: () => api<TCalendarFeed>('/api/v1/calendar/feed'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useFeedMutation(method: 'POST' | 'DELETE') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<TCalendarFeed | undefined>('/api/v1/calendar/feed', { method }),
    onSuccess: (feed) => queryClient.setQueryData<TCalendarFeed>(FEED_KEY, feed ?? { url: null, createdAt: null }),
  });
}

/** Makes a new secret feed address; any earlier one stops working. */
export function useCreateCalendarFeed() {
  return useFeedMutation('POST');
}

/** Revokes the feed address: calendar programs subscribed to it get nothing more. */
export function useRevokeCalendarFeed() {
  return useFeedMutation('DELETE');
}
