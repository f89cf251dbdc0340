import type { TPriceList, TProduct, TProductCategory } from '@clientela/contract';

/** A price list for tests: active, in euros, with no product unless told. */
export function aPriceList(id: string, name: string, extra: Partial<TPriceList> = {}): TPriceList {
  return { id, name, currency: 'EUR', isDefault: false, active: true, productCount: 0, ...extra };
}

/** A category for tests, at the top level. */
export function aCategory(id: string, name: string, extra: Partial<TProductCategory> = {}): TProductCategory {
  return { id, name, parentId: null, position: 0, productCount: 0, ...extra };
}

/** A product for tests; only what is given differs from a plain active good. */
export function aProduct(id: string, name: string, extra: Partial<TProduct> = {}): TProduct {
  return {
    id,
    sku: null,
    name,
    description: null,
    kind: 'product',
    category: null,
    unit: 'pcs',
    vatRate: '22',
    active: true,
    prices: [],
    createdAt: '2026-01-10T08:00:00.000Z',
    updatedAt: '2026-01-10T08:00:00.000Z',
    ...extra,
  };
}
