import type { TCaseStatistics } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import dayjs from 'dayjs';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCaseStatsMessages } from '../../../lib/case-messages.ts';
import { initI18n } from '../../../lib/i18n.ts';
import { createQueryClient, SESSION_KEY } from '../../../lib/query-client.ts';
import { jsonResponse, testMe } from '../../../test/render.tsx';
import { fakeApi } from '../../duplicates/test-duplicates.ts';
import { LocaleProvider } from '../../locale/locale-context.tsx';
import { CaseStatisticsPage } from '../case-statistics-page.tsx';
import { periodDays } from './period.ts';

afterEach(() => vi.unstubAllGlobals());

const QUALITY = '00000000-0000-4000-8000-000000000a01';
const HOTEL = '00000000-0000-4000-8000-000000000b01';
const LIA = '00000000-0000-4000-8000-000000000b02';

const figures = (from: string, to: string, extra: Partial<TCaseStatistics['current']> = {}): TCaseStatistics['current'] => ({
  from,
  to,
  received: 0,
  resolved: 0,
  open: 0,
  slaCompliance: null,
  firstResponseCompliance: null,
  avgHandlingHours: null,
  avgSatisfaction: null,
  unfounded: 0,
  ...extra,
});

const march: TCaseStatistics = {
  by: 'type',
  current: figures('2025-03-01', '2025-03-31', {
    received: 1250,
    resolved: 3,
    open: 2,
    slaCompliance: 0.875,
    firstResponseCompliance: 0.5,
    avgHandlingHours: 172.5,
    avgSatisfaction: 4.25,
    unfounded: 1,
  }),
  previous: figures('2025-02-01', '2025-02-28', {
    received: 1000,
    resolved: 6,
    open: 1,
    slaCompliance: 0.5,
    avgHandlingHours: 100,
    unfounded: 0,
  }),
  lastYear: figures('2024-03-01', '2024-03-31', { received: 1250, resolved: 3, unfounded: 2 }),
  rows: [
    { key: QUALITY, label: 'Quality', current: 1200, previous: 960, lastYear: 0, resolved: 2, slaCompliance: 0, avgHandlingHours: 246 },
    { key: null, label: '', current: 50, previous: 40, lastYear: 1250, resolved: 1, slaCompliance: null, avgHandlingHours: null },
  ],
  repeatedUnfounded: [
    { company: { id: HOTEL, name: 'Hotel Bellavista' }, contact: null, unfounded: 3, lastAt: '2025-03-10T09:00:00.000Z' },
    { company: null, contact: { id: LIA, name: 'Lia Neri' }, unfounded: 2, lastAt: '2025-02-10T09:00:00.000Z' },
  ],
};

async function renderPage(path = '/cases/statistics', answer: TCaseStatistics = march, locale: 'en' | 'ru' = 'en') {
  const api = fakeApi((call) => {
    if (call.url.startsWith('/api/v1/case-statistics')) {
      const by = new URL(call.url, 'http://x').searchParams.get('by') ?? 'type';
      return jsonResponse(200, { ...answer, by });
    }
    if (call.url === '/api/v1/units') return jsonResponse(200, { data: [] });
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const antdLocale = await initI18n(locale);
  await loadCaseStatsMessages();
  const queryClient = createQueryClient();
  queryClient.setQueryData(SESSION_KEY, { user: { ...testMe, locale }, csrfToken: 'test' });
  render(
    <QueryClientProvider client={queryClient}>
      <LocaleProvider initialLocale={locale} initialAntdLocale={antdLocale}>
        <MemoryRouter initialEntries={[path]}>
          <App>
            <CaseStatisticsPage />
          </App>
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  await screen.findByTestId('stat-received-value');
  return api;
}

const text = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\s/g, ' ').trim();

describe('periodDays', () => {
  it('asks for nothing this month (the server knows the zone), whole months and years otherwise, and custom days as given', () => {
    const today = dayjs('2025-03-15');
    expect(periodDays('thisMonth', today, {})).toEqual({});
    expect(periodDays('lastMonth', today, {})).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodDays('lastMonth', dayjs('2025-01-10'), {})).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(periodDays('thisYear', today, {})).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodDays('custom', today, { from: '2025-03-03', to: '2025-03-09' })).toEqual({ from: '2025-03-03', to: '2025-03-09' });
  });
});

describe('CaseStatisticsPage', () => {
  it('shows each figure with its change against the previous period and a year before, the rows and the repeated complainers', async () => {
    const api = await renderPage();
    expect(api.calls.some((c) => c.url === '/api/v1/case-statistics?by=type')).toBe(true);
    expect(text('stat-received-value')).toBe('1,250');
    expect(text('stat-received-previous')).toContain('+25% vs previous period');
    expect(screen.getByTestId('stat-received-last-year').dataset.direction).toBe('flat');
    expect(text('stat-slaCompliance-value')).toBe('87.5%');
    expect(text('stat-avgHandlingHours-value')).toBe('172.5');
    // Handling took longer: up, and worse.
    expect(screen.getByTestId('stat-avgHandlingHours-previous').dataset.direction).toBe('up');
    expect(text('stat-unfounded-previous')).toContain('new vs previous period');
    expect(text('stat-unfounded-last-year')).toContain('-50% vs a year before');
    expect(text('stat-firstResponseCompliance-previous')).toContain('—');
    expect(text('stats-period')).toBe('1 Mar 2025 – 31 Mar 2025');

    const table = screen.getByTestId('stats-table');
    const quality = within(table).getByText('Quality').closest('tr') as HTMLElement;
    expect(within(quality).getByText('1,200')).toBeTruthy();
    expect(within(quality).getByText('+25%')).toBeTruthy();
    expect(within(quality).getByText('246')).toBeTruthy();
    expect(within(table).getByText('No type')).toBeTruthy();
    await screen.findByRole(
      'img',
      { name: 'Cases received by Type: this period, the previous one and a year before' },
      { timeout: 10_000 },
    );

    const repeated = screen.getByTestId('repeated-unfounded');
    expect(within(repeated).getByRole('link', { name: 'Hotel Bellavista' }).getAttribute('href')).toBe(`/companies/${HOTEL}`);
    expect(within(repeated).getByRole('link', { name: 'Lia Neri' }).getAttribute('href')).toBe(`/contacts/${LIA}`);
    expect(repeated.textContent).toContain('Unfounded complaints in 12 months: 3 · last on 10 Mar 2025');
  }, 30_000);

  it('asks for last month, a dimension and custom days from the address, and translates the values of a dimension', async () => {
    const api = await renderPage('/cases/statistics?period=custom&from=2025-03-03&to=2025-03-09&by=channel', {
      ...march,
      rows: [
        { key: 'web_form', label: 'web_form', current: 4, previous: 1, lastYear: 0, resolved: 1, slaCompliance: 1, avgHandlingHours: 2 },
      ],
    });
    expect(api.calls.some((c) => c.url === '/api/v1/case-statistics?by=channel&from=2025-03-03&to=2025-03-09')).toBe(true);
    expect(within(screen.getByTestId('stats-table')).getByText('Web form')).toBeTruthy();
    fireEvent.click(screen.getByText('Last month'));
    await waitFor(() =>
      expect(api.calls.some((c) => /^\/api\/v1\/case-statistics\?by=channel&from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d$/.test(c.url))).toBe(
        true,
      ),
    );
  }, 30_000);

  it('writes numbers, percentages and labels in Russian', async () => {
    await renderPage('/cases/statistics', march, 'ru');
    expect(text('stat-received-value')).toBe('1 250');
    expect(text('stat-slaCompliance-value')).toBe('87,5 %');
    expect(text('stat-received-previous')).toContain('+25 % к прошлому периоду');
    expect(screen.getByText('Повторные необоснованные жалобы')).toBeTruthy();
  }, 30_000);
});
