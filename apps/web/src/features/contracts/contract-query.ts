import { RENEWAL_STATES, type TRenewalState } from '@clientela/contract';
import type { ContractQuery } from './api.ts';

/** Which contracts by their end: all, those ending within some days, those past their end but not ended. */
export type Due = 'all' | 'expiring' | 'expired';

/** The list's state as the address keeps it. */
export type ContractFilters = { q: string; due: Due; days: number; renewal?: TRenewalState; sort?: string };

export const DEFAULT_DAYS = 30;
const MAX_DAYS = 3660;
const SORTS = ['endDate', '-endDate', 'number', '-number', 'createdAt', '-createdAt'];

/** Reads the filters from the address; anything unknown is left out. */
export function filtersFromParams(params: URLSearchParams): ContractFilters {
  const due = params.get('due');
  const days = Number(params.get('days'));
  const renewal = params.get('renewal');
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    due: due === 'expiring' || due === 'expired' ? due : 'all',
    days: Number.isInteger(days) && days >= 0 && days <= MAX_DAYS && params.has('days') ? days : DEFAULT_DAYS,
    renewal: (RENEWAL_STATES as readonly string[]).includes(renewal ?? '') ? (renewal as TRenewalState) : undefined,
    sort: sort && SORTS.includes(sort) ? sort : undefined,
  };
}

/** Writes the filters to the address, leaving the defaults out. */
export function paramsFromFilters(filters: ContractFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.q) params.q = filters.q;
  if (filters.due !== 'all') params.due = filters.due;
  if (filters.due === 'expiring' && filters.days !== DEFAULT_DAYS) params.days = String(filters.days);
  if (filters.renewal) params.renewal = filters.renewal;
  if (filters.sort) params.sort = filters.sort;
  return params;
}

/** The list request for the filters. */
export function queryOf(filters: ContractFilters): ContractQuery {
  return {
    q: filters.q.trim() || undefined,
    sort: filters.sort,
    'filter[renewal]': filters.renewal,
    'filter[expiringWithin]': filters.due === 'expiring' ? filters.days : undefined,
    'filter[expired]': filters.due === 'expired' ? 'true' : undefined,
  };
}
