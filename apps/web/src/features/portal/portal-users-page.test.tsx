import type { TPortalUser } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadPortalUserMessages } from '../../lib/portal-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { ContactPortalCard } from './portal-users-contact-card.tsx';
import { PortalLookCard } from './portal-users-look-card.tsx';
import { PortalUsersPage } from './portal-users-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadPortalUserMessages();
});
afterEach(() => vi.unstubAllGlobals());

const giulia: TPortalUser = {
  id: '00000000-0000-4000-8000-00000000aa01',
  contact: { id: '00000000-0000-4000-8000-00000000cc01', name: 'Giulia Bianchi' },
  companies: [{ id: '00000000-0000-4000-8000-00000000bb01', name: 'Caffè Centrale', portalAccess: true }],
  email: 'giulia@cafe.example',
  status: 'invited',
  language: 'it',
  invitedAt: '2026-03-02T09:30:00.000Z',
  invitedBy: { id: testMe.id, name: testMe.name },
  activatedAt: null,
  lastLoginAt: null,
};
const marco: TPortalUser = {
  ...giulia,
  id: '00000000-0000-4000-8000-00000000aa02',
  contact: { id: '00000000-0000-4000-8000-00000000cc02', name: 'Marco Verdi' },
  email: 'marco@hotel.example',
  status: 'active',
  language: 'en',
  activatedAt: '2026-03-03T10:00:00.000Z',
  lastLoginAt: '2026-03-05T08:15:00.000Z',
};

describe('PortalUsersPage', () => {
  it('lists the accounts with status, company, language and last sign-in, filters by status and acts on a row', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/portal-users')) {
        return jsonResponse(200, page(url.includes('filter%5Bstatus%5D=active') ? [marco] : [giulia, marco]));
      }
      if (method === 'POST' && url.endsWith('/resend')) return jsonResponse(200, giulia);
      return undefined;
    });
    vi.stubGlobal('fetch', api.fetch);
    await renderWithApp(
      <App>
        <PortalUsersPage />
      </App>,
      { me: testMe },
    );
    const giuliaRow = (await screen.findByText('Giulia Bianchi')).closest('tr') as HTMLElement;
    expect(within(giuliaRow).getByText('Invited')).toBeTruthy();
    expect(within(giuliaRow).getByText('Italian')).toBeTruthy();
    expect(within(giuliaRow).getByText('Caffè Centrale')).toBeTruthy();
    expect(within(giuliaRow).getByText('Never')).toBeTruthy();
    const marcoRow = screen.getByText('Marco Verdi').closest('tr') as HTMLElement;
    expect(within(marcoRow).getByText('Active')).toBeTruthy();
    expect(within(marcoRow).getByText('5 Mar 2026, 09:15')).toBeTruthy();
    expect(within(marcoRow).queryByRole('button', { name: /Resend/ })).toBeNull();

    fireEvent.click(within(giuliaRow).getByRole('button', { name: /Resend invitation/ }));
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'POST' && c.url === `/api/v1/portal-users/${giulia.id}/resend`)).toBe(true),
    );
    expect(await screen.findByText('Invitation sent again to giulia@cafe.example.')).toBeTruthy();

    expect(within(marcoRow).getByRole('button', { name: 'Disable' })).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByTitle('Active'));
    await waitFor(() => expect(screen.queryByText('Giulia Bianchi')).toBeNull());
    expect(api.calls.some((c) => c.url.includes('filter%5Bstatus%5D=active'))).toBe(true);
  }, 30_000);

  it('says so when nobody is invited yet', async () => {
    vi.stubGlobal('fetch', fakeApi(({ url }) => (url.startsWith('/api/v1/portal-users') ? jsonResponse(200, page([])) : undefined)).fetch);
    await renderWithApp(
      <App>
        <PortalUsersPage />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByText('No one has been invited to the portal yet.')).toBeTruthy();
  });
});

describe('ContactPortalCard', () => {
  it('offers to invite a contact without an account and sends the invitation for that contact', async () => {
    let invited = false;
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/portal-users')) return jsonResponse(200, page(invited ? [giulia] : []));
      if (method === 'POST' && url === '/api/v1/portal-users') {
        invited = true;
        return jsonResponse(201, giulia);
      }
      return undefined;
    });
    vi.stubGlobal('fetch', api.fetch);
    await renderWithApp(
      <App>
        <ContactPortalCard contactId={giulia.contact.id} />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByText('Not invited to the portal yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Invite/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ contactId: giulia.contact.id }));
    expect(await screen.findByText('Invited on 2 Mar 2026, not signed in yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Resend invitation/ })).toBeTruthy();
  }, 30_000);
});

describe('PortalLookCard', () => {
  it('shows the portal address and saves the title and colour', async () => {
    const settings = {
      id: testMe.workspace.id,
      name: 'Rossi Bakery',
      defaultCountry: 'IT',
      ...{ legalName: null, address: null, taxNumber: null, phone: null, email: null, website: null, hasLogo: false },
      portalTitle: null,
      portalColor: '#aa3300',
    };
    const api = fakeApi(({ method, url, body }) => {
      if (url !== '/api/v1/workspace') return undefined;
      return jsonResponse(200, method === 'PATCH' ? { ...settings, ...(body as object) } : settings);
    });
    vi.stubGlobal('fetch', api.fetch);
    await renderWithApp(
      <App>
        <PortalLookCard />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByText(`${window.location.origin}/portal/rossi-bakery`)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Rossi customer area' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the portal look' }));
    await waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ portalTitle: 'Rossi customer area', portalColor: '#aa3300' }),
    );
    expect(await screen.findByText('Portal look saved.')).toBeTruthy();
  }, 30_000);
});
