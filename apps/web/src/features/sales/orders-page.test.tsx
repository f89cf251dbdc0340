import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { NewOrderPage, OrdersPage } from './orders-page.tsx';
import { anOrder } from './test-sales.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadSalesMessages();
});
afterEach(() => vi.unstubAllGlobals());

describe('OrdersPage', () => {
  it('lists the orders and opens the editor of a new one on /orders/new, closing back to the list', async () => {
    const api = fakeApi(({ method, url }) =>
      method === 'GET' && url.startsWith('/api/v1/orders?') ? jsonResponse(200, page([anOrder()])) : undefined,
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/orders" element={<OrdersPage />} />
          <Route path="/orders/new" element={<NewOrderPage />} />
        </Routes>
      </App>,
      { me: testMe, path: '/orders' },
    );
    expect(await screen.findByRole('link', { name: 'O-2026-0012' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'New order' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /New order/ }));
    expect(await screen.findByRole('form', { name: 'New order' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New order' })).toBeNull());
    expect(screen.getByRole('link', { name: 'O-2026-0012' })).toBeTruthy();
  }, 30_000);
});
