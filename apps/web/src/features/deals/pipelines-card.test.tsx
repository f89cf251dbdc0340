import type { TLostReason } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDealMessages } from '../../lib/deal-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { PipelinesCard } from './pipelines-card.tsx';
import { aPipeline, LEAD, LOST, PROPOSAL, WON } from './test-deals.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadDealMessages();
});
afterEach(() => vi.unstubAllGlobals());

const pipeline = aPipeline();
const PRICE: TLostReason = { id: '00000000-0000-4000-8000-000000000f01', name: 'Price too high', active: true };

async function renderCard(handler: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi((call) => {
    const own = handler(call);
    if (own) return own;
    if (call.method === 'GET' && call.url === '/api/v1/pipelines') return jsonResponse(200, { data: [pipeline] });
    if (call.method === 'GET' && call.url === '/api/v1/pipelines/lost-reasons') return jsonResponse(200, { data: [PRICE] });
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <PipelinesCard />
    </App>,
    { me: testMe, path: '/admin/workspace' },
  );
  await screen.findByText('Lead → Proposal → Won → Lost');
  return api;
}

describe('PipelinesCard', () => {
  it('sends the stages in the order shown, and says clearly when a removed stage still has deals', async () => {
    const api = await renderCard(({ method, url }) =>
      method === 'PATCH' && url === `/api/v1/pipelines/${pipeline.id}`
        ? jsonResponse(
            409,
            {
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              code: 'stage_has_deals',
              detail: 'Deals are still in a stage being removed',
              errors: [{ path: `stages.${LEAD.id}`, message: '3 deal(s) in this stage' }],
            },
            'application/problem+json',
          )
        : undefined,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Edit the pipeline “Wholesale”' }));
    const drawer = await screen.findByRole('form', { name: 'Edit the pipeline “Wholesale”' });
    expect((within(drawer).getByRole('textbox', { name: 'Name of stage 1' }) as HTMLInputElement).value).toBe('Lead');

    fireEvent.click(within(drawer).getByRole('button', { name: 'Move stage 2 up' }));
    expect((within(drawer).getByRole('textbox', { name: 'Name of stage 1' }) as HTMLInputElement).value).toBe('Proposal');
    fireEvent.click(within(drawer).getByRole('button', { name: 'Remove stage 2' }));
    fireEvent.click(within(drawer).getByRole('button', { name: /Add a stage/ }));
    // A new stage comes after the open ones, before Won.
    fireEvent.change(within(drawer).getByRole('textbox', { name: 'Name of stage 2' }), { target: { value: 'Negotiation' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')).toBeTruthy());
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({
      name: 'Wholesale',
      isDefault: true,
      active: true,
      stages: [
        { id: PROPOSAL.id, name: 'Proposal', probability: 50, kind: 'open', requiredFields: [] },
        { name: 'Negotiation', probability: 50, kind: 'open', requiredFields: [] },
        { id: WON.id, name: 'Won', probability: 100, kind: 'won', requiredFields: ['amount', 'expectedCloseOn'] },
        { id: LOST.id, name: 'Lost', probability: 0, kind: 'lost', requiredFields: ['lostReasonId'] },
      ],
    });
    const alert = await screen.findByText('Deals are still in the stage “Lead”: it cannot be removed.');
    expect(alert.closest('[role="alert"]')?.textContent).toContain('Move its deals to another stage on the board first');
  }, 30_000);

  it('adds a lost reason and deactivates one', async () => {
    const api = await renderCard(({ method, url, body }) => {
      if (method === 'POST' && url === '/api/v1/pipelines/lost-reasons')
        return jsonResponse(201, { id: '00000000-0000-4000-8000-000000000f02', active: true, ...(body as object) });
      if (method === 'PATCH' && url === `/api/v1/pipelines/lost-reasons/${PRICE.id}`) return jsonResponse(200, { ...PRICE, active: false });
      return undefined;
    });
    await screen.findByText('Price too high');
    fireEvent.change(screen.getByRole('textbox', { name: 'New lost reason' }), { target: { value: 'Chose a competitor' } });
    fireEvent.click(screen.getByRole('button', { name: /Add$/ }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Chose a competitor' }));

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ active: false }));
  }, 30_000);
});
