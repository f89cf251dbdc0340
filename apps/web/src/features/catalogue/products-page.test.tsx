import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalogueMessages } from '../../lib/catalogue-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { ProductsPage } from './products-page.tsx';
import { aCategory, aPriceList, aProduct } from './test-catalogue.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCatalogueMessages();
});
afterEach(() => vi.unstubAllGlobals());

const BREAD = aCategory('00000000-0000-4000-8000-000000000101', 'Bread');
const RETAIL = aPriceList('00000000-0000-4000-8000-000000000201', 'Retail', { isDefault: true });
const EXPORT = aPriceList('00000000-0000-4000-8000-000000000202', 'Export', { currency: 'USD' });
const OLD = aPriceList('00000000-0000-4000-8000-000000000203', 'Old list', { active: false });
const LOAF = aProduct('00000000-0000-4000-8000-000000000301', 'Sourdough loaf', {
  sku: 'SD-1',
  category: { id: BREAD.id, name: BREAD.name },
  vatRate: '10',
  prices: [
    { priceListId: RETAIL.id, priceListName: 'Retail', currency: 'EUR', price: '1250.50' },
    { priceListId: EXPORT.id, priceListName: 'Export', currency: 'USD', price: '14.00' },
  ],
});

function catalogueApi(onPost?: (body: unknown) => Response, onExport?: () => Response) {
  return fakeApi(({ method, url, body }) => {
    if (method === 'GET' && url.startsWith('/api/v1/products?')) return jsonResponse(200, page([LOAF]));
    if (method === 'GET' && url === '/api/v1/products/categories') return jsonResponse(200, { data: [BREAD] });
    if (method === 'GET' && url === '/api/v1/price-lists') return jsonResponse(200, { data: [RETAIL, EXPORT, OLD] });
    if (method === 'POST' && url === '/api/v1/products' && onPost) return onPost(body);
    if (method === 'POST' && url === '/api/v1/exports' && onExport) return onExport();
    return undefined;
  });
}

/** Where the page has taken the user. */
function Where() {
  const { pathname, search } = useLocation();
  return <div data-testid="where">{`${pathname}${search}`}</div>;
}

async function renderPage(me = testMe) {
  await renderWithApp(
    <App>
      <ProductsPage />
    </App>,
    { me, path: '/products' },
  );
}

describe('ProductsPage', () => {
  it('lists products with their prices as money and asks the server for the filters chosen', async () => {
    const api = catalogueApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderPage();

    const row = (await screen.findByText('Sourdough loaf')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('SD-1');
    expect(row.textContent).toContain('Bread');
    expect(row.textContent).toContain('10%');
    expect(row.textContent).toContain('Retail: €1,250.50');
    expect(row.textContent).toContain('Export: US$14.00');
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(api.calls.find((call) => call.url.startsWith('/api/v1/products?'))?.url).toBe(
      '/api/v1/products?filter%5Bactive%5D=true&limit=50',
    );

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Kind' }));
    fireEvent.click(await screen.findByTitle('Service'));
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/v1/products?filter%5Bactive%5D=true&filter%5Bkind%5D=service&limit=50'));
    fireEvent.click(screen.getByText('All'));
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/v1/products?filter%5Bkind%5D=service&limit=50'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Search by name or SKU' }), { target: { value: 'loaf' } });
    await waitFor(() => expect(api.calls.at(-1)?.url).toBe('/api/v1/products?q=loaf&filter%5Bkind%5D=service&limit=50'));
  }, 30_000);

  it('creates a product with a price in each active list, and shows a taken SKU on its field', async () => {
    const api = catalogueApi(() =>
      jsonResponse(
        409,
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'sku_taken',
          detail: 'SKU in use',
          errors: [{ path: 'sku', message: 'SKU in use' }],
        },
        'application/problem+json',
      ),
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderPage();

    fireEvent.click(await screen.findByRole('button', { name: /New product/ }));
    const form = await screen.findByRole('form', { name: 'New product' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Focaccia' } });
    fireEvent.change(within(form).getByLabelText('SKU'), { target: { value: 'SD-1' } });
    fireEvent.change(within(form).getByLabelText('VAT %'), { target: { value: '10' } });
    // Only the active lists get a price field: "Old list" is left alone.
    const retail = await within(form).findByRole('spinbutton', { name: 'Retail, EUR' });
    expect(within(form).queryByRole('spinbutton', { name: 'Old list, EUR' })).toBeNull();
    fireEvent.change(retail, { target: { value: '4.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await within(form).findByText('Another product already has this SKU.')).toBeTruthy();
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({
      name: 'Focaccia',
      sku: 'SD-1',
      kind: 'product',
      categoryId: null,
      unit: 'pcs',
      vatRate: '10',
      active: true,
      description: null,
      prices: [
        { priceListId: RETAIL.id, price: '4.5' },
        { priceListId: EXPORT.id, price: null },
      ],
    });
  }, 30_000);

  it('shows an employee the catalogue without any button that changes it', async () => {
    vi.stubGlobal('fetch', vi.fn(catalogueApi().fetch));
    await renderPage({ ...testMe, role: 'employee' });

    fireEvent.click(await screen.findByText('Sourdough loaf'));
    const form = await screen.findByRole('form', { name: 'Sourdough loaf' });
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Sourdough loaf');
    expect((within(form).getByLabelText('Name') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /New product/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Import/ })).toBeNull();
    // Everyone reads the catalogue, so everyone may take it away as a file.
    expect(screen.getByRole('button', { name: /Export/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Categories/ }));
    const drawer = await waitFor(() => {
      const found = screen.getAllByRole('dialog').find((dialog) => dialog.querySelector('.ant-drawer-title')?.textContent === 'Categories');
      if (!found) throw new Error('no categories drawer');
      return found;
    });
    expect(await within(drawer).findByRole('cell', { name: 'Bread' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Category' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rename “Bread”' })).toBeNull();
  }, 30_000);

  it('exports the products as filtered, and opens the product import', async () => {
    const api = catalogueApi(undefined, () =>
      jsonResponse(202, {
        id: '00000000-0000-4000-8000-000000000401',
        resource: 'products',
        format: 'xlsx',
        status: 'failed',
        total: null,
        processed: 0,
        fileName: null,
        size: null,
        error: 'stopped',
        createdAt: '2026-11-25T10:00:00.000Z',
        finishedAt: null,
      }),
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/products" element={<ProductsPage />} />
          <Route path="/imports/new" element={<Where />} />
        </Routes>
      </App>,
      { me: { ...testMe, role: 'manager' }, path: '/products?kind=service' },
    );
    await screen.findByText('Sourdough loaf');
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    fireEvent.click(await screen.findByText('Excel workbook (XLSX)'));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      resource: 'products',
      format: 'xlsx',
      query: { 'filter[active]': 'true', 'filter[kind]': 'service' },
    });

    fireEvent.click(screen.getByRole('button', { name: /Import/ }));
    expect((await screen.findByTestId('where')).textContent).toBe('/imports/new?entity=product');
  }, 30_000);
});
