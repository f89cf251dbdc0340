import type { TCurrencySettings, TMe, TOrder } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import dayjs from 'dayjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { aPriceList, aProduct } from '../catalogue/test-catalogue.ts';
import { aCompany, fakeApi, page } from '../duplicates/test-duplicates.ts';
import { OrderEditor } from './order-editor.tsx';
import { anOrder, COMPANY, LIST_ID, problem } from './test-sales.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const SHOP = {
  id: '00000000-0000-4000-8000-000000000f01',
  name: 'Via Roma shop',
  parentId: null,
  memberCount: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const seller: TMe = { ...testMe, role: 'employee', unitId: SHOP.id };
const settings: TCurrencySettings = { baseCurrency: 'EUR', currencies: [], baseCurrencyChangeable: false };
const list = aPriceList(LIST_ID, 'Retail', { isDefault: true });
const ciabatta = aProduct('00000000-0000-4000-8000-000000000c01', 'Ciabatta', {
  sku: 'P-4',
  vatRate: '10',
  prices: [{ priceListId: LIST_ID, priceListName: 'Retail', currency: 'EUR', price: '14.90' }],
});

async function renderEditor(handler: Parameters<typeof fakeApi>[0], order?: TOrder) {
  const api = fakeApi((call) => {
    const own = handler(call);
    if (own) return own;
    if (call.method !== 'GET') return undefined;
    if (call.url === '/api/v1/price-lists') return jsonResponse(200, { data: [list] });
    if (call.url === '/api/v1/currencies') return jsonResponse(200, settings);
    if (call.url === '/api/v1/units') return jsonResponse(200, page([SHOP]));
    if (call.url.startsWith('/api/v1/products?')) return jsonResponse(200, page([ciabatta]));
    // The company is not among the first found: the editor asks for it by its id.
    if (call.url.startsWith('/api/v1/companies?')) return jsonResponse(200, page([]));
    if (call.url === `/api/v1/companies/${COMPANY.id}`) return jsonResponse(200, aCompany(COMPANY.id, COMPANY.name));
    if (call.url.startsWith('/api/v1/contacts?') || call.url.startsWith('/api/v1/deals?')) return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const onSaved = vi.fn();
  await renderWithApp(
    <App>
      <OrderEditor open order={order} companyId={order ? undefined : COMPANY.id} onClose={() => undefined} onSaved={onSaved} />
    </App>,
    { me: seller },
  );
  await screen.findByRole('form', { name: order ? `Edit order ${order.number}` : 'New order' });
  await waitFor(() => expect(screen.getByText('Currency: EUR')).toBeTruthy());
  return { api, onSaved };
}

const line = (n: number) => screen.getByRole('group', { name: `Line ${n}` });
const type = (n: number, field: string, value: string) =>
  fireEvent.change(within(line(n)).getByRole('textbox', { name: field }), { target: { value } });

describe('OrderEditor', () => {
  it('takes an order by hand: two lines with discounts and VAT, running totals as money, and the payload the server prices', async () => {
    const saved = anOrder();
    const { api, onSaved } = await renderEditor(({ method, url }) =>
      method === 'POST' && url === '/api/v1/orders' ? jsonResponse(201, saved) : undefined,
    );
    expect(await screen.findByTitle('Forno Rossi')).toBeTruthy();
    // The seller's own branch is where a new order is sold from, unless changed.
    expect(await screen.findByTitle('Via Roma shop')).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Add a product from the catalogue' }));
    fireEvent.click(await screen.findByTitle('Ciabatta · P-4 — €14.90'));
    type(1, 'Quantity', '15');
    type(1, 'Discount %', '7,5');
    fireEvent.click(screen.getByRole('button', { name: /Add a free-text line/ }));
    type(2, 'Description', 'Delivery to the canteen');
    type(2, 'Price', '1234,5');
    type(2, 'Discount %', '10');
    type(2, 'VAT %', '22');

    // 15 × 14.90 = 223.50 less 7.5 % = 206.74, VAT 20.67; 1,234.50 less 10 % = 1,111.05, VAT 22 % = 244.43.
    await waitFor(() => expect(screen.getByTestId('running-net').textContent).toBe('€1,317.79'));
    expect(screen.getByTestId('running-vat').textContent).toBe('€265.10');
    expect(screen.getByTestId('running-total').textContent).toBe('€1,582.89');
    expect(screen.getByTestId('line-total-1').textContent).toBe('€227.41');
    expect(screen.getByTestId('line-total-2').textContent).toBe('€1,355.48');

    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      companyId: COMPANY.id,
      contactId: null,
      dealId: null,
      unitId: SHOP.id,
      priceListId: LIST_ID,
      orderedOn: dayjs().format('YYYY-MM-DD'),
      notes: null,
      lines: [
        { productId: ciabatta.id, quantity: '15', discountPercent: '7.5' },
        { description: 'Delivery to the canteen', quantity: '1', unitPrice: '1234.50', discountPercent: '10', vatRate: '22' },
      ],
    });
  }, 30_000);

  it('changes the lines of a new order with what the server lets change, and shows its error on the line it names', async () => {
    const order = anOrder();
    let answer = problem(400, 'validation_failed', [{ path: 'lines.0.quantity', message: 'At most 40 are left in stock' }]);
    const { api, onSaved } = await renderEditor(
      ({ method, url }) => (method === 'PATCH' && url === `/api/v1/orders/${order.id}` ? answer : undefined),
      order,
    );
    // What an order keeps from its creation shows, and does not change.
    expect(screen.getByRole('combobox', { name: 'Price list' }).closest('.ant-select-disabled')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Ordered on' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Saved by the server')).toBeTruthy();

    type(1, 'Quantity', '50');
    // 50 × 10.00 at the stored price, VAT 22 %.
    await waitFor(() => expect(screen.getByTestId('running-total').textContent).toBe('€610.00'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(line(1)).findByText('At most 40 are left in stock')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();

    answer = jsonResponse(200, { ...order, total: '488.00' });
    type(1, 'Quantity', '40');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const patches = api.calls.filter((call) => call.method === 'PATCH');
    expect(patches.at(-1)?.body).toEqual({
      contactId: null,
      unitId: order.unit?.id,
      notes: null,
      lines: [{ productId: order.lines[0]?.product?.id, quantity: '40', unitPrice: '10.00' }],
    });
  }, 30_000);
});
