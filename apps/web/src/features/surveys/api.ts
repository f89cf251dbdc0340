import type {
  TCallList,
  TCallListInput,
  TCallListResult,
  TSurvey,
  TSurveyInput,
  TSurveyLink,
  TSurveyList,
  TSurveyResults,
  TSurveyResultsQuery,
  TSurveySendInput,
  TSurveySendResult,
  TSurveyTextAnswerList,
  TUpdateSurveyInput,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const SURVEYS_KEY = ['surveys'] as const;

/** The surveys, newest first (a workspace keeps few: one page of 200 is plenty). */
export function useSurveys() {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'list'],
    queryFn: ({ signal }) => api<TSurveyList>('/api/v1/surveys', { signal, query: { limit: 200 } }),
  });
}

/** One survey with its questions and counts. */
export function useSurvey(id: string) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'one', id],
    queryFn: ({ signal }) => api<TSurvey>(`/api/v1/surveys/${id}`, { signal }),
    retry: false,
  });
}

function useSurveyMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: SURVEYS_KEY }) });
}

/** Creates a draft survey. */
export function useCreateSurvey() {
  return useSurveyMutation((input: TSurveyInput) => api<TSurvey>('/api/v1/surveys', { method: 'POST', body: input }));
}

/** Saves the builder's changes. */
export function useUpdateSurvey(id: string) {
  return useSurveyMutation((input: TUpdateSurveyInput) => api<TSurvey>(`/api/v1/surveys/${id}`, { method: 'PATCH', body: input }));
}

/** Opens a survey for answers, or closes it. */
export function useSurveyStatus(id: string) {
  return useSurveyMutation((action: 'open' | 'close') => api<TSurvey>(`/api/v1/surveys/${id}/${action}`, { method: 'POST' }));
}

/** E-mails personal links to a saved view's or a static list's contacts. */
export function useSendSurvey(id: string) {
  return useSurveyMutation((input: TSurveySendInput) =>
    api<TSurveySendResult>(`/api/v1/surveys/${id}/send`, { method: 'POST', body: input }),
  );
}

/** One contact's personal link, made without e-mailing it. */
export function useSurveyLink(id: string) {
  return useSurveyMutation((contactId: string) => api<TSurveyLink>(`/api/v1/surveys/${id}/link`, { method: 'POST', body: { contactId } }));
}

/** The figures of a survey, of everyone or of one segment's respondents. */
export function useSurveyResults(id: string, segment: TSurveyResultsQuery) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'results', id, segment],
    queryFn: ({ signal }) => api<TSurveyResults>(`/api/v1/surveys/${id}/results`, { signal, query: segment }),
    placeholderData: keepPreviousData,
  });
}

/** The text answers of a question after the first page the results bring; asked only once `enabled`. */
export function useMoreTextAnswers(id: string, questionId: string, segment: TSurveyResultsQuery, after: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...SURVEYS_KEY, 'texts', id, questionId, segment, after],
    initialPageParam: after ?? undefined,
    queryFn: ({ pageParam, signal }) =>
      api<TSurveyTextAnswerList>(`/api/v1/surveys/${id}/results/${encodeURIComponent(questionId)}/texts`, {
        signal,
        query: { ...segment, limit: 20, cursor: pageParam },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && Boolean(after),
  });
}

/** The survey's call tasks with their status. */
export function useCallList(id: string) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'calls', id],
    queryFn: ({ signal }) => api<TCallList>(`/api/v1/surveys/${id}/call-list`, { signal }),
    select: (list) => list.data,
  });
}

/** Makes call tasks for detractors, non-responders or both. */
export function useCreateCallList(id: string) {
  return useSurveyMutation((input: TCallListInput) =>
    api<TCallListResult>(`/api/v1/surveys/${id}/call-list`, { method: 'POST', body: input }),
  );
}

type Named = { id: string; name: string };

/** The mail templates made for survey invitations. */
export function useSurveyTemplates() {
  return useQuery({
    queryKey: ['templates', 'purpose', 'survey'],
    queryFn: ({ signal }) => api<{ data: Named[] }>('/api/v1/templates', { signal, query: { purpose: 'survey' } }),
    select: (list) => list.data,
  });
}
