import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadTaskMessages } from '../../lib/task-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { TaskPage } from './task-page.tsx';
import { ANNA, aTask, MARCO } from './test-tasks.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadTaskMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-000000000801';
const TASK_URL = `/api/v1/tasks/${ID}`;

async function renderTask(handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(handler);
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <Routes>
        <Route path="/tasks/:id" element={<TaskPage />} />
      </Routes>
    </App>,
    { me: testMe, path: `/tasks/${ID}` },
  );
  await screen.findByRole('heading', { name: 'Test two air conditioners' });
  return api;
}

/** Types a day into an antd date picker and confirms it. */
function typeDate(input: HTMLElement, text: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

describe('TaskPage', () => {
  it('offers the assignee Accept and Decline, and accepts with the committed date', async () => {
    const received = aTask(ID, 'Test two air conditioners', {
      deals: [{ id: '00000000-0000-4000-8000-000000000e01', title: 'Air conditioning for the newsroom' }],
    });
    const accepted = aTask(ID, 'Test two air conditioners', {
      status: 'accepted',
      committedDate: '2026-12-18',
      timeline: [...received.timeline, { at: '2026-12-05T10:00:00.000Z', actor: ANNA, from: 'received', to: 'accepted', note: null }],
    });
    const api = await renderTask(({ method, url }) => {
      if (method === 'GET' && url === TASK_URL) return jsonResponse(200, received);
      if (method === 'POST' && url === `${TASK_URL}/transitions`) return jsonResponse(200, accepted);
      return undefined;
    });
    expect(screen.getByText('Book the van')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gazzetta di Quartiere' }).getAttribute('href')).toBe(
      '/companies/00000000-0000-4000-8000-000000000501',
    );
    // A deal it is about shows by its title, opening the deal.
    expect(screen.getByRole('link', { name: 'Air conditioning for the newsroom' }).getAttribute('href')).toBe(
      '/deals/00000000-0000-4000-8000-000000000e01',
    );
    expect(screen.getAllByTestId('task-event').map((event) => event.textContent)).toEqual([
      expect.stringContaining('Marco Bruni'),
      expect.stringContaining('Sent → Received'),
    ]);
    expect(screen.getByRole('button', { name: 'Decline' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    const dialog = await screen.findByRole('dialog');
    typeDate(dialog.querySelector('input') as HTMLElement, '18/12/2026');
    fireEvent.click(screen.getAllByRole('button', { name: 'Accept' }).at(-1) as HTMLElement);
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ to: 'accepted', committedDate: '2026-12-18' });
    expect(await screen.findByText('Accepted by Anna Rossi, committed to 18 Dec 2026')).toBeTruthy();
  }, 30_000);

  it('offers the sender Confirm and Reopen on a done task, not the assignee’s moves, and shows a 409 clearly', async () => {
    const done = aTask(ID, 'Test two air conditioners', { status: 'done', sender: ANNA, assignee: MARCO, result: 'Both cool' });
    await renderTask(({ method, url }) => {
      if (method === 'GET' && url === TASK_URL) return jsonResponse(200, done);
      if (method === 'POST' && url === `${TASK_URL}/transitions`)
        return jsonResponse(
          409,
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'task_transition_invalid',
            detail: 'A confirmed task cannot become confirmed',
          },
          'application/problem+json',
        );
      return undefined;
    });
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The task cannot move to that status now');
  }, 30_000);
});
