import type { TRecordEntity, TSavedQuery } from '@clientela/contract';

/**
 * A customer list keeps its search, sort and filters in the page's address, with short names
 * (`?status=active&custom.bread=rye`); the API and saved views take them as `filter[status]`.
 */
const SHARED_FILTERS = ['status', 'class', 'relationship', 'city', 'region', 'ownerId', 'unitId', 'tag', 'listId'];
const FILTERS: Record<TRecordEntity, readonly string[]> = {
  company: [...SHARED_FILTERS, 'groupId'],
  contact: [...SHARED_FILTERS, 'companyId', 'birthdayMonth'],
};
const CUSTOM_FILTER = /^custom\.[a-z][a-z0-9_]{0,39}$/;
const QUERY_FILTER = /^filter\[(.+)\]$/;

/** The address parameter naming the saved view shown. */
export const VIEW_PARAM = 'view';
/** The list's order when the address names none. */
export const DEFAULT_SORT = 'name';

/** Whether `name` is a filter of this list (standard, or `custom.<key>`). */
export function isFilterName(entity: TRecordEntity, name: string): boolean {
  return FILTERS[entity].includes(name) || CUSTOM_FILTER.test(name);
}

/** The list query (as the API and saved views take it) held by the page's address. */
export function queryFromParams(entity: TRecordEntity, params: URLSearchParams): TSavedQuery {
  const query: TSavedQuery = {};
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const sort = params.get('sort');
  if (sort && sort !== DEFAULT_SORT) query.sort = sort;
  for (const [name, value] of params) {
    if (value.trim() !== '' && isFilterName(entity, name)) query[`filter[${name}]`] = value.trim();
  }
  return query;
}

/** The address parameters of a list query, e.g. when a saved view is applied. */
export function paramsFromQuery(entity: TRecordEntity, query: TSavedQuery, viewId?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (viewId) params.set(VIEW_PARAM, viewId);
  for (const [key, value] of Object.entries(query)) {
    const filter = QUERY_FILTER.exec(key)?.[1];
    if ((key === 'q' || key === 'sort') && value) params.set(key, value);
    else if (filter && isFilterName(entity, filter)) params.set(filter, value);
  }
  return params;
}

/** Whether two list queries ask for the same records in the same order. */
export function sameQuery(a: TSavedQuery, b: TSavedQuery): boolean {
  const entries = (query: TSavedQuery) =>
    Object.entries(query)
      .filter(([key, value]) => value !== '' && !(key === 'sort' && value === DEFAULT_SORT))
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(entries(a)) === JSON.stringify(entries(b));
}

/** Whether the query narrows the list (a search or any filter), beyond its order. */
export function isFiltered(query: TSavedQuery): boolean {
  return Object.keys(query).some((key) => key !== 'sort');
}

const CUSTOM_QUERY_FILTER = /^filter\[custom\.(.+)\]$/;

/** Whether the query filters by a custom field. */
export function hasCustomFilter(query: TSavedQuery): boolean {
  return Object.keys(query).some((key) => CUSTOM_QUERY_FILTER.test(key));
}

/**
 * The query without filters on custom fields that no longer exist (deleted since a view was
 * saved or a link was shared): the server refuses those, and the rest of the list still makes sense.
 */
export function withoutUnknownCustomFilters(query: TSavedQuery, keys: readonly string[]): TSavedQuery {
  const known = new Set(keys);
  return Object.fromEntries(
    Object.entries(query).filter(([name]) => {
      const key = CUSTOM_QUERY_FILTER.exec(name)?.[1];
      return key === undefined || known.has(key);
    }),
  );
}
