import type { TAuditAction, TAuditEventList, TAuditOutcome, TUser } from '@clientela/contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** What the audit log page filters by; days are the reader's own. */
export type AuditFilters = {
  actions: TAuditAction[];
  actor: string | undefined;
  outcome: TAuditOutcome | undefined;
  from: string | undefined;
  to: string | undefined;
  q: string;
};

const PAGE_SIZE = 50;

/** The audit log, newest first, a page at a time ("load more"), filtered by the server. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-log', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<TAuditEventList>('/api/v1/audit-log', {
        signal,
        query: {
          action: filters.actions.join(','),
          actor: filters.actor,
          outcome: filters.outcome,
          from: filters.from,
          to: filters.to,
          q: filters.q.trim(),
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** The workspace's people, to pick whose actions to show. */
export function useAuditPeople() {
  return useQuery({
    queryKey: ['audit-log', 'people'],
    queryFn: () => api<{ data: TUser[] }>('/api/v1/users', { query: { limit: 200, sort: 'name' } }),
  });
}
