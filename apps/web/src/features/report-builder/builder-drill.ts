import type { TBuilderDimension, TReportDefinition } from '@clientela/contract';
import { daysOf } from '../reports/drill-down.ts';

type Group = { dimension: TBuilderDimension; key: string | null };

/** The later of two first days and the earlier of two last days: a period narrowed by a group's. */
function narrow(period: { from?: string | undefined; to?: string | undefined }, days: { from: string; to: string }) {
  return {
    from: period.from && period.from > days.from ? period.from : days.from,
    to: period.to && period.to < days.to ? period.to : days.to,
  };
}

/** Deals: the list's address parameter for each grouping it can filter by (`none` where it takes one). */
const DEAL_PARAMS: Partial<Record<TBuilderDimension, { param: string; none: boolean }>> = {
  owner: { param: 'owner', none: true },
  unit: { param: 'unit', none: true },
  product: { param: 'product', none: true },
  region: { param: 'region', none: true },
  company: { param: 'company', none: true },
  stage: { param: 'stage', none: false },
  lostReason: { param: 'lostReason', none: true },
  status: { param: 'status', none: false },
};

/**
 * A filter of several values, as one list parameter: its value when there is one, nothing when a
 * group of the same field names it anyway, null when the list cannot take it.
 */
function oneOf(values: readonly string[] | undefined, groups: Group[], dimension: TBuilderDimension): string | undefined | null {
  if (!values || groups.some((group) => group.dimension === dimension)) return undefined;
  return values.length === 1 ? values[0] : null;
}

const CREATED: Partial<Record<TBuilderDimension, true>> = { createdMonth: true, createdQuarter: true, createdYear: true };
const CLOSED: Partial<Record<TBuilderDimension, true>> = { closeMonth: true, closeQuarter: true, closeYear: true };

function dealsUrl(definition: TReportDefinition, groups: Group[]): string | null {
  const { filters } = definition;
  const params = new URLSearchParams({ view: 'list' });
  const byClose = filters.dateField === 'closed';
  let created = byClose ? {} : { from: filters.from, to: filters.to };
  let closed = byClose ? { from: filters.from, to: filters.to } : {};
  if (filters.ownerId) params.set('owner', filters.ownerId);
  if (filters.unitId) params.set('unit', filters.unitId);
  const status = oneOf(filters.status, groups, 'status');
  if (status === null) return null;
  if (status) params.set('status', status);
  if (filters.stageId) params.set('stage', filters.stageId);
  if (filters.productId) params.set('product', filters.productId);
  for (const { dimension, key } of groups) {
    if (CREATED[dimension] || CLOSED[dimension]) {
      const days = key ? daysOf(key) : null;
      if (!days) return null;
      if (CREATED[dimension]) created = narrow(created, days);
      else closed = narrow(closed, days);
      continue;
    }
    const target = DEAL_PARAMS[dimension];
    if (!target || (key === null && !target.none)) return null;
    params.set(target.param, key ?? 'none');
  }
  if (created.from) params.set('createdFrom', created.from);
  if (created.to) params.set('createdTo', created.to);
  if (closed.from) params.set('closedFrom', closed.from);
  if (closed.to) params.set('closedTo', closed.to);
  return `/deals?${params.toString()}`;
}

/** Companies and contacts: the groupings their lists filter by, under the lists' own parameter names. */
const CUSTOMER_PARAMS: Partial<Record<TBuilderDimension, string>> = {
  status: 'status',
  class: 'class',
  region: 'region',
  city: 'city',
  owner: 'ownerId',
  unit: 'unitId',
};

function customersUrl(path: string, definition: TReportDefinition, groups: Group[]): string | null {
  const { filters } = definition;
  // The customer lists have no period of creation: a report narrowed to one cannot be listed exactly.
  if (filters.from || filters.to) return null;
  const params = new URLSearchParams();
  if (filters.ownerId) params.set('ownerId', filters.ownerId);
  if (filters.unitId) params.set('unitId', filters.unitId);
  const status = oneOf(filters.status, groups, 'status');
  const kind = oneOf(filters.class, groups, 'class');
  if (status === null || kind === null) return null;
  if (status) params.set('status', status);
  if (kind) params.set('class', kind);
  for (const { dimension, key } of groups) {
    const param = CUSTOMER_PARAMS[dimension];
    if (!param || key === null) return null;
    params.set(param, key);
  }
  return `${path}?${params.toString()}`;
}

/**
 * The list of the records behind a figure: the report's filters narrowed to the row's group (and
 * subgroup), where that list can filter by all of them; null where it cannot, so nothing is offered
 * that would list other records than those counted.
 */
export function drillUrl(definition: TReportDefinition, groups: Group[]): string | null {
  switch (definition.entity) {
    case 'deals':
      return dealsUrl(definition, groups);
    case 'companies':
      return customersUrl('/companies', definition, groups);
    case 'contacts':
      return customersUrl('/contacts', definition, groups);
    default:
      return null;
  }
}
