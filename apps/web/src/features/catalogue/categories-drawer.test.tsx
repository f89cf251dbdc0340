import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalogueMessages } from '../../lib/catalogue-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { CategoriesDrawer } from './categories-drawer.tsx';
import { aCategory } from './test-catalogue.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCatalogueMessages();
});
afterEach(() => vi.unstubAllGlobals());

const BREAD = aCategory('00000000-0000-4000-8000-000000000101', 'Bread', { productCount: 4 });
const RYE = aCategory('00000000-0000-4000-8000-000000000102', 'Rye', { parentId: BREAD.id });
const PASTRY = aCategory('00000000-0000-4000-8000-000000000103', 'Pastry');

describe('CategoriesDrawer', () => {
  it('adds a category inside another, renames one, and says why one with products stays', async () => {
    const api = fakeApi(({ method, url, body }) => {
      if (method === 'GET' && url === '/api/v1/products/categories') return jsonResponse(200, { data: [BREAD, RYE, PASTRY] });
      if (method === 'POST' && url === '/api/v1/products/categories')
        return jsonResponse(201, aCategory('00000000-0000-4000-8000-000000000104', 'Sourdough', body as object));
      if (method === 'PATCH' && url === `/api/v1/products/categories/${PASTRY.id}`)
        return jsonResponse(200, { ...PASTRY, ...(body as object) });
      if (method === 'DELETE' && url === `/api/v1/products/categories/${BREAD.id}`)
        return jsonResponse(
          409,
          { type: 'about:blank', title: 'Conflict', status: 409, code: 'category_in_use', detail: 'In use' },
          'application/problem+json',
        );
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <CategoriesDrawer open onClose={() => undefined} />
      </App>,
      { me: testMe },
    );

    // A sub-category shows under its parent's name.
    expect(await screen.findByRole('cell', { name: 'Bread / Rye' })).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Category' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Sourdough' } });
    fireEvent.mouseDown(within(form).getByRole('combobox', { name: 'Inside category' }));
    fireEvent.click(await screen.findByTitle('Bread'));
    fireEvent.click(within(form).getByRole('button', { name: 'Add category' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Sourdough', parentId: BREAD.id }));
    expect(await screen.findByText('Category “Sourdough” added.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Rename “Pastry”' }));
    const name = within(form).getByLabelText('Name') as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Pastry'));
    fireEvent.change(name, { target: { value: 'Pastries' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ name: 'Pastries', parentId: null }));

    fireEvent.click(screen.getByRole('button', { name: 'Remove “Bread”' }));
    fireEvent.click(await screen.findByRole('button', { name: 'OK' }));
    const alert = await waitFor(() => {
      const found = screen.getAllByRole('alert').find((item) => item.textContent === 'The category still has products or sub-categories.');
      if (!found) throw new Error('no alert');
      return found;
    });
    expect(alert).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  }, 30_000);
});
