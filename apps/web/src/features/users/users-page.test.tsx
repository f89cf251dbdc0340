import type { TDefinedRole, TUser } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadRolesMessages } from '../../lib/roles-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { UsersPage } from './users-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadRolesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const sellers: TDefinedRole = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'Sellers',
  description: null,
  baseRole: 'employee',
  permissions: {},
  fieldRules: {},
  userCount: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const elio: TUser = {
  id: '00000000-0000-4000-8000-000000000009',
  email: 'elio@example.com',
  name: 'Elio Bianchi',
  locale: 'en',
  timeZone: 'Europe/Rome',
  role: 'employee',
  unitId: null,
  roleId: sellers.id,
  active: true,
  createdAt: '2024-01-01T00:00:00.000Z',
};

async function pickRole(option: string) {
  const dialog = await screen.findByRole('dialog');
  fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: 'Role' }));
  const options = await screen.findAllByTitle(option);
  const last = options.at(-1);
  if (!last) throw new Error(`no option ${option}`);
  fireEvent.click(last);
}

describe('UsersPage role picker', () => {
  it('shows a defined role by its name, offers built-in and defined roles, and sends roleId or the built-in role', async () => {
    const api = fakeApi(({ url, method, body }) => {
      if (url === '/api/v1/roles') return jsonResponse(200, { data: [sellers] });
      if (url === '/api/v1/units') return jsonResponse(200, page([]));
      if (url.startsWith('/api/v1/users') && method === 'GET') return jsonResponse(200, page([elio]));
      if (url === `/api/v1/users/${elio.id}` && method === 'PATCH') return jsonResponse(200, { ...elio, ...(body as object) });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Suspense>
          <UsersPage />
        </Suspense>
      </App>,
      { me: testMe },
    );
    const row = (await screen.findByText('elio@example.com')).closest('tr') as HTMLElement;
    expect(await within(row).findByText('Sellers')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Edit Elio Bianchi' }));
    await pickRole('Manager');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.calls.filter((call) => call.method === 'PATCH').at(-1)?.body).toMatchObject({ role: 'manager', roleId: null }),
    );

    fireEvent.click(within(row).getByRole('button', { name: 'Edit Elio Bianchi' }));
    await pickRole('Sellers');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'PATCH')).toHaveLength(2));
    const sent = api.calls.filter((call) => call.method === 'PATCH').at(-1)?.body as Record<string, unknown>;
    expect(sent.roleId).toBe(sellers.id);
    expect(sent).not.toHaveProperty('role');
  }, 60_000);
});
