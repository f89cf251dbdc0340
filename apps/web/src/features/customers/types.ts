import type { CUSTOMER_CLASSES, CUSTOMER_STATUSES, RELATIONSHIPS, TRecordChange } from '@clientela/contract';

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];
export type Relationship = (typeof RELATIONSHIPS)[number];

/** A page of a list, as every list endpoint answers. */
export type Page<T> = { data: T[]; nextCursor: string | null; total: number };

export type History = { data: TRecordChange[] };

/** Sort orders the customer lists offer. */
export type CustomerSort = 'name' | '-name' | 'updatedAt' | '-updatedAt';

/** Filters the companies and contacts lists share. */
export type CustomerFilters = {
  q: string;
  sort: CustomerSort;
  status?: CustomerStatus;
  relationship?: Relationship;
  class?: CustomerClass;
  city?: string;
};

/** The query parameters of a customer list request. */
export function listQuery(filters: CustomerFilters, limit: number, cursor: string | undefined) {
  return {
    q: filters.q.trim(),
    sort: filters.sort,
    limit,
    cursor,
    'filter[status]': filters.status,
    'filter[relationship]': filters.relationship,
    'filter[class]': filters.class,
    'filter[city]': filters.city?.trim(),
  };
}
