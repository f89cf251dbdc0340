import type { TLocale, TPublicSurvey, TPublicSurveyAnswerInput } from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

// A respondent has no session: everything here goes to `/api/v1/public/surveys/...`, never to staff routes.

const base = (token: string) => `/api/v1/public/surveys/${encodeURIComponent(token)}`;

/** The survey behind a personal link, in `lang` or else the invitation's language. */
export function usePublicSurvey(token: string, lang: TLocale | undefined) {
  return useQuery({
    queryKey: ['public-survey', token, lang],
    queryFn: ({ signal }) => api<TPublicSurvey>(base(token), { signal, query: { lang } }),
    placeholderData: keepPreviousData,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Sends the respondent's answers, once. */
export function useAnswerSurvey(token: string) {
  return useMutation({
    mutationFn: (input: TPublicSurveyAnswerInput) => api<{ thanks: string | null }>(base(token), { method: 'POST', body: input }),
  });
}
