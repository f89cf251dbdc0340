import { NOTIFICATION_DEFAULTS, NOTIFICATION_KINDS } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { NotificationPreferencesCard } from './notification-preferences.tsx';

const defaults = () => ({ data: NOTIFICATION_KINDS.map((kind) => ({ kind, ...NOTIFICATION_DEFAULTS[kind] })) });

afterEach(() => vi.unstubAllGlobals());

async function renderCard(answerPut: (body: unknown) => Response) {
  const api = fakeApi(({ method, url, body }) => {
    if (url !== '/api/v1/notifications/preferences') return undefined;
    if (method === 'GET') return jsonResponse(200, defaults());
    if (method === 'PUT') return answerPut(body);
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <NotificationPreferencesCard />
    </App>,
    { me: testMe },
  );
  return api;
}

describe('NotificationPreferencesCard', () => {
  it('shows each kind with its two switches and saves the changes', async () => {
    const api = await renderCard((body) => jsonResponse(200, body));
    const doneByEmail = await screen.findByRole('switch', { name: 'A task I sent is done: By e-mail' }, { timeout: 10_000 });
    const assignedInApp = screen.getByRole('switch', { name: 'Someone gives me a task: In the app' });
    expect(doneByEmail.getAttribute('aria-checked')).toBe('false');
    expect(assignedInApp.getAttribute('aria-checked')).toBe('true');
    expect(screen.getAllByRole('switch')).toHaveLength(NOTIFICATION_KINDS.length * 2);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toHaveProperty('disabled', true);

    fireEvent.click(doneByEmail);
    fireEvent.click(assignedInApp);
    expect(screen.getByText('You have unsaved changes')).toBeTruthy();
    fireEvent.click(save);
    expect(await screen.findByText('Notification settings saved')).toBeTruthy();
    const put = api.calls.find((call) => call.method === 'PUT')?.body as { data: { kind: string; inApp: boolean; email: boolean }[] };
    expect(put.data).toHaveLength(NOTIFICATION_KINDS.length);
    expect(put.data.find((p) => p.kind === 'task_done')).toEqual({ kind: 'task_done', inApp: true, email: true });
    expect(put.data.find((p) => p.kind === 'task_assigned')).toEqual({ kind: 'task_assigned', inApp: false, email: true });
    await waitFor(() => expect(screen.queryByText('You have unsaved changes')).toBeNull());
  });

  it('says so when saving fails and keeps the changes', async () => {
    await renderCard(() =>
      jsonResponse(
        500,
        { type: 'about:blank', title: 'Error', status: 500, code: 'internal_error', detail: '' },
        'application/problem+json',
      ),
    );
    // The card's messages load with it; a busy machine takes its time.
    fireEvent.click(await screen.findByRole('switch', { name: 'A task of mine is due soon: By e-mail' }, { timeout: 10_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('You have unsaved changes')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'A task of mine is due soon: By e-mail' }).getAttribute('aria-checked')).toBe('true');
  });
});
