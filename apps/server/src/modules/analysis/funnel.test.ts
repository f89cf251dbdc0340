import type { TDeal, TFunnelReport, TPipeline, TWonLostReport } from '@clientela/contract';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, type TestApp, useTestApp } from '../../test/harness.ts';
import type { Actor } from '../authz/index.ts';
import { unitSubtree } from '../units/index.ts';
import { users } from '../users/users.table.ts';
import { funnelReport } from './funnel.ts';

const t = useTestApp();

/** The fixed "now" durations of deals still in a stage run up to: 15 March 2026, 09:00 UTC. */
const NOW = new Date('2026-03-15T09:00:00Z');

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

/** The values of a row of a sheet, from its first cell. */
const rowOf = (book: ExcelJS.Workbook, n: number, sheet = 0) =>
  ((book.worksheets[sheet] as ExcelJS.Worksheet).getRow(n).values as unknown[]).slice(1);

async function pipelineOf(browser: Browser) {
  const { data } = await get(browser, '/api/v1/pipelines');
  const pipeline = (data as TPipeline[]).find((p) => p.isDefault) as TPipeline;
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id as string;
  const reasons = (await get(browser, '/api/v1/pipelines/lost-reasons')).data as { id: string; name: string }[];
  const reason = (name: string) => reasons.find((r) => r.name === name)?.id as string;
  return { pipeline, stage, reason };
}

/**
 * A deal created in the first stage and moved through `steps` through the API; its moves are then
 * dated in SQL at the instants given (the first: when it was created), and it is closed on the
 * last instant's day when it ends won or lost.
 */
async function journey(browser: Browser, title: string, amount: string, steps: [string, string][], lostReasonId?: string | null) {
  const { stage } = await pipelineOf(browser);
  const company = await post(browser, '/api/v1/companies', { name: `${title} Ltd` });
  const deal = await post(browser, '/api/v1/deals', {
    title,
    amount,
    currency: 'EUR',
    expectedCloseOn: '2026-06-30',
    companyId: company.id,
  });
  for (const [name] of steps.slice(1)) {
    const payload =
      name === 'Lost'
        ? { stageId: stage(name), lostReasonId: lostReasonId ?? (await pipelineOf(browser)).reason('No answer') }
        : { stageId: stage(name) };
    const moved = await browser.request({ method: 'POST', url: `/api/v1/deals/${deal.id}/move`, payload });
    if (moved.statusCode !== 200) throw new Error(moved.body);
  }
  const moves = await t.db.execute<{ id: string }>(
    sql`SELECT id FROM deal_stage_change WHERE deal_id = ${deal.id} ORDER BY changed_at, id`,
  );
  expect(moves.rows).toHaveLength(steps.length);
  for (const [i, move] of moves.rows.entries())
    await t.db.execute(sql`UPDATE deal_stage_change SET changed_at = ${steps[i]?.[1]}::timestamptz WHERE id = ${move.id}`);
  const last = steps.at(-1)?.[1] as string;
  await t.db.execute(sql`UPDATE deal SET created_at = ${steps[0]?.[1]}::timestamptz, stage_entered_at = ${last}::timestamptz,
      closed_on = CASE WHEN closed_on IS NULL THEN NULL ELSE (${last}::timestamptz AT TIME ZONE 'UTC')::date END
      ${lostReasonId === null ? sql`, lost_reason_id = NULL` : sql``}
    WHERE id = ${deal.id}`);
  return deal as { id: string };
}

const at = (day: string, time = '09:00') => `2026-${day}T${time}:00Z`;

/**
 * Seven deals created in March 2026 on a Rome calendar, and two outside it. Elio: D1 won through
 * Proposal, D2 lost from Qualified, D3 waiting in Qualified, D4 in New lead, D8 (created 00:30 on
 * 1 March in Rome, still 28 February in UTC) lost from New lead without a reason, D9 back and forth
 * between New lead and Qualified; D7 created 00:30 on 1 April in Rome. Bea: D5 straight to Negotiation.
 */
async function funnelBakery() {
  const b = await makeBakery(t);
  const elio = b.employeeA.browser;
  await journey(elio, 'D1', '100.00', [
    ['New lead', at('03-01')],
    ['Qualified', at('03-03')],
    ['Proposal sent', at('03-06')],
    ['Won', at('03-10')],
  ]);
  await journey(elio, 'D2', '200.00', [
    ['New lead', at('03-02')],
    ['Qualified', at('03-03', '21:00')],
    ['Lost', at('03-05')],
  ]);
  await journey(elio, 'D3', '50.00', [
    ['New lead', at('03-04')],
    ['Qualified', at('03-05')],
  ]);
  await journey(elio, 'D4', '30.00', [['New lead', at('03-05')]]);
  await journey(b.employeeB.browser, 'D5', '400.00', [
    ['New lead', at('03-06')],
    ['Negotiation', at('03-08')],
  ]);
  await journey(elio, 'D6', '1.00', [['New lead', '2026-02-20T09:00:00Z']]);
  await journey(elio, 'D7', '5.00', [['New lead', '2026-03-31T22:30:00Z']]);
  await journey(
    elio,
    'D8',
    '10.00',
    [
      ['New lead', '2026-02-28T23:30:00Z'],
      ['Lost', '2026-03-02T11:30:00Z'],
    ],
    null,
  );
  await journey(elio, 'D9', '20.00', [
    ['New lead', at('03-10')],
    ['Qualified', at('03-11')],
    ['New lead', at('03-12')],
    ['Qualified', at('03-14')],
  ]);
  return b;
}

const MARCH = { from: '2026-03-01', to: '2026-03-31', format: 'json' } as const;

describe('the funnel report', () => {
  it('counts the deals that reached each stage, their conversions and how long they stayed, each reader in their reach', async () => {
    const b = await funnelBakery();
    const report = await funnelReport(await ctxFor(t, b.owner), MARCH, NOW, 'Europe/Rome');
    expect(report).toMatchObject({ pipeline: { name: 'Sales' }, baseCurrency: 'EUR', asOf: NOW.toISOString(), deals: 7 });
    const table = (r: TFunnelReport) =>
      r.stages.map((s) => [
        s.stage.name,
        s.reached,
        s.reachedAmount,
        s.fromPrevious,
        s.fromFirst,
        s.current,
        s.currentAmount,
        s.averageDays,
        s.medianDays,
        s.measured,
        s.stillIn,
      ]);
    // Reached: every deal reached New lead; Qualified D1 (won), D2, D3, D5 (went past it), D9; Proposal and Negotiation
    // D1 and D5. New lead stays: D1 2, D2 1.5, D3 1, D4 10 (to now), D5 2, D8 1.5, D9 1 + 2 = 3 days: 21 / 7 = 3, median 2.
    // Qualified: D1 3, D2 1.5, D3 10 (to now), D9 1 + 1 (to now): 16.5 / 4 = 4.125 → 4.13, median (2 + 3) / 2.
    expect(table(report)).toEqual([
      ['New lead', 7, '810.00', null, '100.00', 1, '30.00', '3.00', '2.00', 7, 1],
      ['Qualified', 5, '770.00', '71.43', '71.43', 2, '70.00', '4.13', '2.50', 4, 2],
      ['Proposal sent', 2, '500.00', '40.00', '28.57', 0, '0.00', '4.00', '4.00', 1, 0],
      ['Negotiation', 2, '500.00', '100.00', '28.57', 1, '400.00', '7.00', '7.00', 1, 1],
      ['Won', 1, '100.00', '50.00', '14.29', 1, '100.00', null, null, 0, 0],
      ['Lost', 2, '210.00', null, '28.57', 2, '210.00', null, null, 0, 0],
    ]);

    // Elio reads his own deals on a UTC calendar: D8 was created in February there, D7 in March; D5 is Bea's.
    const elio = await funnelReport(await ctxFor(t, b.employeeA.browser), MARCH, NOW, 'UTC');
    expect(elio.deals).toBe(6);
    expect(elio.stages.map((s) => [s.stage.name, s.reached, s.current])).toEqual([
      ['New lead', 6, 2],
      ['Qualified', 4, 2],
      ['Proposal sent', 1, 0],
      ['Negotiation', 1, 0],
      ['Won', 1, 1],
      ['Lost', 1, 1],
    ]);
    // Filtered by owner and by branch.
    const bea = await funnelReport(await ctxFor(t, b.owner), { ...MARCH, ownerId: b.employeeB.user.id }, NOW, 'Europe/Rome');
    expect(bea.stages.map((s) => s.reached)).toEqual([1, 1, 1, 1, 0, 0]);
    const shopB = await funnelReport(await ctxFor(t, b.managerA.browser), { ...MARCH, unitId: b.shopB.id }, NOW, 'Europe/Rome');
    expect(shopB.deals).toBe(0);

    // The deals behind a figure: the list finds exactly the deals the report counted, on the reader's calendar.
    const { stage, pipeline } = await pipelineOf(b.owner);
    const titles = async (browser: Browser, query: string) =>
      ((await get(browser, `/api/v1/deals?sort=title&filter[pipelineId]=${pipeline.id}&${query}`)).data as TDeal[]).map((d) => d.title);
    const march = 'filter[createdFrom]=2026-03-01&filter[createdTo]=2026-03-31';
    expect(await titles(b.owner, march)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D8', 'D9']);
    expect(await titles(b.employeeA.browser, march)).toEqual(['D1', 'D2', 'D3', 'D4', 'D7', 'D9']);
    expect(await titles(b.owner, `${march}&filter[reachedStageId]=${stage('Qualified')}`)).toEqual(['D1', 'D2', 'D3', 'D5', 'D9']);
    expect(await titles(b.owner, `${march}&filter[reachedStageId]=${stage('Proposal sent')}`)).toEqual(['D1', 'D5']);
    expect(await titles(b.owner, `${march}&filter[reachedStageId]=${stage('Lost')}`)).toEqual(['D2', 'D8']);
    expect(await titles(b.owner, `${march}&filter[stageId]=${stage('Qualified')}`)).toEqual(['D3', 'D9']);
    expect(await titles(b.owner, 'filter[createdTo]=2026-02-28')).toEqual(['D6']);
    expect(await titles(b.owner, 'filter[status]=lost&filter[lostReasonId]=none')).toEqual(['D8']);
    const bad = await b.owner.request({ method: 'GET', url: '/api/v1/deals?filter[createdFrom]=March' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('filter[createdFrom]');

    // Through the API: the same counts (durations run to the real now); another workspace has its own empty funnel.
    const api: TFunnelReport = await get(b.owner, '/api/v1/reports/funnel?from=2026-03-01&to=2026-03-31');
    expect(api.timeZone).toBe('Europe/Rome');
    expect(api.stages.map((s) => s.reached)).toEqual([7, 5, 2, 2, 1, 2]);
    expect((await get(b.owner, `/api/v1/reports/funnel?pipelineId=${pipeline.id}&ownerId=${b.employeeB.user.id}`)).deals).toBe(1);
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    const theirs: TFunnelReport = await get(stranger, '/api/v1/reports/funnel?from=2026-03-01&to=2026-03-31');
    expect(theirs.deals).toBe(0);
    expect(theirs.stages.every((s) => s.reached === 0 && s.current === 0)).toBe(true);
    const foreign = await stranger.request({ method: 'GET', url: `/api/v1/reports/funnel?pipelineId=${pipeline.id}` });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ path: 'pipelineId' })]);
    expect(await titles(stranger, march)).toEqual([]);

    // The Excel file, headed in the reader's language.
    await b.owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'it' } });
    const file = await b.owner.request({ method: 'GET', url: '/api/v1/reports/funnel?from=2026-03-01&to=2026-03-31&format=xlsx' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/funnel-\d{4}-\d{2}-\d{2}\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.name).toBe('Imbuto di vendita');
    expect(rowOf(book, 1).slice(0, 7)).toEqual([
      'Fase',
      'Arrivate',
      'Importo arrivato',
      'Dalla fase precedente, %',
      'Dalla prima fase, %',
      'Ora nella fase',
      'Importo ora nella fase',
    ]);
    expect(rowOf(book, 3).slice(0, 7)).toEqual(['Qualified', 5, 770, 71.43, 71.43, 2, 70]);
    // Won: no duration, and no "still in" count.
    expect(rowOf(book, 6)).toEqual(['Won', 1, 100, 50, 14.29, 1, 100]);
  });

  it('refuses bad parameters with a problem naming the field', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    for (const [url, path] of [
      ['/api/v1/reports/funnel?pipelineId=nope', 'pipelineId'],
      ['/api/v1/reports/funnel?pipelineId=00000000-0000-4000-8000-000000000001', 'pipelineId'],
      ['/api/v1/reports/funnel?from=2026-02-01&to=2026-01-01', 'to'],
      ['/api/v1/reports/funnel?ownerId=me', 'ownerId'],
      ['/api/v1/reports/funnel?format=pdf', 'format'],
      ['/api/v1/reports/funnel?colour=red', ''],
      ['/api/v1/reports/won-lost?groupBy=region', 'groupBy'],
      ['/api/v1/reports/won-lost?groupBy=owner&from=March', 'from'],
      ['/api/v1/reports/won-lost', 'groupBy'],
    ] as const) {
      const response = await owner.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      if (path) expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/funnel' })).statusCode).toBe(401);
  });
});

describe('the won and lost report', () => {
  it('counts won and lost deals per group with their amounts, and the lost ones by reason, no reason a row of its own', async () => {
    const b = await makeBakery(t);
    const { reason } = await pipelineOf(b.owner);
    const price = reason('Price too high');
    const budget = reason('No budget');
    const elio = b.employeeA.browser;
    const bea = b.employeeB.browser;
    const won = (browser: Browser, title: string, amount: string, day: string) =>
      journey(browser, title, amount, [
        ['New lead', at('01-01')],
        ['Won', at(day)],
      ]);
    const lost = (browser: Browser, title: string, amount: string, day: string, reasonId: string | null) =>
      journey(
        browser,
        title,
        amount,
        [
          ['New lead', at('01-01')],
          ['Lost', at(day)],
        ],
        reasonId,
      );
    await won(elio, 'W-Jan', '100.00', '01-10');
    await won(elio, 'W-Feb', '50.50', '02-02');
    await lost(elio, 'L-price-Jan', '30.00', '01-20', price);
    await lost(elio, 'L-price-Feb', '20.00', '02-05', price);
    await lost(elio, 'L-none', '10.00', '02-06', null);
    await lost(elio, 'L-budget-Mar', '7.00', '03-01', budget);
    await won(bea, 'W-Bea', '200.00', '03-03');
    await lost(bea, 'L-Bea', '40.00', '03-04', budget);
    // Closed outside the period.
    await journey(elio, 'W-old', '999.00', [
      ['New lead', '2025-12-01T09:00:00Z'],
      ['Won', '2025-12-31T09:00:00Z'],
    ]);

    const period = 'from=2026-01-01&to=2026-06-30';
    const report: TWonLostReport = await get(b.owner, `/api/v1/reports/won-lost?groupBy=owner&${period}`);
    expect(report.baseCurrency).toBe('EUR');
    expect(report.rows.map((r) => [r.label, r.won, r.lost, r.winRate, r.wonAmount, r.lostAmount])).toEqual([
      ['Elio', 2, 4, '33.33', '150.50', '67.00'],
      ['Bea', 1, 1, '50.00', '200.00', '40.00'],
    ]);
    expect(report.total).toEqual({ won: 3, lost: 5, winRate: '37.50', wonAmount: '350.50', lostAmount: '107.00' });
    // Five lost: two for the price (50.00), two for no budget (47.00), one with no reason.
    expect(report.reasons).toEqual([
      { key: price, label: 'Price too high', count: 2, amount: '50.00', share: '40.00' },
      { key: budget, label: 'No budget', count: 2, amount: '47.00', share: '40.00' },
      { key: null, label: '', count: 1, amount: '10.00', share: '20.00' },
    ]);
    const byMonth: TWonLostReport = await get(b.owner, `/api/v1/reports/won-lost?groupBy=month&${period}`);
    expect(byMonth.rows.map((r) => [r.key, r.won, r.lost, r.lostAmount])).toEqual([
      ['2026-01', 1, 1, '30.00'],
      ['2026-02', 1, 2, '30.00'],
      ['2026-03', 1, 2, '47.00'],
    ]);

    // An employee sees their own; another workspace nothing.
    const mine: TWonLostReport = await get(elio, `/api/v1/reports/won-lost?groupBy=owner&${period}`);
    expect(mine.rows.map((r) => r.label)).toEqual(['Elio']);
    expect(mine.reasons.map((r) => [r.label, r.count, r.share])).toEqual([
      ['Price too high', 2, '50.00'],
      ['', 1, '25.00'],
      ['No budget', 1, '25.00'],
    ]);
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect(await get(stranger, `/api/v1/reports/won-lost?groupBy=owner&${period}`)).toMatchObject({
      rows: [],
      reasons: [],
      total: { won: 0, lost: 0, winRate: null, wonAmount: '0.00', lostAmount: '0.00' },
    });

    // The deals behind a reason.
    const titles = async (query: string) =>
      ((await get(b.owner, `/api/v1/deals?sort=title&filter[status]=lost&${query}`)).data as TDeal[]).map((d) => d.title);
    expect(await titles(`filter[lostReasonId]=${price}&filter[closedFrom]=2026-01-01&filter[closedTo]=2026-06-30`)).toEqual([
      'L-price-Feb',
      'L-price-Jan',
    ]);
    expect(await titles('filter[lostReasonId]=none')).toEqual(['L-none']);
    expect(await titles(`filter[lostReasonId]=${budget}&filter[ownerId]=${b.employeeB.user.id}`)).toEqual(['L-Bea']);

    // The Excel file: the groups on a first sheet, the reasons on a second, in Russian.
    await b.owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'ru' } });
    const file = await b.owner.request({ method: 'GET', url: `/api/v1/reports/won-lost?groupBy=owner&${period}&format=xlsx` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Выигранные и проигранные', 'Причины проигрыша']);
    expect(rowOf(book, 1)).toEqual(['Группа', 'Выиграно', 'Проиграно', 'Доля выигранных, %', 'Сумма выигранных', 'Сумма проигранных']);
    expect(rowOf(book, 2)).toEqual(['Elio', 2, 4, 33.33, 150.5, 67]);
    expect(rowOf(book, 4)).toEqual(['Итого', 3, 5, 37.5, 350.5, 107]);
    expect(rowOf(book, 1, 1)).toEqual(['Причина', 'Проиграно', 'Сумма', 'Доля, %']);
    expect(rowOf(book, 4, 1)).toEqual(['(причина не указана)', 1, 10, 20]);
  });
});
