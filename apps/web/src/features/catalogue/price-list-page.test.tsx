import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalogueMessages } from '../../lib/catalogue-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { PriceListPage } from './price-list-page.tsx';
import { aPriceList, aProduct } from './test-catalogue.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCatalogueMessages();
});
afterEach(() => vi.unstubAllGlobals());

const RETAIL = aPriceList('00000000-0000-4000-8000-000000000201', 'Retail', { productCount: 3 });
const product = (n: number, name: string) => ({ id: `00000000-0000-4000-8000-00000000030${n}`, name, sku: `P-${n}`, unit: 'pcs' });
const PRICES = [
  { product: product(1, 'Sourdough loaf'), price: '4.50' },
  { product: product(2, 'Focaccia'), price: '3.00' },
  { product: product(3, 'Grissini'), price: '2.20' },
];
const CIABATTA = aProduct('00000000-0000-4000-8000-000000000304', 'Ciabatta', { sku: 'P-4' });

describe('PriceListPage', () => {
  it('saves only the prices changed, cleared or added, in one PUT', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/products?'))
        return jsonResponse(200, page([aProduct(PRICES[0]?.product.id ?? '', 'Sourdough loaf'), CIABATTA]));
      if (method === 'GET' && url === '/api/v1/price-lists') return jsonResponse(200, { data: [RETAIL] });
      if (method === 'GET' && url.startsWith(`/api/v1/price-lists/${RETAIL.id}/prices?`)) return jsonResponse(200, page(PRICES));
      if (method === 'PUT' && url === `/api/v1/price-lists/${RETAIL.id}/prices`) return new Response(null, { status: 204 });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/price-lists/:id" element={<PriceListPage />} />
        </Routes>
      </App>,
      { me: testMe, path: `/price-lists/${RETAIL.id}` },
    );

    const loaf = await screen.findByRole('spinbutton', { name: 'Price of Sourdough loaf' });
    expect(api.calls.find((call) => call.url.includes('/prices?'))?.url).toBe(`/api/v1/price-lists/${RETAIL.id}/prices?limit=50`);
    expect(screen.getByRole('heading', { name: 'Retail' })).toBeTruthy();
    const save = () => screen.getByRole('button', { name: /Save \d+ change/ });

    fireEvent.change(loaf, { target: { value: '4.90' } });
    // The same price typed again is no change.
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Price of Focaccia' }), { target: { value: '3' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Price of Grissini' }), { target: { value: '' } });
    await waitFor(() => expect(save().textContent).toBe('Save 2 changes'));
    expect(screen.getByText('To remove')).toBeTruthy();

    // A product not in the list yet joins it once it has a price; the loaf, already listed, is not offered.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Add a product to this list' }));
    fireEvent.click(await screen.findByTitle('Ciabatta · P-4'));
    expect(screen.queryByTitle('Sourdough loaf')).toBeNull();
    const ciabatta = await screen.findByRole('spinbutton', { name: 'Price of Ciabatta' });
    expect(save().textContent).toBe('Save 2 changes');
    fireEvent.change(ciabatta, { target: { value: '2.8' } });
    await waitFor(() => expect(save().textContent).toBe('Save 3 changes'));

    fireEvent.click(save());
    expect(await screen.findByText('3 prices saved.')).toBeTruthy();
    const puts = api.calls.filter((call) => call.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toEqual({
      prices: [
        { productId: PRICES[0]?.product.id, price: '4.9' },
        { productId: PRICES[2]?.product.id, price: null },
        { productId: CIABATTA.id, price: '2.8' },
      ],
    });
  }, 30_000);

  it('shows an employee the prices as money, with nothing to edit', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/price-lists') return jsonResponse(200, { data: [RETAIL] });
      if (method === 'GET' && url.startsWith(`/api/v1/price-lists/${RETAIL.id}/prices?`)) return jsonResponse(200, page(PRICES));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/price-lists/:id" element={<PriceListPage />} />
        </Routes>
      </App>,
      { me: { ...testMe, role: 'employee' }, path: `/price-lists/${RETAIL.id}` },
    );

    const row = (await screen.findByText('Sourdough loaf')).closest('tr') as HTMLElement;
    await waitFor(() => expect(row.textContent).toContain('€4.50'));
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByRole('button', { name: /Save/ })).toBeNull();
  }, 30_000);
});
