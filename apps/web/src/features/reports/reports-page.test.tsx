import type { TAbcReport, TAbcSettings, TSalesReport } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadReportsMessages } from '../../lib/reports-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { dealsUrlFor } from './drill-down.ts';
import { ReportsPage } from './reports-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadReportsMessages();
});
afterEach(() => vi.unstubAllGlobals());

const UNIT_A = '00000000-0000-4000-8000-0000000000a1';
const salesByQuarter: TSalesReport = {
  groupBy: 'quarter',
  thenBy: null,
  basis: 'won_deals',
  baseCurrency: 'EUR',
  rows: [
    { key: '2017-Q1', label: '2017-Q1', count: 2, amount: '1232.45' },
    { key: '2017-Q2', label: '2017-Q2', count: 3, amount: '1417.44' },
  ],
  total: { count: 5, amount: '2649.89' },
};
const salesByUnit: TSalesReport = {
  ...salesByQuarter,
  groupBy: 'unit',
  rows: [
    { key: UNIT_A, label: 'Central', count: 4, amount: '2000.00' },
    { key: null, label: '', count: 1, amount: '649.89' },
  ],
};
const abc: TAbcReport = {
  from: '2017-01-01',
  to: '2017-12-31',
  months: 12,
  basis: 'won_deals',
  aShare: '80.00',
  bShare: '95.00',
  xVariation: '10.00',
  yVariation: '25.00',
  baseCurrency: 'EUR',
  total: '1000.00',
  unassigned: '0.00',
  customers: [
    {
      company: { id: '00000000-0000-4000-8000-0000000000c1', name: 'Acme' },
      revenue: '700.00',
      share: '70.00',
      cumulativeShare: '70.00',
      abc: 'A',
      cv: '10.10',
      xyz: 'Y',
      currentClass: null,
    },
    {
      company: { id: '00000000-0000-4000-8000-0000000000c2', name: 'Betasoloin' },
      revenue: '300.00',
      share: '30.00',
      cumulativeShare: '100.00',
      abc: 'A',
      cv: '0.00',
      xyz: 'X',
      currentClass: 'B',
    },
  ],
  matrix: (['A', 'B', 'C'] as const).flatMap((a) =>
    (['X', 'Y', 'Z'] as const).map((x) => ({
      abc: a,
      xyz: x,
      count: a === 'A' && x !== 'Z' ? 1 : 0,
      revenue: a === 'A' && x === 'Y' ? '700.00' : a === 'A' && x === 'X' ? '300.00' : '0.00',
    })),
  ),
  writtenAt: null,
};
const settings: TAbcSettings = {
  aShare: '80.00',
  bShare: '95.00',
  xVariation: '10.00',
  yVariation: '25.00',
  basis: 'won_deals',
  schedule: 'manual',
  writtenAt: null,
  writtenBy: null,
};

let stubbed: () => unknown[][] = () => [];

function stubApi() {
  const fetch = vi.fn(async (input: string, _init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === '/api/v1/reports/sales')
      return jsonResponse(200, url.searchParams.get('groupBy') === 'unit' ? salesByUnit : salesByQuarter);
    if (url.pathname === '/api/v1/reports/abc') return jsonResponse(200, abc);
    if (url.pathname === '/api/v1/reports/abc/settings') return jsonResponse(200, settings);
    if (url.pathname === '/api/v1/reports/abc/apply') return jsonResponse(200, { changed: 2, writtenAt: '2018-01-01T03:00:00.000Z' });
    if (url.pathname === '/api/v1/units') return jsonResponse(200, { data: [] });
    return jsonResponse(404, { code: 'not_found' });
  });
  vi.stubGlobal('fetch', fetch);
  stubbed = () => fetch.mock.calls;
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
      </Routes>
    </App>,
    { me: testMe, path },
  );

describe('the reports page', { timeout: 20_000 }, () => {
  it('draws sales as a chart and a table with its total, and follows a change of grouping', async () => {
    const fetch = stubApi();
    await renderAt('/reports/sales?groupBy=quarter&from=2017-01-01&to=2017-12-31');
    expect(await screen.findByText('2017 Q1')).toBeTruthy();
    expect(screen.getByTestId('report-chart')).toBeTruthy();
    expect(screen.getByText('€1,232.45')).toBeTruthy();
    expect(screen.getByTestId('sales-total').textContent).toBe('€2,649.89');
    expect(fetch.mock.calls.some(([url]) => String(url).includes('groupBy=quarter') && String(url).includes('from=2017-01-01'))).toBe(true);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Group by' }));
    fireEvent.click(await screen.findByTitle('Branch'));
    expect(await screen.findByText('Central')).toBeTruthy();
    expect(screen.getByText('(none)')).toBeTruthy();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('groupBy=unit'))).toBe(true);
  });

  it('keeps the period when another report is opened', async () => {
    stubApi();
    await renderAt('/reports/sales?groupBy=unit&from=2017-01-01&to=2017-06-30');
    await screen.findByText('Central');
    fireEvent.click(screen.getByRole('tab', { name: 'ABC×XYZ' }));
    expect(await screen.findByRole('button', { name: 'AY: 1 customers' })).toBeTruthy();
    expect(stubbed().some(([url]) => String(url).startsWith('/api/v1/reports/abc?from=2017-01-01&to=2017-06-30'))).toBe(true);
  });

  it('opens the won deals behind a table row, narrowed to its group and the report period', async () => {
    stubApi();
    await renderAt('/reports/sales?groupBy=quarter&from=2017-02-10&to=2017-12-31');
    fireEvent.click(await screen.findByText('2017 Q1'));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/deals?view=list&status=won&closedFrom=2017-02-10&closedTo=2017-03-31'),
    );
  });

  it('opens a unit row, and a row without a unit, as deal filters', () => {
    expect(dealsUrlFor([{ dimension: 'unit', key: UNIT_A }], { from: '2017-01-01' })).toBe(
      `/deals?view=list&status=won&unit=${UNIT_A}&closedFrom=2017-01-01`,
    );
    expect(
      dealsUrlFor(
        [
          { dimension: 'product', key: null },
          { dimension: 'month', key: '2017-02' },
        ],
        {},
      ),
    ).toBe('/deals?view=list&status=won&product=none&closedFrom=2017-02-01&closedTo=2017-02-28');
  });

  it('shows the ABC×XYZ matrix; a cell lists its customers with links to them', async () => {
    stubApi();
    await renderAt('/reports/abc');
    const cell = await screen.findByRole('button', { name: 'AY: 1 customers' });
    expect(within(cell).getByText('€700.00')).toBeTruthy();
    fireEvent.click(cell);
    const list = await screen.findByTestId('cell-customers');
    expect(within(list).getByRole('link', { name: 'Acme' }).getAttribute('href')).toBe('/companies/00000000-0000-4000-8000-0000000000c1');
    expect(within(list).queryByText('Betasoloin')).toBeNull();
    expect(screen.getByRole('button', { name: 'Apply classes to customers' })).toBeTruthy();
  });

  it('writes the classes to the customers only after a confirmation', async () => {
    const fetch = stubApi();
    await renderAt('/reports/abc');
    await screen.findByRole('button', { name: 'AY: 1 customers' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply classes to customers' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText('Write the ABC classes to the customers?').length).toBeGreaterThan(0);
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/apply'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply classes to customers' }));
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url) === '/api/v1/reports/abc/apply')).toBe(true));
    const call = fetch.mock.calls.find(([url]) => String(url) === '/api/v1/reports/abc/apply');
    expect(call?.[1]?.method).toBe('POST');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(await screen.findByText('2 customers changed')).toBeTruthy();
  });

  it('says when the figures on screen were read, and reads them again on request', async () => {
    const fetch = stubApi();
    await renderAt('/reports/sales?groupBy=quarter&from=2017-01-01&to=2017-12-31');
    const refreshed = await screen.findByTestId('report-refreshed');
    expect(refreshed.textContent).toMatch(/^Figures as of \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    const reads = () => fetch.mock.calls.filter(([url]) => String(url).startsWith('/api/v1/reports/sales')).length;
    const before = reads();
    fireEvent.click(screen.getByRole('button', { name: /Refresh/ }));
    await waitFor(() => expect(reads()).toBe(before + 1));
  });
});
