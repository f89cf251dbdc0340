import type { TConsentRecord, TPersonDataStatus } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { PersonDataCard } from './person-data-card.tsx';

afterEach(() => vi.unstubAllGlobals());

const CONTACT = '00000000-0000-4000-8000-000000000c01';
const ANNA = { id: testMe.id, name: testMe.name };
const record: TConsentRecord = {
  data: [
    {
      id: '00000000-0000-4000-8000-000000000d02',
      state: 'withdrawn',
      source: 'unsubscribe_link',
      detail: null,
      by: null,
      at: '2026-12-07T08:00:00.000Z',
    },
    {
      id: '00000000-0000-4000-8000-000000000d01',
      state: 'granted',
      source: 'manual',
      detail: 'At the fair',
      by: ANNA,
      at: '2026-12-06T10:00:00.000Z',
    },
  ],
};

async function render(status: TPersonDataStatus, onErase?: (body: unknown) => Response) {
  await initI18n('en');
  let current = status;
  const api = fakeApi(({ method, url, body }) => {
    if (url === `/api/v1/gdpr/contacts/${CONTACT}`) return jsonResponse(200, current);
    if (url === `/api/v1/gdpr/contacts/${CONTACT}/consents`) return jsonResponse(200, record);
    if (method === 'POST' && url === `/api/v1/gdpr/contacts/${CONTACT}/erase` && onErase) {
      const answer = onErase(body);
      if (answer.status === 200) {
        current = {
          ...current,
          erasure: {
            id: '00000000-0000-4000-8000-000000000e01',
            contactId: CONTACT,
            reason: 'Asked',
            erasedAt: '2026-12-07T09:30:00.000Z',
            erasedBy: ANNA,
          },
        };
      }
      return answer;
    }
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <PersonDataCard contactId={CONTACT} fullName="Giulia Verdi" />
    </App>,
    { me: testMe },
  );
  return api;
}

describe('PersonDataCard', () => {
  it('shows the record of consents in the reader’s locale, the export link, and erases after the full name is typed', async () => {
    const api = await render({ erasure: null, canExport: true, canErase: true }, () =>
      jsonResponse(200, {
        id: '00000000-0000-4000-8000-000000000e01',
        contactId: CONTACT,
        reason: 'Asked',
        erasedAt: '2026-12-07T09:30:00.000Z',
        erasedBy: ANNA,
      }),
    );
    expect(await screen.findByText('Record of consents')).toBeTruthy();
    expect(await screen.findByText('Unsubscribe link')).toBeTruthy();
    expect(screen.getByText('At the fair')).toBeTruthy();
    expect(screen.getByText('6 Dec 2026, 11:00')).toBeTruthy();
    expect(screen.getByText('Automatically')).toBeTruthy();
    const download = screen.getByRole('link', { name: /Download all data/ });
    expect(download.getAttribute('href')).toBe(`/api/v1/gdpr/contacts/${CONTACT}/export`);

    fireEvent.click(screen.getByRole('button', { name: /Erase person/ }));
    const dialog = await screen.findByRole('dialog');
    const ok = () => within(dialog).getByRole('button', { name: /Erase person/ }) as HTMLButtonElement;
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Asked' } });
    fireEvent.change(within(dialog).getByLabelText('Type the full name to confirm: Giulia Verdi'), { target: { value: 'Giulia' } });
    await waitFor(() => expect(ok().disabled).toBe(true));
    fireEvent.change(within(dialog).getByLabelText('Type the full name to confirm: Giulia Verdi'), { target: { value: 'Giulia Verdi' } });
    await waitFor(() => expect(ok().disabled).toBe(false));
    fireEvent.click(ok());
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ reason: 'Asked', confirm: 'Giulia Verdi' });
    expect(await screen.findByText('Erased on 7 Dec 2026, 10:30 by Anna Rossi')).toBeTruthy();
    const card = screen.getByText('Personal data').closest('.ant-card') as HTMLElement;
    await waitFor(() => expect(within(card).queryByRole('button', { name: /Erase person/ })).toBeNull());
  }, 30_000);

  it('offers neither export nor erasure to an employee', async () => {
    await render({ erasure: null, canExport: false, canErase: false });
    expect(await screen.findByText('Unsubscribe link')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Download all data/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Erase person/ })).toBeNull();
  }, 30_000);
});
