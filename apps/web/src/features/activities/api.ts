import type { TActivity, TCreateActivityInput, TTimeline, TTimelineType, TUpdateActivityInput } from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { COMPANIES_KEY } from '../companies/api.ts';
import { CONTACTS_KEY } from '../contacts/api.ts';

const PAGE_SIZE = 20;

/** Every timeline lives under this key: activities and agreements refresh them all when they change. */
export const TIMELINE_KEY = ['timeline'] as const;

/** Whose timeline: a company, a contact, a client group or a deal. */
export type TimelineOwner = { kind: 'company' | 'contact' | 'group' | 'deal'; id: string };

const PATH: Record<TimelineOwner['kind'], string> = { company: 'companies', contact: 'contacts', group: 'company-groups', deal: 'deals' };

export type TimelineFilters = { types: TTimelineType[]; personId?: string };

/** A record's timeline, newest first, one page at a time as the reader scrolls. */
export function useTimeline(owner: TimelineOwner, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: [...TIMELINE_KEY, owner.kind, owner.id, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<TTimeline>(`/api/v1/${PATH[owner.kind]}/${owner.id}/timeline`, {
        signal,
        query: {
          limit: PAGE_SIZE,
          cursor: pageParam,
          'filter[type]': filters.types.join(','),
          'filter[personId]': filters.personId,
        },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useActivityMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Timelines show the activity; companies and contacts carry their last contact.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: TIMELINE_KEY }),
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
        queryClient.invalidateQueries({ queryKey: COMPANIES_KEY }),
        queryClient.invalidateQueries({ queryKey: CONTACTS_KEY }),
      ]),
  });
}

/** Logs a call, a meeting, a visit, an e-mail or a note. */
export function useCreateActivity() {
  return useActivityMutation((input: TCreateActivityInput) => api<TActivity>('/api/v1/activities', { method: 'POST', body: input }));
}

/** Changes the fields sent. */
export function useUpdateActivity() {
  return useActivityMutation(({ id, ...input }: TUpdateActivityInput & { id: string }) =>
    api<TActivity>(`/api/v1/activities/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Removes an activity. */
export function useDeleteActivity() {
  return useActivityMutation((id: string) => api<void>(`/api/v1/activities/${id}`, { method: 'DELETE' }));
}
