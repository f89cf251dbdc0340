import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters, queryOf } from './product-query.ts';

const BREAD = '00000000-0000-4000-8000-000000000101';

describe('product filters in the address', () => {
  it('shows active products by default and keeps only what it understands', () => {
    const filters = filtersFromParams(new URLSearchParams('shown=bogus&kind=vegetable&category=12&sort=-price'));
    expect(filters).toEqual({ q: '', shown: 'active', categoryId: undefined, kind: undefined, priceListId: undefined, sort: undefined });
    expect(paramsFromFilters(filters)).toEqual({});
    expect(queryOf(filters)).toEqual({ 'filter[active]': 'true' });
  });

  it('goes from the address to the request and back', () => {
    const params = new URLSearchParams(`q=loaf&shown=all&category=${BREAD}&kind=service&sort=-sku`);
    const filters = filtersFromParams(params);
    expect(Object.fromEntries(params)).toEqual(paramsFromFilters(filters));
    expect(JSON.parse(JSON.stringify(queryOf(filters)))).toEqual({
      q: 'loaf',
      sort: '-sku',
      'filter[categoryId]': BREAD,
      'filter[kind]': 'service',
    });
    expect(queryOf({ ...filters, shown: 'inactive' })['filter[active]']).toBe('false');
  });
});
