import type { TKpiBoard, TKpiSeries, TPipeline } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const patch = (b: Browser, url: string, payload: Record<string, unknown>) => b.request({ method: 'PATCH', url, payload });
const status = async (b: Browser, id: string, to: string) =>
  expect((await b.request({ method: 'POST', url: `/api/v1/quotes/${id}/status`, payload: { status: to } })).statusCode).toBe(200);
const put = (b: Browser, url: string, payload: Record<string, unknown>) => b.request({ method: 'PUT', url, payload });

/**
 * A zone where it is about noon now, so that "an hour ago" and "a day and an hour ago" fall in
 * today and yesterday whenever the test runs (Etc/GMT-X is UTC+X).
 */
function noonZone() {
  const offset = 12 - new Date().getUTCHours();
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

async function board(b: Browser, query: string): Promise<TKpiBoard> {
  const response = await b.request({ method: 'GET', url: `/api/v1/dashboards/kpi?${query}` });
  if (response.statusCode !== 200) throw new Error(`KPI board: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The board as `{ measure: [current count, current sum, previous count, previous sum] }`. */
const figures = (b: TKpiBoard) =>
  Object.fromEntries(b.kpis.map((k) => [k.measure, [k.current.count, k.current.sum, k.previous.count, k.previous.sum]]));

async function wonStage(b: Browser) {
  const pipeline: TPipeline = (await get(b, '/api/v1/pipelines')).data[0];
  const won = pipeline.stages.find((s) => s.kind === 'won');
  if (!won) throw new Error('no won stage');
  return won.id;
}

describe('the daily KPI board', () => {
  it('counts today and yesterday exactly, in the base currency, following wins, amount changes, deletions, new versions and new rates', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const zone = noonZone();
    await put(owner, '/api/v1/currencies', { currencies: ['USD'] });
    await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2020-01-01', rate: '0.9' }] });
    const elio = employeeA.browser;

    const hotel = await post(elio, '/api/v1/companies', { name: 'Hotel Bellavista', status: 'potential' });
    await post(elio, '/api/v1/companies', { name: 'Bar Sport', status: 'new' });
    await post(elio, '/api/v1/contacts', { firstName: 'Lia', lastName: 'Neri', status: 'potential' });

    const bread = await post(elio, '/api/v1/deals', { title: 'Bread', amount: '1000.00', currency: 'EUR', expectedCloseOn: '2026-12-31' });
    const cakes = await post(elio, '/api/v1/deals', { title: 'Cakes', amount: '500.00', currency: 'USD', expectedCloseOn: '2026-12-31' });
    const gone = await post(elio, '/api/v1/deals', { title: 'Gone', amount: '100.00', currency: 'EUR' });
    // Won; a changed amount (1000 USD at 0.9); a deal in the bin counts no more.
    expect((await patch(elio, `/api/v1/deals/${bread.id}`, { stageId: await wonStage(elio) })).statusCode).toBe(200);
    expect((await patch(elio, `/api/v1/deals/${cakes.id}`, { amount: '1000.00' })).statusCode).toBe(200);
    expect((await elio.request({ method: 'DELETE', url: `/api/v1/deals/${gone.id}` })).statusCode).toBe(204);

    // A proposal sent, then a new version sent: one proposal, at the new version's total.
    const quote = await post(elio, '/api/v1/quotes', {
      companyId: hotel.id,
      lines: [{ description: 'Ciabatta', quantity: '3', unitPrice: '10.00' }],
    });
    await status(elio, quote.id, 'sent');
    let shown = figures(await board(elio, `period=today&timeZone=${encodeURIComponent(zone)}`));
    expect(shown.quotesSent).toEqual([1, quote.total, 0, '0.00']);
    const v2 = await post(elio, `/api/v1/quotes/${quote.id}/versions`, {});
    const revised = (
      await patch(elio, `/api/v1/quotes/${v2.id}`, { lines: [{ description: 'Ciabatta', quantity: '5', unitPrice: '10.00' }] })
    ).json();
    expect(revised.total).not.toBe(quote.total);
    await status(elio, v2.id, 'sent');

    const today = await board(elio, `period=today&timeZone=${encodeURIComponent(zone)}`);
    expect(today).toMatchObject({ period: 'today', timeZone: zone, baseCurrency: 'EUR' });
    expect(Date.parse(today.refreshedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(figures(today)).toEqual({
      potentialClients: [2, null, 0, null],
      quotesSent: [1, revised.total, 0, '0.00'],
      newDeals: [2, '1900.00', 0, '0.00'],
      dealsWon: [1, '1000.00', 0, '0.00'],
      complaintsReceived: [0, null, 0, null],
      complaintsResolved: [0, null, 0, null],
    });

    // A new rate recomputes the base values, and the board with them: 1000 USD at 0.95.
    await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2020-01-01', rate: '0.95' }] });
    shown = figures(await board(elio, `period=today&timeZone=${encodeURIComponent(zone)}`));
    expect(shown.newDeals).toEqual([2, '1950.00', 0, '0.00']);

    // Yesterday up to the same moment: a deal created a day and an hour ago counts there, not today.
    await t.db.execute(sql`UPDATE deal SET created_at = now() - interval '1 day 1 hour' WHERE id = ${cakes.id}`);
    shown = figures(await board(elio, `period=today&timeZone=${encodeURIComponent(zone)}`));
    expect(shown.newDeals).toEqual([1, '1000.00', 1, '950.00']);
    // Last week up to the same moment holds the deal of seven days ago; this week holds yesterday's,
    // unless today is Monday: yesterday was then last week's Sunday, past last week's same moment.
    await t.db.execute(sql`UPDATE deal SET created_at = now() - interval '7 days 1 hour' WHERE id = ${bread.id}`);
    const week = figures(await board(elio, `period=week&timeZone=${encodeURIComponent(zone)}`));
    const monday = new Date(Date.now() + 3_600_000 * (12 - new Date().getUTCHours())).getUTCDay() === 1;
    expect(week.newDeals).toEqual(monday ? [0, '0.00', 1, '1000.00'] : [1, '950.00', 1, '1000.00']);

    // The chart's series adds up to the board.
    const series: TKpiSeries = (
      await elio.request({
        method: 'GET',
        url: `/api/v1/dashboards/kpi/series?measure=dealsWon&period=today&timeZone=${encodeURIComponent(zone)}`,
      })
    ).json();
    expect(series).toMatchObject({ measure: 'dealsWon', step: 'hour', baseCurrency: 'EUR' });
    expect(series.current).toHaveLength(24);
    expect(series.previous).toHaveLength(24);
    expect(series.current.reduce((n, p) => n + p.count, 0)).toBe(1);
    expect(series.current.find((p) => p.count === 1)).toMatchObject({ index: 12, sum: '1000.00' });
    const month: TKpiSeries = (
      await elio.request({ method: 'GET', url: '/api/v1/dashboards/kpi/series?measure=newDeals&period=month' })
    ).json();
    expect(month.step).toBe('day');
    expect(month.current.length).toBeGreaterThanOrEqual(28);
  });

  it('shows employees their own figures, managers their unit, admins all, never another workspace', async () => {
    const { owner, managerA, employeeA, employeeA2, employeeB, shopA, shopB } = await makeBakery(t);
    const deal = (b: Browser, amount: string) => post(b, '/api/v1/deals', { title: 'Deal', amount, currency: 'EUR' });
    await deal(employeeA.browser, '10.00');
    await deal(employeeA2.browser, '20.00');
    await deal(employeeB.browser, '40.00');
    await deal(managerA.browser, '80.00');
    await deal(owner, '160.00');
    const other = await makeWorkspace(t, { workspaceName: 'Other bakery' });
    await deal(await signIn(t, other.admin.email), '5000.00');

    const newDeals = async (b: Browser, query = '') => figures(await board(b, `period=month${query}`)).newDeals?.slice(0, 2);
    expect(await newDeals(employeeA.browser)).toEqual([1, '10.00']);
    expect(await newDeals(employeeB.browser)).toEqual([1, '40.00']);
    expect(await newDeals(managerA.browser)).toEqual([3, '110.00']);
    expect(await newDeals(owner)).toEqual([5, '310.00']);
    expect(await newDeals(owner, `&unitId=${shopB.id}`)).toEqual([1, '40.00']);
    expect(await newDeals(managerA.browser, `&unitId=${shopA.id}`)).toEqual([3, '110.00']);
    // A manager's own deal booked in another unit stays theirs; that unit's figures count it too.
    await t.db.execute(sql`UPDATE deal SET unit_id = ${shopB.id} WHERE owner_id = ${managerA.user.id}`);
    expect(await newDeals(managerA.browser)).toEqual([3, '110.00']);
    expect(await newDeals(managerA.browser, `&unitId=${shopA.id}`)).toEqual([2, '30.00']);
    expect(await newDeals(owner, `&unitId=${shopB.id}`)).toEqual([2, '120.00']);
    // A zone half an hour off UTC answers too (its midnight falls inside a UTC hour).
    expect(figures(await board(owner, 'period=today&timeZone=Asia/Kolkata')).newDeals?.[0]).toBeGreaterThanOrEqual(0);

    // A unit out of reach is refused, an unknown one not found, a bad period names the field.
    const ask = (b: Browser, query: string) => b.request({ method: 'GET', url: `/api/v1/dashboards/kpi?${query}` });
    const foreign = await ask(managerA.browser, `unitId=${shopB.id}`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect((await ask(owner, `unitId=${managerA.user.id}`)).statusCode).toBe(404);
    const bad = await ask(owner, 'period=year');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'period' }] });
    expect((await ask(owner, 'timeZone=Mars/Olympus')).json()).toMatchObject({ errors: [{ path: 'timeZone' }] });
    const badMeasure = await owner.request({ method: 'GET', url: '/api/v1/dashboards/kpi/series?measure=complaints&period=week' });
    expect(badMeasure.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'measure' }] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboards/kpi' })).statusCode).toBe(401);
  });
});
