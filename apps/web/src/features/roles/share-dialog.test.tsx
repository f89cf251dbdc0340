import type { TMe, TRecordShare, TUnit, TUser } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadRolesMessages } from '../../lib/roles-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { problem } from '../sales/test-sales.ts';
import { ShareButton } from './share-button.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadRolesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const COMPANY = '00000000-0000-4000-8000-000000000501';
const LUCA = '00000000-0000-4000-8000-000000000011';
const MARCO = '00000000-0000-4000-8000-000000000012';
const SHOP: TUnit = {
  id: '00000000-0000-4000-8000-000000000021',
  name: 'Second shop',
  parentId: null,
  memberCount: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const admin: TMe = { ...testMe, permissions: { companies: { read: 'all', update: 'all' } } };

function aShare(extra: Partial<TRecordShare>): TRecordShare {
  return {
    id: '00000000-0000-4000-8000-000000000301',
    entity: 'companies',
    recordId: COMPANY,
    userId: null,
    unitId: null,
    name: '',
    access: 'read',
    createdById: testMe.id,
    createdByName: testMe.name,
    createdAt: '2026-12-07T09:30:00.000Z',
    ...extra,
  };
}

const aUser = (id: string, name: string) => ({ id, name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` }) as TUser;

/** A server holding the company's shares, answering the list, add and remove as the API does. */
function stubApi(initial: TRecordShare[]) {
  let shares = [...initial];
  const api = fakeApi(({ url, method, body }) => {
    if (url === `/api/v1/record-shares?entity=companies&recordId=${COMPANY}`) return jsonResponse(200, { data: shares });
    if (url.startsWith('/api/v1/users?')) return jsonResponse(200, page([aUser(LUCA, 'Luca Verdi'), aUser(MARCO, 'Marco Bianchi')]));
    if (url === '/api/v1/units') return jsonResponse(200, page([SHOP]));
    if (url === '/api/v1/record-shares' && method === 'POST') {
      const input = body as { userId?: string; unitId?: string; access: 'read' | 'update' };
      if (input.unitId) return problem(400, 'validation_failed', [{ path: 'unitId', message: 'No such unit' }]);
      const share = aShare({
        id: '00000000-0000-4000-8000-000000000302',
        userId: input.userId ?? null,
        name: 'Marco Bianchi',
        access: input.access,
      });
      shares = [...shares, share];
      return jsonResponse(201, share);
    }
    if (url.startsWith('/api/v1/record-shares/') && method === 'DELETE') {
      shares = shares.filter((share) => !url.endsWith(share.id));
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function openDialog(me = admin) {
  await renderWithApp(
    <App>
      <ShareButton entity="companies" record={{ id: COMPANY, owner: { id: LUCA }, unitId: null }} name="Forno Rossi" />
    </App>,
    { me },
  );
  fireEvent.click(await screen.findByRole('button', { name: /Share/ }));
  return screen.findByRole('dialog', { name: 'Share “Forno Rossi”' });
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: label }));
  const options = await screen.findAllByTitle(option);
  const last = options.at(-1);
  if (!last) throw new Error(`no option ${option}`);
  fireEvent.click(last);
}

const listed = (dialog: HTMLElement) => within(within(dialog).getByRole('table')).queryAllByRole('row').slice(1);

describe('ShareDialog', () => {
  it('lists who the record is shared with: a person or a unit, the access, who shared it and when', async () => {
    stubApi([
      aShare({ userId: LUCA, name: 'Luca Verdi', access: 'update' }),
      aShare({ id: '00000000-0000-4000-8000-000000000303', unitId: SHOP.id, name: SHOP.name, createdById: null, createdByName: null }),
    ]);
    const dialog = await openDialog();
    const luca = (await within(dialog).findByText('Luca Verdi')).closest('tr') as HTMLElement;
    expect(within(luca).getByRole('img', { name: 'Person' })).toBeTruthy();
    expect(within(luca).getByText('Can view and edit')).toBeTruthy();
    expect(within(luca).getByText('Anna Rossi')).toBeTruthy();
    // 09:30 UTC, in the user's Rome time and English dates.
    expect(within(luca).getByText('7 Dec 2026, 10:30')).toBeTruthy();
    const shop = within(dialog).getByText('Second shop').closest('tr') as HTMLElement;
    expect(within(shop).getByRole('img', { name: 'Unit' })).toBeTruthy();
    expect(within(shop).getByText('Can view')).toBeTruthy();
    expect(within(shop).getByText('A former colleague')).toBeTruthy();
  }, 30_000);

  it('shares with a person, sending the record, the person and the access, and lists them', async () => {
    const api = stubApi([]);
    const dialog = await openDialog();
    expect(await within(dialog).findByText('Not shared with anyone yet.')).toBeTruthy();
    await pick('Person', 'Marco Bianchi');
    await pick('Access', 'Can view and edit');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(await screen.findByText('Shared with Marco Bianchi')).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      entity: 'companies',
      recordId: COMPANY,
      userId: MARCO,
      access: 'update',
    });
    await waitFor(() => expect(listed(dialog)).toHaveLength(1));
    expect(within(listed(dialog)[0] as HTMLElement).getByText('Marco Bianchi')).toBeTruthy();
  }, 30_000);

  it('asks for a person before sharing, and shows the server’s word on a unit next to it', async () => {
    const api = stubApi([]);
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(await within(dialog).findByText('Please fill in this field')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Unit' }));
    await pick('Unit', 'Second shop');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(await within(dialog).findByText('No such unit')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([
      { entity: 'companies', recordId: COMPANY, unitId: SHOP.id, access: 'read' },
    ]);
  }, 30_000);

  it('stops sharing after a confirmation', async () => {
    const api = stubApi([aShare({ userId: LUCA, name: 'Luca Verdi' })]);
    const dialog = await openDialog();
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Stop sharing with Luca Verdi' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop sharing' }));
    expect(await screen.findByText('No longer shared with Luca Verdi')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual([
      '/api/v1/record-shares/00000000-0000-4000-8000-000000000301',
    ]);
    expect(await within(dialog).findByText('Not shared with anyone yet.')).toBeTruthy();
  }, 30_000);

  it('is offered only to who may change the record', async () => {
    stubApi([]);
    const employee: TMe = {
      ...testMe,
      role: 'employee',
      permissions: { companies: { read: 'unit', update: 'own' }, contacts: { read: 'unit', update: 'own' } },
    };
    await renderWithApp(
      <App>
        <ShareButton entity="companies" record={{ id: COMPANY, owner: { id: LUCA }, unitId: null }} name="Forno Rossi" />
        <ShareButton entity="deals" record={{ id: COMPANY, mayChange: false }} name="Big order" />
        <ShareButton entity="contacts" record={{ id: COMPANY, owner: { id: employee.id }, unitId: null }} name="Gino Rossi" />
      </App>,
      { me: employee },
    );
    expect(await screen.findAllByRole('button', { name: /Share/ })).toHaveLength(1);
  }, 30_000);
});
