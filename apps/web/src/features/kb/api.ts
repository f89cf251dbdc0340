import type {
  TCreateKbArticleInput,
  TKbArticle,
  TKbArticleList,
  TKbCategory,
  TKbCategoryInput,
  TKbFeedbackInput,
  TKbFeedbackResult,
  TUpdateKbArticleInput,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const KB_KEY = ['kb'] as const;
const PAGE_SIZE = 30;

/** The query parameters of the article list (`GET /kb-articles`). */
export type KbQuery = {
  q?: string;
  sort?: string;
  'filter[categoryId]'?: string;
  'filter[language]'?: string;
  'filter[audience]'?: string;
  'filter[status]'?: string;
  'filter[tag]'?: string;
};

export type TKbArticleVersion = {
  version: number;
  title: string;
  body: string;
  answer: string | null;
  author: { id: string; name: string } | null;
  createdAt: string;
};

export type TKbDraft = { title: string; body: string; answer: string; language: TKbArticle['language']; sourceCaseId: string };

/** Articles matching `query`, best matches first when it searches; page by page ("load more"). */
export function useKbArticlePages(query: KbQuery, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...KB_KEY, 'articles', query, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<TKbArticleList>('/api/v1/kb-articles', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One article, whole; nothing is asked while `id` is empty. */
export function useKbArticle(id: string | undefined) {
  return useQuery({
    queryKey: [...KB_KEY, 'article', id],
    queryFn: ({ signal }) => api<TKbArticle>(`/api/v1/kb-articles/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Every saved version of an article, asked for only while the versions drawer is open. */
export function useKbArticleVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KB_KEY, 'versions', id],
    queryFn: ({ signal }) => api<{ data: TKbArticleVersion[] }>(`/api/v1/kb-articles/${id}/versions`, { signal }),
    select: (list) => list.data,
    enabled,
  });
}

/** What a resolved case offers as a new article. */
export function useKbDraftFromCase(caseId: string | undefined) {
  return useQuery({
    queryKey: [...KB_KEY, 'draft-from-case', caseId],
    queryFn: ({ signal }) => api<TKbDraft>(`/api/v1/kb-articles/draft-from-case/${caseId}`, { signal }),
    enabled: Boolean(caseId),
    // The draft is read once: it must not replace what the writer has typed since.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** The category tree, flat (each with its parent). */
export function useKbCategories() {
  return useQuery({
    queryKey: [...KB_KEY, 'categories'],
    queryFn: ({ signal }) => api<{ data: TKbCategory[] }>('/api/v1/kb-categories', { signal }),
    select: (list) => list.data,
  });
}

function useKbMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Lists, counts, related articles and categories all move with any change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KB_KEY }),
  });
}

/** Writes a new article (version 1). */
export function useCreateKbArticle() {
  return useKbMutation((input: TCreateKbArticleInput) => api<TKbArticle>('/api/v1/kb-articles', { method: 'POST', body: input }));
}

/** Saves a new version of an article; 409 when someone saved since `version`. */
export function useUpdateKbArticle() {
  return useKbMutation(({ id, ...input }: TUpdateKbArticleInput & { id: string }) =>
    api<TKbArticle>(`/api/v1/kb-articles/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Removes an article from the base. */
export function useDeleteKbArticle() {
  return useKbMutation((id: string) => api<void>(`/api/v1/kb-articles/${id}`, { method: 'DELETE' }));
}

/** Records (or changes) the reader's "was this helpful" answer; the article shows the new counts at once. */
export function useKbFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: TKbFeedbackInput & { id: string }) =>
      api<TKbFeedbackResult>(`/api/v1/kb-articles/${id}/feedback`, { method: 'POST', body: input }),
    onSuccess: (result, { id }) => {
      queryClient.setQueryData<TKbArticle>([...KB_KEY, 'article', id], (article) => (article ? { ...article, ...result } : article));
      return queryClient.invalidateQueries({ queryKey: [...KB_KEY, 'articles'] });
    },
  });
}

/** Adds a category. */
export function useCreateKbCategory() {
  return useKbMutation((input: TKbCategoryInput) => api<TKbCategory>('/api/v1/kb-categories', { method: 'POST', body: input }));
}

/** Renames or moves a category. */
export function useUpdateKbCategory() {
  return useKbMutation(({ id, ...input }: Partial<TKbCategoryInput> & { id: string }) =>
    api<TKbCategory>(`/api/v1/kb-categories/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a category; its articles stay, without one. */
export function useDeleteKbCategory() {
  return useKbMutation((id: string) => api<void>(`/api/v1/kb-categories/${id}`, { method: 'DELETE' }));
}
