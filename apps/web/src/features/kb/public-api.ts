import type { TKbCategory, TKbLanguage } from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

// The help centre is read without signing in: everything here goes to `/api/v1/public/kb/...`, never to staff routes.

export type TPublicKbArticleItem = {
  id: string;
  title: string;
  answer: string;
  language: TKbLanguage;
  headline: string | null;
  updatedAt: string;
};

export type TPublicKbArticle = {
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

type List = { data: TPublicKbArticleItem[]; correctedQuery: string | null };

const base = (workspace: string) => `/api/v1/public/kb/${encodeURIComponent(workspace)}/articles`;

/** The workspace's public articles, matching `q` when given. */
export function usePublicKbArticles(workspace: string, query: { q?: string; language?: TKbLanguage; categoryId?: string }) {
  return useQuery({
    queryKey: ['public-kb', workspace, 'list', query],
    queryFn: ({ signal }) => api<List>(base(workspace), { signal, query: { ...query, limit: 50 } }),
    placeholderData: keepPreviousData,
  });
}

/** One public article; nothing is asked while `id` is empty. */
export function usePublicKbArticle(workspace: string, id: string | undefined) {
  return useQuery({
    queryKey: ['public-kb', workspace, 'article', id],
    queryFn: ({ signal }) => api<TPublicKbArticle>(`${base(workspace)}/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** A visitor's "was this helpful" answer. */
export function usePublicKbFeedback(workspace: string) {
  return useMutation({
    mutationFn: ({ id, helpful }: { id: string; helpful: boolean }) =>
      api<unknown>(`${base(workspace)}/${encodeURIComponent(id)}/feedback`, { method: 'POST', body: { helpful } }),
  });
}

/** The workspace's categories that hold public articles. */
export function usePublicKbCategories(workspace: string) {
  return useQuery({
    queryKey: ['public-kb', workspace, 'categories'],
    queryFn: ({ signal }) => api<{ data: TKbCategory[] }>(`/api/v1/public/kb/${encodeURIComponent(workspace)}/categories`, { signal }),
    select: (list) => list.data.filter((category) => category.articles > 0),
    retry: false,
  });
}
