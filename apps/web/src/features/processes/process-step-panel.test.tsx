import type { TProcessFormField, TProcessTask } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadProcessMessages } from '../../lib/process-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { formatDuration } from './instances-api.ts';
import { stepMarkers } from './process-diagram.tsx';
import { toProcessValues } from './process-form.tsx';
import { ProcessStepPanel } from './process-step-panel.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadProcessMessages();
});
afterEach(() => vi.unstubAllGlobals());

const TASK = '00000000-0000-4000-8000-0000000000b1';
const STEP = '00000000-0000-4000-8000-0000000000c1';
const INSTANCE = '00000000-0000-4000-8000-0000000000d1';

const fields: TProcessFormField[] = [
  { key: 'verdict', label: 'Verdict', type: 'select', required: true, options: ['founded', 'unfounded'] },
  { key: 'notes', label: 'Notes', type: 'textarea', required: false, options: [] },
  { key: 'visit', label: 'Visit day', type: 'date', required: false, options: [] },
  { key: 'refund', label: 'Refund', type: 'boolean', required: false, options: [] },
];

const step: TProcessTask = {
  id: STEP,
  taskId: TASK,
  instanceId: INSTANCE,
  processName: 'Complaint handling',
  elementId: 'assess',
  name: 'Assess the complaint',
  status: 'open',
  form: fields,
  values: { visit: '2026-03-05' },
  record: { type: 'company', id: '00000000-0000-4000-8000-0000000000e1', name: 'Hotel Aurora' },
  assignee: { id: testMe.id, name: testMe.name },
  queue: null,
  dueAt: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  completedAt: null,
  completedBy: null,
  canComplete: true,
};

function stubApi(tasks: TProcessTask[], complete: { status: number; body: unknown } = { status: 200, body: {} }) {
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === `/api/v1/process-tasks/${STEP}/complete`) {
      return jsonResponse(complete.status, complete.body, complete.status >= 400 ? 'application/problem+json' : 'application/json');
    }
    if (url.pathname === '/api/v1/process-tasks' && init?.method !== 'POST')
      return jsonResponse(200, { data: tasks, nextCursor: null, total: tasks.length });
    return jsonResponse(404, { code: 'not_found' }, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderPanel = () =>
  renderWithApp(
    <App>
      <ProcessStepPanel taskId={TASK} />
    </App>,
    { me: testMe },
  );

const sentValues = (fetch: ReturnType<typeof stubApi>) => {
  const call = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
};

describe('the process step panel', { timeout: 45_000 }, () => {
  it('fills the step form, says what is missing, and completes the step with values as the API takes them', async () => {
    const fetch = stubApi([step]);
    await renderPanel();
    expect(await screen.findByText('Assess the complaint')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Complaint handling' }).getAttribute('href')).toBe(`/processes/instances/${INSTANCE}`);
    expect(screen.getByRole('link', { name: 'Company: Hotel Aurora' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Complete step' }));
    expect(await screen.findByText('Please fill in this field')).toBeTruthy();
    expect(sentValues(fetch)).toBeUndefined();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Verdict' }));
    fireEvent.click(await screen.findByTitle('founded'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Notes' }), { target: { value: 'Heating was off' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Refund' }));
    fireEvent.click(screen.getByRole('button', { name: 'Complete step' }));
    expect(await screen.findByText('Step completed.')).toBeTruthy();
    expect(sentValues(fetch)).toEqual({ values: { verdict: 'founded', notes: 'Heating was off', visit: '2026-03-05', refund: true } });
  });

  it('shows the server’s refusal: a field it names, or a step no longer open', async () => {
    stubApi([{ ...step, values: { verdict: 'founded' } }], {
      status: 400,
      body: { code: 'validation_failed', detail: 'Invalid', errors: [{ path: 'values.notes', message: 'Say why it is founded' }] },
    });
    await renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Complete step' }));
    expect(await screen.findByText('Say why it is founded')).toBeTruthy();
    expect(screen.getByText('Some values are missing or not valid: see the fields.')).toBeTruthy();

    stubApi([{ ...step, values: { verdict: 'founded' } }], { status: 409, body: { code: 'conflict', detail: 'Not open' } });
    fireEvent.click(screen.getByRole('button', { name: 'Complete step' }));
    expect(await screen.findByText(/no longer open/)).toBeTruthy();
  });

  it('shows the filled values once the step is completed, and nothing for an ordinary task', async () => {
    stubApi([
      {
        ...step,
        status: 'completed',
        values: { verdict: 'unfounded', refund: false, visit: '2026-03-05' },
        completedAt: '2026-03-02T10:00:00.000Z',
        completedBy: { id: testMe.id, name: 'Anna Rossi' },
        canComplete: false,
      },
    ]);
    const { unmount } = await renderPanel();
    expect(await screen.findByText('unfounded')).toBeTruthy();
    expect(screen.getByText('5 Mar 2026')).toBeTruthy();
    expect(screen.getByText('No')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Complete step' })).toBeNull();
    unmount();

    const fetch = stubApi([]);
    const { container } = await renderPanel();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });
});

describe('process helpers', () => {
  it('formats durations with their two largest units in each language', () => {
    const ms = (2 * 24 + 4) * 3_600_000 + 5 * 60_000;
    expect(formatDuration(ms, 'en')).toBe('2d 4h');
    expect(formatDuration(ms, 'ru')).toMatch(/^2\s?д\.? 4\s?ч$/);
    expect(formatDuration(90_000, 'en')).toBe('1m 30s');
    expect(formatDuration(0, 'en')).toBe('0s');
  });

  it('marks steps done, current and failed', () => {
    const steps = [
      { elementId: 'start', status: 'completed' as const },
      { elementId: 'assess', status: 'completed' as const },
      { elementId: 'assess', status: 'active' as const },
      { elementId: 'mail', status: 'failed' as const },
    ];
    expect(Object.fromEntries(stepMarkers(steps, [{ elementId: 'wait' }], 'running'))).toEqual({
      start: 'done',
      assess: 'current',
      mail: 'failed',
      wait: 'current',
    });
    expect(stepMarkers(steps, [], 'failed').get('assess')).toBe('failed');
  });

  it('sends empty fields as null, switches as true or false', () => {
    expect(toProcessValues(fields, { verdict: 'founded', notes: '  ' })).toEqual({
      verdict: 'founded',
      notes: null,
      visit: null,
      refund: false,
    });
  });
});
