import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadMarketingMessages } from '../../lib/marketing-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { CampaignPage } from './campaign-page.tsx';
import { CampaignsPage } from './campaigns-page.tsx';
import { aCampaign, aCampaignDetail, CAMPAIGN_ID, FAIR_SOURCE } from './test-marketing.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadMarketingMessages();
});
afterEach(() => vi.unstubAllGlobals());

const roi = {
  from: '2000-01-01',
  to: '2999-12-31',
  by: 'campaign',
  attribution: 'converted',
  baseCurrency: 'EUR',
  rows: [
    {
      item: { id: CAMPAIGN_ID, name: 'Milan building fair' },
      source: FAIR_SOURCE,
      leads: 12,
      deals: 5,
      wonDeals: 2,
      revenue: '9600.00',
      cost: '3200.00',
      costPerLead: '266.67',
      costPerWonDeal: '1600.00',
      roi: 2,
      revenuePerCost: 3,
    },
  ],
  totals: {
    leads: 12,
    deals: 5,
    wonDeals: 2,
    revenue: '9600.00',
    cost: '3200.00',
    costPerLead: null,
    costPerWonDeal: null,
    roi: 2,
    revenuePerCost: 3,
  },
};

describe('CampaignsPage', () => {
  it('lists campaigns with their costs and results, and creates one from the modal', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/campaigns?')) return jsonResponse(200, page([aCampaign()]));
      if (method === 'GET' && url.startsWith('/api/v1/marketing/roi?')) return jsonResponse(200, roi);
      if (method === 'GET' && url === '/api/v1/lead-sources')
        return jsonResponse(200, { data: [{ ...FAIR_SOURCE, position: 0, active: true }] });
      if (method === 'GET' && url === '/api/v1/currencies') return jsonResponse(200, { baseCurrency: 'EUR', currencies: [] });
      if (method === 'GET' && (url.startsWith('/api/v1/users') || url.startsWith('/api/v1/views') || url.startsWith('/api/v1/lists')))
        return jsonResponse(200, page([]));
      if (method === 'POST' && url === '/api/v1/campaigns')
        return jsonResponse(201, aCampaign({ id: '00000000-0000-4000-8000-000000000802', name: 'Spring seminar' }));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <CampaignsPage />
      </App>,
      { me: testMe, path: '/campaigns?kind=exhibition' },
    );

    const row = (await screen.findByRole('link', { name: 'Milan building fair' })).closest('tr') as HTMLElement;
    await waitFor(() => expect(row.textContent).toContain('€9,600.00'));
    expect(row.textContent).toContain('Exhibition');
    expect(row.textContent).toContain('Running');
    expect(row.textContent).toContain('3 Nov 2026');
    expect(row.textContent).toContain('€5,000.00');
    expect(row.textContent).toContain('€3,200.00');
    expect(row.textContent).toContain('12');
    expect(row.textContent).toContain('200%');
    expect(api.calls.some((call) => call.url.startsWith('/api/v1/campaigns?') && call.url.includes('filter%5Bkind%5D=exhibition'))).toBe(
      true,
    );
    expect(screen.getByRole('link', { name: /ROI/ }).getAttribute('href')).toBe('/marketing/roi');
    expect(screen.getByRole('link', { name: /Marketing settings/ }).getAttribute('href')).toBe('/marketing/settings');

    fireEvent.click(screen.getByRole('button', { name: /New campaign/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Spring seminar' } });
    fireEvent.change(within(dialog).getByLabelText('Budget'), { target: { value: '1500' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({
      name: 'Spring seminar',
      kind: 'exhibition',
      startsOn: null,
      endsOn: null,
      budget: '1500.00',
      sourceId: null,
      segmentViewId: null,
      segmentListId: null,
      description: null,
    });
  }, 30_000);
});

describe('CampaignPage', () => {
  it('shows the budget left and the results, and adds a cost line', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/campaigns/${CAMPAIGN_ID}`) return jsonResponse(200, aCampaignDetail());
      if (method === 'POST' && url === `/api/v1/campaigns/${CAMPAIGN_ID}/costs`)
        return jsonResponse(201, {
          id: '00000000-0000-4000-8000-000000000812',
          description: 'Leaflets',
          planned: '300.00',
          actual: '280.00',
          incurredOn: '2026-11-02',
        });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/campaigns/:id" element={<CampaignPage />} />
        </Routes>
      </App>,
      { me: testMe, path: `/campaigns/${CAMPAIGN_ID}` },
    );

    expect(await screen.findByRole('heading', { name: 'Milan building fair' })).toBeTruthy();
    expect(screen.getByText('Stand rent')).toBeTruthy();
    expect(screen.getByText('€1,800.00')).toBeTruthy();
    expect(screen.getByText('€3,200.00 spent of €5,000.00')).toBeTruthy();
    expect(screen.getByTestId('result-roi').textContent).toContain('200%');
    expect(screen.getByTestId('result-costPerWon').textContent).toContain('€1,600.00');
    expect(screen.getByRole('link', { name: 'Builders in Lombardy' }).getAttribute('href')).toBe(
      '/lists/00000000-0000-4000-8000-000000000901',
    );
    expect(screen.getByRole('link', { name: /Its leads/ }).getAttribute('href')).toBe(`/leads?campaignId=${CAMPAIGN_ID}`);

    fireEvent.click(screen.getByRole('button', { name: /Add a cost/ }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Description' }), { target: { value: 'Leaflets' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Planned' }), { target: { value: '300' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Actual' }), { target: { value: '280.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toMatchObject({ description: 'Leaflets', planned: '300.00', actual: '280.50' });
    expect((post?.body as { incurredOn?: string } | undefined)?.incurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 30_000);
});
