import type { TLead } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadMarketingMessages } from '../../lib/marketing-messages.ts';
import { loadRolesMessages } from '../../lib/roles-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { LeadPage } from './lead-page.tsx';
import { leadName } from './leads-api.ts';
import { LeadsPage } from './leads-page.tsx';
import { aLead, CAMPAIGN_ID, LEAD_ID } from './test-marketing.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadMarketingMessages();
  await loadRolesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const EXISTING_CONTACT = { id: '00000000-0000-4000-8000-000000000c01', name: 'Marco Bianchi' };
const PIPELINE = {
  id: '00000000-0000-4000-8000-000000000d01',
  name: 'Sales',
  position: 0,
  isDefault: true,
  active: true,
  stages: [{ id: '00000000-0000-4000-8000-000000000d02', name: 'Offer', position: 0, probability: 20, kind: 'open', requiredFields: [] }],
};

describe('LeadsPage', () => {
  it('lists the campaign’s leads asked by the address', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/leads?')) return jsonResponse(200, page([aLead()]));
      if (method === 'GET' && (url.startsWith('/api/v1/users') || url.startsWith('/api/v1/campaigns'))) return jsonResponse(200, page([]));
      if (method === 'GET' && url === '/api/v1/lead-sources') return jsonResponse(200, { data: [] });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <LeadsPage />
      </App>,
      { me: testMe, path: `/leads?campaignId=${CAMPAIGN_ID}` },
    );
    const row = (await screen.findByRole('link', { name: 'Marco Bianchi' })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Edilizia Bianchi');
    expect(row.textContent).toContain('marco@bianchi.example');
    expect(row.textContent).toContain('Trade fairs');
    expect(row.textContent).toContain('Milan building fair');
    expect(row.textContent).toContain('Qualified');
    expect(row.textContent).toContain('Anna Rossi');
    expect(api.calls.find((call) => call.url.startsWith('/api/v1/leads?'))?.url).toContain(`filter%5BcampaignId%5D=${CAMPAIGN_ID}`);
  }, 30_000);
});

describe('LeadPage', () => {
  it('converts the lead into an existing contact, a new company and a deal, then links to them', async () => {
    const converted = aLead({
      status: 'converted',
      conversion: {
        contact: EXISTING_CONTACT,
        company: { id: '00000000-0000-4000-8000-000000000c02', name: 'Edilizia Bianchi' },
        deal: { id: '00000000-0000-4000-8000-000000000c03', name: 'Plasterboard for Bianchi' },
        at: '2026-11-05T10:00:00.000Z',
        by: null,
      },
    });
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/leads/${LEAD_ID}`) return jsonResponse(200, aLead());
      if (method === 'GET' && url === `/api/v1/leads/${LEAD_ID}/matches`)
        return jsonResponse(200, {
          contacts: [{ ...EXISTING_CONTACT, company: null, email: 'marco@bianchi.example', phone: null, matchedOn: ['email'] }],
          companies: [],
        });
      if (method === 'GET' && url === '/api/v1/pipelines') return jsonResponse(200, { data: [PIPELINE] });
      if (method === 'GET' && url === '/api/v1/currencies') return jsonResponse(200, { baseCurrency: 'EUR', currencies: [] });
      if (method === 'POST' && url === `/api/v1/leads/${LEAD_ID}/convert`) return jsonResponse(200, converted);
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/leads/:id" element={<LeadPage />} />
        </Routes>
      </App>,
      { me: testMe, path: `/leads/${LEAD_ID}` },
    );

    expect(await screen.findByRole('heading', { name: 'Marco Bianchi' })).toBeTruthy();
    expect(screen.getByText('Agreed to receive news')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Convert' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('radio', { name: /Use “Marco Bianchi”/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Also open a deal' }));
    const title = await within(dialog).findByRole('textbox', { name: 'Deal title' });
    expect((title as HTMLInputElement).value).toBe('Edilizia Bianchi');
    fireEvent.change(title, { target: { value: 'Plasterboard for Bianchi' } });
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Amount' }), { target: { value: '4200' } });
    await waitFor(() => expect(within(dialog).getByText('Offer')).toBeTruthy());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert' }));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      contactId: EXISTING_CONTACT.id,
      createCompany: true,
      deal: {
        title: 'Plasterboard for Bianchi',
        amount: '4200.00',
        currency: 'EUR',
        pipelineId: PIPELINE.id,
        stageId: PIPELINE.stages[0]?.id,
      },
    });
    expect(await within(dialog).findByText('The lead is converted')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Open the contact' }).getAttribute('href')).toBe(`/contacts/${EXISTING_CONTACT.id}`);
    expect(within(dialog).getByRole('link', { name: 'Open the deal' }).getAttribute('href')).toBe(
      '/deals/00000000-0000-4000-8000-000000000c03',
    );
  }, 30_000);

  it('offers "Share" beside the lead’s actions to who may work it, and opens its shares', async () => {
    const api = await openLeadPage(aLead());
    fireEvent.click(await screen.findByRole('button', { name: /Share/ }));
    // Found by its title: in tests every element's generated id is the same, so the page's other labels would name the dialog.
    const title = await screen.findByText('Share “Marco Bianchi”', undefined, { timeout: 10_000 });
    const dialog = title.closest('[role="dialog"]') as HTMLElement;
    expect(await within(dialog).findByText('Not shared with anyone yet.')).toBeTruthy();
    expect(api.calls.map((call) => call.url)).toContain(`/api/v1/record-shares?entity=leads&recordId=${LEAD_ID}`);
  }, 30_000);

  it('offers no "Share" to a reader who may not work the lead', async () => {
    await openLeadPage(
      aLead({ owner: { id: '00000000-0000-4000-8000-000000000002', name: 'Bea Neri' }, mayChange: false, mayDelete: false }),
      {
        ...testMe,
        role: 'employee',
      },
    );
    expect(screen.getByText('Agreed to receive news')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Share/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Convert' })).toBeNull();
  }, 30_000);
});

/** Opens `/leads/:id` on a server that knows only the lead (and its shares, none yet). */
async function openLeadPage(lead: TLead, me = testMe) {
  const api = fakeApi(({ method, url }) => {
    if (method === 'GET' && url === `/api/v1/leads/${lead.id}`) return jsonResponse(200, lead);
    if (method === 'GET' && url === `/api/v1/record-shares?entity=leads&recordId=${lead.id}`) return jsonResponse(200, { data: [] });
    if (method === 'GET' && (url === '/api/v1/units' || url.startsWith('/api/v1/users'))) return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <Routes>
        <Route path="/leads/:id" element={<LeadPage />} />
      </Routes>
    </App>,
    { me, path: `/leads/${lead.id}` },
  );
  await screen.findByRole('heading', { name: leadName(lead) });
  return api;
}
