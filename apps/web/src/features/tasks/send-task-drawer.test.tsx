import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadTaskMessages } from '../../lib/task-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { SendTaskDrawer } from './send-task-drawer.tsx';
import { aTask, MARCO, SERVICE } from './test-tasks.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadTaskMessages();
});
afterEach(() => vi.unstubAllGlobals());

const COMPANY = '00000000-0000-4000-8000-000000000501';

/** Opens the drawer on the fake API and sends "Call the bakery back" to Marco. */
async function sendToMarco(api: ReturnType<typeof fakeApi>) {
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <SendTaskDrawer open onClose={() => {}} />
    </App>,
    { me: testMe },
  );
  await screen.findByRole('form', { name: 'Send a task' });
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Call the bakery back' } });
  fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Person' }));
  fireEvent.click(await screen.findByTitle('Marco Bruni'));
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

describe('SendTaskDrawer', () => {
  it('shows the queue’s standard lead time, warns of an earlier due date, and sends the task to the queue', async () => {
    const service = { ...SERVICE, parentId: null, memberCount: 3, createdAt: '2024-01-01T00:00:00.000Z' };
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/units') return jsonResponse(200, page([service]));
      if (method === 'GET' && url.startsWith(`/api/v1/units/${SERVICE.id}/lead-times`))
        return jsonResponse(200, { data: [{ kind: 'equipment testing', days: 14 }] });
      if (method === 'GET' && url.startsWith('/api/v1/tasks/lead-time?'))
        return jsonResponse(200, { unitId: SERVICE.id, kind: 'equipment testing', days: 14, earliestDue: '2026-12-19' });
      if (method === 'GET' && url.startsWith('/api/v1/users')) return jsonResponse(200, page([]));
      if (method === 'POST' && url === '/api/v1/tasks')
        return jsonResponse(201, { ...aTask('00000000-0000-4000-8000-000000000801', 'Test two air conditioners'), leadTime: null });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onSent = vi.fn();
    await renderWithApp(
      <App>
        <SendTaskDrawer open onClose={() => {}} onSent={onSent} about={{ companies: [COMPANY] }} />
      </App>,
      { me: testMe },
    );
    await screen.findByRole('form', { name: 'Send a task' });

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: ' Test two air conditioners ' } });
    fireEvent.click(screen.getByRole('radio', { name: "A unit's queue" }));
    const unit = await screen.findByRole('combobox', { name: 'Unit' });
    fireEvent.mouseDown(unit);
    fireEvent.click(await screen.findByTitle('Service'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of work' }), { target: { value: 'equipment testing' } });

    expect((await screen.findByTestId('lead-time')).textContent).toContain(
      'Service needs 14 days for equipment testing: earliest due 19 Dec 2026',
    );
    expect(api.calls.map((call) => call.url)).toContain(`/api/v1/tasks/lead-time?unitId=${SERVICE.id}&kind=equipment+testing`);

    const due = screen.getByRole('textbox', { name: 'Due' });
    fireEvent.mouseDown(due);
    fireEvent.focus(due);
    fireEvent.change(due, { target: { value: '12/12/2026 10:00' } });
    fireEvent.keyDown(due, { key: 'Enter', code: 'Enter' });
    fireEvent.blur(due);
    expect(await screen.findByText("The due date is earlier than the unit's standard lead time allows")).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Add an item/ }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Item' }), { target: { value: 'Check the gas' } });

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      title: 'Test two air conditioners',
      description: null,
      priority: 'normal',
      kind: 'equipment testing',
      // 10:00 in Rome is 09:00 UTC.
      dueAt: '2026-12-12T09:00:00.000Z',
      checklist: [{ text: 'Check the gas', done: false }],
      watcherIds: [],
      queueUnitId: SERVICE.id,
      companyIds: [COMPANY],
    });
  }, 30_000);

  it('sends a task to a person and shows the server’s field errors next to their fields', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/units') return jsonResponse(200, page([]));
      if (method === 'GET' && url.startsWith('/api/v1/users')) return jsonResponse(200, page([MARCO]));
      if (method === 'POST' && url === '/api/v1/tasks')
        return jsonResponse(
          400,
          {
            type: 'about:blank',
            title: 'Bad request',
            status: 400,
            code: 'validation_failed',
            detail: 'Invalid input',
            errors: [{ path: '/title', message: 'Too long for the queue board' }],
          },
          'application/problem+json',
        );
      return undefined;
    });
    await sendToMarco(api);

    expect(await screen.findByText('Too long for the queue board')).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST')?.body).toMatchObject({ title: 'Call the bakery back', assigneeId: MARCO.id });
  }, 30_000);

  it('says at once when the person is away and the task went to their deputy', async () => {
    const deputy = { id: '00000000-0000-4000-8000-000000000777', name: 'Dario Deputy' };
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/units') return jsonResponse(200, page([]));
      if (method === 'GET' && url.startsWith('/api/v1/users')) return jsonResponse(200, page([MARCO]));
      if (method === 'POST' && url === '/api/v1/tasks')
        return jsonResponse(201, {
          ...aTask('00000000-0000-4000-8000-000000000802', 'Call the bakery back'),
          leadTime: null,
          redirected: { absent: { id: MARCO.id, name: 'Marco Bruni' }, deputy },
        });
      return undefined;
    });
    await sendToMarco(api);
    expect(await screen.findByText('Marco Bruni is away: the task went to their deputy, Dario Deputy')).toBeTruthy();
  }, 30_000);
});
