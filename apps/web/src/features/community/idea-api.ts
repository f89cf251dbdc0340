import type {
  TCreateIdeaInput,
  TIdeaComment,
  TIdeaDetail,
  TIdeaList,
  TIdeaModerationQueue,
  TIdeaSort,
  TIdeaStatus,
  TIdeaVoteResult,
  TPortalIdea,
  TPortalIdeaComment,
  TPortalIdeaDetail,
  TPortalIdeaList,
  TUpdateIdeaInput,
} from '@clientela/contract';
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { portalApi } from '../portal/portal-api.ts';

const PORTAL_KEY = ['portal', 'ideas'] as const;
const STAFF_KEY = ['ideas'] as const;

export type IdeaListFilters = { sort: TIdeaSort; status?: TIdeaStatus | undefined; q?: string | undefined };
export type StaffIdeaFilters = IdeaListFilters & { hidden?: 'true' | 'false' | undefined; unreviewed?: 'true' | undefined };

/** The portal's ideas, a page at a time ("show more"). */
export function usePortalIdeas(filters: IdeaListFilters) {
  return useInfiniteQuery({
    queryKey: [...PORTAL_KEY, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      portalApi<TPortalIdeaList>('/ideas', { signal, query: { ...filters, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One idea with its comments, as a customer sees it. */
export function usePortalIdea(id: string | undefined) {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'idea', id],
    queryFn: ({ signal }) => portalApi<TPortalIdeaDetail>(`/ideas/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** A customer shares a new idea. */
export function useShareIdea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateIdeaInput) => portalApi<TPortalIdeaDetail>('/ideas', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...PORTAL_KEY, 'list'] }),
  });
}

/** Votes for an idea or takes the vote back; every list and the idea's page show the new count at once. */
export function useVoteIdea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, vote }: { id: string; vote: boolean }) =>
      portalApi<TIdeaVoteResult>(`/ideas/${id}/vote`, { method: vote ? 'POST' : 'DELETE' }),
    onSuccess: (result, { id }) => {
      const apply = <T extends TPortalIdea>(idea: T): T => (idea.id === id ? { ...idea, ...result } : idea);
      client.setQueriesData<InfiniteData<TPortalIdeaList>>({ queryKey: [...PORTAL_KEY, 'list'] }, (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map(apply) })) } : data,
      );
      client.setQueryData<TPortalIdeaDetail>([...PORTAL_KEY, 'idea', id], (idea) => (idea ? apply(idea) : idea));
    },
  });
}

/** A customer comments on an idea. */
export function usePortalIdeaComment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => portalApi<TPortalIdeaComment>(`/ideas/${id}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => client.invalidateQueries({ queryKey: PORTAL_KEY }),
  });
}

/** Staff's list of ideas, hidden ones too. */
export function useStaffIdeas(filters: StaffIdeaFilters) {
  return useInfiniteQuery({
    queryKey: [...STAFF_KEY, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api<TIdeaList>('/api/v1/ideas', { signal, query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One idea for staff: comments with their moderation state, and the customers who want it. */
export function useStaffIdea(id: string | undefined) {
  return useQuery({
    queryKey: [...STAFF_KEY, 'idea', id],
    queryFn: ({ signal }) => api<TIdeaDetail>(`/api/v1/ideas/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Ideas and comments waiting for review. */
export function useIdeaModerationQueue() {
  return useQuery({
    queryKey: [...STAFF_KEY, 'moderation'],
    queryFn: ({ signal }) => api<TIdeaModerationQueue>('/api/v1/ideas/moderation-queue', { signal }),
  });
}

/** Staff's actions on ideas: answer with a status, approve or hide posts, comment. */
export function useIdeaActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: STAFF_KEY });
  const setIdea = (idea: TIdeaDetail) => {
    client.setQueryData([...STAFF_KEY, 'idea', idea.id], idea);
    return refresh();
  };
  return {
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: TUpdateIdeaInput }) =>
        api<TIdeaDetail>(`/api/v1/ideas/${id}`, { method: 'PATCH', body: input }),
      onSuccess: setIdea,
    }),
    reviewIdea: useMutation({
      mutationFn: ({ id, hidden }: { id: string; hidden: boolean }) =>
        api<TIdeaDetail>(`/api/v1/ideas/${id}/review`, { method: 'POST', body: { hidden } }),
      onSuccess: setIdea,
    }),
    reviewComment: useMutation({
      mutationFn: ({ id, hidden }: { id: string; hidden: boolean }) =>
        api<TIdeaComment>(`/api/v1/idea-comments/${id}/review`, { method: 'POST', body: { hidden } }),
      onSuccess: refresh,
    }),
    comment: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) =>
        api<TIdeaComment>(`/api/v1/ideas/${id}/comments`, { method: 'POST', body: { body } }),
      onSuccess: refresh,
    }),
  };
}
