import type { TMe, TOrder } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { OrderPage } from './order-page.tsx';
import { aCreditStatus, anOrder, problem } from './test-sales.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const order = anOrder({
  quoteId: '00000000-0000-4000-8000-000000000991',
  quote: { id: '00000000-0000-4000-8000-000000000991', number: 'Q-2026-0007', version: 2 },
});
const URL = `/api/v1/orders/${order.id}`;
const employee: TMe = { ...testMe, role: 'employee' };
const manager: TMe = { ...testMe, role: 'manager' };
const overLimit = (paths: string[]) =>
  problem(
    409,
    'credit_limit_exceeded',
    paths.map((path) => ({ path, message: `${path} over the limit` })),
  );

async function renderOrder(me: TMe, handler: Parameters<typeof fakeApi>[0], shown: () => TOrder = () => order) {
  const api = fakeApi((call) => {
    const own = handler(call);
    if (own) return own;
    if (call.method !== 'GET') return undefined;
    if (call.url === URL) return jsonResponse(200, shown());
    if (call.url.startsWith('/api/v1/payments?')) return jsonResponse(200, page([]));
    if (call.url === `/api/v1/credit/companies/${order.company.id}`) return jsonResponse(200, aCreditStatus());
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <Routes>
        <Route path="/orders/:id" element={<OrderPage />} />
      </Routes>
    </App>,
    { me, path: `/orders/${order.id}` },
  );
  await screen.findByRole('heading', { name: 'Order O-2026-0012' });
  return api;
}

const statusPosts = (api: ReturnType<typeof fakeApi>) => api.calls.filter((call) => call.method === 'POST' && call.url === `${URL}/status`);

describe('OrderPage', () => {
  it('shows an employee which limit a confirmation would exceed, with the numbers as money, and that a manager must approve', async () => {
    const api = await renderOrder(employee, ({ method, url }) =>
      method === 'POST' && url === `${URL}/status` ? overLimit(['company']) : undefined,
    );
    expect(screen.getByText('Via Roma shop')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Q-2026-0007, version 2' }).getAttribute('href')).toBe(
      '/quotes/00000000-0000-4000-8000-000000000991',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    const panel = await screen.findByTestId('credit-panel');
    expect(within(panel).getByText("The company's credit limit would be exceeded")).toBeTruthy();
    await waitFor(() => expect(within(panel).getByText('€5,000.00')).toBeTruthy());
    expect(within(panel).getByText('€4,200.00')).toBeTruthy();
    expect(within(panel).getByText('€1,220.00')).toBeTruthy();
    expect(within(panel).queryByText(/group/)).toBeNull();
    expect(within(panel).getByText('A manager or an administrator must approve this order over the limit.')).toBeTruthy();
    expect(within(panel).queryByRole('textbox')).toBeNull();
    expect(statusPosts(api).map((call) => call.body)).toEqual([{ status: 'confirmed' }]);
  }, 30_000);

  it('lets a manager approve over the company and group limits with a reason, re-sent with the status, and shows the recorded override', async () => {
    let current = order;
    const api = await renderOrder(
      manager,
      ({ method, url, body }) => {
        if (method !== 'POST' || url !== `${URL}/status`) return undefined;
        const { status, overrideReason } = body as { status: TOrder['status']; overrideReason?: string };
        if (!overrideReason) return overLimit(['company', 'group']);
        current = {
          ...order,
          status,
          creditOverride: { by: { id: manager.id, name: 'Anna Rossi' }, reason: overrideReason, at: '2026-12-03T10:00:00.000Z' },
        };
        return jsonResponse(200, current);
      },
      () => current,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const panel = await screen.findByTestId('credit-panel');
    expect(within(panel).getByText("The company's credit limit would be exceeded")).toBeTruthy();
    expect(await within(panel).findByText('The limit of the group Rossi Group would be exceeded')).toBeTruthy();
    expect(within(panel).getByText('€9,000.00')).toBeTruthy();
    expect(within(panel).getByText('€8,500.00')).toBeTruthy();

    fireEvent.change(within(panel).getByRole('textbox', { name: 'Override with a reason' }), {
      target: { value: 'Pays every month on time; the Christmas order is larger' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Approve and continue' }));

    await waitFor(() =>
      expect(statusPosts(api).map((call) => call.body)).toEqual([
        { status: 'confirmed' },
        { status: 'confirmed', overrideReason: 'Pays every month on time; the Christmas order is larger' },
      ]),
    );
    expect(
      await screen.findByText(
        'Approved over the credit limit by Anna Rossi on 3 Dec 2026: Pays every month on time; the Christmas order is larger',
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId('credit-panel')).toBeNull();
    await waitFor(() => expect(screen.getAllByText('Confirmed').length).toBeGreaterThan(0));
  }, 30_000);

  it('records a payment with its amount, method and reference, and shows the server’s refusal on the amount', async () => {
    const shipped = anOrder({ status: 'shipped', invoiced: '1220.00', paid: '1100.00', receivable: '120.00' });
    const api = await renderOrder(
      testMe,
      ({ method, url }) =>
        method === 'POST' && url === '/api/v1/payments'
          ? problem(400, 'validation_failed', [{ path: 'amount', message: 'At most 120.00' }])
          : undefined,
      () => shipped,
    );
    expect(screen.getByTestId('order-receivable').textContent).toBe('€120.00');
    const form = screen.getByRole('form', { name: 'Record payment' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Amount' }), { target: { value: '250,5' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Reference' }), { target: { value: 'Bonifico 1207' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record payment' }));

    await waitFor(() => expect(api.calls.find((call) => call.url === '/api/v1/payments' && call.method === 'POST')).toBeTruthy());
    expect(api.calls.find((call) => call.url === '/api/v1/payments' && call.method === 'POST')?.body).toEqual({
      orderId: order.id,
      amount: '250.50',
      method: 'bank_transfer',
      reference: 'Bonifico 1207',
    });
    const amountItem = within(form).getByRole('textbox', { name: 'Amount' }).closest('.ant-form-item') as HTMLElement;
    expect(await within(amountItem).findByText('At most 120.00')).toBeTruthy();
  }, 30_000);

  it('offers editing only while the order is new, in the order editor', async () => {
    await renderOrder(testMe, () => undefined);
    fireEvent.click(screen.getByRole('button', { name: /Edit/ }));
    expect(await screen.findByRole('form', { name: 'Edit order O-2026-0012' })).toBeTruthy();
    expect(screen.getByDisplayValue('100.000')).toBeTruthy();
  }, 30_000);

  it('offers no editing once the order is confirmed', async () => {
    await renderOrder(
      testMe,
      () => undefined,
      () => anOrder({ status: 'confirmed' }),
    );
    expect(screen.getByRole('button', { name: 'Ship' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Edit/ })).toBeNull();
  }, 30_000);

  it('changes the invoiced amount', async () => {
    const api = await renderOrder(testMe, ({ method, url }) =>
      method === 'PATCH' && url === URL ? jsonResponse(200, { ...order, invoiced: '1220.00', receivable: '1220.00' }) : undefined,
    );
    const form = screen.getByRole('form', { name: 'Change the invoiced amount' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Change the invoiced amount' }), { target: { value: '1220' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ invoiced: '1220.00' }));
  }, 30_000);
});
