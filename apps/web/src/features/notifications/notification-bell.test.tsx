import type { TNotification } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { NotificationBell } from './notification-bell.tsx';

const notice = (id: string, kind: TNotification['kind'], readAt: string | null = null): TNotification => ({
  id,
  kind,
  taskId: '00000000-0000-4000-8000-000000000900',
  caseId: null,
  title: 'Test two air conditioners',
  actor: { id: '00000000-0000-4000-8000-000000000002', name: 'Elio Verdi' },
  detail: null,
  createdAt: '2026-12-05T09:30:00.000Z',
  readAt,
});

afterEach(() => vi.unstubAllGlobals());

describe('NotificationBell', () => {
  it('shows the unread count, words each notice in the reader language, and marks one read when opened', async () => {
    const sent: unknown[] = [];
    const api = fakeApi(({ method, url, body }) => {
      if (method === 'GET' && url.startsWith('/api/v1/notifications'))
        return jsonResponse(200, {
          data: [
            notice('00000000-0000-4000-8000-000000000a01', 'task_accepted'),
            notice('00000000-0000-4000-8000-000000000a02', 'task_assigned', '2026-12-05T10:00:00.000Z'),
          ],
          nextCursor: null,
          unread: 1,
        });
      if (method === 'POST' && url === '/api/v1/notifications/read') {
        sent.push(body);
        return jsonResponse(200, { unread: 0 });
      }
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <NotificationBell />
      </App>,
      { me: testMe },
    );
    const bell = await screen.findByRole('button', { name: 'Notifications, unread: 1' });
    fireEvent.click(bell);
    const [accepted, assigned] = await screen.findAllByTestId('notification');
    expect(accepted?.textContent).toContain('Elio Verdi accepted your task: Test two air conditioners');
    expect(assigned?.textContent).toContain('Elio Verdi gave you a task: Test two air conditioners');
    fireEvent.click(accepted as HTMLElement);
    await waitFor(() => expect(sent).toEqual([{ ids: ['00000000-0000-4000-8000-000000000a01'] }]));
  });

  it('reads the notices again as soon as the server says there is something new, and words an escalation with its reason', async () => {
    // The browser's EventSource, as far as the bell uses it: named events from one address.
    const sources: { url: string; listeners: Map<string, () => void>; closed: boolean }[] = [];
    vi.stubGlobal(
      'EventSource',
      class {
        readonly entry = { url: '', listeners: new Map<string, () => void>(), closed: false };
        constructor(url: string) {
          this.entry.url = url;
          sources.push(this.entry);
        }
        addEventListener(name: string, listener: () => void) {
          this.entry.listeners.set(name, listener);
        }
        close() {
          this.entry.closed = true;
        }
      },
    );
    let unread = 0;
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/notifications'))
        return jsonResponse(200, {
          data:
            unread === 0
              ? []
              : [
                  {
                    ...notice('00000000-0000-4000-8000-000000000a03', 'task_escalated'),
                    detail: { reason: 'not_accepted', assignee: 'Sergio' },
                  },
                ],
          nextCursor: null,
          unread,
        });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const view = await renderWithApp(
      <App>
        <NotificationBell />
      </App>,
      { me: testMe },
    );
    await screen.findByRole('button', { name: 'Notifications, unread: 0' });
    expect(sources.map((s) => s.url)).toEqual(['/api/v1/notifications/stream']);
    unread = 1;
    sources[0]?.listeners.get('notification')?.();
    const bell = await screen.findByRole('button', { name: 'Notifications, unread: 1' });
    fireEvent.click(bell);
    const [escalation] = await screen.findAllByTestId('notification');
    expect(escalation?.textContent).toContain('Escalation: Test two air conditioners (Sergio) is not accepted yet');
    view.unmount();
    expect(sources[0]?.closed).toBe(true);
  });
});
