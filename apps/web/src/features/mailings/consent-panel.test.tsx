import type { TConsent } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { ConsentCard } from './consent-card.tsx';
import { ANNA, renderMailings } from './test-mailings.tsx';

afterEach(() => vi.unstubAllGlobals());

const CONTACT = '00000000-0000-4000-8000-000000000a01';

const never: TConsent = { contactId: CONTACT, state: null, at: null, source: null, emailBouncedAt: null, history: [] };
const granted: TConsent = {
  contactId: CONTACT,
  state: 'granted',
  at: '2026-12-06T10:00:00.000Z',
  source: 'manual',
  emailBouncedAt: null,
  history: [
    {
      id: '00000000-0000-4000-8000-000000000b01',
      state: 'granted',
      source: 'manual',
      detail: 'Signed at the fair',
      actor: ANNA,
      at: '2026-12-06T10:00:00.000Z',
    },
  ],
};
const withdrawn: TConsent = {
  ...granted,
  state: 'withdrawn',
  at: '2026-12-07T08:00:00.000Z',
  source: 'unsubscribe_link',
  history: [
    {
      id: '00000000-0000-4000-8000-000000000b02',
      state: 'withdrawn',
      source: 'manual',
      detail: null,
      actor: ANNA,
      at: '2026-12-07T08:00:00.000Z',
    },
    ...granted.history,
  ],
};

describe('ConsentCard', () => {
  it('shows a contact never asked, records their consent with a note, then withdraws it', async () => {
    let current = never;
    const { api } = await renderMailings(<ConsentCard contactId={CONTACT} />, ({ method, url, body }) => {
      if (url !== `/api/v1/contacts/${CONTACT}/consent`) return undefined;
      if (method === 'PUT') current = (body as { state: string }).state === 'granted' ? granted : withdrawn;
      return jsonResponse(200, current);
    });

    expect(await screen.findByText('Never asked')).toBeTruthy();
    expect(screen.getByText('No changes yet')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Grant' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Note' }), { target: { value: 'Signed at the fair' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Grant' }));
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(1));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({
      state: 'granted',
      source: 'manual',
      detail: 'Signed at the fair',
    });

    expect(await screen.findByText('Given')).toBeTruthy();
    expect(screen.getByText('Entered by hand')).toBeTruthy();
    expect(screen.getByText('Signed at the fair', { selector: 'div' })).toBeTruthy();
    expect(screen.getByText('6 Dec 2026, 11:00 by Anna Rossi')).toBeTruthy();
    const card = screen.getByText('Marketing consent').closest('.ant-card') as HTMLElement;
    expect((within(card).getByRole('button', { name: 'Grant' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(card).getByRole('button', { name: 'Withdraw' }));
    const second = (await screen.findByText('Withdraw the contact’s consent')).closest('[role="dialog"]') as HTMLElement;
    fireEvent.click(within(second).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(2));
    expect(api.calls.filter((call) => call.method === 'PUT')[1]?.body).toEqual({ state: 'withdrawn', source: 'manual', detail: null });
    expect(await screen.findByText('Unsubscribe link')).toBeTruthy();
    await waitFor(() => expect((within(card).getByRole('button', { name: 'Withdraw' }) as HTMLButtonElement).disabled).toBe(true));
  }, 30_000);

  it('warns when mail to the address bounced', async () => {
    await renderMailings(<ConsentCard contactId={CONTACT} />, ({ url }) =>
      url === `/api/v1/contacts/${CONTACT}/consent`
        ? jsonResponse(200, { ...granted, emailBouncedAt: '2026-12-05T09:00:00.000Z' })
        : undefined,
    );
    expect(await screen.findByText('Mail to this address bounced on 5 Dec 2026, 10:00; marketing mail skips it.')).toBeTruthy();
  }, 30_000);
});
