import type { TWonLostReport } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadReportsMessages } from '../../lib/reports-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { ReportsPage } from './reports-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadReportsMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ELIO = '00000000-0000-4000-8000-0000000000e1';
const BEA = '00000000-0000-4000-8000-0000000000e2';
const PRICE = '00000000-0000-4000-8000-0000000000f1';
const report: TWonLostReport = {
  groupBy: 'owner',
  baseCurrency: 'EUR',
  rows: [
    { key: ELIO, label: 'Elio', won: 2, lost: 4, winRate: '33.33', wonAmount: '150.50', lostAmount: '67.00' },
    { key: BEA, label: 'Bea', won: 1, lost: 1, winRate: '50.00', wonAmount: '200.00', lostAmount: '40.00' },
  ],
  total: { won: 3, lost: 5, winRate: '37.50', wonAmount: '350.50', lostAmount: '107.00' },
  reasons: [
    { key: PRICE, label: 'Price too high', count: 4, amount: '97.00', share: '80.00' },
    { key: null, label: '', count: 1, amount: '10.00', share: '20.00' },
  ],
};
const byMonth: TWonLostReport = {
  ...report,
  groupBy: 'month',
  rows: [{ key: '2026-02', label: '2026-02', won: 3, lost: 5, winRate: '37.50', wonAmount: '350.50', lostAmount: '107.00' }],
};

function stubApi() {
  const fetch = vi.fn(async (input: string, _init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === '/api/v1/reports/won-lost')
      return jsonResponse(200, url.searchParams.get('groupBy') === 'month' ? byMonth : report);
    if (url.pathname === '/api/v1/units') return jsonResponse(200, { data: [] });
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
      </Routes>
    </App>,
    { me: testMe, path },
  );

const PERIOD = 'from=2026-01-01&to=2026-06-30';

describe('the won and lost report', { timeout: 20_000 }, () => {
  it('shows won and lost deals per manager with their amounts and total, and the lost ones by reason', async () => {
    const fetch = stubApi();
    await renderAt(`/reports/lost?${PERIOD}`);
    const elio = (await screen.findByText('Elio', { selector: 'td' })).closest('tr') as HTMLElement;
    expect(within(elio).getByText('33.33%')).toBeTruthy();
    expect(within(elio).getByText('€150.50')).toBeTruthy();
    expect(within(elio).getByText('€67.00')).toBeTruthy();
    expect(screen.getByTestId('lost-total').textContent).toBe('€107.00');
    expect(screen.getAllByTestId('report-chart')).toHaveLength(2);
    const reasons = screen.getByTestId('lost-reasons');
    expect(within(reasons).getByText('Price too high')).toBeTruthy();
    const none = within(reasons).getByText('No reason given', { selector: 'td' }).closest('tr') as HTMLElement;
    expect(within(none).getByText('20.00%')).toBeTruthy();
    expect(within(none).getByText('€10.00')).toBeTruthy();
    expect(fetch.mock.calls.some(([url]) => String(url) === `/api/v1/reports/won-lost?groupBy=owner&${PERIOD}`)).toBe(true);
  });

  it('opens the lost deals of a manager, narrowed to the report period', async () => {
    stubApi();
    await renderAt(`/reports/lost?${PERIOD}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Elio: Lost' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        `/deals?view=list&status=lost&owner=${ELIO}&closedFrom=2026-01-01&closedTo=2026-06-30`,
      ),
    );
  });

  it('opens the deals lost without a reason', async () => {
    stubApi();
    await renderAt(`/reports/lost?${PERIOD}`);
    fireEvent.click(await screen.findByText('No reason given', { selector: 'td' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/deals?view=list&status=lost&lostReason=none&closedFrom=2026-01-01&closedTo=2026-06-30',
      ),
    );
  });

  it('groups by month and opens the won deals of a month within the period', async () => {
    const fetch = stubApi();
    await renderAt(`/reports/lost?${PERIOD}`);
    await screen.findByText('Elio', { selector: 'td' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Group by' }));
    fireEvent.click(await screen.findByTitle('Month'));
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url).includes('groupBy=month'))).toBe(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Feb 2026: Won' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/deals?view=list&status=won&closedFrom=2026-02-01&closedTo=2026-02-28'),
    );
  });
});
