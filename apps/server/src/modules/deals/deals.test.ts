import type { TDeal, TPipeline, TPipelineBoard, TTimeline, TTimelineItem } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const put = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PUT', url, payload });
const patch = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PATCH', url, payload });
const move = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.request({ method: 'POST', url: `/api/v1/deals/${id}/move`, payload });

async function defaultPipeline(browser: Browser): Promise<TPipeline> {
  const { data } = await get(browser, '/api/v1/pipelines');
  const pipeline = (data as TPipeline[]).find((p) => p.isDefault);
  if (!pipeline) throw new Error('no default pipeline');
  return pipeline;
}

const stageOf = (pipeline: TPipeline, kind: 'won' | 'lost') => {
  const stage = pipeline.stages.find((s) => s.kind === kind);
  if (!stage) throw new Error(`no ${kind} stage`);
  return stage;
};

describe('pipelines and deals', () => {
  it('starts a workspace with a pipeline in its founder language, and a deal crosses it to won only with what the stage requires', async () => {
    const { admin } = await makeWorkspace(t, { locale: 'it' });
    const owner = await signIn(t, admin.email);
    const pipeline = await defaultPipeline(owner);
    expect(pipeline.name).toBe('Vendite');
    expect(pipeline.stages.map((s) => [s.name, s.kind, s.probability])).toEqual([
      ['Nuovo contatto', 'open', 10],
      ['Qualificato', 'open', 25],
      ['Offerta inviata', 'open', 50],
      ['Trattativa', 'open', 75],
      ['Vinta', 'won', 100],
      ['Persa', 'lost', 0],
    ]);
    // Asked twice at once, it is still one pipeline.
    await Promise.all([get(owner, '/api/v1/pipelines'), get(owner, '/api/v1/pipelines')]);
    expect((await get(owner, '/api/v1/pipelines')).data).toHaveLength(1);

    const company = await post(owner, '/api/v1/companies', { name: 'Hotel Bellavista' });
    const bread = await post(owner, '/api/v1/products', { name: 'Ciabatta 300 g' });
    const unknownProduct = await owner.request({ method: 'POST', url: '/api/v1/deals', payload: { title: 'X', productId: company.id } });
    expect(unknownProduct.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'productId' }] });
    const deal: TDeal = await post(owner, '/api/v1/deals', {
      title: 'Breakfast bread for the season',
      companyId: company.id,
      productId: bread.id,
    });
    expect(deal.product).toEqual({ id: bread.id, name: 'Ciabatta 300 g' });
    expect(deal).toMatchObject({
      stage: { id: pipeline.stages[0]?.id, kind: 'open' },
      company: { id: company.id, name: 'Hotel Bellavista' },
      owner: { name: 'Anna Rossi' },
      probability: 10,
      amount: null,
      baseCurrency: 'EUR',
      mayChange: true,
    });

    // "Vinta" asks for the amount and the expected close date: the answer names both, and nothing changes.
    const won = stageOf(pipeline, 'won');
    const refused = await move(owner, deal.id, { stageId: won.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'stage_requirements',
      errors: [
        { path: 'amount', message: expect.any(String) },
        { path: 'expectedCloseOn', message: expect.any(String) },
      ],
    });
    expect((await get(owner, `/api/v1/deals/${deal.id}`)).stage.id).toBe(pipeline.stages[0]?.id);

    const moved = await move(owner, deal.id, { stageId: won.id, amount: '4800.00', expectedCloseOn: '2026-11-30' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      stage: { id: won.id, kind: 'won' },
      amount: '4800.00',
      currency: 'EUR',
      amountBase: '4800.00',
      probability: 100,
      closedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const history = (await get(owner, `/api/v1/deals/${deal.id}/stages`)).data;
    expect(history.map((h: { from: { name: string } | null; to: { name: string } }) => [h.from?.name ?? null, h.to.name])).toEqual([
      [null, 'Nuovo contatto'],
      ['Nuovo contatto', 'Vinta'],
    ]);
    expect(history[1].by.name).toBe('Anna Rossi');

    // Lost asks for a reason from the managed list; an unknown one is refused.
    const lost = stageOf(pipeline, 'lost');
    const other = await post(owner, '/api/v1/deals', { title: 'Wedding cakes' });
    expect((await move(owner, other.id, { stageId: lost.id })).json().errors).toEqual([
      { path: 'lostReasonId', message: expect.any(String) },
    ]);
    const reasons = (await get(owner, '/api/v1/pipelines/lost-reasons')).data;
    expect(reasons.map((r: { name: string }) => r.name)).toContain('Prezzo troppo alto');
    expect((await move(owner, other.id, { stageId: lost.id, lostReasonId: pipeline.id })).json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'lostReasonId' }],
    });
    const lostDeal = (await move(owner, other.id, { stageId: lost.id, lostReasonId: reasons[0].id, lostNote: 'Cheaper elsewhere' })).json();
    expect(lostDeal).toMatchObject({ stage: { kind: 'lost' }, lostReason: { id: reasons[0].id }, lostNote: 'Cheaper elsewhere' });
    // Back to an open stage: open again, no reason kept.
    const reopened = (await move(owner, other.id, { stageId: pipeline.stages[1]?.id as string })).json();
    expect(reopened).toMatchObject({ stage: { kind: 'open' }, closedOn: null, lostReason: null });
  });

  it('adds amounts in two currencies in the base currency at the rate of each deal date, exactly, and recomputes them when a rate changes', async () => {
    const { owner, employeeA } = await makeBakery(t);
    expect(await get(owner, '/api/v1/currencies')).toMatchObject({ baseCurrency: 'EUR', baseCurrencyChangeable: true });
    // The base currency may change until amounts are recorded.
    expect((await put(owner, '/api/v1/currencies', { baseCurrency: 'RUB' })).json().baseCurrency).toBe('RUB');
    expect((await put(owner, '/api/v1/currencies', { baseCurrency: 'EUR', currencies: ['USD', 'RUB'] })).statusCode).toBe(200);
    // Only an admin sets rates; the base currency has none.
    expect(
      (await put(employeeA.browser, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2026-01-01', rate: '0.9' }] }))
        .statusCode,
    ).toBe(403);
    const baseRate = await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'EUR', on: '2026-01-01', rate: '1' }] });
    expect(baseRate.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'rates.0.currency' }] });
    const badRate = await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2026-01-01', rate: '0' }] });
    expect(badRate.statusCode).toBe(400);
    expect(
      (
        await put(owner, '/api/v1/currencies/rates', {
          rates: [
            { currency: 'USD', on: '2026-03-01', rate: '0.91730000' },
            { currency: 'USD', on: '2026-06-01', rate: '0.86410000' },
            { currency: 'RUB', on: '2026-03-01', rate: '0.01043' },
          ],
        })
      ).statusCode,
    ).toBe(204);

    const pipeline = await defaultPipeline(employeeA.browser);
    const open = pipeline.stages[0]?.id as string;
    const a = await post(employeeA.browser, '/api/v1/deals', {
      title: 'A',
      amount: '1234.56',
      currency: 'USD',
      expectedCloseOn: '2026-04-15',
    });
    const b = await post(employeeA.browser, '/api/v1/deals', {
      title: 'B',
      amount: '1000.10',
      currency: 'USD',
      expectedCloseOn: '2026-07-01',
    });
    const c = await post(employeeA.browser, '/api/v1/deals', {
      title: 'C',
      amount: '99.99',
      currency: 'EUR',
      expectedCloseOn: '2026-07-01',
    });
    const d = await post(employeeA.browser, '/api/v1/deals', {
      title: 'D',
      amount: '150000',
      currency: 'RUB',
      expectedCloseOn: '2026-01-10',
    });
    // 1234.56 × 0.9173 = 1132.461888 → 1132.46; 1000.10 × 0.8641 = 864.18641 → 864.19; D is dated before any RUB rate.
    expect([a.amountBase, b.amountBase, c.amountBase, d.amountBase]).toEqual(['1132.46', '864.19', '99.99', null]);
    const board: TPipelineBoard = await get(employeeA.browser, `/api/v1/pipelines/${pipeline.id}/board`);
    const first = board.columns.find((col) => col.stageId === open);
    expect(first).toMatchObject({ count: 4, sumBase: '2096.64', withoutRate: 1 });
    // The newest in the stage first.
    expect(first?.deals.map((deal) => deal.title)).toEqual(['D', 'C', 'B', 'A']);

    // A RUB rate from January: D gets its base value at once, and the sum grows by exactly 150000 × 0.0105.
    await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'RUB', on: '2026-01-01', rate: '0.0105' }] });
    expect((await get(employeeA.browser, `/api/v1/deals/${d.id}`)).amountBase).toBe('1575.00');
    const after: TPipelineBoard = await get(employeeA.browser, `/api/v1/pipelines/${pipeline.id}/board`);
    expect(after.columns.find((col) => col.stageId === open)).toMatchObject({ sumBase: '3671.64', withoutRate: 0 });
    // Removing the June rate dates B at March's again: 1000.10 × 0.9173 = 917.391... → 917.39.
    expect((await owner.request({ method: 'DELETE', url: '/api/v1/currencies/rates/USD/2026-06-01' })).statusCode).toBe(204);
    expect((await get(employeeA.browser, `/api/v1/deals/${b.id}`)).amountBase).toBe('917.39');
    const rates = await get(owner, '/api/v1/currencies/rates?filter[currency]=USD');
    expect(rates.data.map((r: { on: string; rate: string }) => [r.on, r.rate])).toEqual([['2026-03-01', '0.91730000']]);

    // Amounts are recorded now: the base currency is fixed.
    const settings = await get(owner, '/api/v1/currencies');
    expect(settings).toMatchObject({ baseCurrency: 'EUR', baseCurrencyChangeable: false });
    expect(settings.currencies.find((x: { code: string }) => x.code === 'USD')).toEqual({
      code: 'USD',
      latestRate: '0.91730000',
      latestRateOn: '2026-03-01',
    });
    const fixed = await put(owner, '/api/v1/currencies', { baseCurrency: 'USD' });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json()).toMatchObject({ code: 'base_currency_in_use', errors: [{ path: 'baseCurrency' }] });
    // A currency the workspace does not use is refused, naming the field.
    const yen = await post(employeeA.browser, '/api/v1/deals', { title: 'Y', amount: '10', currency: 'JPY' }).catch(
      (e: Error) => e.message,
    );
    expect(yen).toContain('"path":"currency"');
  });

  it('shows each person the deals they may see, lets only them move them, and keeps workspaces apart', async () => {
    const { owner, managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const pipeline = await defaultPipeline(owner);
    const mine = await post(employeeA.browser, '/api/v1/deals', { title: 'Elio deal' });
    const colleague = await post(employeeA2.browser, '/api/v1/deals', { title: 'Ezio deal' });
    const otherShop = await post(employeeB.browser, '/api/v1/deals', { title: 'Bea deal' });

    const titles = async (browser: Browser) =>
      ((await get(browser, `/api/v1/deals?filter[pipelineId]=${pipeline.id}&sort=title`)).data as TDeal[]).map((deal) => deal.title);
    expect(await titles(employeeA.browser)).toEqual(['Elio deal']);
    expect(await titles(managerA.browser)).toEqual(['Elio deal', 'Ezio deal']);
    expect(await titles(owner)).toEqual(['Bea deal', 'Elio deal', 'Ezio deal']);
    const board: TPipelineBoard = await get(managerA.browser, `/api/v1/pipelines/${pipeline.id}/board`);
    expect(board.columns[0]?.count).toBe(2);

    // Another's deal is not there for an employee: 404, not 403, and unchanged.
    const second = pipeline.stages[1]?.id as string;
    expect((await move(employeeA.browser, colleague.id, { stageId: second })).statusCode).toBe(404);
    expect((await get(employeeA.browser, `/api/v1/deals/${otherShop.id}`)).code).toBe('not_found');
    expect((await move(managerA.browser, otherShop.id, { stageId: second })).statusCode).toBe(404);
    // The shop's manager moves the colleague's deal.
    expect((await move(managerA.browser, colleague.id, { stageId: second })).statusCode).toBe(200);
    // An employee cannot hand a deal to someone in another shop (it would leave their reach).
    expect((await patch(employeeA.browser, `/api/v1/deals/${mine.id}`, { ownerId: employeeB.user.id })).statusCode).toBe(403);
    // Only admins shape pipelines.
    const stages = pipeline.stages.map((s) => ({ id: s.id, name: s.name, probability: s.probability, kind: s.kind }));
    expect((await patch(managerA.browser, `/api/v1/pipelines/${pipeline.id}`, { name: 'Mine' })).statusCode).toBe(403);

    // Another workspace sees none of it.
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect((await get(stranger, `/api/v1/deals/${mine.id}`)).code).toBe('not_found');
    expect((await move(stranger, mine.id, { stageId: second })).statusCode).toBe(404);
    expect((await get(stranger, `/api/v1/pipelines/${pipeline.id}/board`)).code).toBe('not_found');
    expect((await stranger.request({ method: 'DELETE', url: `/api/v1/deals/${mine.id}` })).statusCode).toBe(404);
    // A stage of another workspace's pipeline is no stage here.
    const foreign = await defaultPipeline(stranger);
    expect((await move(employeeA.browser, mine.id, { stageId: foreign.stages[1]?.id as string })).json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'stageId' }],
    });

    // A stage with deals cannot be removed; the answer names it and the pipeline is unchanged.
    const withoutSecond = stages.filter((s) => s.id !== second);
    const refused = await patch(owner, `/api/v1/pipelines/${pipeline.id}`, { stages: withoutSecond });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'stage_has_deals', errors: [{ path: `stages.${second}` }] });
    expect((await defaultPipeline(owner)).stages).toHaveLength(6);
    // A pipeline without a won stage, or a lost reason asked by an open stage, is refused.
    const noWon = await post(owner, '/api/v1/pipelines', {
      name: 'Wholesale',
      stages: [
        { name: 'Call', probability: 10, kind: 'open' },
        { name: 'Lost', probability: 0, kind: 'lost' },
        { name: 'Later', probability: 5, kind: 'open', requiredFields: ['lostReasonId'] },
      ],
    }).catch((e: Error) => e.message);
    expect(noWon).toContain('validation_failed');
    expect(noWon).toContain('stages.2.requiredFields');
    // Reordered and renamed, a stage keeps its deals.
    const reordered = [stages[1], stages[0], ...stages.slice(2)].map((s, i) => ({ ...s, name: i === 0 ? 'Qualified (called)' : s?.name }));
    const saved = (await patch(owner, `/api/v1/pipelines/${pipeline.id}`, { stages: reordered })).json();
    expect(saved.stages[0]).toMatchObject({ id: second, name: 'Qualified (called)', position: 0 });
    expect((await get(managerA.browser, `/api/v1/deals/${colleague.id}`)).stage).toMatchObject({ id: second, name: 'Qualified (called)' });
    // A new pipeline becomes the default on request; the old one stops being it.
    const wholesale = await post(owner, '/api/v1/pipelines', {
      name: 'Wholesale',
      isDefault: true,
      stages: [
        { name: 'Call', probability: 10, kind: 'open' },
        { name: 'Signed', probability: 100, kind: 'won', requiredFields: ['amount'] },
        { name: 'Lost', probability: 0, kind: 'lost' },
      ],
    });
    const all = (await get(owner, '/api/v1/pipelines')).data as TPipeline[];
    expect(all.map((p) => [p.name, p.isDefault])).toEqual([
      ['Wholesale', true],
      ['Sales', false],
    ]);
    const fresh = await post(employeeA.browser, '/api/v1/deals', { title: 'Goes to the default' });
    expect(fresh).toMatchObject({ pipelineId: wholesale.id, stage: { name: 'Call' } });
  });

  it("shows a deal's activities, tasks, agreements and stage moves on its timeline, newest first and page by page, to its readers only", async () => {
    const { managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const pipeline = await defaultPipeline(employeeA.browser);
    const hotel = await post(employeeA.browser, '/api/v1/companies', { name: 'Hotel Bellavista' });
    const deal: TDeal = await post(employeeA.browser, '/api/v1/deals', { title: 'Breakfast bread', companyId: hotel.id });
    const second = pipeline.stages[1] as TPipeline['stages'][number];
    expect((await move(employeeA.browser, deal.id, { stageId: second.id })).statusCode).toBe(200);
    // Long ago, a call about the deal and its hotel; then, today, a note about the deal alone.
    const call = await post(employeeA.browser, '/api/v1/activities', {
      type: 'call',
      subject: 'Asked for samples',
      occurredAt: '2026-01-05T09:00:00Z',
      companyIds: [hotel.id],
      dealIds: [deal.id],
    });
    expect(call.deals).toEqual([{ id: deal.id, title: 'Breakfast bread' }]);
    const note = await post(employeeA.browser, '/api/v1/activities', { type: 'note', subject: 'Samples liked', dealIds: [deal.id] });
    const task = await post(employeeA.browser, '/api/v1/tasks', {
      title: 'Bake the samples',
      assigneeId: employeeA2.user.id,
      dueAt: '2026-12-20T15:00:00Z',
      dealIds: [deal.id],
    });
    expect(task.deals).toEqual([{ id: deal.id, title: 'Breakfast bread' }]);
    const agreement = await post(employeeA.browser, '/api/v1/agreements', {
      title: 'Free delivery on Saturdays',
      companyId: hotel.id,
      dealId: deal.id,
    });
    expect(agreement.deal).toEqual({ id: deal.id, title: 'Breakfast bread' });

    const timeline = async (browser: Browser, query = '') =>
      browser.request({ method: 'GET', url: `/api/v1/deals/${deal.id}/timeline${query}` });
    const summary = (item: TTimelineItem) => `${item.kind}:${item.id}`;
    const all: TTimeline = (await timeline(employeeA.browser)).json();
    const entered = all.data.filter((item) => item.kind === 'stage');
    expect(all.data.map(summary)).toEqual([
      `agreement:${agreement.id}`,
      `task:${task.id}`,
      `activity:${note.id}`,
      ...entered.map(summary),
      `activity:${call.id}`,
    ]);
    expect(all.nextCursor).toBeNull();
    // The move, then the deal's entry into its first stage.
    expect(entered.map((item) => (item.kind === 'stage' ? [item.change.from?.name ?? null, item.change.to.name] : []))).toEqual([
      [pipeline.stages[0]?.name, second.name],
      [null, pipeline.stages[0]?.name],
    ]);
    expect(all.data[1]).toMatchObject({
      kind: 'task',
      task: { title: 'Bake the samples', status: 'sent', assignee: { name: 'Ezio' }, dueAt: '2026-12-20T15:00:00.000Z' },
    });
    expect(all.data[0]).toMatchObject({ kind: 'agreement', agreement: { title: 'Free delivery on Saturdays' } });

    // Page by page, the same entries in the same order.
    const paged: TTimelineItem[] = [];
    let cursor: string | null = null;
    do {
      const page: TTimeline = (await timeline(employeeA.browser, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      paged.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map(summary)).toEqual(all.data.map(summary));
    // Filtered by kind, and by person (the moves and the task are Elio's; Ezio did nothing).
    const filtered: TTimeline = (await timeline(employeeA.browser, '?filter[type]=task,stage')).json();
    expect(filtered.data.map((item) => item.kind)).toEqual(['task', 'stage', 'stage']);
    expect((await timeline(employeeA.browser, `?filter[personId]=${employeeA2.user.id}`)).json().data).toEqual([]);
    // A kind only customers' timelines have is refused by name.
    expect((await timeline(employeeA.browser, '?filter[type]=system')).json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'filter[type]' }],
    });

    // The shop's manager reads it (the task too, as the manager over its unit); another shop's employee and another workspace get 404.
    expect(((await timeline(managerA.browser)).json() as TTimeline).data).toHaveLength(all.data.length);
    // Ezio has the task but may not read the deal.
    expect((await timeline(employeeA2.browser)).statusCode).toBe(404);
    const refused = await timeline(employeeB.browser);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const { admin } = await makeWorkspace(t);
    expect((await timeline(await signIn(t, admin.email))).statusCode).toBe(404);
    // The agreements made in the deal, listed by deal; 404 for a deal the reader may not see.
    expect((await get(employeeA.browser, `/api/v1/agreements?filter[dealId]=${deal.id}`)).data).toMatchObject([{ id: agreement.id }]);
    expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/agreements?filter[dealId]=${deal.id}` })).statusCode).toBe(404);
  });
});

describe('the deals behind a report figure', () => {
  it('lists deals by close period, branch, product, region and status, with none for deals without one', async () => {
    const b = await makeBakery(t);
    const pipeline = await defaultPipeline(b.owner);
    const won = stageOf(pipeline, 'won');
    const north = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Hotel Nord', region: ' North ' });
    const blank = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Bar Senza' });
    const bread = await post(b.owner, '/api/v1/products', { name: 'Ciabatta' });
    const deal = async (browser: Browser, title: string, closedOn: string, extra: Record<string, unknown> = {}) => {
      const created = await post(browser, '/api/v1/deals', { title, amount: '10', expectedCloseOn: closedOn, ...extra });
      expect((await move(browser, created.id, { stageId: won.id })).statusCode).toBe(200);
      await t.db.execute(sql`UPDATE deal SET closed_on = ${closedOn}::date WHERE id = ${created.id}`);
      return created;
    };
    await deal(b.employeeA.browser, 'A-Jan', '2026-01-31', { companyId: north.id, productId: bread.id });
    await deal(b.employeeA.browser, 'A-Feb', '2026-02-01', { companyId: blank.id });
    await deal(b.employeeB.browser, 'B-Mar', '2026-03-15');
    await post(b.employeeB.browser, '/api/v1/deals', { title: 'B-open' });

    const titles = async (query: string, browser: Browser = b.owner) =>
      ((await get(browser, `/api/v1/deals?sort=title&${query}`)).data as TDeal[]).map((d) => d.title);
    expect(await titles('filter[status]=won&filter[closedFrom]=2026-01-01&filter[closedTo]=2026-01-31')).toEqual(['A-Jan']);
    expect(await titles('filter[closedFrom]=2026-02-01')).toEqual(['A-Feb', 'B-Mar']);
    expect(await titles(`filter[unitId]=${b.shopA.id}`)).toEqual(['A-Feb', 'A-Jan']);
    expect(await titles(`filter[productId]=${bread.id}`)).toEqual(['A-Jan']);
    expect(await titles('filter[productId]=none&filter[status]=won')).toEqual(['A-Feb', 'B-Mar']);
    expect(await titles('filter[region]=North')).toEqual(['A-Jan']);
    expect(await titles('filter[region]=none&filter[status]=won')).toEqual(['A-Feb', 'B-Mar']);
    expect(await titles('filter[companyId]=none&filter[status]=won')).toEqual(['B-Mar']);
    // The reader's reach still holds: the other shop's employee finds none of shop A's deals.
    expect(await titles(`filter[unitId]=${b.shopA.id}`, b.employeeB.browser)).toEqual([]);
    const bad = await b.owner.request({ method: 'GET', url: '/api/v1/deals?filter[closedFrom]=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('filter[closedFrom]');
  });
});

describe('where deals come from', () => {
  it("starts from the contact's first touch, else the company's; takes its own, checked; winning sets the converting touch", async () => {
    const { owner } = await makeBakery(t);
    const fairs = await post(owner, '/api/v1/lead-sources', { name: 'Fairs' });
    const radio = await post(owner, '/api/v1/lead-sources', { name: 'Radio' });
    const expo = await post(owner, '/api/v1/campaigns', { name: 'Bread Expo', kind: 'exhibition', sourceId: fairs.id });
    const spots = await post(owner, '/api/v1/campaigns', { name: 'Morning spots', kind: 'other', sourceId: radio.id });
    const contact = await post(owner, '/api/v1/contacts', { firstName: 'Ivan', sourceId: fairs.id, campaignId: expo.id });
    const company = await post(owner, '/api/v1/companies', { name: 'Canteen', sourceId: radio.id });
    const plainContact = await post(owner, '/api/v1/contacts', { firstName: 'Olga' });
    const none = { source: null, campaign: null, convertedSource: null, convertedCampaign: null };
    const fromExpo = { source: { id: fairs.id, name: 'Fairs' }, campaign: { id: expo.id, name: 'Bread Expo' } };

    // The contact's first touch before the company's; not what converted the contact.
    await patch(owner, `/api/v1/contacts/${contact.id}`, { convertedCampaignId: spots.id });
    const rye: TDeal = await post(owner, '/api/v1/deals', { title: 'Rye', contactId: contact.id, companyId: company.id });
    expect(rye.attribution).toEqual({ ...none, ...fromExpo });
    const buns: TDeal = await post(owner, '/api/v1/deals', { title: 'Buns', contactId: plainContact.id, companyId: company.id });
    expect(buns.attribution).toEqual({ ...none, source: { id: radio.id, name: 'Radio' } });
    expect((await post(owner, '/api/v1/deals', { title: 'Cakes', contactId: plainContact.id })).attribution).toEqual(none);
    // Its own touch wins over the contact's, and is kept as given.
    const own: TDeal = await post(owner, '/api/v1/deals', { title: 'Pies', contactId: contact.id, campaignId: spots.id });
    expect(own.attribution).toEqual({ ...none, campaign: { id: spots.id, name: 'Morning spots' } });
    // The stored columns are the deal's own: changing the contact afterwards does not move them.
    await patch(owner, `/api/v1/contacts/${contact.id}`, { sourceId: radio.id, campaignId: null });
    expect((await get(owner, `/api/v1/deals/${rye.id}`)).attribution).toEqual({ ...none, ...fromExpo });

    // Sources and campaigns of another workspace, or none at all, are refused by name.
    const other = await makeBakery(t);
    const foreign = await post(other.owner, '/api/v1/lead-sources', { name: 'Elsewhere' });
    const bad = await owner.request({
      method: 'POST',
      url: '/api/v1/deals',
      payload: { title: 'X', sourceId: foreign.id, convertedCampaignId: fairs.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'sourceId' }, { path: 'convertedCampaignId' }] });
    const badChange = await patch(owner, `/api/v1/deals/${rye.id}`, { campaignId: foreign.id });
    expect(badChange.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'campaignId' }] });

    // Won: a deal without a converting touch takes its first, in the move that wins it and not before.
    const pipeline = await defaultPipeline(owner);
    const won = stageOf(pipeline, 'won');
    const converted = async (id: string) =>
      (await t.pool.query('SELECT converted_source_id, converted_campaign_id FROM deal WHERE id = $1', [id])).rows[0];
    expect((await move(owner, rye.id, { stageId: won.id })).statusCode).toBe(400);
    expect(await converted(rye.id)).toEqual({ converted_source_id: null, converted_campaign_id: null });
    const wonRye = await move(owner, rye.id, { stageId: won.id, amount: '100.00', expectedCloseOn: '2026-12-31' });
    expect(wonRye.json().attribution).toEqual({
      ...fromExpo,
      convertedSource: { id: fairs.id, name: 'Fairs' },
      convertedCampaign: { id: expo.id, name: 'Bread Expo' },
    });
    // One that has a converting touch keeps it.
    await patch(owner, `/api/v1/deals/${buns.id}`, { convertedCampaignId: spots.id });
    const wonBuns = await move(owner, buns.id, { stageId: won.id, amount: '50.00', expectedCloseOn: '2026-12-31' });
    expect(wonBuns.json().attribution).toMatchObject({ convertedSource: null, convertedCampaign: { id: spots.id } });
    // Created straight into a won stage, the same.
    const straight: TDeal = await post(owner, '/api/v1/deals', {
      title: 'Sold at the stand',
      stageId: won.id,
      contactId: plainContact.id,
      campaignId: expo.id,
      amount: '10.00',
      expectedCloseOn: '2026-12-31',
    });
    expect(straight.attribution).toEqual({ ...none, campaign: fromExpo.campaign, convertedCampaign: fromExpo.campaign });

    // A campaign removed since stays on the deals that name it, which can still be changed; it is not given anew.
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/campaigns/${spots.id}` })).statusCode).toBe(204);
    const kept = await patch(owner, `/api/v1/deals/${own.id}`, { title: 'Apple pies', campaignId: spots.id });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().attribution.campaign).toEqual({ id: spots.id, name: 'Morning spots' });
    expect((await patch(owner, `/api/v1/deals/${rye.id}`, { campaignId: spots.id })).statusCode).toBe(400);

    // Lists and the board show the names.
    const listed = (await get(owner, `/api/v1/deals?filter[contactId]=${contact.id}&sort=title`)).data as TDeal[];
    expect(listed.map((d) => [d.title, d.attribution.campaign?.name ?? null])).toEqual([
      ['Apple pies', 'Morning spots'],
      ['Rye', 'Bread Expo'],
    ]);
    const board: TPipelineBoard = await get(owner, `/api/v1/pipelines/${pipeline.id}/board`);
    const wonCards = board.columns.find((c) => c.stageId === won.id)?.deals ?? [];
    expect(wonCards.find((d) => d.id === rye.id)?.attribution.convertedSource).toEqual({ id: fairs.id, name: 'Fairs' });
  });
});
