import type { TProcessInstanceDetail } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadProcessMessages } from '../../lib/process-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { ProcessInstancePage, progressOf } from './instance-page.tsx';

// bpmn-js needs a browser's SVG layout; the page's own parts are what is tested here.
vi.mock('./process-diagram.tsx', () => ({
  ProcessDiagram: ({ current }: { current: { elementId: string }[] }) => (
    <div data-testid="diagram">{current.map((wait) => wait.elementId).join(',')}</div>
  ),
}));

beforeAll(async () => {
  await initI18n('en');
  await loadProcessMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ID = '00000000-0000-4000-8000-0000000000d1';
const TASK = '00000000-0000-4000-8000-0000000000b1';

const detail: TProcessInstanceDetail = {
  id: ID,
  definitionId: '00000000-0000-4000-8000-0000000000a1',
  processName: 'Complaint handling',
  version: 3,
  status: 'running',
  record: { type: 'deal', id: '00000000-0000-4000-8000-0000000000e1', name: 'Ovens for Hotel Aurora' },
  startedBy: { id: testMe.id, name: 'Anna Rossi' },
  startedAt: '2026-03-02T09:00:00.000Z',
  endedAt: null,
  current: [{ elementId: 'assess', name: 'Assess the complaint', since: '2026-03-02T09:05:00.000Z' }],
  overdue: true,
  error: null,
  xml: `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientela="http://clientela.app/schema/bpmn/1.0">
    <bpmn:process id="p"><bpmn:startEvent id="start"><bpmn:extensionElements>
      <clientela:formField key="reason" label="Reason of the complaint" type="textarea" required="true" />
      <clientela:formField key="visit" label="Visit day" type="date" />
    </bpmn:extensionElements></bpmn:startEvent></bpmn:process></bpmn:definitions>`,
  steps: [
    {
      id: 's1',
      elementId: 'start',
      elementType: 'bpmn:StartEvent',
      name: 'Complaint received',
      status: 'completed',
      startedAt: '2026-03-02T09:00:00.000Z',
      endedAt: '2026-03-02T09:05:00.000Z',
      actor: { id: testMe.id, name: 'Anna Rossi' },
      taskId: null,
    },
    {
      id: 's2',
      elementId: 'assess',
      elementType: 'bpmn:UserTask',
      name: 'Assess the complaint',
      status: 'active',
      startedAt: '2026-03-02T09:05:00.000Z',
      endedAt: null,
      actor: null,
      taskId: TASK,
    },
  ],
  timers: [{ elementId: 'assess', dueAt: '2026-03-04T09:05:00.000Z' }],
  form: { reason: 'The room was cold', visit: '2026-03-05', rooms: 2 },
  canCancel: true,
  canRetry: false,
};

function stubApi(answer: TProcessInstanceDetail | null) {
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === `/api/v1/process-instances/${ID}/cancel` && init?.method === 'POST')
      return jsonResponse(200, { ...detail, status: 'cancelled' });
    if (url.pathname === `/api/v1/process-instances/${ID}` && answer) return jsonResponse(200, answer);
    return jsonResponse(404, { code: 'not_found', detail: 'No such process instance' }, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderAt = () =>
  renderWithApp(
    <App>
      <Routes>
        <Route path="/processes/instances/:id" element={<ProcessInstancePage />} />
      </Routes>
    </App>,
    { me: testMe, path: `/processes/instances/${ID}` },
  );

describe('the process instance page', { timeout: 45_000 }, () => {
  it('shows a run: its waiting step, history, timers, form and record; cancels it with a reason', async () => {
    const fetch = stubApi(detail);
    await renderAt();
    expect(await screen.findByRole('heading', { name: 'Complaint handling: run' })).toBeTruthy();
    expect(screen.getByTestId('diagram').textContent).toBe('assess');
    expect(screen.getByRole('link', { name: 'Deal: Ovens for Hotel Aurora' }).getAttribute('href')).toBe(`/deals/${detail.record?.id}`);
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Assess the complaint' }).getAttribute('href')).toBe(`/tasks/${TASK}`);
    expect(screen.getByText('5m')).toBeTruthy();
    expect(screen.getByText(/^Assess the complaint: due 4 Mar 2026/)).toBeTruthy();
    expect(screen.getByText('The room was cold')).toBeTruthy();
    expect(screen.getByText('Reason of the complaint')).toBeTruthy();
    expect(screen.getByText('rooms')).toBeTruthy();
    expect(screen.getByText('5 Mar 2026')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Reason' }), { target: { value: 'Customer withdrew it' } });
    const confirm = screen.getAllByRole('button', { name: 'Cancel run' }).at(-1);
    if (!confirm) throw new Error('no confirm button');
    fireEvent.click(confirm);
    await waitFor(() => {
      const call = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
      expect(call && JSON.parse(String(call[1]?.body))).toEqual({ reason: 'Customer withdrew it' });
    });
    expect(await screen.findByText('The run is cancelled.')).toBeTruthy();
  });

  it('shows why a run failed and offers a retry; says so when a run is not visible', async () => {
    stubApi({ ...detail, status: 'failed', error: 'The webhook answered 500', canCancel: false, canRetry: true });
    const { unmount } = await renderAt();
    expect(await screen.findByText('The webhook answered 500')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    unmount();

    stubApi(null);
    await renderAt();
    expect(await screen.findByText('This run does not exist or you cannot see it.')).toBeTruthy();
  });

  it('counts progress from the steps behind a run', () => {
    expect(progressOf(detail)).toBe(50);
    expect(progressOf({ ...detail, status: 'completed' })).toBe(100);
  });
});
