import type { TCreditStatus, TMe } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { CreditCard } from './credit-card.tsx';
import { aCreditStatus, COMPANY } from './test-sales.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const URL = `/api/v1/credit/companies/${COMPANY.id}`;

async function renderCard(me: TMe, handler: Parameters<typeof fakeApi>[0] = () => undefined, status: () => TCreditStatus = aCreditStatus) {
  const api = fakeApi((call) => handler(call) ?? (call.method === 'GET' && call.url === URL ? jsonResponse(200, status()) : undefined));
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <CreditCard companyId={COMPANY.id} />
    </App>,
    { me },
  );
  await screen.findByTestId('credit-limit');
  return api;
}

describe('CreditCard', () => {
  it('shows the limit, exposure and receivable, and the group’s, as money in the base currency, with a chart', async () => {
    await renderCard({ ...testMe, role: 'employee' });
    expect(screen.getByTestId('credit-limit').textContent).toBe('€5,000.00');
    expect(screen.getByTestId('credit-exposure').textContent).toBe('€4,200.00');
    expect(screen.getByTestId('credit-receivable').textContent).toBe('€1,800.00');
    expect(screen.getByTestId('credit-group-limit').textContent).toBe('€9,000.00 · Rossi Group');
    expect(screen.getByTestId('credit-group-exposure').textContent).toBe('€8,500.00');
    expect(screen.getByRole('img', { name: 'Exposure compared with the limit' })).toBeTruthy();
    // Employees read the limits; only managers and admins set them.
    expect(screen.queryByRole('button', { name: /Set the limit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Set the group limit/ })).toBeNull();
  }, 30_000);

  it('lets a manager set the company limit, sent as an amount in the base currency', async () => {
    let status = aCreditStatus({ limit: null, group: null });
    const api = await renderCard(
      { ...testMe, role: 'manager' },
      ({ method, url, body }) => {
        if (method !== 'PUT' || url !== URL) return undefined;
        status = { ...status, limit: (body as { limit: string }).limit };
        return jsonResponse(200, status);
      },
      () => status,
    );
    expect(screen.getByTestId('credit-limit').textContent).toBe('No limit');
    expect(screen.queryByTestId('credit-group-limit')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Set the limit/ }));
    const form = screen.getByRole('form', { name: 'New limit in EUR' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'New limit in EUR' }), { target: { value: '7500' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({ limit: '7500.00' }));
    await waitFor(() => expect(screen.getByTestId('credit-limit').textContent).toBe('€7,500.00'));
  }, 30_000);

  it('lets a manager remove the group limit', async () => {
    const group = aCreditStatus().group;
    const api = await renderCard({ ...testMe, role: 'manager' }, ({ method, url }) =>
      method === 'PUT' && url === `/api/v1/credit/groups/${group?.id}` ? jsonResponse(200, { limit: null }) : undefined,
    );
    fireEvent.click(screen.getByRole('button', { name: /Set the group limit/ }));
    fireEvent.click(screen.getByRole('button', { name: 'No limit' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({ limit: null }));
  }, 30_000);
});
