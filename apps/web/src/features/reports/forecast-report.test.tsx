import type { TForecast } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadForecastMessages } from '../../lib/forecast-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { createQueryClient, SESSION_KEY } from '../../lib/query-client.ts';
import { loadReportsMessages } from '../../lib/reports-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { LocaleProvider } from '../locale/locale-context.tsx';
import { ForecastReport } from './forecast-report.tsx';
import { ReportsPage } from './reports-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadReportsMessages();
  await loadForecastMessages();
});
afterEach(() => vi.unstubAllGlobals());

const UNIT = '00000000-0000-4000-8000-0000000000a1';
const month = (m: string, plan: string | null, actual: string | null, forecast: string | null) => ({
  month: m,
  plan,
  actual,
  forecast,
  pipeline: forecast === null ? null : '100.00',
  runRate: forecast === null ? null : '200.00',
});
const report: TForecast = {
  kind: 'total',
  target: null,
  basis: 'won_deals',
  baseCurrency: 'EUR',
  today: '2026-06-15',
  currentMonth: '2026-06',
  partial: false,
  months: [
    month('2026-05', '5000.00', '5900.00', null),
    month('2026-06', '2000.00', '400.00', '1950.00'),
    month('2026-07', '2500.00', null, '2313.33'),
  ],
  nextMonth: { from: '2026-07', to: '2026-07', plan: '2500.00', forecast: '2313.33', pipeline: '600.00', runRate: '1713.33' },
  nextQuarter: { from: '2026-07', to: '2026-09', plan: null, forecast: '8033.33', pipeline: '1600.00', runRate: '6433.33' },
  undated: { count: 1, weighted: '80.00' },
  seasonal: false,
  historyMonths: 5,
  backtest: {
    months: [
      { month: '2026-03', forecast: '500.00', actual: '600.00', error: '-100.00', errorPercent: '16.67' },
      { month: '2026-04', forecast: '0.00', actual: '0.00', error: '0.00', errorPercent: null },
    ],
    mape: '16.67',
    monthsWithoutSales: 1,
    meanAbsoluteError: '50.00',
    bias: '-50.00',
  },
};

function stubApi() {
  const fetch = vi.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === '/api/v1/forecasts')
      return jsonResponse(
        200,
        url.searchParams.get('kind') === 'unit'
          ? { ...report, kind: 'unit', target: { id: UNIT, name: 'Via Roma' }, partial: true }
          : report,
      );
    if (url.pathname === '/api/v1/plans/targets') return jsonResponse(200, { data: [{ id: UNIT, name: 'Via Roma' }] });
    return jsonResponse(404, { code: 'not_found' });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderAt = (path: string) =>
  renderWithApp(
    <App>
      <Routes>
        <Route path="/reports/:report" element={<ReportsPage />} />
      </Routes>
    </App>,
    { me: testMe, path },
  );

describe('the forecast tab', { timeout: 45_000 }, () => {
  it('shows next month and quarter against the plan, the chart, and how far the backtest was off', async () => {
    const fetch = stubApi();
    await renderAt('/reports/forecast');
    expect(await screen.findByText('€2,313.33')).toBeTruthy();
    expect(screen.getByText('Next month · Jul 2026')).toBeTruthy();
    // 2313.33 of 2500 planned.
    expect(screen.getByText('92.53% of the plan (€2,500.00)')).toBeTruthy();
    expect(screen.getByText('Next three months · Jul 2026 – Sept 2026')).toBeTruthy();
    expect(screen.getByText('No plan')).toBeTruthy();
    expect(screen.getByText('Pipeline €600.00 + new business €1,713.33')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Plan, actual and forecast by month' })).toBeTruthy();
    expect(screen.getByTestId('forecast-notes').textContent).toBe(
      'New business is the average of the last 5 months; the season counts once a full year is known. 1 open deal has no expected close date (€80.00 weighted) and is in no month.',
    );
    expect(screen.getByTestId('backtest-summary').textContent).toBe(
      'On average the forecast was off by 16.67%. 1 month without sales is left out of the average. It tended to be too low, by €50.00 a month.',
    );
    const table = screen.getByTestId('backtest-table');
    expect(within(table).getByText('Mar 2026')).toBeTruthy();
    expect(within(table).getByText('-€100.00')).toBeTruthy();
    expect(within(table).getByText('—')).toBeTruthy();
    expect(fetch.mock.calls.some(([url]) => String(url) === '/api/v1/forecasts?kind=total')).toBe(true);
  });

  it('forecasts for a branch picked by name, on orders, and says when the reader sees only part of it', async () => {
    const fetch = stubApi();
    await renderAt('/reports/forecast');
    await screen.findByText('€2,313.33');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Forecast for' }));
    fireEvent.click(await screen.findByTitle('Branches'));
    expect(await screen.findByText('Choose whom to forecast for', { selector: '.ant-alert-title' })).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Choose whom to forecast for' }));
    fireEvent.click(await screen.findByTitle('Via Roma'));
    expect(await screen.findByText('The figures count only the deals and orders you can see.')).toBeTruthy();
    expect(
      fetch.mock.calls.some(([url]) => String(url).startsWith('/api/v1/plans/targets?kind=unit') && String(url).includes('action=read')),
    ).toBe(true);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Revenue from' }));
    fireEvent.click(await screen.findByTitle('Orders'));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => String(url) === `/api/v1/forecasts?kind=unit&targetId=${UNIT}&basis=orders`)).toBe(true),
    );
  });

  it('starts an employee on their own forecast', async () => {
    const fetch = stubApi();
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/reports/:report" element={<ReportsPage />} />
        </Routes>
      </App>,
      { me: { ...testMe, role: 'employee' }, path: '/reports/forecast' },
    );
    await screen.findByText('€2,313.33');
    expect(fetch.mock.calls.some(([url]) => String(url) === `/api/v1/forecasts?kind=owner&targetId=${testMe.id}`)).toBe(true);
    expect(fetch.mock.calls.some(([url]) => String(url).includes('kind=total'))).toBe(false);
  });

  it('speaks Russian: money, percentages and plural forms the Russian way', async () => {
    stubApi();
    const antdLocale = await initI18n('ru');
    const queryClient = createQueryClient();
    queryClient.setQueryData(SESSION_KEY, { user: { ...testMe, locale: 'ru' }, csrfToken: 'test' });
    render(
      <QueryClientProvider client={queryClient}>
        <LocaleProvider initialLocale="ru" initialAntdLocale={antdLocale}>
          <MemoryRouter initialEntries={['/reports/forecast']}>
            <App>
              <ForecastReport />
            </App>
          </MemoryRouter>
        </LocaleProvider>
      </QueryClientProvider>,
    );
    const text = async (testId: string) => (await screen.findByTestId(testId)).textContent?.replace(/\s/g, ' ');
    expect(await text('backtest-summary')).toBe(
      'В среднем прогноз ошибался на 16,67 %. 1 месяц без продаж не входит в среднее. Обычно он был занижен — на 50,00 € в месяц.',
    );
    expect(await text('forecast-notes')).toBe(
      'Новые продажи — среднее за последние 5 месяцев; сезонность учитывается, когда известен полный год. 1 открытая сделка без ожидаемой даты закрытия (80,00 € с учётом вероятности) не попала ни в один месяц.',
    );
    const spaced = (wanted: string) => (_: string, element: Element | null) =>
      element?.children.length === 0 && element.textContent?.replace(/\s/g, ' ') === wanted;
    expect(screen.getAllByText(spaced('2 313,33 €')).length).toBeGreaterThan(0);
    expect(screen.getAllByText(spaced('-100,00 €')).length).toBe(1);
  });
});
