import type { TDefinedRole, TRoleCatalogue } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadRolesMessages } from '../../lib/roles-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { problem } from '../sales/test-sales.ts';
import { RolesPage } from './roles-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadRolesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const OWNED = ['none', 'own', 'unit_only', 'unit', 'all'] as const;
const catalogue: TRoleCatalogue = {
  resources: [
    {
      resource: 'companies',
      actions: ['read', 'create', 'update', 'delete', 'export', 'import', 'assign'].map((action) => ({ action, scopes: [...OWNED] })),
    },
    { resource: 'kb-categories', actions: [{ action: 'manage', scopes: ['none', 'all'] }] },
    { resource: 'loyalty-cards', actions: [{ action: 'read', scopes: ['none', 'all'] }] },
  ],
  fields: { companies: ['creditLimit', 'custom.vip'], deals: ['amount'] },
};

const sellers: TDefinedRole = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'Sellers',
  description: 'Front desk',
  baseRole: 'employee',
  permissions: { companies: { export: 'none' } },
  fieldRules: { companies: { creditLimit: 'hidden' } },
  userCount: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function stubApi() {
  const api = fakeApi(({ url, method, body }) => {
    if (url === '/api/v1/roles/catalogue') return jsonResponse(200, catalogue);
    if (url === '/api/v1/roles' && method === 'GET') return jsonResponse(200, { data: [sellers] });
    if (url.startsWith('/api/v1/custom-fields')) return jsonResponse(200, page([]));
    if (url === '/api/v1/roles' && method === 'POST') {
      const input = body as { name: string };
      if (input.name === 'Taken') return problem(409, 'duplicate_name', [{ path: 'name', message: 'Already in use' }]);
      if (input.name === 'Odd')
        return problem(400, 'validation_failed', [{ path: 'permissions.companies.read', message: 'Scope not available here' }]);
      return jsonResponse(201, { ...sellers, ...input, id: '00000000-0000-4000-8000-0000000000a2', userCount: 0 });
    }
    if (url === `/api/v1/roles/${sellers.id}` && method === 'DELETE')
      return problem(409, 'in_use', [{ path: 'id', message: 'Still held' }]);
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const options = await screen.findAllByTitle(option);
  const last = options.at(-1);
  if (!last) throw new Error(`no option ${option}`);
  fireEvent.click(last);
}

describe('RolesPage', () => {
  it('lists the roles with their base role and holders, and says why a held role cannot be deleted', async () => {
    stubApi();
    await renderWithApp(
      <App>
        <RolesPage />
      </App>,
      { me: testMe },
    );
    const row = (await screen.findByText('Sellers')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Employee')).toBeTruthy();
    expect(within(row).getByText('2')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Delete Sellers' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/People still hold the role Sellers/)).toBeTruthy();
  }, 30_000);

  it('shows the catalogue as a translated matrix and saves only the cells and fields set, with server errors on their cell', async () => {
    const api = stubApi();
    await renderWithApp(
      <App>
        <RolesPage />
      </App>,
      { me: testMe },
    );
    fireEvent.click(await screen.findByRole('button', { name: /New role/ }));
    // Translated resources and actions; a resource without a translation reads humanised.
    expect(await screen.findByRole('combobox', { name: 'Companies: Export' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Knowledge base categories: Manage' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Loyalty cards: Read' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Assign owner' })).toBeTruthy();
    // Only the scopes the catalogue allows are offered.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Knowledge base categories: Manage' }));
    expect(await screen.findByTitle('All')).toBeTruthy();
    expect(screen.queryByTitle('Unit and sub-units')).toBeNull();

    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Odd' } });
    await pick('Based on', 'Manager');
    await pick('Companies: Read', 'Own unit');
    await pick('Companies: Export', 'None');
    await pick('Companies: Credit limit', 'Read-only');
    await pick('Companies: Vip', 'Hidden');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Scope not available here')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Branch managers' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Role Branch managers saved')).toBeTruthy();
    await waitFor(() =>
      expect(api.calls.filter((call) => call.method === 'POST').at(-1)?.body).toEqual({
        name: 'Branch managers',
        description: '',
        baseRole: 'manager',
        permissions: { companies: { read: 'unit_only', export: 'none' } },
        fieldRules: { companies: { creditLimit: 'read_only', 'custom.vip': 'hidden' } },
      }),
    );
  }, 60_000);
});
