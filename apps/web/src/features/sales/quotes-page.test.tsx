import type { TCurrencySettings } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { aCompany, fakeApi, page } from '../duplicates/test-duplicates.ts';
import { OrdersPage } from './orders-page.tsx';
import { QuotesPage } from './quotes-page.tsx';
import { anOrder, aQuote, COMPANY } from './test-sales.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const settings: TCurrencySettings = { baseCurrency: 'EUR', currencies: [], baseCurrencyChangeable: false };
const first = aQuote({ version: 2, status: 'sent', currency: 'RUB', total: '150000.00' });
const second = aQuote({ id: '00000000-0000-4000-8000-000000000d09', number: 'Q-2026-0003', validUntil: null });

function stubApi(handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => {
    const own = handler(call);
    if (own) return own;
    if (call.method !== 'GET') return undefined;
    if (call.url === '/api/v1/price-lists') return jsonResponse(200, { data: [] });
    if (call.url === '/api/v1/currencies') return jsonResponse(200, settings);
    if (call.url === '/api/v1/units') return jsonResponse(200, page([]));
    if (call.url.startsWith('/api/v1/companies?')) return jsonResponse(200, page([aCompany(COMPANY.id, COMPANY.name)]));
    if (call.url.startsWith('/api/v1/contacts?') || call.url.startsWith('/api/v1/deals?')) return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('QuotesPage', () => {
  it('lists quotes with number and version, status and total in their currency, filters by status and loads more', async () => {
    const api = stubApi(({ url }) => {
      if (url === '/api/v1/quotes?limit=50') return jsonResponse(200, { data: [first], nextCursor: 'next', total: 2 });
      if (url === '/api/v1/quotes?limit=50&cursor=next') return jsonResponse(200, { data: [second], nextCursor: null, total: 2 });
      if (url === '/api/v1/quotes?filter%5Bstatus%5D=sent&limit=50') return jsonResponse(200, page([first]));
      return undefined;
    });
    await renderWithApp(
      <App>
        <QuotesPage />
      </App>,
      { me: testMe, path: '/quotes' },
    );
    const link = await screen.findByRole('link', { name: 'Q-2026-0007 (version 2)' });
    expect(link.getAttribute('href')).toBe(`/quotes/${first.id}`);
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('Sent')).toBeTruthy();
    expect(row.textContent).toContain('150,000.00');
    expect(row.textContent).toContain('31 Dec 2026');
    expect(screen.getByText('1 of 2 shown')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Q-2026-0003 (version 1)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByTitle('Sent'));
    await waitFor(() => expect(api.calls.some((call) => call.url === '/api/v1/quotes?filter%5Bstatus%5D=sent&limit=50')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Q-2026-0003 (version 1)' })).toBeNull());
  }, 30_000);

  it('filters by the status given in the address, as the KPI board links to it', async () => {
    const api = stubApi(({ url }) =>
      url === '/api/v1/quotes?filter%5Bstatus%5D=sent&limit=50' ? jsonResponse(200, page([first])) : undefined,
    );
    await renderWithApp(
      <App>
        <QuotesPage />
      </App>,
      { me: testMe, path: '/quotes?status=sent' },
    );
    expect(await screen.findByRole('link', { name: 'Q-2026-0007 (version 2)' })).toBeTruthy();
    expect(api.calls.map((call) => call.url)).not.toContain('/api/v1/quotes?limit=50');
    expect(within(screen.getByRole('combobox', { name: 'Status' }).closest('.ant-select') as HTMLElement).getByText('Sent')).toBeTruthy();
  }, 30_000);

  it('opens the editor for the company given in the address', async () => {
    stubApi(({ url }) => (url.startsWith('/api/v1/quotes?') ? jsonResponse(200, page([])) : undefined));
    await renderWithApp(
      <App>
        <QuotesPage />
      </App>,
      { me: testMe, path: `/quotes?new=1&companyId=${COMPANY.id}` },
    );
    const form = await screen.findByRole('form', { name: 'New quote' });
    expect(await within(form).findByTitle(COMPANY.name)).toBeTruthy();
  }, 30_000);
});

describe('OrdersPage', () => {
  it('lists orders with their branch, total and what is still owed', async () => {
    const order = anOrder({ status: 'shipped', receivable: '120.00' });
    stubApi(({ url }) => (url === '/api/v1/orders?limit=50' ? jsonResponse(200, page([order])) : undefined));
    await renderWithApp(
      <App>
        <OrdersPage />
      </App>,
      { me: testMe, path: '/orders' },
    );
    const row = (await screen.findByRole('link', { name: order.number })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Shipped')).toBeTruthy();
    expect(within(row).getByText('Via Roma shop')).toBeTruthy();
    expect(within(row).getByText('€1,220.00')).toBeTruthy();
    expect(within(row).getByText('€120.00')).toBeTruthy();
  }, 30_000);
});
