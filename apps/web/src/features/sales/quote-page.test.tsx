import type { TQuote } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes, useParams } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { QuotePage } from './quote-page.tsx';
import { anOrder, aQuote } from './test-sales.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

function OrderStub() {
  return <p>Order page {useParams().id}</p>;
}

async function renderQuote(quote: TQuote, handler: Parameters<typeof fakeApi>[0] = () => undefined) {
  const api = fakeApi(
    (call) => handler(call) ?? (call.method === 'GET' && call.url === `/api/v1/quotes/${quote.id}` ? jsonResponse(200, quote) : undefined),
  );
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <Routes>
        <Route path="/quotes/:id" element={<QuotePage />} />
        <Route path="/orders/:id" element={<OrderStub />} />
      </Routes>
    </App>,
    { me: testMe, path: `/quotes/${quote.id}` },
  );
  await screen.findByRole('heading', { name: 'Quote Q-2026-0007' });
  return api;
}

const button = (name: string) => screen.queryByRole('button', { name: new RegExp(`^(\\w+ )?${name}$`) });
const ACTIONS = ['Edit', 'Send', 'Mark accepted', 'Mark rejected', 'Mark expired', 'New version', 'Convert to order'];
const offered = () => ACTIONS.filter((name) => button(name));

describe('QuotePage', () => {
  it('shows a draft with its lines and totals, in the base currency too, and offers editing, sending and the PDF', async () => {
    await renderQuote(aQuote({ currency: 'RUB', totalBase: '2.50', lines: [] }));
    expect(screen.getByText('version 1')).toBeTruthy();
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(screen.getByText('Forno Rossi')).toBeTruthy();
    expect(screen.getByTestId('total').textContent).toContain('227.41');
    expect(screen.getByTestId('total-base').textContent).toBe('€2.50');
    expect(offered()).toEqual(['Edit', 'Send']);
    const pdf = screen.getByRole('link', { name: /Download PDF/ });
    expect(pdf.getAttribute('href')).toBe(`/api/v1/quotes/${aQuote().id}/pdf`);
    expect(pdf.hasAttribute('download')).toBe(true);
  }, 30_000);

  it('lets a sent quote be accepted, rejected, expired or revised, and posts the status chosen', async () => {
    const sent = aQuote({ status: 'sent' });
    let status: TQuote['status'] = 'sent';
    const api = await renderQuote(sent, ({ method, url, body }) => {
      if (method === 'POST' && url === `/api/v1/quotes/${sent.id}/status`) {
        status = (body as { status: TQuote['status'] }).status;
        return jsonResponse(200, { ...sent, status });
      }
      return method === 'GET' && url === `/api/v1/quotes/${sent.id}` ? jsonResponse(200, { ...sent, status }) : undefined;
    });
    expect(offered()).toEqual(['Mark accepted', 'Mark rejected', 'Mark expired', 'New version']);
    fireEvent.click(button('Mark accepted') as HTMLElement);
    await waitFor(() => expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ status: 'accepted' }));
    await waitFor(() => expect(offered()).toEqual(['Convert to order']));
  }, 30_000);

  it('converts an accepted quote into an order and goes to it', async () => {
    const accepted = aQuote({ status: 'accepted' });
    const order = anOrder({ quoteId: accepted.id, quote: { id: accepted.id, number: accepted.number, version: accepted.version } });
    await renderQuote(accepted, ({ method, url }) =>
      method === 'POST' && url === `/api/v1/quotes/${accepted.id}/order` ? jsonResponse(201, order) : undefined,
    );
    fireEvent.click(button('Convert to order') as HTMLElement);
    expect(await screen.findByText(`Order page ${order.id}`)).toBeTruthy();
  }, 30_000);

  it('links a converted quote to its order instead of converting it again', async () => {
    const order = anOrder();
    await renderQuote(aQuote({ status: 'accepted', orderId: order.id }));
    expect(offered()).toEqual([]);
    expect(screen.getByRole('link', { name: 'Open the order' }).getAttribute('href')).toBe(`/orders/${order.id}`);
  }, 30_000);

  it('offers a rejected quote a new version, which opens as the next draft', async () => {
    const rejected = aQuote({ status: 'rejected' });
    const next = aQuote({ id: '00000000-0000-4000-8000-000000000d02', version: 2 });
    await renderQuote(rejected, ({ method, url }) => {
      if (method === 'POST' && url === `/api/v1/quotes/${rejected.id}/versions`) return jsonResponse(201, next);
      return method === 'GET' && url === `/api/v1/quotes/${next.id}` ? jsonResponse(200, next) : undefined;
    });
    expect(offered()).toEqual(['New version']);
    fireEvent.click(button('New version') as HTMLElement);
    expect(await screen.findByText('version 2')).toBeTruthy();
    expect(offered()).toEqual(['Edit', 'Send']);
  }, 30_000);

  it('edits a draft with its stored prices kept, and without its company, which does not change', async () => {
    const draft = aQuote();
    const api = await renderQuote(draft, ({ method, url }) => {
      if (method === 'PATCH' && url === `/api/v1/quotes/${draft.id}`) return jsonResponse(200, draft);
      if (method !== 'GET') return undefined;
      if (url === '/api/v1/price-lists') return jsonResponse(200, { data: [] });
      if (url === '/api/v1/currencies') return jsonResponse(200, { baseCurrency: 'EUR', currencies: [], baseCurrencyChangeable: false });
      return url.includes('?') && !url.startsWith('/api/v1/quotes')
        ? jsonResponse(200, { data: [], nextCursor: null, total: 0 })
        : undefined;
    });
    fireEvent.click(button('Edit') as HTMLElement);
    const form = await screen.findByRole('form', { name: 'Edit quote Q-2026-0007' });
    const line = within(form).getByRole('group', { name: 'Line 1' });
    expect(within(line).getByText('Ciabatta · P-4')).toBeTruthy();
    expect(within(form).getByText('Saved by the server')).toBeTruthy();
    fireEvent.change(within(line).getByRole('textbox', { name: 'Quantity' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')).toBeTruthy());
    const body = api.calls.find((call) => call.method === 'PATCH')?.body as Record<string, unknown>;
    expect(body.companyId).toBeUndefined();
    expect(body.lines).toEqual([{ productId: draft.lines[0]?.product?.id, quantity: '10', unitPrice: '14.90', discountPercent: '7.50' }]);
    expect(body.language).toBe('it');
    expect(body.validUntil).toBe('2026-12-31');
  }, 30_000);
});
