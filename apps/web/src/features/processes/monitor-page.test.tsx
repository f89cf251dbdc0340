import type { TProcessDefinitionDetail, TProcessInstance, TProcessStatistics } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadProcessMessages } from '../../lib/process-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { ProcessMonitorPage } from './monitor-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadProcessMessages();
});
afterEach(() => vi.unstubAllGlobals());

const DEF = '00000000-0000-4000-8000-0000000000a1';
const HOUR = 3_600_000;

const definition = {
  id: DEF,
  name: 'Complaint handling',
  description: null,
  templateKey: null,
  publishedVersion: 3,
  publishedAt: '2026-03-01T09:00:00.000Z',
  hasUnpublishedChanges: false,
  triggers: [],
  running: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  draftXml: '<definitions />',
  draftUpdatedAt: '2026-03-01T09:00:00.000Z',
  versions: [],
} satisfies TProcessDefinitionDetail;

const statistics: TProcessStatistics = {
  instances: { running: 1, completed: 2, failed: 1, cancelled: 0, avgMs: 52 * HOUR, p90Ms: 60 * HOUR },
  steps: [
    { elementId: 'start', name: null, elementType: 'bpmn:StartEvent', count: 4, active: 0, avgMs: 0, p90Ms: 0 },
    {
      elementId: 'assess',
      name: 'Assess the complaint',
      elementType: 'bpmn:UserTask',
      count: 3,
      active: 1,
      avgMs: 2 * HOUR,
      p90Ms: 2.8 * HOUR,
    },
  ],
  refreshedAt: '2026-03-10T09:00:00.000Z',
};

const instance = (id: string, extra: Partial<TProcessInstance> = {}): TProcessInstance => ({
  id,
  definitionId: DEF,
  processName: 'Complaint handling',
  version: 3,
  status: 'running',
  record: { type: 'company', id: '00000000-0000-4000-8000-0000000000e1', name: 'Hotel Aurora' },
  startedBy: { id: testMe.id, name: 'Anna Rossi' },
  startedAt: '2026-03-02T09:00:00.000Z',
  endedAt: null,
  current: [{ elementId: 'assess', name: 'Assess the complaint', since: '2026-03-02T09:05:00.000Z' }],
  overdue: false,
  error: null,
  ...extra,
});

function stubApi() {
  const fetch = vi.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === `/api/v1/process-definitions/${DEF}`) return jsonResponse(200, definition);
    if (url.pathname === `/api/v1/process-definitions/${DEF}/statistics`) return jsonResponse(200, statistics);
    if (url.pathname === '/api/v1/process-instances') {
      if (url.searchParams.get('stuck') === 'true') {
        return jsonResponse(200, {
          data: [instance('i3', { status: 'failed', error: 'The webhook answered 500', current: [] })],
          nextCursor: null,
          total: 1,
        });
      }
      if (url.searchParams.get('cursor') === 'next')
        return jsonResponse(200, { data: [instance('i2', { overdue: true })], nextCursor: null, total: 2 });
      return jsonResponse(200, { data: [instance('i1')], nextCursor: 'next', total: 2 });
    }
    return jsonResponse(404, { code: 'not_found' }, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderAt = (me = testMe) =>
  renderWithApp(
    <App>
      <Routes>
        <Route path="/processes/:id" element={<ProcessMonitorPage />} />
      </Routes>
    </App>,
    { me, path: `/processes/${DEF}` },
  );

describe('the process monitor page', { timeout: 45_000 }, () => {
  it('shows step times humanly, lists runs with their status, filters the stuck ones and loads more', async () => {
    const fetch = stubApi();
    await renderAt();
    expect(await screen.findByRole('heading', { name: 'Complaint handling' })).toBeTruthy();
    expect(screen.getByText('Published version 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open in designer' }).getAttribute('href')).toBe(`/processes/${DEF}/design`);

    // The table beside the chart: start events take no time and are left out.
    const assess = (await screen.findAllByText('Assess the complaint'))
      .map((cell) => cell.closest('tr'))
      .find((row) => row?.textContent?.includes('2h 48m'));
    expect(assess?.textContent).toContain('2h');
    expect(screen.getByText('2d 4h')).toBeTruthy();

    expect(await screen.findByText('2 runs')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Overdue')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Stuck only' }));
    expect(await screen.findByText('The webhook answered 500')).toBeTruthy();
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url).includes('stuck=true'))).toBe(true));
  });

  it('shows an employee the runs but not the statistics or the designer', async () => {
    const fetch = stubApi();
    await renderAt({ ...testMe, role: 'employee' });
    expect(await screen.findByText('2 runs')).toBeTruthy();
    expect(screen.queryByText('How long it takes')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open in designer' })).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/statistics'))).toBe(false);
  });
});
