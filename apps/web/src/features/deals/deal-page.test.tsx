import type { TCurrencySettings, TDealStageChange, TLostReason, TTimelineItem } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDealMessages } from '../../lib/deal-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { loadTaskMessages } from '../../lib/task-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { anActivity, anAgreement } from '../activities/test-activities.ts';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { aTask, MARCO } from '../tasks/test-tasks.ts';
import { DealPage } from './deal-page.tsx';
import { aDeal, aPipeline, LEAD, LOST, PROPOSAL } from './test-deals.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadDealMessages();
  await loadTaskMessages();
});
afterEach(() => vi.unstubAllGlobals());

const samovars = aDeal('00000000-0000-4000-8000-000000000e02', 'Samovars for the hotel', {
  stage: { id: PROPOSAL.id, name: PROPOSAL.name, kind: 'open' },
  company: { id: '00000000-0000-4000-8000-000000000501', name: 'Hotel Neva' },
  amount: '150000.00',
  currency: 'RUB',
  amountBase: '1650.00',
  probability: 50,
  expectedCloseOn: '2027-01-31',
});
const URL = `/api/v1/deals/${samovars.id}`;
const PRICE: TLostReason = { id: '00000000-0000-4000-8000-000000000f01', name: 'Price too high', active: true };
const OLD: TLostReason = { id: '00000000-0000-4000-8000-000000000f02', name: 'No longer used', active: false };
const history: TDealStageChange[] = [
  {
    from: null,
    to: { id: LEAD.id, name: 'Lead', kind: 'open' },
    at: '2026-11-20T09:00:00.000Z',
    by: { id: samovars.owner?.id ?? '', name: 'Elio Conti' },
  },
  {
    from: { id: LEAD.id, name: 'Lead' },
    to: { id: PROPOSAL.id, name: 'Proposal', kind: 'open' },
    at: '2026-12-01T17:30:00.000Z',
    by: { id: testMe.id, name: 'Anna Rossi' },
  },
];
const DEAL = { id: samovars.id, title: samovars.title };
const HOTEL = samovars.company as { id: string; name: string };
const timeline: TTimelineItem[] = [
  {
    kind: 'agreement',
    id: '00000000-0000-4000-8000-000000000801',
    at: '2026-12-02T10:00:00.000Z',
    agreement: anAgreement('00000000-0000-4000-8000-000000000801', { title: 'Tea glasses as a gift', company: HOTEL, deal: DEAL }),
  },
  {
    kind: 'activity',
    id: '00000000-0000-4000-8000-000000000701',
    at: '2026-12-01T09:00:00.000Z',
    activity: anActivity('00000000-0000-4000-8000-000000000701', { subject: 'Tasting at the hotel', links: [], deals: [DEAL] }),
  },
];
const settings: TCurrencySettings = {
  baseCurrency: 'EUR',
  currencies: [{ code: 'RUB', latestRate: '0.011', latestRateOn: '2026-11-01' }],
  baseCurrencyChangeable: false,
};

async function renderDeal(handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => {
    const own = handler(call);
    if (own) return own;
    if (call.method !== 'GET') return undefined;
    if (call.url === URL) return jsonResponse(200, samovars);
    if (call.url === `${URL}/stages`) return jsonResponse(200, { data: history });
    if (call.url === '/api/v1/pipelines') return jsonResponse(200, { data: [aPipeline()] });
    if (call.url === '/api/v1/pipelines/lost-reasons') return jsonResponse(200, { data: [PRICE, OLD] });
    if (call.url === '/api/v1/currencies') return jsonResponse(200, settings);
    if (call.url.startsWith(`${URL}/timeline?`)) return jsonResponse(200, { data: timeline, nextCursor: null });
    if (call.url === '/api/v1/units') return jsonResponse(200, page([]));
    if (call.url.startsWith('/api/v1/users?') || call.url.startsWith('/api/v1/companies?') || call.url.startsWith('/api/v1/contacts?'))
      return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <Routes>
        <Route path="/deals/:id" element={<DealPage />} />
      </Routes>
    </App>,
    { me: testMe, path: `/deals/${samovars.id}` },
  );
  await screen.findByRole('heading', { name: 'Samovars for the hotel' });
  return api;
}

describe('DealPage', () => {
  it('shows the amount in its currency and in the base one, and the stage history in the user’s time zone', async () => {
    await renderDeal(() => undefined);
    expect(screen.getByTestId('deal-amount').textContent).toContain('150,000.00');
    expect(screen.getByTestId('deal-amount').textContent).toContain('RUB');
    expect(screen.getByTestId('deal-amount-base').textContent).toBe('€1,650.00');
    expect(screen.getByText('Amount in EUR')).toBeTruthy();
    expect(screen.getByText('31 Jan 2027')).toBeTruthy();
    expect(await screen.findByText('From “Lead” to “Proposal”')).toBeTruthy();
    expect(screen.getByText('Created in “Lead”')).toBeTruthy();
    // 17:30 UTC is 18:30 in Rome.
    expect(screen.getByText('1 Dec 2026, 18:30 · Anna Rossi')).toBeTruthy();
  }, 30_000);

  it('moves the deal from the steps bar, asking for the lost reason a lost stage requires among the active ones', async () => {
    const lost = {
      ...samovars,
      stage: { id: LOST.id, name: 'Lost', kind: 'lost' as const },
      lostReason: { id: PRICE.id, name: PRICE.name },
    };
    let moved = false;
    const api = await renderDeal(({ method, url }) => {
      if (method === 'POST' && url === `${URL}/move`) {
        moved = true;
        return jsonResponse(200, lost);
      }
      return moved && method === 'GET' && url === URL ? jsonResponse(200, lost) : undefined;
    });

    fireEvent.click(await screen.findByText('Lost'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Before moving to “Lost”')).toBeTruthy();
    expect(within(dialog).queryByText('Amount')).toBeNull();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: 'Lost reason' }));
    expect(await screen.findByTitle('Price too high')).toBeTruthy();
    expect(screen.queryByTitle('No longer used')).toBeNull();
    fireEvent.click(screen.getByTitle('Price too high'));
    fireEvent.change(within(dialog).getByLabelText('Note on the loss'), { target: { value: 'Found them cheaper in Tula' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move the deal' }));

    await waitFor(() =>
      expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
        stageId: LOST.id,
        lostReasonId: PRICE.id,
        lostNote: 'Found them cheaper in Tula',
      }),
    );
    expect(await screen.findByText('Lost: Price too high')).toBeTruthy();
  }, 30_000);

  it('edits the deal and shows the server’s field errors on the fields', async () => {
    const api = await renderDeal(({ method, url }) =>
      method === 'PATCH' && url === URL
        ? jsonResponse(
            400,
            {
              type: 'about:blank',
              title: 'Bad request',
              status: 400,
              code: 'validation_failed',
              detail: 'Invalid input',
              errors: [{ path: 'expectedCloseOn', message: 'The close date cannot be before the deal was created' }],
            },
            'application/problem+json',
          )
        : undefined,
    );
    fireEvent.click(screen.getByRole('button', { name: /Edit/ }));
    const form = await screen.findByRole('form', { name: 'Edit “Samovars for the hotel”' });
    await waitFor(() =>
      expect((within(form).getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Samovars for the hotel'),
    );
    fireEvent.change(within(form).getByRole('textbox', { name: 'Title' }), { target: { value: 'Samovars for the Hotel Neva' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')).toBeTruthy());
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({
      title: 'Samovars for the Hotel Neva',
      pipelineId: samovars.pipelineId,
      stageId: PROPOSAL.id,
      companyId: samovars.company?.id,
      contactId: null,
      ownerId: samovars.owner?.id,
      source: null,
      amount: '150000.00',
      currency: 'RUB',
      expectedCloseOn: '2027-01-31',
      notes: null,
    });
    expect(await within(form).findByText('The close date cannot be before the deal was created')).toBeTruthy();
  }, 30_000);

  it('shows the deal’s timeline and, from it, logs an activity, records an agreement and sends a task about the deal, prefilled', async () => {
    const api = await renderDeal(({ method, url }) => {
      if (method === 'POST' && url === '/api/v1/activities') return jsonResponse(201, anActivity('00000000-0000-4000-8000-000000000702'));
      if (method === 'POST' && url === '/api/v1/agreements') return jsonResponse(201, anAgreement('00000000-0000-4000-8000-000000000802'));
      if (method === 'POST' && url === '/api/v1/tasks')
        return jsonResponse(201, {
          ...aTask('00000000-0000-4000-8000-000000000a01', 'Polish the samovars'),
          leadTime: null,
          redirected: null,
        });
      if (method === 'GET' && url.startsWith('/api/v1/users')) return jsonResponse(200, page([MARCO]));
      return undefined;
    });
    const card = await screen.findByTestId('timeline');
    expect(await within(card).findByText('Tasting at the hotel')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Tea glasses as a gift' })).toBeTruthy();
    const posted = (url: string) => api.calls.find((call) => call.method === 'POST' && call.url === url)?.body;

    // An activity: about the deal and its hotel from the start.
    fireEvent.click(within(card).getByRole('button', { name: /Log activity/ }));
    const drawer = await screen.findByRole('form', { name: 'Log activity' });
    expect(within(drawer).getByTitle('Samovars for the hotel')).toBeTruthy();
    expect(within(drawer).getByTitle('Hotel Neva')).toBeTruthy();
    fireEvent.click(within(drawer.closest('.ant-drawer') as HTMLElement).getByRole('button', { name: 'Log it' }));
    await waitFor(() => expect(posted('/api/v1/activities')).toMatchObject({ companyIds: [HOTEL.id], contactIds: [], dealIds: [DEAL.id] }));

    // An agreement: with the hotel, made in the deal.
    fireEvent.click(within(card).getByRole('button', { name: /Record an agreement/ }));
    const modal = await screen.findByRole('form', { name: 'New agreement' });
    expect(within(modal).getByTitle('Samovars for the hotel')).toBeTruthy();
    fireEvent.change(within(modal).getByLabelText('What was agreed'), { target: { value: 'Tea glasses as a gift' } });
    fireEvent.click(within(modal.closest('.ant-modal') as HTMLElement).getByRole('button', { name: 'Record it' }));
    await waitFor(() =>
      expect(posted('/api/v1/agreements')).toMatchObject({ title: 'Tea glasses as a gift', companyId: HOTEL.id, dealId: DEAL.id }),
    );

    // A task: about the deal.
    fireEvent.click(await within(card).findByRole('button', { name: /Send a task/ }));
    const task = await screen.findByRole('form', { name: 'Send a task' });
    fireEvent.change(within(task).getByLabelText('Title'), { target: { value: 'Polish the samovars' } });
    fireEvent.mouseDown(within(task).getByRole('combobox', { name: 'Person' }));
    fireEvent.click(await screen.findByTitle('Marco Bruni'));
    fireEvent.click(within(task.closest('.ant-drawer') as HTMLElement).getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(posted('/api/v1/tasks')).toMatchObject({ title: 'Polish the samovars', assigneeId: MARCO.id, dealIds: [DEAL.id] }),
    );
  }, 60_000);
});
