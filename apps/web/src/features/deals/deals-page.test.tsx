import type { TCurrencySettings, TDeal, TPipelineBoard } from '@clientela/contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDealMessages } from '../../lib/deal-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { DealsPage } from './deals-page.tsx';
import { aBoard, aDeal, aPipeline, LEAD, LOST, layOutBoard, PROPOSAL, WON } from './test-deals.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadDealMessages();
});
let restoreLayout: () => void = () => undefined;
beforeEach(() => {
  restoreLayout = layOutBoard();
});
afterEach(() => {
  restoreLayout();
  vi.unstubAllGlobals();
});

type Call = { method: string; url: string; body: unknown };
const pipeline = aPipeline();
const BOARD_URL = `/api/v1/pipelines/${pipeline.id}/board?limit=50`;
const settings: TCurrencySettings = {
  baseCurrency: 'EUR',
  currencies: [{ code: 'RUB', latestRate: '0.01', latestRateOn: '2026-11-01' }],
  baseCurrencyChangeable: false,
};
const problem = (status: number, code: string, errors: { path: string; message: string }[] = []) =>
  jsonResponse(status, { type: 'about:blank', title: code, status, code, detail: code, errors }, 'application/problem+json');

/** Shows the deals page on a board answered by `board`; `handler` answers the rest first. */
async function renderBoard(
  board: TPipelineBoard,
  handler: (call: Call) => Response | Promise<Response> | undefined = () => undefined,
  path = '/deals',
) {
  const api = fakeApi(() => undefined);
  const answer = (call: Call): Response | Promise<Response> | undefined => {
    const own = handler(call);
    if (own) return own;
    if (call.method !== 'GET') return undefined;
    if (call.url === '/api/v1/pipelines') return jsonResponse(200, { data: [pipeline] });
    if (call.url === BOARD_URL) return jsonResponse(200, board);
    if (call.url === '/api/v1/currencies') return jsonResponse(200, settings);
    if (call.url.startsWith('/api/v1/users?')) return jsonResponse(200, page([]));
    return undefined;
  };
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const response = await answer({
      method: init.method ?? 'GET',
      url: input,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return response ?? api.fetch(input, init);
  });
  vi.stubGlobal('fetch', fetch);
  await renderWithApp(
    <App>
      <DealsPage />
    </App>,
    { me: testMe, path },
  );
  if (!path.includes('view=list')) await screen.findByRole('region', { name: 'Lead' });
  const calls = () =>
    fetch.mock.calls.map(([url, init]) => ({
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }));
  return { calls };
}

const column = (name: string) => screen.getByRole('region', { name });
const summary = (name: string) => within(column(name)).getByTestId('column-summary').textContent;
const tick = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

/** Drags a card with the keyboard, as dnd-kit's keyboard sensor lets a person do: Space, arrows, Space. */
async function dragWithKeyboard(title: string, columnsToTheRight: number) {
  const card = screen.getByText(title).closest('[data-deal-card]') as HTMLElement;
  card.focus();
  fireEvent.keyDown(card, { code: 'Space', key: ' ' });
  await tick();
  for (let step = 0; step < columnsToTheRight; step += 1) {
    fireEvent.keyDown(document, { code: 'ArrowRight', key: 'ArrowRight' });
    await tick();
  }
  fireEvent.keyDown(document, { code: 'Space', key: ' ' });
  await tick();
}

describe('DealsPage board', () => {
  it('shows a column per stage with its count, its sum as money in the base currency and the deals without a rate', async () => {
    const bread = aDeal('00000000-0000-4000-8000-000000000e01', 'Bread for the canteen', {
      company: { id: '00000000-0000-4000-8000-000000000501', name: 'Forno Rossi' },
      amount: '12500.50',
      currency: 'EUR',
      amountBase: '12500.50',
      expectedCloseOn: '2027-03-15',
    });
    const samovar = aDeal('00000000-0000-4000-8000-000000000e02', 'Samovars', { amount: '150000.00', currency: 'RUB' });
    await renderBoard(aBoard({ [LEAD.id]: { count: 2, sumBase: '12500.50', withoutRate: 1, deals: [bread, samovar] } }));

    expect(summary('Lead')).toBe('2 deals · €12,500.50');
    expect(within(column('Lead')).getByText('1 deal not counted: no exchange rate for its date yet')).toBeTruthy();
    expect(within(column('Lead')).getByText('10%')).toBeTruthy();
    expect(summary('Proposal')).toBe('0 deals · €0.00');
    expect(within(column('Won')).getByText('100%')).toBeTruthy();

    const card = screen.getByText('Bread for the canteen').closest('[data-deal-card]') as HTMLElement;
    expect(within(card).getByRole('link', { name: 'Bread for the canteen' }).getAttribute('href')).toBe(`/deals/${bread.id}`);
    expect(card.textContent).toContain('Forno Rossi');
    expect(card.textContent).toContain('€12,500.50');
    expect(card.textContent).toContain('Closes 15 Mar 2027');
    expect(card.textContent).toContain('EC');
    expect(screen.getByText('Samovars').closest('[data-deal-card]')?.textContent).toContain('150,000.00');
  }, 30_000);

  it('asks for the amount and the close date a won stage requires, then moves the deal with them', async () => {
    const bread = aDeal('00000000-0000-4000-8000-000000000e01', 'Bread for the canteen');
    const won = aDeal(bread.id, bread.title, {
      stage: { id: WON.id, name: WON.name, kind: 'won' },
      amount: '1200.00',
      currency: 'EUR',
      amountBase: '1200.00',
      expectedCloseOn: '2027-03-15',
    });
    const { calls } = await renderBoard(aBoard({ [LEAD.id]: { count: 1, deals: [bread] } }), ({ method, url }) =>
      method === 'POST' && url === `/api/v1/deals/${bread.id}/move` ? jsonResponse(200, won) : undefined,
    );

    await dragWithKeyboard('Bread for the canteen', 2);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Before moving to “Won”')).toBeTruthy();
    expect(calls().some((call) => call.method === 'POST')).toBe(false);
    expect(within(dialog).getByRole('spinbutton', { name: 'Amount' })).toBeTruthy();
    expect(within(dialog).getByLabelText('Expected close date')).toBeTruthy();
    for (const other of ['Lost reason', 'Source', 'Company', 'Contact person']) expect(within(dialog).queryByText(other)).toBeNull();

    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Amount' }), { target: { value: '1200' } });
    const date = within(dialog).getByLabelText('Expected close date');
    fireEvent.mouseDown(date);
    fireEvent.focus(date);
    fireEvent.change(date, { target: { value: '15/03/2027' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    fireEvent.blur(date);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move the deal' }));

    await waitFor(() =>
      expect(calls().find((call) => call.method === 'POST')).toEqual({
        method: 'POST',
        url: `/api/v1/deals/${bread.id}/move`,
        body: { stageId: WON.id, amount: '1200.00', currency: 'EUR', expectedCloseOn: '2027-03-15' },
      }),
    );
    await waitFor(() => expect(within(column('Won')).getByText('Bread for the canteen')).toBeTruthy());
    expect(summary('Won')).toBe('1 deal · €1,200.00');
    expect(summary('Lead')).toBe('0 deals · €0.00');
  }, 30_000);

  it('asks for the fields the server names in a 400 stage_requirements, the card back where it was meanwhile', async () => {
    const bread = aDeal('00000000-0000-4000-8000-000000000e01', 'Bread for the canteen', {
      amount: '800.00',
      currency: 'EUR',
      amountBase: '800.00',
    });
    const moved: TDeal = { ...bread, stage: { id: PROPOSAL.id, name: PROPOSAL.name, kind: 'open' }, source: 'Exhibition' };
    const { calls } = await renderBoard(aBoard({ [LEAD.id]: { count: 1, sumBase: '800.00', deals: [bread] } }), ({ method, url, body }) => {
      if (method !== 'POST' || url !== `/api/v1/deals/${bread.id}/move`) return undefined;
      return (body as { source?: string }).source
        ? jsonResponse(200, moved)
        : problem(400, 'stage_requirements', [{ path: 'source', message: 'Required by the stage' }]);
    });

    await dragWithKeyboard('Bread for the canteen', 1);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Before moving to “Proposal”')).toBeTruthy();
    expect(within(dialog).getByLabelText('Source')).toBeTruthy();
    expect(within(dialog).queryByText('Amount')).toBeNull();
    expect(within(dialog).queryByText('Expected close date')).toBeNull();
    expect(within(column('Lead')).getByText('Bread for the canteen')).toBeTruthy();
    expect(summary('Lead')).toBe('1 deal · €800.00');

    fireEvent.change(within(dialog).getByLabelText('Source'), { target: { value: 'Exhibition' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move the deal' }));
    await waitFor(() => expect(within(column('Proposal')).getByText('Bread for the canteen')).toBeTruthy());
    expect(
      calls()
        .filter((call) => call.method === 'POST')
        .map((call) => call.body),
    ).toEqual([{ stageId: PROPOSAL.id }, { stageId: PROPOSAL.id, source: 'Exhibition' }]);
  }, 30_000);

  it('moves the card at once and puts it back, with its count and sum, when the server refuses', async () => {
    const bread = aDeal('00000000-0000-4000-8000-000000000e01', 'Bread for the canteen', {
      amount: '800.00',
      currency: 'EUR',
      amountBase: '800.00',
    });
    let refuse: () => void = () => undefined;
    const answered = new Promise<Response>((resolve) => {
      refuse = () => resolve(problem(403, 'forbidden'));
    });
    await renderBoard(aBoard({ [LEAD.id]: { count: 1, sumBase: '800.00', deals: [bread] } }), ({ method }) =>
      method === 'POST' ? answered : undefined,
    );

    await dragWithKeyboard('Bread for the canteen', 1);
    await waitFor(() => expect(within(column('Proposal')).getByText('Bread for the canteen')).toBeTruthy());
    expect(summary('Proposal')).toBe('1 deal · €800.00');
    expect(summary('Lead')).toBe('0 deals · €0.00');

    refuse();
    await waitFor(() => expect(within(column('Lead')).getByText('Bread for the canteen')).toBeTruthy());
    expect(within(column('Proposal')).queryByText('Bread for the canteen')).toBeNull();
    expect(summary('Lead')).toBe('1 deal · €800.00');
    expect(summary('Proposal')).toBe('0 deals · €0.00');
    expect(await screen.findByText(/“Bread for the canteen” was not moved/)).toBeTruthy();
  }, 30_000);

  it('does not let a deal the reader may not change be dragged', async () => {
    const locked = aDeal('00000000-0000-4000-8000-000000000e03', 'Someone else’s deal', { mayChange: false });
    const open = aDeal('00000000-0000-4000-8000-000000000e04', 'My deal');
    const { calls } = await renderBoard(aBoard({ [LEAD.id]: { count: 2, deals: [locked, open] } }));

    const lockedCard = screen.getByText('Someone else’s deal').closest('[data-deal-card]') as HTMLElement;
    const openCard = screen.getByText('My deal').closest('[data-deal-card]') as HTMLElement;
    expect(openCard.getAttribute('aria-roledescription')).toBe('draggable');
    expect(lockedCard.getAttribute('aria-roledescription')).toBeNull();
    expect(lockedCard.getAttribute('tabindex')).toBeNull();

    await dragWithKeyboard('Someone else’s deal', 1);
    expect(within(column('Lead')).getByText('Someone else’s deal')).toBeTruthy();
    expect(within(column('Proposal')).queryByText('Someone else’s deal')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls().some((call) => call.method === 'POST')).toBe(false);
  }, 30_000);
});

describe('DealsPage list', () => {
  it('asks the server for the pipeline’s deals, searched and sorted, and links each to its page', async () => {
    const bread = aDeal('00000000-0000-4000-8000-000000000e01', 'Bread for the canteen', {
      amount: '800.00',
      currency: 'EUR',
      amountBase: '800.00',
    });
    const { calls } = await renderBoard(aBoard({}), ({ method, url }) =>
      method === 'GET' && url.startsWith('/api/v1/deals?') ? jsonResponse(200, page([bread])) : undefined,
    );
    const listUrls = () =>
      calls()
        .filter((call) => call.url.startsWith('/api/v1/deals?'))
        .map((call) => call.url);
    const filter = `filter%5BpipelineId%5D=${pipeline.id}`;

    fireEvent.click(screen.getByText('List'));
    const link = await screen.findByRole('link', { name: 'Bread for the canteen' });
    expect(link.getAttribute('href')).toBe(`/deals/${bread.id}`);
    expect(link.closest('tr')?.textContent).toContain('€800.00');
    expect(listUrls()).toEqual([`/api/v1/deals?${filter}&limit=50`]);

    fireEvent.click(screen.getByRole('columnheader', { name: /Amount/ }));
    await waitFor(() => expect(listUrls().at(-1)).toBe(`/api/v1/deals?sort=amountBase&${filter}&limit=50`));
    fireEvent.change(screen.getByRole('textbox', { name: 'Search deals' }), { target: { value: 'bread' } });
    await waitFor(() => expect(listUrls().at(-1)).toBe(`/api/v1/deals?q=bread&sort=amountBase&${filter}&limit=50`));
  }, 30_000);

  it('lists the deals behind a report figure from the address, each filter a chip that can be removed', async () => {
    const bread = aDeal('00000000-0000-4000-8000-000000000e01', 'Bread for the canteen', {
      amount: '800.00',
      currency: 'EUR',
      amountBase: '800.00',
    });
    const product = '00000000-0000-4000-8000-000000000f01';
    const { calls } = await renderBoard(
      aBoard({}),
      ({ method, url }) => {
        if (method !== 'GET') return undefined;
        if (url.startsWith('/api/v1/deals?')) return jsonResponse(200, page([bread]));
        if (url === `/api/v1/products/${product}`) return jsonResponse(200, { id: product, name: 'Ciabatta' });
        if (url === '/api/v1/units') return jsonResponse(200, { data: [] });
        return undefined;
      },
      `/deals?view=list&status=won&closedFrom=2017-01-01&closedTo=2017-03-31&product=${product}&region=North&unit=none`,
    );
    const listUrls = () =>
      calls()
        .filter((call) => call.url.startsWith('/api/v1/deals?'))
        .map((call) => new URL(call.url, 'http://localhost').searchParams);
    await screen.findByRole('link', { name: 'Bread for the canteen' });
    // Every pipeline's deals: a report counts them all.
    expect(Object.fromEntries(listUrls().at(-1) ?? [])).toEqual({
      'filter[status]': 'won',
      'filter[closedFrom]': '2017-01-01',
      'filter[closedTo]': '2017-03-31',
      'filter[unitId]': 'none',
      'filter[productId]': product,
      'filter[region]': 'North',
      limit: '50',
    });
    const chips = screen.getByTestId('drill-chips');
    expect(within(chips).getByText('Closed 1 Jan 2017 – 31 Mar 2017')).toBeTruthy();
    expect(await within(chips).findByText('Product: Ciabatta')).toBeTruthy();
    expect(within(chips).getByText('Branch: none')).toBeTruthy();
    fireEvent.click(within(chips).getByLabelText('Remove the filter Region: North'));
    await waitFor(() => expect(listUrls().at(-1)?.has('filter[region]')).toBe(false));
    expect(listUrls().at(-1)?.get('filter[productId]')).toBe(product);
    expect(within(chips).queryByText('Region: North')).toBeNull();
  }, 30_000);

  it('lists the deals behind a funnel stage or a lost reason: created in the period, the stage reached, now or the reason, as chips', async () => {
    const reason = '00000000-0000-4000-8000-000000000f09';
    const { calls } = await renderBoard(
      aBoard({}),
      ({ method, url }) => {
        if (method !== 'GET') return undefined;
        if (url.startsWith('/api/v1/deals?')) return jsonResponse(200, page([aDeal('00000000-0000-4000-8000-000000000e02', 'Rolls')]));
        if (url === '/api/v1/pipelines/lost-reasons')
          return jsonResponse(200, { data: [{ id: reason, name: 'Price too high', active: true }] });
        return undefined;
      },
      `/deals?view=list&pipeline=${pipeline.id}&reached=${PROPOSAL.id}&stage=${LOST.id}&lostReason=${reason}&createdFrom=2026-03-01&createdTo=2026-03-31`,
    );
    const listUrls = () =>
      calls()
        .filter((call) => call.url.startsWith('/api/v1/deals?'))
        .map((call) => new URL(call.url, 'http://localhost').searchParams);
    await screen.findByRole('link', { name: 'Rolls' });
    expect(Object.fromEntries(listUrls().at(-1) ?? [])).toEqual({
      'filter[pipelineId]': pipeline.id,
      'filter[createdFrom]': '2026-03-01',
      'filter[createdTo]': '2026-03-31',
      'filter[stageId]': LOST.id,
      'filter[reachedStageId]': PROPOSAL.id,
      'filter[lostReasonId]': reason,
      limit: '50',
    });
    const chips = screen.getByTestId('drill-chips');
    expect(within(chips).getByText('Created 1 Mar 2026 – 31 Mar 2026')).toBeTruthy();
    expect(within(chips).getByText('Reached: Proposal')).toBeTruthy();
    expect(within(chips).getByText('Stage now: Lost')).toBeTruthy();
    expect(await within(chips).findByText('Lost reason: Price too high')).toBeTruthy();
    fireEvent.click(within(chips).getByLabelText('Remove the filter Created 1 Mar 2026 – 31 Mar 2026'));
    await waitFor(() => expect(listUrls().at(-1)?.has('filter[createdFrom]')).toBe(false));
    expect(listUrls().at(-1)?.has('filter[createdTo]')).toBe(false);
    expect(listUrls().at(-1)?.get('filter[reachedStageId]')).toBe(PROPOSAL.id);
    fireEvent.click(within(chips).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(listUrls().at(-1)?.has('filter[reachedStageId]')).toBe(false));
    expect(screen.queryByTestId('drill-chips')).toBeNull();
  }, 30_000);
});
