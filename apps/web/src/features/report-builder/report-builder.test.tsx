import type { TBuilderReport, TReportDefinition, TSavedReport } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadReportBuilderMessages } from '../../lib/report-builder-messages.ts';
import { loadReportsMessages } from '../../lib/reports-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { ReportsPage } from '../reports/reports-page.tsx';
import { drillUrl } from './builder-drill.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadReportsMessages();
  await loadReportBuilderMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ELIO = '00000000-0000-4000-8000-0000000000e1';
const MINE = '00000000-0000-4000-8000-00000000a001';
const THEIRS = '00000000-0000-4000-8000-00000000a002';

const saved = (id: string, name: string, owner: { id: string; name: string }, definition: TReportDefinition): TSavedReport => ({
  id,
  name,
  shared: owner.id !== testMe.id,
  owner,
  definition,
  editable: owner.id === testMe.id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const dealsByStatus: TReportDefinition = { entity: 'deals', groupBy: 'status', thenBy: 'owner', measure: 'sum', filters: {}, chart: 'bar' };
const mine = saved(MINE, 'Pipeline by status', { id: testMe.id, name: testMe.name }, dealsByStatus);
const theirs = saved(
  THEIRS,
  'Customers by class',
  { id: ELIO, name: 'Elio' },
  {
    entity: 'companies',
    groupBy: 'class',
    measure: 'count',
    filters: {},
    chart: 'pie',
  },
);

const dealsReport: TBuilderReport = {
  entity: 'deals',
  groupBy: 'status',
  thenBy: 'owner',
  measure: 'sum',
  baseCurrency: 'EUR',
  rows: [
    {
      key: 'won',
      label: 'won',
      count: 3,
      amount: '1500.50',
      children: [
        { key: ELIO, label: 'Elio', count: 2, amount: '1000.00' },
        { key: null, label: '', count: 1, amount: '500.50' },
      ],
    },
    { key: 'open', label: 'open', count: 1, amount: '99.99', children: [{ key: ELIO, label: 'Elio', count: 1, amount: '99.99' }] },
  ],
  total: { count: 4, amount: '1600.49' },
};
const companiesReport: TBuilderReport = {
  entity: 'companies',
  groupBy: 'status',
  thenBy: null,
  measure: 'count',
  baseCurrency: 'EUR',
  rows: [
    { key: 'active', label: 'active', count: 1234, amount: null },
    { key: 'dormant', label: 'dormant', count: 2, amount: null },
  ],
  total: { count: 1236, amount: null },
};

function stubApi(options: { runFails?: boolean } = {}) {
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/v1/reports/builder/run') {
      if (options.runFails)
        return jsonResponse(
          400,
          { code: 'validation_failed', detail: 'bad', errors: [{ path: 'groupBy', message: 'No' }] },
          'application/problem+json',
        );
      const body = JSON.parse(String(init?.body)) as TReportDefinition;
      return jsonResponse(200, body.entity === 'companies' ? companiesReport : dealsReport);
    }
    if (url.pathname === '/api/v1/saved-reports' && method === 'GET')
      return jsonResponse(200, { data: [mine, theirs], nextCursor: null, total: 2 });
    if (url.pathname === '/api/v1/saved-reports' && method === 'POST') {
      const body = JSON.parse(String(init?.body));
      return jsonResponse(201, {
        ...saved('00000000-0000-4000-8000-00000000a003', body.name, { id: testMe.id, name: testMe.name }, body.definition),
        shared: body.shared,
      });
    }
    if (url.pathname === `/api/v1/saved-reports/${MINE}`) return jsonResponse(200, mine);
    if (url.pathname === `/api/v1/saved-reports/${THEIRS}`) return jsonResponse(200, theirs);
    if (url.pathname.startsWith('/api/v1/saved-reports/')) {
      const id = url.pathname.split('/').at(-1);
      return jsonResponse(200, saved(id ?? '', 'Saved', { id: testMe.id, name: testMe.name }, dealsByStatus));
    }
    if (url.pathname === '/api/v1/units' || url.pathname === '/api/v1/pipelines') return jsonResponse(200, { data: [] });
    if (url.pathname === '/api/v1/users') return jsonResponse(200, { data: [], nextCursor: null, total: 0 });
    return jsonResponse(404, { code: 'not_found' });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function Where() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

const renderAt = (path: string) =>
  renderWithApp(
    <App>
      <Routes>
        <Route path="/reports/:report" element={<ReportsPage />} />
        <Route path="/deals" element={<Where />} />
        <Route path="/companies" element={<Where />} />
      </Routes>
    </App>,
    { me: testMe, path },
  );

const runCalls = (fetch: ReturnType<typeof stubApi>) =>
  fetch.mock.calls
    .filter(([url]) => String(url).startsWith('/api/v1/reports/builder/run'))
    .map(([, init]) => JSON.parse(String(init?.body)));

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const options = await screen.findAllByTitle(option);
  fireEvent.click(options.find((one) => one.classList.contains('ant-select-item-option')) ?? (options[0] as HTMLElement));
}

describe('the report builder', { timeout: 20_000 }, () => {
  it('opens a saved report from the address and runs it: the chart, the table with its total, and the saved reports by whose they are', async () => {
    const fetch = stubApi();
    await renderAt(`/reports/builder?report=${MINE}`);
    expect(await screen.findByText('Won')).toBeTruthy();
    expect(screen.getByTestId('builder-report-name').textContent).toBe('Pipeline by status');
    expect(screen.getByTestId('report-chart')).toBeTruthy();
    expect(screen.getByText('€1,500.50')).toBeTruthy();
    expect(screen.getByTestId('builder-total-count').textContent).toBe('4');
    expect(screen.getByTestId('builder-total-amount').textContent).toBe('€1,600.49');
    expect(screen.getByTestId('builder-summary').textContent).toBe('4 deals in the report');
    expect(runCalls(fetch)).toEqual([dealsByStatus]);

    const panel = screen.getByRole('navigation', { name: 'Saved reports' });
    expect(within(panel).getByText('My reports')).toBeTruthy();
    expect(within(panel).getByText('Shared with me')).toBeTruthy();
    expect(within(panel).getByText('Customers by class')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Shared with the workspace' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Delete/ })).toBeTruthy();

    // A row opens its deals: the won ones of nobody's here.
    fireEvent.click(screen.getAllByRole('button', { name: 'Expand row' })[0] as HTMLElement);
    await screen.findAllByText('(none)');
    fireEvent.click(screen.getAllByText('(none)').find((one) => one.closest('td')) as HTMLElement);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/deals?view=list&status=won&owner=none'));
  });

  it('builds a report of companies, counts them in the user’s format, and opens a group as the companies list', async () => {
    const fetch = stubApi();
    await renderAt('/reports/builder');
    expect(await screen.findByText('Choose what to count and press Run.')).toBeTruthy();
    await choose('Records', 'Companies');
    await choose('Group by', 'Status');
    await choose('Class', 'A');
    expect(screen.queryByRole('combobox', { name: 'Stage' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Run/ }));
    expect(await screen.findByText('Active')).toBeTruthy();
    expect(screen.getByText('1,234')).toBeTruthy();
    expect(screen.getByTestId('builder-summary').textContent).toBe('1,236 companies in the report');
    expect(runCalls(fetch)).toEqual([
      { entity: 'companies', groupBy: 'status', measure: 'count', filters: { class: ['A'] }, chart: 'bar' },
    ]);
    fireEvent.click(screen.getByText('Dormant'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/companies?class=A&status=dormant'));
  });

  it('saves the report under a new name, shared, and opens it', async () => {
    const fetch = stubApi();
    await renderAt('/reports/builder');
    await screen.findByText('Choose what to count and press Run.');
    fireEvent.click(screen.getByRole('button', { name: /Save as/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '  Deals this year ' } });
    fireEvent.click(within(dialog).getByRole('switch'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url, init]) => url === '/api/v1/saved-reports' && init?.method === 'POST')).toBe(true),
    );
    const call = fetch.mock.calls.find(([url, init]) => url === '/api/v1/saved-reports' && init?.method === 'POST');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      name: 'Deals this year',
      shared: true,
      definition: { entity: 'deals', groupBy: 'createdMonth', measure: 'count', filters: {}, chart: 'bar' },
    });
    expect(await screen.findByTestId('builder-report-name')).toBeTruthy();
  });

  it('lets others use a shared report but not change it: Save keeps a copy', async () => {
    stubApi();
    await renderAt(`/reports/builder?report=${THEIRS}`);
    expect(await screen.findByText('By Elio')).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Shared with the workspace' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^save Save$/i }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Customers by class (copy)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: /New report/ }));
    expect(await screen.findByText('Choose what to count and press Run.')).toBeTruthy();
    expect(screen.queryByTestId('builder-report-name')).toBeNull();
  });

  it('starts from the period and branch another report passed along', async () => {
    const fetch = stubApi();
    await renderAt('/reports/builder?from=2026-01-01&to=2026-03-31&unitId=00000000-0000-4000-8000-0000000000a1');
    await screen.findByText('Choose what to count and press Run.');
    fireEvent.click(screen.getByRole('button', { name: /Run/ }));
    await screen.findByText('Won');
    expect(runCalls(fetch)[0]?.filters).toEqual({ from: '2026-01-01', to: '2026-03-31', unitId: '00000000-0000-4000-8000-0000000000a1' });
  });

  it('shows why the server refused a definition', async () => {
    stubApi({ runFails: true });
    await renderAt('/reports/builder');
    await screen.findByText('Choose what to count and press Run.');
    fireEvent.click(screen.getByRole('button', { name: /Run/ }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});

describe('the builder’s drill-down', () => {
  const base = { measure: 'count', chart: 'bar' } as const;
  it('opens deals by close period and owner, within the report’s period', () => {
    expect(
      drillUrl({ ...base, entity: 'deals', groupBy: 'closeMonth', filters: { from: '2026-01-10', dateField: 'closed', status: ['won'] } }, [
        { dimension: 'closeMonth', key: '2026-01' },
        { dimension: 'owner', key: ELIO },
      ]),
    ).toBe(`/deals?view=list&status=won&owner=${ELIO}&closedFrom=2026-01-10&closedTo=2026-01-31`);
    expect(
      drillUrl({ ...base, entity: 'deals', groupBy: 'createdQuarter', filters: {} }, [{ dimension: 'createdQuarter', key: '2026-Q2' }]),
    ).toBe('/deals?view=list&createdFrom=2026-04-01&createdTo=2026-06-30');
  });

  it('offers nothing the list cannot show exactly', () => {
    const twoStatuses: TReportDefinition = { ...base, entity: 'deals', groupBy: 'owner', filters: { status: ['open', 'won'] } };
    expect(drillUrl(twoStatuses, [{ dimension: 'owner', key: ELIO }])).toBeNull();
    expect(
      drillUrl({ ...twoStatuses, thenBy: 'status' }, [
        { dimension: 'owner', key: ELIO },
        { dimension: 'status', key: 'won' },
      ]),
    ).toBe(`/deals?view=list&owner=${ELIO}&status=won`);
    expect(drillUrl({ ...base, entity: 'deals', groupBy: 'source', filters: {} }, [{ dimension: 'source', key: 'Fair' }])).toBeNull();
    expect(
      drillUrl({ ...base, entity: 'companies', groupBy: 'status', filters: { from: '2026-01-01' } }, [{ dimension: 'status', key: 'new' }]),
    ).toBeNull();
    expect(drillUrl({ ...base, entity: 'contacts', groupBy: 'region', filters: {} }, [{ dimension: 'region', key: null }])).toBeNull();
    expect(drillUrl({ ...base, entity: 'orders', groupBy: 'status', filters: {} }, [{ dimension: 'status', key: 'new' }])).toBeNull();
    expect(
      drillUrl({ ...base, entity: 'contacts', groupBy: 'city', filters: { unitId: ELIO } }, [{ dimension: 'city', key: 'Roma' }]),
    ).toBe(`/contacts?unitId=${ELIO}&city=Roma`);
  });
});
