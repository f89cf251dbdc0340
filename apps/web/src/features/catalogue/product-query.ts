import { PRODUCT_KINDS, PRODUCT_SORTS, type TProductKind } from '@clientela/contract';
import type { ProductQuery } from './api.ts';

/** Which products by their state: active ones (the default), inactive ones, or all. */
export type Shown = 'active' | 'inactive' | 'all';

/** The products list's state as the address keeps it. */
export type ProductFilters = { q: string; shown: Shown; categoryId?: string; kind?: TProductKind; priceListId?: string; sort?: string };

const SORTS: string[] = PRODUCT_SORTS.flatMap((sort) => [sort, `-${sort}`]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const id = (value: string | null) => (value && UUID.test(value) ? value : undefined);

/** Reads the filters from the address; anything unknown is left out. */
export function filtersFromParams(params: URLSearchParams): ProductFilters {
  const shown = params.get('shown');
  const kind = params.get('kind');
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    shown: shown === 'inactive' || shown === 'all' ? shown : 'active',
    categoryId: id(params.get('category')),
    kind: (PRODUCT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as TProductKind) : undefined,
    priceListId: id(params.get('priceList')),
    sort: sort && SORTS.includes(sort) ? sort : undefined,
  };
}

/** Writes the filters to the address, leaving the defaults out. */
export function paramsFromFilters(filters: ProductFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.q) params.q = filters.q;
  if (filters.shown !== 'active') params.shown = filters.shown;
  if (filters.categoryId) params.category = filters.categoryId;
  if (filters.kind) params.kind = filters.kind;
  if (filters.priceListId) params.priceList = filters.priceListId;
  if (filters.sort) params.sort = filters.sort;
  return params;
}

/** The list request for the filters. */
export function queryOf(filters: ProductFilters): ProductQuery {
  return {
    q: filters.q.trim() || undefined,
    sort: filters.sort,
    'filter[categoryId]': filters.categoryId,
    'filter[active]': filters.shown === 'all' ? undefined : filters.shown === 'active' ? 'true' : 'false',
    'filter[kind]': filters.kind,
    'filter[priceListId]': filters.priceListId,
  };
}
