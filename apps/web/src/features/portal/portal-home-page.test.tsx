import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadPortalHomeMessages } from '../../lib/portal-messages.ts';
import { renderWithApp } from '../../test/render.tsx';
import { aHome, portalFetch, portalMe } from './portal-home-fixtures.ts';
import { PortalHomePage } from './portal-home-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadPortalHomeMessages();
});
afterEach(() => vi.unstubAllGlobals());

function Where() {
  const location = useLocation();
  return <output aria-label="location">{`${location.pathname}${location.search}`}</output>;
}

const renderHome = () =>
  renderWithApp(
    <Routes>
      <Route path="/portal/:workspace" element={<PortalHomePage />} />
      <Route path="*" element={<Where />} />
    </Routes>,
    { path: '/portal/bakery' },
  );

describe('PortalHomePage', () => {
  it('greets the customer and shows their requests, orders, surveys and manager', async () => {
    const api = portalFetch({ '/api/portal/me': portalMe, '/api/portal/home': aHome() });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderHome();
    expect(await screen.findByRole('heading', { name: 'Hello, Irina Petrova' })).toBeTruthy();

    const requests = screen.getByRole('list', { name: 'Your requests' });
    expect(
      within(requests)
        .getByRole('link', { name: /Stale bread/ })
        .getAttribute('href'),
    ).toBe('/portal/bakery/cases/00000000-0000-4000-8000-0000000000f1');
    expect(within(requests).getByText('Waiting for you')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All requests' }).getAttribute('href')).toBe('/portal/bakery/cases');

    const orders = screen.getByRole('list', { name: 'Orders' });
    expect(within(orders).getByRole('link', { name: 'O-2026-0012' }).getAttribute('href')).toBe(
      '/portal/bakery/orders?order=00000000-0000-4000-8000-0000000000d1',
    );
    expect(within(orders).getByText('Shipped')).toBeTruthy();
    expect(within(orders).getByText('€1,100.00')).toBeTruthy();
    expect(within(orders).getByText('5 Mar 2026')).toBeTruthy();

    const survey = screen.getByRole('link', { name: 'Answer: How was the delivery?' });
    expect(survey.getAttribute('href')).toBe('/s/00000000-0000-4000-8000-000000000099');
    expect(screen.getByText('Sent on 4 Mar 2026')).toBeTruthy();

    expect(screen.getByText('Elio Bianchi')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Call \+39 06 1234 5678/ }).getAttribute('href')).toBe('tel:+390612345678');
    expect(screen.getByRole('link', { name: /Write to elio@bakery.test/ }).getAttribute('href')).toBe('mailto:elio@bakery.test');
  }, 30_000);

  it('opens a new request and searches the help centre', async () => {
    const api = portalFetch({ '/api/portal/me': portalMe, '/api/portal/home': aHome() });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderHome();
    const search = await screen.findByPlaceholderText('Search the help centre');
    fireEvent.change(search, { target: { value: 'late delivery' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect((await screen.findByRole('status', { name: 'location' })).textContent).toBe('/portal/bakery/help?q=late%20delivery');
  }, 30_000);

  it('goes to a new request from its button', async () => {
    const api = portalFetch({ '/api/portal/me': portalMe, '/api/portal/home': aHome() });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderHome();
    fireEvent.click(await screen.findByRole('button', { name: /New request/ }));
    expect((await screen.findByRole('status', { name: 'location' })).textContent).toBe('/portal/bakery/cases/new');
  }, 30_000);

  it('says so when there is nothing yet, and shows no manager card without a dedicated manager', async () => {
    const empty = aHome({ cases: { open: 0, waitingForYou: 0, latest: [] }, orders: [], surveys: [], manager: null });
    const api = portalFetch({ '/api/portal/me': portalMe, '/api/portal/home': empty });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderHome();
    expect(await screen.findByText('You have no requests yet.')).toBeTruthy();
    expect(screen.getByText('You have no orders yet.')).toBeTruthy();
    expect(screen.getByText('No survey is waiting for your answer.')).toBeTruthy();
    expect(screen.queryByText('Your manager')).toBeNull();
    // The portal speaks only to its own API.
    expect(api.calls.every((url) => url.startsWith('/api/portal/'))).toBe(true);
  }, 30_000);

  it('shows an error when the page cannot be loaded', async () => {
    const api = portalFetch({ '/api/portal/me': portalMe });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderHome();
    expect(await screen.findByText('This page could not be loaded.')).toBeTruthy();
  }, 30_000);
});
