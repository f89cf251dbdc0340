import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalogueMessages } from '../../lib/catalogue-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { PriceListsPage } from './price-lists-page.tsx';
import { aPriceList } from './test-catalogue.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCatalogueMessages();
});
afterEach(() => vi.unstubAllGlobals());

const RETAIL = aPriceList('00000000-0000-4000-8000-000000000201', 'Retail', { isDefault: true, productCount: 3 });
const EMPTY = aPriceList('00000000-0000-4000-8000-000000000202', 'Export', { currency: 'USD', active: false, productCount: 1 });

function listsApi() {
  return fakeApi(({ method, url, body }) => {
    if (method === 'GET' && url === '/api/v1/price-lists') return jsonResponse(200, { data: [RETAIL, EMPTY] });
    if (method === 'POST' && url === '/api/v1/price-lists')
      return jsonResponse(201, { ...aPriceList('00000000-0000-4000-8000-000000000203', 'x'), ...(body as object) });
    if (method === 'PATCH' && url === `/api/v1/price-lists/${RETAIL.id}`) return jsonResponse(200, { ...RETAIL, ...(body as object) });
    return undefined;
  });
}

async function renderPage(me = testMe) {
  await renderWithApp(
    <App>
      <PriceListsPage />
    </App>,
    { me, path: '/price-lists' },
  );
}

describe('PriceListsPage', () => {
  it('lists the price lists with links to their prices, creates one, and keeps the currency of a list with prices', async () => {
    const api = listsApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderPage();

    const link = await screen.findByRole('link', { name: 'Retail' });
    expect(link.getAttribute('href')).toBe(`/price-lists/${RETAIL.id}`);
    const row = link.closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Default');
    expect(row.textContent).toContain('EUR');
    expect(row.textContent).toContain('3 products');
    expect((screen.getByRole('link', { name: 'Export' }).closest('tr') as HTMLElement).textContent).toContain('1 product');

    fireEvent.click(screen.getByRole('button', { name: /New price list/ }));
    const form = await screen.findByRole('form', { name: 'New price list' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Wholesale' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
        name: 'Wholesale',
        currency: 'EUR',
        isDefault: false,
        active: true,
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit “Retail”' }));
    const edit = await screen.findByRole('form', { name: 'Edit “Retail”' });
    expect(within(edit).getByText('The list already has prices: its currency can no longer change.')).toBeTruthy();
    fireEvent.change(within(edit).getByLabelText('Name'), { target: { value: 'Retail 2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ name: 'Retail 2027', isDefault: true, active: true }),
    );
  }, 30_000);

  it('shows an employee the lists without any button that changes them', async () => {
    vi.stubGlobal('fetch', vi.fn(listsApi().fetch));
    await renderPage({ ...testMe, role: 'employee' });

    expect(await screen.findByRole('link', { name: 'Retail' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /New price list/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit “Retail”' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove “Retail”' })).toBeNull();
  }, 30_000);
});
