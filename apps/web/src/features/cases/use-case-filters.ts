import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  type TCaseChannel,
  type TCasePriority,
  type TCaseStatus,
} from '@clientela/contract';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { CaseQuery } from './api.ts';

export const DEFAULT_SORT = '-createdAt';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The address's parameters as the list's query to the server: open cases unless `all=1`. */
export function caseQueryFromParams(params: URLSearchParams): CaseQuery {
  const statuses = (params.get('status') ?? '').split(',').filter((value) => oneOf(CASE_STATUSES, value));
  const sla = params.get('sla');
  return {
    q: params.get('q') || undefined,
    sort: (params.get('sort') ?? DEFAULT_SORT) as CaseQuery['sort'],
    'filter[open]': params.get('all') === '1' || statuses.length > 0 ? undefined : 'true',
    'filter[status]': statuses.length > 0 ? statuses.join(',') : undefined,
    'filter[typeId]': params.get('type') || undefined,
    'filter[channel]': oneOf(CASE_CHANNELS, params.get('channel')),
    'filter[priority]': oneOf(CASE_PRIORITIES, params.get('priority')),
    'filter[ownerId]': params.get('owner') || undefined,
    'filter[unitId]': params.get('unit') || undefined,
    'filter[sla]': sla === 'breached' || sla === 'warning' ? sla : undefined,
    'filter[mine]': params.get('mine') === '1' ? 'true' : undefined,
    'filter[companyId]': params.get('company') || undefined,
    'filter[contactId]': params.get('contact') || undefined,
  };
}

/**
 * The cases list's search, filters and order, kept in the page's address so that a link or a
 * reload shows the same list; typed text reaches it once the user pauses.
 */
export function useCaseFilters() {
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
        { replace: true },
      ),
    [setParams],
  );

  useEffect(() => {
    if ((params.get('q') ?? '') !== typed.trim()) set('q', typed.trim() || undefined);
  }, [typed, params, set]);

  const query = caseQueryFromParams(params);
  const statuses = (query['filter[status]'] ?? '').split(',').filter(Boolean) as TCaseStatus[];

  return {
    query,
    text,
    setText,
    all: params.get('all') === '1',
    setAll: (value: boolean) => set('all', value ? '1' : undefined),
    statuses,
    setStatuses: (values: TCaseStatus[]) => set('status', values.join(',') || undefined),
    typeId: query['filter[typeId]'],
    setTypeId: (value: string | undefined) => set('type', value),
    channel: query['filter[channel]'],
    setChannel: (value: TCaseChannel | undefined) => set('channel', value),
    priority: query['filter[priority]'],
    setPriority: (value: TCasePriority | undefined) => set('priority', value),
    ownerId: query['filter[ownerId]'],
    setOwnerId: (value: string | null) => set('owner', value ?? undefined),
    unitId: query['filter[unitId]'],
    setUnitId: (value: string | null) => set('unit', value ?? undefined),
    sla: query['filter[sla]'],
    setSla: (value: 'breached' | 'warning' | undefined) => set('sla', value),
    mine: query['filter[mine]'] === 'true',
    setMine: (value: boolean) => set('mine', value ? '1' : undefined),
    /** A customer's page links to their cases: the list says so and can drop it. */
    customerScoped: Boolean(query['filter[companyId]'] || query['filter[contactId]']),
    clearCustomer: () =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete('company');
          next.delete('contact');
          return next;
        },
        { replace: true },
      ),
    sort: query.sort ?? DEFAULT_SORT,
    setSort: (value: string) => set('sort', value === DEFAULT_SORT ? undefined : value),
  };
}
