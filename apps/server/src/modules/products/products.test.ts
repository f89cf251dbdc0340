import type { TProduct } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const put = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PUT', url, payload });
const patch = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PATCH', url, payload });

describe('the catalogue', () => {
  it('keeps products in categories with a price per list, refuses a second SKU, and lets only admins and managers change it', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    await put(owner, '/api/v1/currencies', { currencies: ['RUB'] });
    const retail = await post(managerA.browser, '/api/v1/price-lists', { name: 'Retail', currency: 'EUR' });
    expect(retail).toMatchObject({ isDefault: true, productCount: 0 }); // the first list is the default
    const wholesale = await post(managerA.browser, '/api/v1/price-lists', { name: 'Wholesale Moscow', currency: 'RUB' });
    expect(wholesale.isDefault).toBe(false);
    // A currency the workspace does not use is refused.
    const yen = await managerA.browser.request({ method: 'POST', url: '/api/v1/price-lists', payload: { name: 'Tokyo', currency: 'JPY' } });
    expect(yen.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'currency' }] });

    const bread = await post(managerA.browser, '/api/v1/products/categories', { name: 'Bread' });
    const rye = await post(managerA.browser, '/api/v1/products/categories', { name: 'Rye bread', parentId: bread.id });
    const loaf: TProduct = await post(managerA.browser, '/api/v1/products', {
      sku: 'RYE-800',
      name: 'Borodinsky loaf 800 g',
      categoryId: rye.id,
      unit: 'pcs',
      vatRate: '10',
      prices: [
        { priceListId: retail.id, price: '4.20' },
        { priceListId: wholesale.id, price: '165.50' },
      ],
    });
    expect(loaf).toMatchObject({
      sku: 'RYE-800',
      kind: 'product',
      category: { id: rye.id, name: 'Rye bread' },
      vatRate: '10.00',
      active: true,
      prices: [
        { priceListId: retail.id, priceListName: 'Retail', currency: 'EUR', price: '4.20' },
        { priceListId: wholesale.id, priceListName: 'Wholesale Moscow', currency: 'RUB', price: '165.50' },
      ],
    });
    await post(managerA.browser, '/api/v1/products', {
      sku: 'DLV',
      name: 'Delivery to the shop',
      kind: 'service',
      unit: 'trip',
      vatRate: '22',
    });

    // The same SKU in other letters is the same SKU: 409 naming the field, and no second product.
    const twice = await managerA.browser.request({ method: 'POST', url: '/api/v1/products', payload: { sku: 'rye-800', name: 'Copy' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'sku_taken', errors: [{ path: 'sku' }] });
    expect((await get(employeeA.browser, '/api/v1/products?q=copy')).total).toBe(0);
    // Bad values name their fields.
    const bad = await managerA.browser.request({
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'X', vatRate: '120', prices: [{ priceListId: retail.id, price: '-1' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['prices.0.price', 'vatRate']);

    // Everyone reads; an employee changes nothing.
    expect((await get(employeeA.browser, '/api/v1/products?q=borodin')).data.map((p: TProduct) => p.id)).toEqual([loaf.id]);
    expect((await get(employeeA.browser, '/api/v1/products?filter[kind]=service')).data.map((p: TProduct) => p.sku)).toEqual(['DLV']);
    expect((await get(employeeA.browser, `/api/v1/products?filter[priceListId]=${wholesale.id}`)).total).toBe(1);
    expect((await patch(employeeA.browser, `/api/v1/products/${loaf.id}`, { name: 'Mine' })).statusCode).toBe(403);
    expect(
      (await employeeA.browser.request({ method: 'POST', url: '/api/v1/price-lists', payload: { name: 'Mine', currency: 'EUR' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await put(employeeA.browser, `/api/v1/price-lists/${retail.id}/prices`, { prices: [{ productId: loaf.id, price: '0.01' }] }))
        .statusCode,
    ).toBe(403);

    // A list's prices, set many at once; a null takes a product out; an unknown product changes nothing.
    const unknown = await put(managerA.browser, `/api/v1/price-lists/${retail.id}/prices`, {
      prices: [
        { productId: loaf.id, price: '4.50' },
        { productId: retail.id, price: '1.00' },
      ],
    });
    expect(unknown.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'prices.1.productId' }] });
    expect((await get(managerA.browser, `/api/v1/products/${loaf.id}`)).prices[0].price).toBe('4.20');
    expect(
      (await put(managerA.browser, `/api/v1/price-lists/${retail.id}/prices`, { prices: [{ productId: loaf.id, price: '4.50' }] }))
        .statusCode,
    ).toBe(204);
    expect((await get(managerA.browser, `/api/v1/price-lists/${retail.id}/prices`)).data).toEqual([
      { product: { id: loaf.id, name: 'Borodinsky loaf 800 g', sku: 'RYE-800', unit: 'pcs' }, price: '4.50' },
    ]);
    // Its currency is fixed once it has prices.
    const recurrency = await patch(managerA.browser, `/api/v1/price-lists/${retail.id}`, { currency: 'RUB' });
    expect(recurrency.json()).toMatchObject({ code: 'price_list_in_use', errors: [{ path: 'currency' }] });
    await put(managerA.browser, `/api/v1/price-lists/${wholesale.id}/prices`, { prices: [{ productId: loaf.id, price: null }] });
    expect((await get(managerA.browser, `/api/v1/products/${loaf.id}`)).prices.map((p: { priceListId: string }) => p.priceListId)).toEqual([
      retail.id,
    ]);

    // A category holding products, or inside which another is, stays; a category cannot go inside itself.
    expect((await managerA.browser.request({ method: 'DELETE', url: `/api/v1/products/categories/${rye.id}` })).json().code).toBe(
      'category_in_use',
    );
    expect((await managerA.browser.request({ method: 'DELETE', url: `/api/v1/products/categories/${bread.id}` })).json().code).toBe(
      'category_in_use',
    );
    expect((await patch(managerA.browser, `/api/v1/products/categories/${bread.id}`, { parentId: rye.id })).json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'parentId' }],
    });
    const categories = (await get(employeeA.browser, '/api/v1/products/categories')).data;
    expect(categories.map((c: { name: string; productCount: number }) => [c.name, c.productCount])).toEqual([
      ['Bread', 0],
      ['Rye bread', 1],
    ]);
    // Removed, a product leaves the catalogue and its SKU is free again.
    expect((await managerA.browser.request({ method: 'DELETE', url: `/api/v1/products/${loaf.id}` })).statusCode).toBe(204);
    expect((await get(employeeA.browser, '/api/v1/products')).data.map((p: TProduct) => p.sku)).toEqual(['DLV']);
    await post(managerA.browser, '/api/v1/products', { sku: 'RYE-800', name: 'Borodinsky loaf, new recipe' });

    // Another workspace sees none of it and cannot price it.
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect((await get(stranger, '/api/v1/products')).total).toBe(0);
    expect((await get(stranger, `/api/v1/price-lists/${retail.id}`)).code).toBe('not_found');
    const theirs = await post(stranger, '/api/v1/price-lists', { name: 'Theirs', currency: 'EUR' });
    const cross = await put(stranger, `/api/v1/price-lists/${theirs.id}/prices`, { prices: [{ productId: loaf.id, price: '1.00' }] });
    expect(cross.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'prices.0.productId' }] });
  });
});
