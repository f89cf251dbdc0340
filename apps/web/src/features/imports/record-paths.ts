import type { TImportEntity } from '@clientela/contract';

/** Where the imported records are listed. */
export const RECORDS_PATH: Record<TImportEntity, string> = {
  company: '/companies',
  contact: '/contacts',
  product: '/products',
  user: '/admin/users',
  deal: '/deals',
  // Rates are kept in the workspace's settings, with its currencies.
  exchange_rate: '/admin/workspace',
  lead: '/leads',
};

/** The page of one imported record, or null where records have no page of their own (products, people, rates). */
export function recordPath(entity: TImportEntity, id: string): string | null {
  return entity === 'company' || entity === 'contact' || entity === 'deal' || entity === 'lead' ? `${RECORDS_PATH[entity]}/${id}` : null;
}
