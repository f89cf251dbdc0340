import { AGREEMENT_STATUSES, type TAgreementStatus } from '@clientela/contract';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { AgreementQuery } from './api.ts';

export const DEFAULT_SORT = '-agreedOn';

/**
 * The agreements list's search, filters, order and the agreement opened, kept in the page's
 * address (a search hit opens `/agreements?open=<id>`); typed text reaches it once the user pauses.
 */
export function useAgreementFilters() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typed = useDebouncedValue(text);

  const set = useCallback(
    (name: string, value: string | undefined) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: name !== 'open' },
      ),
    [setParams],
  );

  useEffect(() => {
    if ((params.get('q') ?? '') !== typed.trim()) set('q', typed.trim() || undefined);
  }, [typed, params, set]);

  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((value): value is TAgreementStatus => (AGREEMENT_STATUSES as readonly string[]).includes(value));
  const binding = params.get('binding') === '1';
  const sort = params.get('sort') ?? DEFAULT_SORT;
  const query: AgreementQuery = {
    q: params.get('q') ?? undefined,
    sort,
    'filter[status]': statuses.length > 0 ? statuses.join(',') : undefined,
    'filter[binding]': binding ? 'true' : undefined,
  };

  return {
    query,
    text,
    setText,
    statuses,
    setStatuses: (values: TAgreementStatus[]) => set('status', values.join(',') || undefined),
    binding,
    setBinding: (value: boolean) => set('binding', value ? '1' : undefined),
    sort,
    setSort: (value: string) => set('sort', value === DEFAULT_SORT ? undefined : value),
    openId: params.get('open') ?? undefined,
    /** The address that opens an agreement, the filters kept. */
    openSearch: (id: string) => {
      const next = new URLSearchParams(params);
      next.set('open', id);
      return `?${next.toString()}`;
    },
    open: (id: string | undefined) => set('open', id),
  };
}
