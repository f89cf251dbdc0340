import { screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadMarketingMessages } from '../../lib/marketing-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { RoiPage } from './roi-page.tsx';
import { ADS_SOURCE, CAMPAIGN_ID, FAIR_SOURCE } from './test-marketing.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadMarketingMessages();
});
afterEach(() => vi.unstubAllGlobals());

const figures = {
  leads: 12,
  deals: 5,
  wonDeals: 2,
  revenue: '9600.00',
  cost: '3200.00',
  costPerLead: '266.67',
  costPerWonDeal: '1600.00',
  roi: 2,
  revenuePerCost: 3,
};

describe('RoiPage', () => {
  it('shows each campaign’s figures in the user’s money and percent format, and which sources a budget cut would drop', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/marketing/roi?'))
        return jsonResponse(200, {
          from: '2026-10-01',
          to: '2026-12-31',
          by: 'campaign',
          attribution: 'converted',
          baseCurrency: 'EUR',
          rows: [{ ...figures, item: { id: CAMPAIGN_ID, name: 'Milan building fair' }, source: FAIR_SOURCE }],
          totals: figures,
        });
      if (method === 'GET' && url.startsWith('/api/v1/marketing/roi/cut?'))
        return jsonResponse(200, {
          from: '2026-10-01',
          to: '2026-12-31',
          percent: 20,
          baseCurrency: 'EUR',
          rows: [
            {
              source: FAIR_SOURCE,
              cost: '3200.00',
              revenue: '9600.00',
              revenuePerCost: 3,
              costShare: 0.8,
              cumulativeCostShare: 0.8,
              cut: false,
            },
            {
              source: ADS_SOURCE,
              cost: '800.00',
              revenue: '400.00',
              revenuePerCost: 0.5,
              costShare: 0.2,
              cumulativeCostShare: 1,
              cut: true,
            },
          ],
          totalCost: '4000.00',
          totalRevenue: '10000.00',
          cutCost: '800.00',
          revenueAtRisk: '400.00',
        });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <RoiPage />
      </App>,
      { me: testMe, path: '/marketing/roi' },
    );

    const row = (await screen.findByRole('link', { name: 'Milan building fair' })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Trade fairs');
    expect(row.textContent).toContain('€3,200.00');
    expect(row.textContent).toContain('€9,600.00');
    expect(row.textContent).toContain('€266.67');
    expect(row.textContent).toContain('€1,600.00');
    expect(row.textContent).toContain('200%');
    const roiCall = api.calls.find((call) => call.url.startsWith('/api/v1/marketing/roi?'));
    expect(roiCall?.url).toMatch(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&by=campaign&attribution=converted/);

    await waitFor(() => expect(screen.getByTestId('cut-saves').textContent).toContain('€800.00'));
    expect(screen.getByTestId('cut-risk').textContent).toContain('€400.00');
    const adsRow = screen.getByText('Web ads').closest('tr') as HTMLElement;
    expect(adsRow.getAttribute('data-cut')).toBe('true');
    expect(within(adsRow).getByText('Cut')).toBeTruthy();
    const fairRow = screen
      .getAllByText('Trade fairs')
      .map((cell) => cell.closest('tr') as HTMLElement)
      .find((tr) => tr.hasAttribute('data-cut'));
    expect(fairRow?.getAttribute('data-cut')).toBe('false');
    expect(api.calls.some((call) => call.url.startsWith('/api/v1/marketing/roi/cut?') && call.url.includes('percent=20'))).toBe(true);
  }, 30_000);
});
