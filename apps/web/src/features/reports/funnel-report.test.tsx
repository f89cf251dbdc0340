import type { TFunnelReport, TPipeline } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { createQueryClient, SESSION_KEY } from '../../lib/query-client.ts';
import { loadReportsMessages } from '../../lib/reports-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { LocaleProvider } from '../locale/locale-context.tsx';
import { ReportsPage } from './reports-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadReportsMessages();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await initI18n('en');
});

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const SALES = id(90);
const OTHER = id(91);
const stage = (n: number, name: string, kind: 'open' | 'won' | 'lost', probability: number) => ({
  id: id(n),
  name,
  kind,
  probability,
});
const pipelines: TPipeline[] = [
  {
    id: SALES,
    name: 'Sales',
    position: 0,
    isDefault: true,
    active: true,
    stages: [stage(1, 'New lead', 'open', 10), stage(2, 'Qualified', 'open', 25)].map((s, position) => ({
      ...s,
      position,
      requiredFields: [],
    })),
  },
  { id: OTHER, name: 'Catering', position: 1, isDefault: false, active: true, stages: [] },
];
const funnel: TFunnelReport = {
  pipeline: { id: SALES, name: 'Sales' },
  baseCurrency: 'EUR',
  asOf: '2026-03-15T09:00:00.000Z',
  timeZone: 'Europe/Rome',
  deals: 7,
  stages: [
    {
      stage: stage(1, 'New lead', 'open', 10),
      reached: 7,
      reachedAmount: '810.00',
      fromPrevious: null,
      fromFirst: '100.00',
      current: 1,
      currentAmount: '30.00',
      averageDays: '3.00',
      medianDays: '2.00',
      measured: 7,
      stillIn: 1,
    },
    {
      stage: stage(2, 'Qualified', 'open', 25),
      reached: 5,
      reachedAmount: '770.00',
      fromPrevious: '71.43',
      fromFirst: '71.43',
      current: 2,
      currentAmount: '70.00',
      averageDays: '4.13',
      medianDays: '2.50',
      measured: 4,
      stillIn: 2,
    },
    {
      stage: stage(3, 'Won', 'won', 100),
      reached: 1,
      reachedAmount: '100.00',
      fromPrevious: '20.00',
      fromFirst: '14.29',
      current: 1,
      currentAmount: '100.00',
      averageDays: null,
      medianDays: null,
      measured: 0,
      stillIn: 0,
    },
  ],
};

function stubApi() {
  const fetch = vi.fn(async (input: string, _init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === '/api/v1/reports/funnel') {
      if (url.searchParams.get('format') === 'xlsx') return new Response('xlsx', { status: 200 });
      return jsonResponse(
        200,
        url.searchParams.get('pipelineId') === OTHER ? { ...funnel, pipeline: { id: OTHER, name: 'Catering' } } : funnel,
      );
    }
    if (url.pathname === '/api/v1/pipelines') return jsonResponse(200, { data: pipelines });
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

const routes = (
  <App>
    <Routes>
      <Route path="/reports/:report" element={<ReportsPage />} />
      <Route path="/deals" element={<Where />} />
    </Routes>
  </App>
);

const PERIOD = 'from=2026-03-01&to=2026-03-31';

describe('the funnel report', { timeout: 20_000 }, () => {
  it('shows each stage with its conversions, amounts and durations, and says how deals still in a stage are counted', async () => {
    const fetch = stubApi();
    await renderWithApp(routes, { me: testMe, path: `/reports/funnel?${PERIOD}` });
    const row = (name: string) => screen.getByText(name, { selector: 'td' }).closest('tr') as HTMLElement;
    expect(await screen.findByText('Qualified', { selector: 'td' })).toBeTruthy();
    expect(screen.getByTestId('report-chart')).toBeTruthy();
    expect(screen.getByTestId('funnel-summary').textContent).toBe('7 deals created in the period in “Sales”.');
    const qualified = within(row('Qualified'));
    expect(qualified.getAllByText('71.43%')).toHaveLength(2);
    expect(qualified.getByText('€770.00')).toBeTruthy();
    expect(qualified.getByText('4.1 days')).toBeTruthy();
    expect(qualified.getByText('2.5 days')).toBeTruthy();
    expect(qualified.getByLabelText('2 deals still in it').textContent).toContain('2');
    expect(within(row('New lead')).getByLabelText('1 deal still in it').textContent).toContain('1');
    // Won and lost stages have no duration.
    expect(within(row('Won')).getAllByText('—')).toHaveLength(2);
    expect(screen.getByTestId('funnel-durations').textContent).toContain('up to now (15 Mar 2026, 10:00)');
    expect(fetch.mock.calls.some(([url]) => String(url) === `/api/v1/reports/funnel?${PERIOD}`)).toBe(true);
  });

  it('opens the deals that reached a stage, or that are in it now, created in the report period', async () => {
    stubApi();
    await renderWithApp(routes, { me: testMe, path: `/reports/funnel?${PERIOD}` });
    fireEvent.click(await screen.findByText('Qualified', { selector: 'td' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        `/deals?view=list&pipeline=${SALES}&reached=${id(2)}&createdFrom=2026-03-01&createdTo=2026-03-31`,
      ),
    );
  });

  it('opens the deals in a stage now from its count', async () => {
    stubApi();
    await renderWithApp(routes, { me: testMe, path: '/reports/funnel?to=2026-03-31' });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the deals in “New lead” now' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/deals?view=list&pipeline=${SALES}&stage=${id(1)}&createdTo=2026-03-31`),
    );
  });

  it('asks for another pipeline and downloads the report as shown', async () => {
    const fetch = stubApi();
    URL.createObjectURL = vi.fn(() => 'blob:file');
    URL.revokeObjectURL = vi.fn();
    await renderWithApp(routes, { me: testMe, path: `/reports/funnel?${PERIOD}` });
    await screen.findByText('Qualified', { selector: 'td' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Pipeline' }));
    fireEvent.click(await screen.findByTitle('Catering'));
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url).includes(`pipelineId=${OTHER}`))).toBe(true));
    await waitFor(() => expect(screen.getByTestId('funnel-summary').textContent).toContain('“Catering”'));
    fireEvent.click(screen.getByRole('button', { name: /Export to Excel/ }));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => String(url) === `/api/v1/reports/funnel?pipelineId=${OTHER}&${PERIOD}&format=xlsx`)).toBe(
        true,
      ),
    );
  });

  it('writes percentages, money and days the Russian way', async () => {
    stubApi();
    const antdLocale = await initI18n('ru');
    await loadReportsMessages();
    const queryClient = createQueryClient();
    queryClient.setQueryData(SESSION_KEY, { user: { ...testMe, locale: 'ru' }, csrfToken: 'test' });
    render(
      <QueryClientProvider client={queryClient}>
        <LocaleProvider initialLocale="ru" initialAntdLocale={antdLocale}>
          <MemoryRouter initialEntries={[`/reports/funnel?${PERIOD}`]}>{routes}</MemoryRouter>
        </LocaleProvider>
      </QueryClientProvider>,
    );
    const cell = await screen.findByText('Qualified', { selector: 'td' });
    const row = within(cell.closest('tr') as HTMLElement);
    expect(row.getAllByText('71,43 %')).toHaveLength(2);
    expect(row.getByText('770,00 €')).toBeTruthy();
    expect(row.getByText('2,5 дн.')).toBeTruthy();
    expect(row.getByLabelText('2 сделки ещё на этапе').textContent).toContain('2');
    expect(screen.getByTestId('funnel-summary').textContent).toBe('За период в «Sales» создано 7 сделок.');
  });
});
