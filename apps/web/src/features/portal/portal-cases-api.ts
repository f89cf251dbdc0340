import type {
  TKbFeedbackInput,
  TKbLanguage,
  TPortalCase,
  TPortalCaseFile,
  TPortalCaseList,
  TPortalCaseMessageInput,
  TPortalCaseOptions,
  TPortalCaseRatingInput,
  TPortalCreateCaseInput,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalApi } from './portal-api.ts';

/** A public article as the portal's search lists it. */
export type TPortalKbHit = {
  id: string;
  title: string;
  answer: string;
  language: TKbLanguage;
  headline: string | null;
  updatedAt: string;
};
export type TPortalKbArticle = {
  id: string;
  title: string;
  body: string;
  answer: string;
  category: { id: string; name: string } | null;
  language: TKbLanguage;
  tags: string[];
  updatedAt: string;
  related: { id: string; title: string }[];
};

const CASES = ['portal', 'cases'] as const;
const caseKey = (id: string) => [...CASES, 'one', id] as const;

export type CaseState = 'open' | 'closed' | 'all';

/** The customer's requests, newest first, a page at a time. */
export function usePortalCases(state: CaseState) {
  return useInfiniteQuery({
    queryKey: [...CASES, 'list', state],
    queryFn: ({ pageParam }) =>
      portalApi<TPortalCaseList>('/cases', { query: { state: state === 'all' ? undefined : state, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePortalCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => portalApi<TPortalCase>(`/cases/${id}`) });
}

export function usePortalCaseOptions() {
  return useQuery({
    queryKey: ['portal', 'case-options'],
    queryFn: () => portalApi<TPortalCaseOptions>('/case-options'),
    staleTime: 60_000,
  });
}

/** Sends one file to a case (multipart, one file per request). */
export function uploadPortalCaseFile(caseId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return portalApi<TPortalCaseFile>(`/cases/${caseId}/attachments`, { method: 'POST', body: form });
}

export function useCreatePortalCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TPortalCreateCaseInput) => portalApi<TPortalCase>('/cases', { method: 'POST', body: input }),
    onSuccess: (created) => {
      client.setQueryData(caseKey(created.id), created);
      void client.invalidateQueries({ queryKey: [...CASES, 'list'] });
    },
  });
}

/** Writes of one case: they answer with the whole case, which replaces the cached one. */
function useCaseWrite<T>(id: string, write: (input: T) => Promise<TPortalCase>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (updated) => {
      client.setQueryData(caseKey(id), updated);
      void client.invalidateQueries({ queryKey: [...CASES, 'list'] });
    },
  });
}

export const useReplyPortalCase = (id: string) =>
  useCaseWrite(id, (input: TPortalCaseMessageInput) => portalApi<TPortalCase>(`/cases/${id}/messages`, { method: 'POST', body: input }));

export const useRatePortalCase = (id: string) =>
  useCaseWrite(id, (input: TPortalCaseRatingInput) => portalApi<TPortalCase>(`/cases/${id}/rating`, { method: 'POST', body: input }));

export function useUploadPortalCaseFile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadPortalCaseFile(id, file),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(id) }),
  });
}

/** Public articles matching `q` (all languages unless one is asked), or none while `q` is empty and `enabledEmpty` is false. */
export function usePortalKbSearch(
  q: string,
  options: { language?: TKbLanguage; limit?: number; enabledEmpty?: boolean; match?: 'all' | 'any' } = {},
) {
  return useQuery({
    queryKey: ['portal', 'kb', 'search', q, options.language ?? null, options.limit ?? 10, options.match ?? 'all'],
    queryFn: ({ signal }) =>
      portalApi<{ data: TPortalKbHit[]; correctedQuery: string | null }>('/kb/search', {
        query: { q: q || undefined, match: options.match, language: options.language, limit: options.limit ?? 10 },
        signal,
      }),
    enabled: q.length > 0 || options.enabledEmpty === true,
    placeholderData: keepPreviousData,
  });
}

export function usePortalKbArticle(id: string | null) {
  return useQuery({
    queryKey: ['portal', 'kb', 'article', id],
    queryFn: () => portalApi<TPortalKbArticle>(`/kb/articles/${id}`),
    enabled: id !== null,
  });
}

export function usePortalKbFeedback() {
  return useMutation({
    mutationFn: ({ id, ...input }: TKbFeedbackInput & { id: string }) =>
      portalApi<void>(`/kb/articles/${id}/feedback`, { method: 'POST', body: input }),
  });
}

/** Where a file of a case is downloaded from. */
export const portalCaseFileUrl = (caseId: string, fileId: string) => `/api/portal/cases/${caseId}/attachments/${fileId}`;
