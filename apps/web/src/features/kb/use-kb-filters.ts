import type { TKbArticleSummary } from '@clientela/contract';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { KbQuery } from './api.ts';

export const DEFAULT_KB_SORT = '-updatedAt';
export const KB_SORT_OPTIONS = ['-updatedAt', 'title', '-useCount'] as const;
export type KbSort = (typeof KB_SORT_OPTIONS)[number];

const LANGUAGES = ['ru', 'it', 'en'] as const satisfies readonly TKbArticleSummary['language'][];
const AUDIENCES = ['internal', 'public'] as const satisfies readonly TKbArticleSummary['audience'][];
const STATUSES = ['draft', 'published', 'archived'] as const satisfies readonly TKbArticleSummary['status'][];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The address's parameters as the list's query: what the user sees is what the address says. */
export function kbQueryOf(params: URLSearchParams): KbQuery {
  const q = params.get('q')?.trim() || undefined;
  const sort = oneOf(KB_SORT_OPTIONS, params.get('sort')) ?? DEFAULT_KB_SORT;
  return {
    q,
    // A search is ranked by relevance; the order applies to the plain list.
    sort: q ? undefined : sort,
    'filter[categoryId]': params.get('category') ?? undefined,
    'filter[language]': oneOf(LANGUAGES, params.get('language')),
    'filter[audience]': oneOf(AUDIENCES, params.get('audience')),
    'filter[status]': oneOf(STATUSES, params.get('status')),
    'filter[tag]': params.get('tag') || undefined,
  };
}

type Name = 'q' | 'category' | 'language' | 'audience' | 'status' | 'tag' | 'sort';

/**
 * The knowledge base's search, category, filters and order, kept in the page's address (a link
 * to `/kb?q=refund&language=it` opens that search); typed text reaches it once the user pauses.
 */
export function useKbFilters() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typed = useDebouncedValue(text);

  const set = useCallback(
    (name: Name, value: string | undefined) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  useEffect(() => {
    if ((params.get('q') ?? '') !== typed.trim()) set('q', typed.trim() || undefined);
  }, [typed, params, set]);

  const query = kbQueryOf(params);
  return {
    query,
    text,
    setText,
    /** Searches for `value` at once (e.g. "Did you mean"). */
    search: (value: string) => {
      setText(value);
      set('q', value.trim() || undefined);
    },
    categoryId: query['filter[categoryId]'],
    setCategory: (id: string | undefined) => set('category', id),
    language: query['filter[language]'],
    setLanguage: (value: string | undefined) => set('language', value),
    audience: query['filter[audience]'],
    setAudience: (value: string | undefined) => set('audience', value),
    status: query['filter[status]'],
    setStatus: (value: string | undefined) => set('status', value),
    tag: query['filter[tag]'],
    setTag: (value: string | undefined) => set('tag', value?.trim() || undefined),
    sort: (oneOf(KB_SORT_OPTIONS, params.get('sort')) ?? DEFAULT_KB_SORT) as KbSort,
    setSort: (value: KbSort) => set('sort', value === DEFAULT_KB_SORT ? undefined : value),
  };
}
