import type {
  TAskCommunityQuestionInput,
  TCommunityQuestion,
  TCommunityQuestionList,
  TModerationQueue,
  TPromoteCommunityQuestionInput,
  TPromoteCommunityQuestionResult,
  TStaffCommunityQuestion,
  TStaffCommunityQuestionList,
} from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { portalApi } from '../portal/portal-api.ts';

const PORTAL_KEY = ['portal', 'community'] as const;
export const COMMUNITY_KEY = ['community'] as const;

export type QuestionListQuery = { q?: string; sort?: 'newest' | 'unanswered'; page?: number; limit?: number; filter?: string };

/** The portal's questions, searched and paged. */
export function usePortalQuestions(query: QuestionListQuery) {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'list', query],
    queryFn: ({ signal }) => portalApi<TCommunityQuestionList>('/community-questions', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

/** One question with its answers, as a customer sees it. */
export function usePortalQuestion(id: string | undefined) {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'question', id],
    queryFn: ({ signal }) => portalApi<TCommunityQuestion>(`/community-questions/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** A customer asks a question. */
export function useAskQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TAskCommunityQuestionInput) =>
      portalApi<TCommunityQuestion>('/community-questions', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: PORTAL_KEY }),
  });
}

/** A customer answers, or the asker accepts an answer; both answer with the question as it now is. */
export function usePortalQuestionAction(id: string) {
  const client = useQueryClient();
  const done = (question: TCommunityQuestion) => {
    client.setQueryData([...PORTAL_KEY, 'question', id], question);
    return client.invalidateQueries({ queryKey: [...PORTAL_KEY, 'list'] });
  };
  return {
    answer: useMutation({
      mutationFn: (body: string) => portalApi<TCommunityQuestion>(`/community-questions/${id}/answers`, { method: 'POST', body: { body } }),
      onSuccess: done,
    }),
    accept: useMutation({
      mutationFn: (answerId: string) =>
        portalApi<TCommunityQuestion>(`/community-questions/${id}/accept`, { method: 'POST', body: { answerId } }),
      onSuccess: done,
    }),
  };
}

/** Staff's list of questions, hidden ones too. */
export function useStaffQuestions(query: QuestionListQuery) {
  return useQuery({
    queryKey: [...COMMUNITY_KEY, 'list', query],
    queryFn: ({ signal }) => api<TStaffCommunityQuestionList>('/api/v1/community-questions', { signal, query }),
    placeholderData: keepPreviousData,
  });
}

/** One question with every answer and its moderation state. */
export function useStaffQuestion(id: string | undefined) {
  return useQuery({
    queryKey: [...COMMUNITY_KEY, 'question', id],
    queryFn: ({ signal }) => api<TStaffCommunityQuestion>(`/api/v1/community-questions/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** The questions and answers waiting for review. */
export function useModerationQueue() {
  return useQuery({
    queryKey: [...COMMUNITY_KEY, 'moderation'],
    queryFn: ({ signal }) => api<TModerationQueue>('/api/v1/community-questions/moderation-queue', { signal }),
  });
}

/** Staff answer, accept, review and promote; every change refreshes the lists, the queue and the question. */
export function useStaffQuestionActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: COMMUNITY_KEY });
  return {
    answer: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) =>
        api<TStaffCommunityQuestion>(`/api/v1/community-questions/${id}/answers`, { method: 'POST', body: { body } }),
      onSuccess: refresh,
    }),
    accept: useMutation({
      mutationFn: ({ id, answerId }: { id: string; answerId: string }) =>
        api<TStaffCommunityQuestion>(`/api/v1/community-questions/${id}/accept`, { method: 'POST', body: { answerId } }),
      onSuccess: refresh,
    }),
    review: useMutation({
      mutationFn: ({ kind, id, hidden }: { kind: 'question' | 'answer'; id: string; hidden: boolean }) =>
        api<unknown>(kind === 'question' ? `/api/v1/community-questions/${id}/review` : `/api/v1/community-answers/${id}/review`, {
          method: 'POST',
          body: { hidden },
        }),
      onSuccess: refresh,
    }),
    promote: useMutation({
      mutationFn: ({ id, input }: { id: string; input: TPromoteCommunityQuestionInput }) =>
        api<TPromoteCommunityQuestionResult>(`/api/v1/community-questions/${id}/promote`, { method: 'POST', body: input }),
      onSuccess: refresh,
    }),
  };
}
