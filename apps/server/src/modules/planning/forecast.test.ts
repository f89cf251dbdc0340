import { type TForecast, type TPipeline, ZForecastQuery } from '@clientela/contract';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, type TestApp, useTestApp } from '../../test/harness.ts';
import type { Actor } from '../authz/index.ts';
import { unitSubtree } from '../units/index.ts';
import { users } from '../users/users.table.ts';
import { findForecast } from './find-forecast.ts';

const t = useTestApp();

const ZONE = 'Europe/Rome';
/** The fixed "now": Monday 15 June 2026 in Rome; 16 of June's 30 days are still to come (the 15th included). */
const NOW = new Date('2026-06-15T10:00:00Z');

/** The service context of a signed-in person, as a request would make it. */
async function ctxFor(test: TestApp, browser: Browser): Promise<Ctx> {
  const [user] = await test.db.select().from(users).where(eq(users.id, browser.session.user.id));
  if (!user) throw new Error('no such user');
  const actor: Actor = {
    workspaceId: user.workspaceId,
    userId: user.id,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    unitTree: async () => (user.unitId ? unitSubtree(test.db, user.workspaceId, user.unitId) : new Set()),
  };
  return { db: test.db as Database, actor };
}

const forecast = async (browser: Browser, query: Record<string, unknown>): Promise<TForecast> =>
  findForecast(await ctxFor(t, browser), ZForecastQuery.parse(query), NOW, ZONE);

type Spec = {
  amount: string;
  companyId: string;
  /** When it was created, an instant. */
  created: string;
  expected?: string;
  probability?: number;
  /** Stage moves after the first stage: the stage's name and when. */
  moves?: [string, string][];
  /** The first stage's name. */
  stage?: string;
};

/** A deal made through the API, then dated: created, its stage moves and its close day as the test says. */
async function deal(browser: Browser, spec: Spec) {
  const { data } = await get(browser, '/api/v1/pipelines');
  const stages = (data as TPipeline[]).find((p) => p.isDefault)?.stages ?? [];
  const stageId = (name: string) => stages.find((s) => s.name === name)?.id as string;
  const reasons = (await get(browser, '/api/v1/pipelines/lost-reasons')).data;
  const created = await post(browser, '/api/v1/deals', {
    title: `Deal ${spec.amount}`,
    amount: spec.amount,
    currency: 'EUR',
    companyId: spec.companyId,
    stageId: stageId(spec.stage ?? 'New lead'),
    ...(spec.expected ? { expectedCloseOn: spec.expected } : {}),
    ...(spec.probability ? { probability: spec.probability } : {}),
  });
  const times = [spec.created];
  let closedOn: string | null = null;
  for (const [name, at] of spec.moves ?? []) {
    const moved = await browser.request({
      method: 'POST',
      url: `/api/v1/deals/${created.id}/move`,
      payload: {
        stageId: stageId(name),
        ...(name === 'Lost' ? { lostReasonId: reasons[0].id } : {}),
        ...(name === 'Won' && !spec.expected ? { expectedCloseOn: at.slice(0, 10) } : {}),
      },
    });
    if (moved.statusCode !== 200) throw new Error(moved.body);
    times.push(at);
    if (name === 'Won' || name === 'Lost') closedOn = at.slice(0, 10);
  }
  await t.db.execute(
    sql`UPDATE deal SET created_at = ${spec.created}::timestamptz, closed_on = ${closedOn}::date WHERE id = ${created.id}`,
  );
  const changes = await t.db.execute<{ id: string }>(
    sql`SELECT id FROM deal_stage_change WHERE deal_id = ${created.id} ORDER BY changed_at, id`,
  );
  for (const [i, change] of changes.rows.entries())
    await t.db.execute(sql`UPDATE deal_stage_change SET changed_at = ${times[i]}::timestamptz WHERE id = ${change.id}`);
  return created as { id: string };
}

/**
 * Elio's deals with the Hotel (shop Via Roma) and one of Bea's (Via Milano); revenue by month:
 * Jan 1000 (W1, created and won in January), Feb 2000 (W2, created in January), Mar 600 (W3, same
 * month), Apr 3000 (W4, created in February, in "Proposal sent" from 15 March), May 900 (W5) + Bea's
 * 5000 (W7), both created in May; June so far 400 (W6). A lost deal L1 (500, probability 40, due in
 * May) was open from March to 12 May. Open now: O1 1000 in Negotiation (75 %) due 20 May (overdue:
 * June), in Qualified until 10 May; O2 2000 at 30 % due in July; O3 10000 New lead (10 %) due in
 * September; O4 800 New lead without a date.
 */
async function history() {
  const b = await makeBakery(t);
  const elio = b.employeeA.browser;
  const bea = b.employeeB.browser;
  const hotel = await post(elio, '/api/v1/companies', { name: 'Hotel Nord' });
  const bar = await post(bea, '/api/v1/companies', { name: 'Bar Sud' });
  const c = hotel.id;
  await deal(elio, { amount: '1000', companyId: c, created: '2026-01-10T09:00:00Z', moves: [['Won', '2026-01-20T09:00:00Z']] });
  await deal(elio, {
    amount: '2000',
    companyId: c,
    created: '2026-01-05T09:00:00Z',
    expected: '2026-02-15',
    moves: [['Won', '2026-02-10T09:00:00Z']],
  });
  await deal(elio, { amount: '600', companyId: c, created: '2026-03-02T09:00:00Z', moves: [['Won', '2026-03-25T09:00:00Z']] });
  await deal(elio, {
    amount: '3000',
    companyId: c,
    created: '2026-02-20T09:00:00Z',
    expected: '2026-04-30',
    moves: [
      ['Proposal sent', '2026-03-15T09:00:00Z'],
      ['Won', '2026-04-10T09:00:00Z'],
    ],
  });
  await deal(elio, { amount: '900', companyId: c, created: '2026-05-03T09:00:00Z', moves: [['Won', '2026-05-20T09:00:00Z']] });
  await deal(bea, { amount: '5000', companyId: bar.id, created: '2026-05-01T09:00:00Z', moves: [['Won', '2026-05-15T09:00:00Z']] });
  await deal(elio, { amount: '400', companyId: c, created: '2026-06-02T09:00:00Z', moves: [['Won', '2026-06-05T09:00:00Z']] });
  await deal(elio, {
    amount: '500',
    companyId: c,
    created: '2026-03-01T10:00:00Z',
    stage: 'Qualified',
    expected: '2026-05-31',
    probability: 40,
    moves: [['Lost', '2026-05-12T09:00:00Z']],
  });
  const o1 = await deal(elio, {
    amount: '1000',
    companyId: c,
    // 10:00 in Rome on 1 April: after April's forecast was made.
    created: '2026-04-01T08:00:00Z',
    stage: 'Qualified',
    expected: '2026-05-20',
    moves: [['Negotiation', '2026-05-10T09:00:00Z']],
  });
  await deal(elio, {
    amount: '2000',
    companyId: c,
    created: '2026-06-03T09:00:00Z',
    stage: 'Proposal sent',
    expected: '2026-07-10',
    probability: 30,
  });
  await deal(elio, { amount: '10000', companyId: c, created: '2026-05-20T09:00:00Z', expected: '2026-09-05' });
  await deal(elio, { amount: '800', companyId: c, created: '2026-06-01T09:00:00Z' });
  return { ...b, hotel, o1 };
}

const row = (report: TForecast, month: string) => report.months.find((m) => m.month === month);

describe('the forecast', () => {
  it('adds the weighted pipeline and the run-rate of business not yet in it, month by month, against the plan', async () => {
    const b = await history();
    await b.owner.request({
      method: 'PUT',
      url: '/api/v1/plans',
      payload: { kind: 'total', rows: [{ targetId: null, months: { '2026-06': '2000', '2026-07': '2500', '2026-08': '2500' } }] },
    });
    const report = await forecast(b.owner, { kind: 'total', monthsBack: 2, backtestMonths: 3 });
    expect(report).toMatchObject({ today: '2026-06-15', currentMonth: '2026-06', baseCurrency: 'EUR', partial: false, seasonal: false });
    // History since January: five months before June, too short for a season.
    expect(report.historyMonths).toBe(5);
    /*
     * Revenue not in the pipeline at the start of its month (R0): Jan 1000, Mar 600, May 5900 → 7500 over 5 months;
     * looking one month ahead (R1) also W2 (created in January, won in February) → 9500; two ahead also W4 → 12500.
     * June: 400 so far + O1 1000 × 75 % + 7500 / 5 × 16/30 = 400 + 750 + 800 = 1950.
     * July: O2 2000 × 30 % + (7500 × 30 + 16 × 2000) / (30 × 5) = 600 + 1713.33 = 2313.33.
     * August: (9500 × 30 + 16 × 3000) / 150 = 2220. September: O3 1000 + 12500 / 5 = 3500.
     */
    expect(report.months.map((m) => [m.month, m.plan, m.actual, m.forecast, m.pipeline, m.runRate])).toEqual([
      ['2026-04', null, '3000.00', null, null, null],
      ['2026-05', null, '5900.00', null, null, null],
      ['2026-06', '2000.00', '400.00', '1950.00', '750.00', '800.00'],
      ['2026-07', '2500.00', null, '2313.33', '600.00', '1713.33'],
      ['2026-08', '2500.00', null, '2220.00', '0.00', '2220.00'],
      ['2026-09', null, null, '3500.00', '1000.00', '2500.00'],
    ]);
    expect(report.nextMonth).toEqual({
      from: '2026-07',
      to: '2026-07',
      plan: '2500.00',
      forecast: '2313.33',
      pipeline: '600.00',
      runRate: '1713.33',
    });
    expect(report.nextQuarter).toEqual({
      from: '2026-07',
      to: '2026-09',
      plan: '5000.00',
      forecast: '8033.33',
      pipeline: '1600.00',
      runRate: '6433.33',
    });
    expect(report.undated).toEqual({ count: 1, weighted: '80.00' });
  });

  it('backtests the forecast it would have made on each month’s first day against what happened', async () => {
    const b = await history();
    const { backtest } = await forecast(b.owner, { kind: 'total', monthsBack: 0, backtestMonths: 3 });
    /*
     * 1 March: run-rate 1000 / 2 (Jan, Feb) = 500; nothing open due by March → 500 against 600.
     * 1 April: run-rate (1000 + 600) / 3 = 533.33; W4 in Proposal sent (50 %) due in April 1500 → 2033.33 against 3000.
     * 1 May: run-rate 1600 / 4 = 400; L1 500 × 40 % + O1 1000 in Qualified × 25 % = 450 → 850 against 5900.
     */
    expect(backtest.months).toEqual([
      { month: '2026-03', forecast: '500.00', actual: '600.00', error: '-100.00', errorPercent: '16.67' },
      { month: '2026-04', forecast: '2033.33', actual: '3000.00', error: '-966.67', errorPercent: '32.22' },
      { month: '2026-05', forecast: '850.00', actual: '5900.00', error: '-5050.00', errorPercent: '85.59' },
    ]);
    // (16.67 + 32.22 + 85.59) / 3 = 44.826… ; (100 + 966.67 + 5050) / 3 = 2038.89.
    expect(backtest).toMatchObject({ mape: '44.83', monthsWithoutSales: 0, meanAbsoluteError: '2038.89', bias: '-2038.89' });
    /*
     * Before any sales the model forecast nothing and nothing happened: those months are left out of the percentage.
     * 1 January: no history, nothing open → 0 against 1000 (100 %). 1 February: run-rate 1000 (January);
     * W2 in New lead (10 %) due in February 200 → 1200 against 2000 (40 %). (100 + 40 + 16.67 + 32.22 + 85.59) / 5 = 54.896.
     */
    const long = await forecast(b.owner, { kind: 'total', monthsBack: 0, backtestMonths: 8 });
    expect(long.backtest.months.slice(0, 5)).toEqual([
      { month: '2025-10', forecast: '0.00', actual: '0.00', error: '0.00', errorPercent: null },
      { month: '2025-11', forecast: '0.00', actual: '0.00', error: '0.00', errorPercent: null },
      { month: '2025-12', forecast: '0.00', actual: '0.00', error: '0.00', errorPercent: null },
      { month: '2026-01', forecast: '0.00', actual: '1000.00', error: '-1000.00', errorPercent: '100.00' },
      { month: '2026-02', forecast: '1200.00', actual: '2000.00', error: '-800.00', errorPercent: '40.00' },
    ]);
    expect(long.backtest).toMatchObject({ mape: '54.90', monthsWithoutSales: 3 });
  });

  it('replays deals without a stage history in the stage they are in, or their pipeline’s first open stage once closed', async () => {
    const b = await makeBakery(t);
    const elio = b.employeeA.browser;
    const hotel = await post(elio, '/api/v1/companies', { name: 'Hotel Nord' });
    // Imported deals come without their moves: one won on 20 April, one still in Qualified (25 %).
    const won = await deal(elio, {
      amount: '1000',
      companyId: hotel.id,
      created: '2026-02-10T09:00:00Z',
      expected: '2026-04-15',
      moves: [['Won', '2026-04-20T09:00:00Z']],
    });
    const open = await deal(elio, {
      amount: '400',
      companyId: hotel.id,
      created: '2026-01-10T09:00:00Z',
      stage: 'Qualified',
      expected: '2026-03-10',
    });
    await t.db.execute(sql`DELETE FROM deal_stage_change WHERE deal_id IN (${won.id}, ${open.id})`);
    const { backtest } = await forecast(b.owner, { kind: 'total', monthsBack: 0, backtestMonths: 3 });
    // March and May: the open one, overdue, 400 × 25 %; April also the won one in New lead (10 %), 100.
    expect(backtest.months.map((m) => [m.month, m.forecast, m.actual])).toEqual([
      ['2026-03', '100.00', '0.00'],
      ['2026-04', '200.00', '1000.00'],
      ['2026-05', '100.00', '0.00'],
    ]);
    expect(backtest).toMatchObject({ mape: '80.00', monthsWithoutSales: 2, meanAbsoluteError: '333.33', bias: '-200.00' });
  });

  it('narrows to a unit, a manager, a product or a customer, within what the reader may see', async () => {
    const b = await history();
    const elioId = b.employeeA.user.id;
    const byUnit = await forecast(b.owner, { kind: 'unit', targetId: b.shopB.id, monthsBack: 1 });
    expect(byUnit.target).toEqual({ id: b.shopB.id, name: 'Via Milano' });
    expect(row(byUnit, '2026-05')?.actual).toBe('5000.00');
    // Elio: everything but Bea's 5000; his own forecast is whole, the whole company's is partial to him.
    const own = await forecast(b.employeeA.browser, { kind: 'owner', targetId: elioId, monthsBack: 1 });
    expect(own.partial).toBe(false);
    expect(row(own, '2026-05')?.actual).toBe('900.00');
    // June: 400 + 750 + (1000 + 600 + 900) / 5 × 16/30 = 1150 + 266.67.
    expect(row(own, '2026-06')?.forecast).toBe('1416.67');
    const total = await forecast(b.employeeA.browser, { kind: 'total', monthsBack: 1 });
    expect(total.partial).toBe(true);
    expect(row(total, '2026-05')?.actual).toBe('900.00');
    expect((await forecast(b.managerA.browser, { kind: 'unit', targetId: b.shopA.id })).partial).toBe(false);
    const customer = await forecast(b.owner, { kind: 'company', targetId: b.hotel.id, basis: 'orders', monthsBack: 1 });
    expect(row(customer, '2026-05')?.actual).toBe('0.00');
    expect(row(customer, '2026-06')?.pipeline).toBe('750.00');
    // Bea may not look at Elio's plans, nor a manager at the other shop's.
    await expect(forecast(b.employeeB.browser, { kind: 'owner', targetId: elioId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(forecast(b.managerA.browser, { kind: 'unit', targetId: b.shopB.id })).rejects.toMatchObject({ code: 'forbidden' });
    // A customer Bea may not see is not there for her at all.
    await expect(forecast(b.employeeB.browser, { kind: 'company', targetId: b.hotel.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts orders without a deal in the run-rate and orders of deals already open in the pipeline only', async () => {
    const b = await history();
    const elio = b.employeeA.browser;
    const bread = await post(b.owner, '/api/v1/products', { name: 'Ciabatta' });
    // 25.00 in May without a deal (20.00 of it bread); 30.00 in May for O1, open since April.
    await post(elio, '/api/v1/orders', {
      companyId: b.hotel.id,
      orderedOn: '2026-05-10',
      lines: [
        { productId: bread.id, quantity: '2', unitPrice: '10.00' },
        { description: 'Delivery', quantity: '1', unitPrice: '5.00' },
      ],
    });
    await post(elio, '/api/v1/orders', {
      companyId: b.hotel.id,
      dealId: b.o1.id,
      orderedOn: '2026-05-20',
      lines: [{ description: 'Advance', quantity: '1', unitPrice: '30.00' }],
    });
    const orders = await forecast(b.owner, { kind: 'total', basis: 'orders', monthsBack: 1, backtestMonths: 3 });
    /*
     * History since May (one month). June: 25 × 16/30 = 13.33 beside O1's 750. July looks back one month
     * further, to the start of April, when O1 was not yet open: (25 × 30 + 16 × 30) / 30 = 41 beside O2's 600.
     */
    expect(orders.months.map((m) => [m.month, m.actual, m.forecast, m.runRate])).toEqual([
      ['2026-05', '55.00', null, null],
      ['2026-06', '0.00', '763.33', '13.33'],
      ['2026-07', null, '641.00', '41.00'],
      ['2026-08', null, '55.00', '55.00'],
      ['2026-09', null, '1055.00', '55.00'],
    ]);
    const byProduct = await forecast(b.owner, { kind: 'product', targetId: bread.id, basis: 'orders', monthsBack: 1 });
    expect(byProduct.target).toEqual({ id: bread.id, name: 'Ciabatta' });
    expect(row(byProduct, '2026-05')?.actual).toBe('20.00');
    expect(row(byProduct, '2026-06')).toMatchObject({ forecast: '10.67', pipeline: '0.00', runRate: '10.67' });
  });

  it('answers over HTTP in the base currency, refuses bad parameters and hides other workspaces', async () => {
    const b = await history();
    const response = await b.owner.request({ method: 'GET', url: '/api/v1/forecasts?basis=orders' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'total', basis: 'orders', baseCurrency: 'EUR', target: null });
    expect(response.json().months).toHaveLength(10);
    for (const [url, path] of [
      ['/api/v1/forecasts?kind=unit', 'targetId'],
      [`/api/v1/forecasts?kind=total&targetId=${b.shopA.id}`, 'targetId'],
      ['/api/v1/forecasts?monthsBack=99', 'monthsBack'],
      ['/api/v1/forecasts?basis=hope', 'basis'],
    ] as const) {
      const bad = await b.owner.request({ method: 'GET', url });
      expect(bad.statusCode, url).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/forecasts', '/api/v1/plans', '/api/v1/plans/targets']));
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    const foreign = await stranger.request({ method: 'GET', url: `/api/v1/forecasts?kind=unit&targetId=${b.shopA.id}` });
    expect(foreign.statusCode).toBe(404);
    const theirs = (await get(stranger, '/api/v1/forecasts?monthsBack=6')) as TForecast;
    expect(theirs.months.every((m) => (m.actual ?? '0.00') === '0.00' && (m.pipeline ?? '0.00') === '0.00')).toBe(true);
    expect(theirs.undated.count).toBe(0);
  });
});
