import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadPortalHomeMessages } from '../../lib/portal-messages.ts';
import { renderWithApp } from '../../test/render.tsx';
import { anOrder, anOrderDetail, aQuote, aQuoteDetail, portalFetch } from './portal-home-fixtures.ts';
import { PortalOrdersPage } from './portal-orders-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadPortalHomeMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ORDER = '00000000-0000-4000-8000-0000000000d1';
const QUOTE = '00000000-0000-4000-8000-0000000000e1';

const routes = {
  '/api/portal/orders?limit=20': {
    data: [
      anOrder(),
      anOrder({
        id: '00000000-0000-4000-8000-0000000000d2',
        number: 'O-2026-0009',
        status: 'cancelled',
        total: '80.00',
        orderedOn: '2026-02-10',
      }),
    ],
    nextCursor: null,
    total: 2,
  },
  [`/api/portal/orders/${ORDER}`]: anOrderDetail(),
  '/api/portal/quotes?limit=20': { data: [aQuote()], nextCursor: null, total: 1 },
  [`/api/portal/quotes/${QUOTE}`]: aQuoteDetail(),
};

const renderOrders = (path = '/portal/bakery/orders') =>
  renderWithApp(
    <Routes>
      <Route path="/portal/:workspace/orders" element={<PortalOrdersPage />} />
    </Routes>,
    { path },
  );

describe('PortalOrdersPage', () => {
  it('lists the orders with status and total, and opens one in a drawer with its lines', async () => {
    const api = portalFetch(routes);
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderOrders();
    const list = await screen.findByRole('list', { name: 'Orders' });
    expect(within(list).getByText('Shipped')).toBeTruthy();
    expect(within(list).getByText('Cancelled')).toBeTruthy();
    expect(within(list).getByText('€1,100.00')).toBeTruthy();
    expect(within(list).getByText('Ordered on 5 Mar 2026')).toBeTruthy();
    expect(screen.getByText('2 orders')).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Open O-2026-0012' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('Order O-2026-0012')).toBeTruthy();
    expect(within(drawer).getByText('Rye loaf 800 g')).toBeTruthy();
    expect(within(drawer).getByText('120 pcs × €3.35 · VAT 10%')).toBeTruthy();
    expect(within(drawer).getByText('€442.20')).toBeTruthy();
    expect(within(drawer).getByText('€500.00')).toBeTruthy();
  }, 30_000);

  it('opens the drawer of an order named in the address, as the first page links to it', async () => {
    vi.stubGlobal('fetch', vi.fn(portalFetch(routes).fetch));
    await renderOrders(`/portal/bakery/orders?order=${ORDER}`);
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('Rye loaf 800 g')).toBeTruthy();
  }, 30_000);

  it('shows the quotes on their tab, with validity and the PDF to download', async () => {
    const api = portalFetch(routes);
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderOrders();
    fireEvent.click(await screen.findByRole('tab', { name: 'Quotes' }));
    const list = await screen.findByRole('list', { name: 'Quotes' });
    expect(within(list).getByText('Awaiting your decision')).toBeTruthy();
    expect(within(list).getByText('Valid until 30 Apr 2026')).toBeTruthy();
    expect(within(list).getByText('€669.61')).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Open Q-2026-0007 (version 2)' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('Delivery on Tuesdays and Fridays')).toBeTruthy();
    const pdf = within(drawer).getByRole('link', { name: /Download PDF/ });
    expect(pdf.getAttribute('href')).toBe(`/api/portal/quotes/${QUOTE}/pdf`);
  }, 30_000);

  it('says so when there are no orders, and shows the error of a list that fails', async () => {
    const api = portalFetch({ '/api/portal/orders?limit=20': { data: [], nextCursor: null, total: 0 } });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderOrders();
    expect(await screen.findByText('You have no orders yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Quotes' }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  }, 30_000);
});
