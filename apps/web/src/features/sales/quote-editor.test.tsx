import type { TCurrencySettings } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { aPriceList, aProduct } from '../catalogue/test-catalogue.ts';
import { aCompany, fakeApi, page } from '../duplicates/test-duplicates.ts';
import { QuoteEditor } from './quote-editor.tsx';
import { aQuote, COMPANY, LIST_ID, problem } from './test-sales.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const settings: TCurrencySettings = { baseCurrency: 'EUR', currencies: [], baseCurrencyChangeable: false };
const list = aPriceList(LIST_ID, 'Retail', { isDefault: true });
const ciabatta = aProduct('00000000-0000-4000-8000-000000000c01', 'Ciabatta', {
  sku: 'P-4',
  vatRate: '10',
  prices: [{ priceListId: LIST_ID, priceListName: 'Retail', currency: 'EUR', price: '14.90' }],
});
const oil = aProduct('00000000-0000-4000-8000-000000000c02', 'Olive oil', { unit: 'l', vatRate: '22' });

async function renderEditor(handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => {
    const own = handler(call);
    if (own) return own;
    if (call.method !== 'GET') return undefined;
    if (call.url === '/api/v1/price-lists') return jsonResponse(200, { data: [list] });
    if (call.url === '/api/v1/currencies') return jsonResponse(200, settings);
    if (call.url.startsWith('/api/v1/products?')) return jsonResponse(200, page([ciabatta, oil]));
    if (call.url.startsWith('/api/v1/companies?')) return jsonResponse(200, page([aCompany(COMPANY.id, COMPANY.name)]));
    if (call.url.startsWith('/api/v1/contacts?') || call.url.startsWith('/api/v1/deals?')) return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const onSaved = vi.fn();
  await renderWithApp(
    <App>
      <QuoteEditor open companyId={COMPANY.id} onClose={() => undefined} onSaved={onSaved} />
    </App>,
    { me: testMe },
  );
  await screen.findByRole('form', { name: 'New quote' });
  // The default price list is chosen once the lists have come.
  await waitFor(() => expect(screen.getByText('Currency: EUR')).toBeTruthy());
  return { api, onSaved };
}

async function addProduct(option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Add a product from the catalogue' }));
  fireEvent.click(await screen.findByTitle(option));
}

const line = (n: number) => screen.getByRole('group', { name: `Line ${n}` });
const type = (n: number, field: string, value: string) =>
  fireEvent.change(within(line(n)).getByRole('textbox', { name: field }), { target: { value } });

describe('QuoteEditor', () => {
  it('adds two catalogue products, shows exact running totals in cents, sends them for the server to price and shows its error on the right line', async () => {
    const { api, onSaved } = await renderEditor(({ method, url }) =>
      method === 'POST' && url === '/api/v1/quotes'
        ? problem(400, 'validation_failed', [{ path: 'lines.1.unitPrice', message: 'The product has no price in this price list' }])
        : undefined,
    );

    await addProduct('Ciabatta · P-4 — €14.90');
    expect(within(line(1)).getByText('List price €14.90')).toBeTruthy();
    type(1, 'Quantity', '15');
    type(1, 'Discount %', '7,5');
    await addProduct('Olive oil — no price in this list');
    type(2, 'Quantity', '2');

    // 15 × 14.90 = 223.50, less 7.5 % = 206.7375 → 206.74; VAT 10 % = 20.674 → 20.67.
    await waitFor(() => expect(screen.getByTestId('running-net').textContent).toBe('€206.74'));
    expect(screen.getByTestId('running-vat').textContent).toBe('€20.67');
    expect(screen.getByTestId('running-total').textContent).toBe('€227.41');
    expect(screen.getByTestId('line-total-1').textContent).toBe('€227.41');
    expect(screen.getByTestId('line-total-2').textContent).toBe('—');

    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'POST')).toBeTruthy());
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      companyId: COMPANY.id,
      contactId: null,
      dealId: null,
      priceListId: LIST_ID,
      language: 'en',
      validUntil: null,
      notes: null,
      lines: [
        { productId: ciabatta.id, quantity: '15', discountPercent: '7.5' },
        { productId: oil.id, quantity: '2' },
      ],
    });
    expect(await within(line(2)).findByText('The product has no price in this price list')).toBeTruthy();
    expect(within(line(1)).queryByText('The product has no price in this price list')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  }, 30_000);

  it('sends a free-text line with its own price and VAT, and hands over the saved quote', async () => {
    const saved = aQuote();
    const { api, onSaved } = await renderEditor(({ method, url }) =>
      method === 'POST' && url === '/api/v1/quotes' ? jsonResponse(201, saved) : undefined,
    );
    fireEvent.click(screen.getByRole('button', { name: /Add a free-text line/ }));
    type(1, 'Description', 'Delivery to the canteen');
    type(1, 'Quantity', '1');
    type(1, 'Price', '35');
    type(1, 'VAT %', '22');
    await waitFor(() => expect(screen.getByTestId('running-total').textContent).toBe('€42.70'));

    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      companyId: COMPANY.id,
      lines: [{ description: 'Delivery to the canteen', quantity: '1', unitPrice: '35.00', vatRate: '22' }],
    });
  }, 30_000);
});
