import type { TKpiBoard, TKpiSeries, TLocale, TMe } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAnalyticsMessages } from '../../lib/analytics-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { createQueryClient, SESSION_KEY } from '../../lib/query-client.ts';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { LocaleProvider } from '../locale/locale-context.tsx';
import { DashboardPage } from './dashboard-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadAnalyticsMessages();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await initI18n('en');
});

function aBoard(period: TKpiBoard['period'], scale = 1): TKpiBoard {
  return {
    period,
    timeZone: 'Europe/Rome',
    baseCurrency: 'EUR',
    current: { from: '2026-12-06T23:00:00.000Z', to: '2026-12-07T13:05:00.000Z' },
    previous: { from: '2026-12-05T23:00:00.000Z', to: '2026-12-06T13:05:00.000Z' },
    kpis: [
      { measure: 'potentialClients', current: { count: 3 * scale, sum: null }, previous: { count: 2, sum: null } },
      { measure: 'quotesSent', current: { count: 2, sum: '1234.50' }, previous: { count: 4, sum: '2469.00' } },
      { measure: 'newDeals', current: { count: 1250, sum: '1950.00' }, previous: { count: 0, sum: '0.00' } },
      { measure: 'dealsWon', current: { count: 1, sum: '1000.00' }, previous: { count: 1, sum: '1000.00' } },
      { measure: 'complaintsReceived', current: { count: 4, sum: null }, previous: { count: 5, sum: null } },
      { measure: 'complaintsResolved', current: { count: 6, sum: null }, previous: { count: 3, sum: null } },
    ],
    refreshedAt: '2026-12-07T13:05:00.000Z',
  };
}

const aSeries = (period: TKpiSeries['period']): TKpiSeries => ({
  measure: 'newDeals',
  period,
  step: period === 'today' ? 'hour' : 'day',
  timeZone: 'Europe/Rome',
  baseCurrency: 'EUR',
  current: [{ index: 0, start: '2026-12-06T23:00:00.000Z', count: 1, sum: '10.00' }],
  previous: [{ index: 0, start: '2026-12-05T23:00:00.000Z', count: 0, sum: '0.00' }],
  refreshedAt: '2026-12-07T13:05:00.000Z',
});

async function renderBoard(me: TMe, locale: TLocale = 'en') {
  const api = fakeApi(({ url }) => {
    const query = new URL(url, 'http://x').searchParams;
    const period = (query.get('period') ?? 'today') as TKpiBoard['period'];
    if (url.startsWith('/api/v1/dashboards/kpi/series')) return jsonResponse(200, aSeries(period));
    if (url.startsWith('/api/v1/dashboards/kpi')) return jsonResponse(200, aBoard(period, period === 'week' ? 10 : 1));
    if (url === '/api/v1/units') return jsonResponse(200, { data: [] });
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const antdLocale = await initI18n(locale);
  const queryClient = createQueryClient();
  queryClient.setQueryData(SESSION_KEY, { user: me, csrfToken: 'test' });
  render(
    <QueryClientProvider client={queryClient}>
      <LocaleProvider initialLocale={locale} initialAntdLocale={antdLocale}>
        <MemoryRouter initialEntries={['/dashboard']}>
          <App>
            <DashboardPage />
          </App>
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  await screen.findByTestId('kpi-newDeals');
  return api;
}

const text = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\s/g, ' ');

describe('DashboardPage', () => {
  it('shows a tile per KPI with its value, the previous one and the change, money in the base currency, and when the figures are from', async () => {
    await renderBoard(testMe);
    expect(text('kpi-potentialClients-count')).toBe('3');
    expect(text('kpi-potentialClients-previous')).toBe('Previous period: 2');
    expect(screen.getByTestId('kpi-potentialClients-change').dataset.direction).toBe('up');
    expect(text('kpi-potentialClients-change')).toContain('+50%');
    expect(text('kpi-quotesSent-sum')).toBe('€1,234.50');
    expect(text('kpi-quotesSent-previous')).toBe('Previous period: 4 · €2,469.00');
    expect(screen.getByTestId('kpi-quotesSent-sum-change').dataset.direction).toBe('down');
    expect(text('kpi-quotesSent-sum-change')).toContain('-50%');
    expect(text('kpi-newDeals-count')).toBe('1,250');
    expect(text('kpi-newDeals-change')).toContain('new');
    expect(screen.getByTestId('kpi-dealsWon-change').dataset.direction).toBe('flat');
    // 13:05 UTC is 14:05 in Rome, the reader's zone.
    expect(text('kpi-refreshed')).toBe('Figures as of 14:05 (live)');
    // The charts' code loads on demand: slow on a busy machine.
    await screen.findByRole('img', { name: "Each figure of this period beside the previous period's" }, { timeout: 10_000 });
    await screen.findByRole('img', { name: '“New deals” step by step, against the previous period' }, { timeout: 10_000 });
    // Complaints received and resolved, counts only.
    expect(text('kpi-complaintsReceived-count')).toBe('4');
    expect(text('kpi-complaintsReceived-change')).toContain('-20%');
    expect(text('kpi-complaintsResolved-previous')).toBe('Previous period: 3');
    expect(screen.getByTestId('kpi-complaintsResolved-change').dataset.direction).toBe('up');
    expect(screen.queryByTestId('kpi-complaintsReceived-sum')).toBeNull();
  }, 30_000);

  it('switches the period and asks the server for it', async () => {
    const api = await renderBoard(testMe);
    fireEvent.click(screen.getByText('This week'));
    await waitFor(() => expect(text('kpi-potentialClients-count')).toBe('30'));
    expect(api.calls.some((call) => call.url === '/api/v1/dashboards/kpi?period=week')).toBe(true);
    expect(api.calls.some((call) => call.url === '/api/v1/dashboards/kpi/series?period=week&measure=newDeals')).toBe(true);
  }, 30_000);

  it('opens the records behind each tile, and offers managers and admins the branch filter', async () => {
    await renderBoard(testMe);
    expect(screen.getByTestId('kpi-potentialClients').getAttribute('href')).toBe('/companies?status=potential');
    expect(screen.getByTestId('kpi-quotesSent').getAttribute('href')).toBe('/quotes?status=sent');
    // Today on the board's (Rome) calendar: 7 December, which began at 23:00 UTC on the 6th.
    expect(screen.getByTestId('kpi-newDeals').getAttribute('href')).toBe('/deals?view=list&createdFrom=2026-12-07&createdTo=2026-12-07');
    expect(screen.getByTestId('kpi-dealsWon').getAttribute('href')).toBe(
      '/deals?view=list&status=won&closedFrom=2026-12-07&closedTo=2026-12-07',
    );
    expect(screen.getByTestId('kpi-complaintsReceived').getAttribute('href')).toBe('/cases?all=1');
    expect(screen.getByTestId('kpi-complaintsResolved').getAttribute('href')).toBe('/cases?status=resolved%2Cclosed');
    expect(screen.getByRole('combobox', { name: 'Branch' })).toBeTruthy();
  }, 30_000);

  it('gives an employee links to their own deals, without the branch filter', async () => {
    await renderBoard({ ...testMe, role: 'employee' });
    expect(screen.getByTestId('kpi-dealsWon').getAttribute('href')).toBe(
      `/deals?view=list&status=won&closedFrom=2026-12-07&closedTo=2026-12-07&owner=${testMe.id}`,
    );
    expect(screen.getByTestId('kpi-newDeals').getAttribute('href')).toBe(
      `/deals?view=list&createdFrom=2026-12-07&createdTo=2026-12-07&owner=${testMe.id}`,
    );
    expect(screen.queryByRole('combobox', { name: 'Branch' })).toBeNull();
  }, 30_000);

  it('formats counts, money and percentages in Russian', async () => {
    await renderBoard({ ...testMe, locale: 'ru' }, 'ru');
    expect(text('kpi-newDeals-count')).toBe('1 250');
    expect(text('kpi-quotesSent-sum')).toBe('1 234,50 €');
    expect(text('kpi-quotesSent-sum-change')).toContain('-50 %');
    expect(text('kpi-quotesSent-previous')).toBe('Прошлый период: 4 · 2 469,00 €');
    expect(within(screen.getByTestId('kpi-potentialClients')).getByText('Новые потенциальные клиенты')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-complaintsReceived')).getByText('Получено жалоб')).toBeTruthy();
    expect(text('kpi-refreshed')).toBe('Данные на 14:05 (в реальном времени)');
  }, 30_000);
});
