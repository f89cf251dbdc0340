import type { TBirthdaySettings } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { page } from '../duplicates/test-duplicates.ts';
import { MailingsPage } from './mailings-page.tsx';
import { aTemplate, renderMailings, VIEW } from './test-mailings.tsx';

afterEach(() => vi.unstubAllGlobals());

const BIRTHDAY_TEMPLATE = '00000000-0000-4000-8000-000000000702';
const off: TBirthdaySettings = { enabled: false, action: 'task', templateId: null, viewId: null, listId: null, updatedAt: null };

function handler(saved: { body?: unknown }) {
  return ({ method, url, body }: { method: string; url: string; body: unknown }) => {
    if (url === '/api/v1/marketing/birthdays' && method === 'GET') return jsonResponse(200, off);
    if (url === '/api/v1/marketing/birthdays' && method === 'PUT') {
      saved.body = body;
      return jsonResponse(200, { ...off, ...(body as object), updatedAt: '2026-12-06T10:00:00.000Z' });
    }
    if (url === '/api/v1/marketing/birthdays/upcoming?days=14')
      return jsonResponse(200, {
        data: [
          {
            contactId: '00000000-0000-4000-8000-000000000a01',
            name: 'Maria Bianchi',
            birthday: '1986-12-08',
            date: '2026-12-08',
            age: 40,
            owner: { id: testMe.id, name: testMe.name },
            greeted: false,
          },
        ],
      });
    if (url === '/api/v1/marketing/birthdays/run' && method === 'POST') return jsonResponse(200, { greeted: 3, skipped: 1 });
    if (url === '/api/v1/templates?purpose=birthday')
      return jsonResponse(200, page([aTemplate(BIRTHDAY_TEMPLATE, 'Happy birthday', { purpose: 'birthday' })]));
    if (url === '/api/v1/views?filter%5Bentity%5D=contact') return jsonResponse(200, { data: [{ ...VIEW, shared: true }] });
    return undefined;
  };
}

describe('Birthday greetings', () => {
  it('turns greetings by e-mail on for a view’s contacts, lists the coming birthdays and runs now', async () => {
    const saved: { body?: unknown } = {};
    const { api } = await renderMailings(<MailingsPage />, handler(saved), '/mailings?tab=birthdays');

    expect(await screen.findByRole('link', { name: 'Maria Bianchi' })).toBeTruthy();
    expect(screen.getByText('8 Dec 2026: turns 40 · Anna Rossi')).toBeTruthy();

    fireEvent.click(await screen.findByRole('switch', { name: 'Greet birthdays automatically' }));
    fireEvent.click(screen.getByRole('radio', { name: 'E-mail a birthday template' }));
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Birthday template' }));
    fireEvent.click(await screen.findByTitle('Happy birthday'));
    fireEvent.click(screen.getByRole('radio', { name: 'Only the contacts of a view or list' }));
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Choose a saved view' }));
    fireEvent.click(await screen.findByTitle(VIEW.name));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(saved.body).toEqual({ enabled: true, action: 'email', templateId: BIRTHDAY_TEMPLATE, viewId: VIEW.id, listId: null }),
    );

    fireEvent.click(screen.getByRole('button', { name: /Run now/ }));
    expect(await screen.findByText('Greeted now: 3; skipped: 1.')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST' && call.url === '/api/v1/marketing/birthdays/run')).toBe(true);
  }, 30_000);

  it('shows the settings to managers without letting them change them', async () => {
    await renderMailings(<MailingsPage />, handler({}), '/mailings?tab=birthdays', { ...testMe, role: 'manager' });
    expect(await screen.findByText('Only administrators change these settings.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /Run now/ })).toBeNull();
  }, 30_000);
});
