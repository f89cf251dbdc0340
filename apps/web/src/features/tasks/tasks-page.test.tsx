import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadTaskMessages } from '../../lib/task-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { TasksPage } from './tasks-page.tsx';
import { aTask, SERVICE } from './test-tasks.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadTaskMessages();
});
afterEach(() => vi.unstubAllGlobals());

describe('TasksPage', () => {
  it('asks the server for my tasks, those I sent and my queue, with the status and overdue filters', async () => {
    const late = aTask('00000000-0000-4000-8000-000000000801', 'Test two air conditioners', {
      dueAt: '2020-01-10T09:00:00.000Z',
      priority: 'high',
    });
    const waiting = aTask('00000000-0000-4000-8000-000000000802', 'Calibrate the oven', { assignee: null, queue: SERVICE });
    const api = fakeApi(({ method, url }) =>
      method === 'GET' && url.startsWith('/api/v1/tasks?')
        ? jsonResponse(200, page(url.includes('myQueues') ? [waiting] : [late]))
        : undefined,
    );
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const lists = () => api.calls.map((call) => call.url).filter((url) => url.startsWith('/api/v1/tasks?'));
    await renderWithApp(
      <App>
        <TasksPage />
      </App>,
      { me: testMe, path: '/tasks' },
    );

    const row = (await screen.findByRole('link', { name: 'Test two air conditioners' })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('High');
    expect(row.textContent).toContain('Received');
    expect(row.textContent).toContain('Anna Rossi');
    expect(row.textContent).toContain('Marco Bruni');
    expect(row.textContent).toContain('10 Jan 2020');
    expect(row.textContent).toContain('overdue');
    expect(lists()[0]).toBe('/api/v1/tasks?filter%5Bmine%5D=true&sort=dueAt&limit=30');

    fireEvent.click(screen.getByRole('tab', { name: 'Sent by me' }));
    await waitFor(() => expect(lists().at(-1)).toBe('/api/v1/tasks?filter%5BsentByMe%5D=true&sort=dueAt&limit=30'));

    fireEvent.click(screen.getByRole('tab', { name: "My unit's queue" }));
    await waitFor(() => expect(lists().at(-1)).toBe('/api/v1/tasks?filter%5BmyQueues%5D=true&sort=dueAt&limit=30'));
    expect(await screen.findByText('Queue: Service')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only overdue' }));
    await waitFor(() =>
      expect(lists().at(-1)).toBe('/api/v1/tasks?filter%5BmyQueues%5D=true&filter%5Boverdue%5D=true&sort=dueAt&limit=30'),
    );
  }, 30_000);
});
