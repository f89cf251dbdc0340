import type { TRecordEntity, TSavedQuery } from '@clientela/contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_SORT, paramsFromQuery, queryFromParams, VIEW_PARAM } from './list-query.ts';

const TYPING_DELAY = 300;

/** Everything a list screen reads and changes of its search, sort, filters and saved view. */
export type ListFiltersState = ReturnType<typeof useListFilters>;

/**
 * The list's search, sort and filters, kept in the page's address so that a list can be
 * bookmarked, shared and saved as a view. Typed text reaches the address (and the server) once
 * the user pauses; `fixed` filters (a static list's id) are always sent and never shown.
 */
export function useListFilters(entity: TRecordEntity, fixed?: TSavedQuery) {
  const [params, setParams] = useSearchParams();
  // What is being typed, by parameter name, until it reaches the address.
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  useEffect(() => {
    const pending = Object.entries(drafts).filter(([name, value]) => (params.get(name) ?? '') !== value);
    if (pending.length < Object.keys(drafts).length) {
      setDrafts(Object.fromEntries(pending));
      return;
    }
    if (pending.length === 0) return;
    const timer = setTimeout(() => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of pending) {
            if (value.trim()) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    }, TYPING_DELAY);
    return () => clearTimeout(timer);
  }, [drafts, params, setParams]);

  const paramsKey = params.toString();
  const fixedKey = JSON.stringify(fixed ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for params and fixed.
  const ownQuery = useMemo(() => queryFromParams(entity, params), [entity, paramsKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for params and fixed.
  const query = useMemo(() => ({ ...ownQuery, ...fixed }), [ownQuery, fixedKey]);

  const set = useCallback(
    (name: string, value: string | undefined) => {
      setDrafts((current) => {
        const { [name]: _dropped, ...rest } = current;
        return rest;
      });
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  /** Shows a saved view: its query in the address (or an empty list with no view). */
  const applyView = useCallback(
    (view: { id: string; query: TSavedQuery } | undefined) => {
      setDrafts({});
      setParams(view ? paramsFromQuery(entity, view.query, view.id) : new URLSearchParams());
    },
    [entity, setParams],
  );

  return {
    /** What the server is asked for: the address's query plus the fixed filters. */
    query,
    /** The query a saved view keeps: the address's, without the fixed filters. */
    ownQuery,
    viewId: params.get(VIEW_PARAM) ?? undefined,
    /** A filter's value as shown in its input (what is typed, before it is sent). */
    text: (name: string) => drafts[name] ?? params.get(name) ?? '',
    /** A filter's value in the address. */
    value: (name: string) => params.get(name) ?? undefined,
    /** Sets a filter at once (selects, checkboxes). */
    set,
    /** Sets a typed filter, sent once the user pauses. */
    type: (name: string, value: string) => setDrafts((current) => ({ ...current, [name]: value })),
    sort: params.get('sort') ?? DEFAULT_SORT,
    setSort: (sort: string) => set('sort', sort === DEFAULT_SORT ? undefined : sort),
    applyView,
    /** Empties the search and every filter; the view and the order stay. */
    clear: () => {
      setDrafts({});
      const next = new URLSearchParams();
      for (const name of [VIEW_PARAM, 'sort']) {
        const value = params.get(name);
        if (value) next.set(name, value);
      }
      setParams(next, { replace: true });
    },
  };
}
