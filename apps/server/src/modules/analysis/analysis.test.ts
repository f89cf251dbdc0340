import type { TAbcReport, TPipeline, TSalesReport, TWinRateReport } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { abcJob } from './abc.ts';
import { inReport } from './report-source.ts';

/** The values of a row of the first sheet, from its first cell. */
const rowOf = (book: ExcelJS.Workbook, n: number) => ((book.worksheets[0] as ExcelJS.Worksheet).getRow(n).values as unknown[]).slice(1);

const t = useTestApp();

const put = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PUT', url, payload });

async function stages(browser: Browser) {
  const { data } = await get(browser, '/api/v1/pipelines');
  const pipeline = (data as TPipeline[]).find((p) => p.isDefault) as TPipeline;
  const of = (kind: 'won' | 'lost') => pipeline.stages.find((s) => s.kind === kind)?.id as string;
  const reasons = (await get(browser, '/api/v1/pipelines/lost-reasons')).data;
  return { won: of('won'), lost: of('lost'), reason: reasons[0].id as string };
}

type DealSpec = {
  amount: string;
  currency?: string;
  closedOn: string;
  companyId?: string;
  contactId?: string;
  productId?: string;
  lost?: boolean;
};

/** A deal closed (won unless told) through the API; its close day is then set to the one the test needs. */
async function closedDeal(browser: Browser, spec: DealSpec) {
  const { won, lost, reason } = await stages(browser);
  const deal = await post(browser, '/api/v1/deals', {
    title: `Deal ${spec.amount} ${spec.closedOn}`,
    amount: spec.amount,
    currency: spec.currency ?? 'EUR',
    expectedCloseOn: spec.closedOn,
    ...(spec.companyId ? { companyId: spec.companyId } : {}),
    ...(spec.contactId ? { contactId: spec.contactId } : {}),
    ...(spec.productId ? { productId: spec.productId } : {}),
  });
  const moved = await browser.request({
    method: 'POST',
    url: `/api/v1/deals/${deal.id}/move`,
    payload: spec.lost ? { stageId: lost, lostReasonId: reason } : { stageId: won },
  });
  if (moved.statusCode !== 200) throw new Error(moved.body);
  await t.db.execute(sql`UPDATE deal SET closed_on = ${spec.closedOn}::date WHERE id = ${deal.id}`);
  return deal;
}

const sales = (browser: Browser, query: string): Promise<TSalesReport> => get(browser, `/api/v1/reports/sales?${query}`);

describe('sales reports', () => {
  it('adds won deals in two currencies exactly in the base currency, by quarter, owner and region, each reader seeing their reach', async () => {
    const b = await makeBakery(t);
    expect((await put(b.owner, '/api/v1/currencies', { baseCurrency: 'EUR', currencies: ['USD'] })).statusCode).toBe(200);
    await put(b.owner, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2020-01-01', rate: '0.9173' }] });
    const north = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Hotel Nord', region: 'North' });
    const bread = await post(b.owner, '/api/v1/products', { name: 'Ciabatta' });

    // 1234.56 USD × 0.9173 = 1132.461888 → 1132.46; 1000.10 USD × 0.9173 = 917.39173 → 917.39.
    await closedDeal(b.employeeA.browser, { amount: '1234.56', currency: 'USD', closedOn: '2026-01-15', companyId: north.id });
    await closedDeal(b.employeeA.browser, { amount: '99.99', closedOn: '2026-02-10', productId: bread.id });
    await closedDeal(b.employeeA.browser, { amount: '0.05', closedOn: '2026-04-01', productId: bread.id });
    await closedDeal(b.employeeA.browser, { amount: '10.00', closedOn: '2026-03-03', lost: true });
    await closedDeal(b.employeeA2.browser, { amount: '500.00', closedOn: '2026-05-05' });
    await closedDeal(b.employeeB.browser, { amount: '1000.10', currency: 'USD', closedOn: '2026-06-30' });
    // Won outside the period: left out.
    await closedDeal(b.employeeB.browser, { amount: '7.00', closedOn: '2025-12-31' });

    const period = 'from=2026-01-01&to=2026-12-31';
    const all = await sales(b.owner, `groupBy=quarter&${period}`);
    expect(all.baseCurrency).toBe('EUR');
    expect(all.rows.map((r) => [r.key, r.count, r.amount])).toEqual([
      ['2026-Q1', 2, '1232.45'],
      ['2026-Q2', 3, '1417.44'],
    ]);
    expect(all.total).toEqual({ count: 5, amount: '2649.89' });

    // An employee sees their own deals; a manager their shop's; another workspace nothing.
    expect((await sales(b.employeeA.browser, `groupBy=quarter&${period}`)).rows.map((r) => [r.key, r.amount])).toEqual([
      ['2026-Q1', '1232.45'],
      ['2026-Q2', '0.05'],
    ]);
    expect((await sales(b.managerA.browser, `groupBy=quarter&${period}`)).total).toEqual({ count: 4, amount: '1732.50' });
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect(await sales(stranger, `groupBy=quarter&${period}`)).toMatchObject({ rows: [], total: { count: 0, amount: '0.00' } });

    // By owner, then by quarter: the largest first, each with its quarters.
    const byOwner = await sales(b.owner, `groupBy=owner&thenBy=quarter&${period}`);
    expect(byOwner.rows.map((r) => [r.label, r.amount, r.children?.map((c) => [c.key, c.amount])])).toEqual([
      [
        'Elio',
        '1232.50',
        [
          ['2026-Q1', '1232.45'],
          ['2026-Q2', '0.05'],
        ],
      ],
      ['Bea', '917.39', [['2026-Q2', '917.39']]],
      ['Ezio', '500.00', [['2026-Q2', '500.00']]],
    ]);
    const byRegion = await sales(b.owner, `groupBy=region&${period}`);
    expect(byRegion.rows.map((r) => [r.key, r.count, r.amount])).toEqual([
      [null, 4, '1517.43'],
      ['North', 1, '1132.46'],
    ]);
    const byProduct = await sales(b.owner, `groupBy=product&${period}&unitId=${b.shopA.id}`);
    expect(byProduct.rows.map((r) => [r.label, r.count, r.amount])).toEqual([
      ['', 2, '1632.46'],
      ['Ciabatta', 2, '100.04'],
    ]);
    expect((await sales(b.owner, `groupBy=month&${period}&ownerId=${b.employeeB.user.id}`)).rows).toEqual([
      { key: '2026-06', label: '2026-06', count: 1, amount: '917.39' },
    ]);

    const winRate: TWinRateReport = await get(b.owner, `/api/v1/reports/win-rate?groupBy=owner&${period}`);
    expect(winRate.rows.map((r) => [r.label, r.won, r.lost, r.winRate, r.wonAmount])).toEqual([
      ['Elio', 3, 1, '75.00', '1232.50'],
      ['Bea', 1, 0, '100.00', '917.39'],
      ['Ezio', 1, 0, '100.00', '500.00'],
    ]);
    // 5 of 6 = 83.333… → 83.33.
    expect(winRate.total).toEqual({ won: 5, lost: 1, winRate: '83.33', wonAmount: '2649.89' });

    const customers = await get(b.owner, '/api/v1/reports/customers?groupBy=region&thenBy=status');
    expect(customers).toMatchObject({ total: { count: 1 }, rows: [{ key: 'North', count: 1, children: [{ key: 'new', count: 1 }] }] });
    expect((await get(b.employeeB.browser, '/api/v1/reports/customers?groupBy=status')).total.count).toBe(0);
  });

  it('adds orders that are not cancelled by their date, shared out over their lines by product', async () => {
    const b = await makeBakery(t);
    const bread = await post(b.owner, '/api/v1/products', { name: 'Ciabatta' });
    const bar = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Bar Centrale', region: 'Centro' });
    const hotel = await post(b.employeeB.browser, '/api/v1/companies', { name: 'Hotel Milano' });
    const order = (browser: Browser, companyId: string, orderedOn: string, lines: Record<string, unknown>[]) =>
      post(browser, '/api/v1/orders', { companyId, orderedOn, lines });
    // 2 × 10.00 of bread and 5.00 of delivery: 25.00.
    await order(b.employeeA.browser, bar.id, '2026-01-10', [
      { productId: bread.id, quantity: '2', unitPrice: '10.00' },
      { description: 'Delivery', quantity: '1', unitPrice: '5.00' },
    ]);
    const cancelled = await order(b.employeeA.browser, bar.id, '2026-02-10', [{ productId: bread.id, quantity: '1', unitPrice: '3.33' }]);
    const cancel = await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/orders/${cancelled.id}/status`,
      payload: { status: 'cancelled' },
    });
    expect(cancel.statusCode).toBe(200);
    await order(b.employeeB.browser, hotel.id, '2026-02-11', [{ description: 'Catering', quantity: '1', unitPrice: '100.00' }]);

    const byMonth = await sales(b.owner, 'groupBy=month&basis=orders');
    expect(byMonth.rows.map((r) => [r.key, r.count, r.amount])).toEqual([
      ['2026-01', 1, '25.00'],
      ['2026-02', 1, '100.00'],
    ]);
    expect((await sales(b.employeeA.browser, 'groupBy=month&basis=orders')).total).toEqual({ count: 1, amount: '25.00' });
    const byProduct = await sales(b.owner, 'groupBy=product&basis=orders');
    expect(byProduct.rows.map((r) => [r.label, r.count, r.amount])).toEqual([
      ['', 2, '105.00'],
      ['Ciabatta', 1, '20.00'],
    ]);
    expect(byProduct.total).toEqual({ count: 2, amount: '125.00' });
    const abc: TAbcReport = await get(b.owner, '/api/v1/reports/abc?from=2026-01-01&to=2026-02-28&basis=orders');
    expect(abc.customers.map((c) => [c.company.name, c.revenue, c.abc])).toEqual([
      ['Hotel Milano', '100.00', 'A'],
      ['Bar Centrale', '25.00', 'B'],
    ]);
  });

  it('stops a report that runs past its statement timeout with a "try again", and the connection serves on', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const ctx = {
      db: t.db,
      actor: {
        workspaceId: owner.session.user.workspace.id,
        userId: admin.id,
        name: '',
        role: 'admin' as const,
        unitId: null,
        unitTree: async () => new Set<string>(),
      },
    };
    await expect(inReport(ctx, (tx) => tx.execute(sql`SELECT pg_sleep(2)`), 100)).rejects.toMatchObject({ code: 'too_many_requests' });
    // The timeout was the transaction's own: the next statement on the pool runs as long as it needs.
    expect((await t.db.execute(sql`SELECT current_setting('statement_timeout') AS s`)).rows[0]).toEqual({ s: '0' });
  });

  it('refuses bad parameters with a problem naming the field', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    for (const [query, path] of [
      ['groupBy=week', 'groupBy'],
      ['groupBy=month&thenBy=month', 'thenBy'],
      ['groupBy=month&from=2026-02-01&to=2026-01-01', 'to'],
      ['groupBy=month&basis=invoices', 'basis'],
      ['groupBy=month&unitId=nope', 'unitId'],
      ['groupBy=month&colour=red', ''],
    ] as const) {
      const response = await owner.request({ method: 'GET', url: `/api/v1/reports/sales?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      if (path) expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await owner.request({ method: 'GET', url: '/api/v1/reports/win-rate?groupBy=region' })).statusCode).toBe(400);
    expect((await owner.request({ method: 'GET', url: '/api/v1/reports/abc?aShare=120' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/sales?groupBy=month' })).statusCode).toBe(401);
  });

  it('exports a report to Excel headed in the reader language, with the same figures', async () => {
    const b = await makeBakery(t);
    await closedDeal(b.employeeA.browser, { amount: '10.10', closedOn: '2026-01-15' });
    await closedDeal(b.employeeB.browser, { amount: '0.20', closedOn: '2026-02-15' });
    await b.owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'it' } });
    const response = await b.owner.request({ method: 'GET', url: '/api/v1/reports/sales?groupBy=unit&format=xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    expect(response.headers['content-disposition']).toMatch(/sales-\d{4}-\d{2}-\d{2}\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const values = (n: number) => rowOf(book, n);
    expect(sheet?.name).toBe('Vendite');
    expect(values(1)).toEqual(['Gruppo', 'Numero', 'Importo']);
    expect(values(2)).toEqual(['Via Roma', 1, 10.1]);
    expect(values(3)).toEqual(['Via Milano', 1, 0.2]);
    expect(values(4)).toEqual(['Totale', 2, 10.3]);

    const winRate = await b.owner.request({ method: 'GET', url: '/api/v1/reports/win-rate?groupBy=month&format=xlsx' });
    await book.xlsx.load(winRate.rawPayload as unknown as ArrayBuffer);
    expect(rowOf(book, 1)).toEqual(['Gruppo', 'Vinte', 'Perse', 'Tasso di successo, %', 'Importo vinto']);
  });
});

describe('ABC×XYZ analysis', () => {
  it('classes customers by share of revenue and stability of monthly revenue, and writes the classes with their history', async () => {
    const b = await makeBakery(t);
    const company = async (name: string, extra: Record<string, unknown> = {}) =>
      post(b.employeeA.browser, '/api/v1/companies', { name, ...extra });
    const [p, q, r, s, u] = [await company('P'), await company('Q'), await company('R'), await company('S'), await company('T')];
    const untouched = await company('U', { class: 'A' });
    const alone = await post(b.employeeA.browser, '/api/v1/contacts', { firstName: 'Solo' });
    const deals: [string, string, string][] = [
      // P: 200, 250, 250 = 700.
      [p.id, '200.00', '2026-01-10'],
      [p.id, '250.00', '2026-02-10'],
      [p.id, '250.00', '2026-03-10'],
      // Q: 200 in January only.
      [q.id, '200.00', '2026-01-20'],
      // R: 20 a month; S: 10 a month; T: 10 in March.
      [r.id, '20.00', '2026-01-05'],
      [r.id, '20.00', '2026-02-05'],
      [r.id, '20.00', '2026-03-05'],
      [s.id, '10.00', '2026-01-06'],
      [s.id, '10.00', '2026-02-06'],
      [s.id, '10.00', '2026-03-06'],
      [u.id, '10.00', '2026-03-31'],
    ];
    for (const [companyId, amount, closedOn] of deals) await closedDeal(b.employeeA.browser, { amount, closedOn, companyId });
    await closedDeal(b.employeeA.browser, { amount: '50.00', closedOn: '2026-02-01', contactId: alone.id });
    // Outside the period.
    await closedDeal(b.employeeA.browser, { amount: '5000.00', closedOn: '2026-04-01', companyId: s.id });

    // Total 1000 over Jan–Mar. Ranked: P 700 (before it 0 % → A, running 70 %), Q 200 (before it 70 % < 80 % → A: it
    // crosses 80 %, running 90 %), R 60 (90 % ≥ 80 %, < 95 % → B, running 96 %), S 30 (96 % → C), T 10 (C).
    // XYZ over 3 months: P 200/250/250: mean 233.33, σ = 23.57, CV = 10.10 % → Y (just above 10 %); Q 200/0/0: CV 141.42 %
    // → Z; R and S constant: CV 0 → X; T 0/0/10: CV 141.42 % → Z.
    const report: TAbcReport = await get(b.owner, '/api/v1/reports/abc?from=2026-01-01&to=2026-03-31');
    expect(report).toMatchObject({ months: 3, total: '1000.00', unassigned: '50.00', aShare: '80.00', bShare: '95.00' });
    expect(report.customers.map((c) => [c.company.name, c.revenue, c.share, c.cumulativeShare, c.abc, c.cv, c.xyz])).toEqual([
      ['P', '700.00', '70.00', '70.00', 'A', '10.10', 'Y'],
      ['Q', '200.00', '20.00', '90.00', 'A', '141.42', 'Z'],
      ['R', '60.00', '6.00', '96.00', 'B', '0.00', 'X'],
      ['S', '30.00', '3.00', '99.00', 'C', '0.00', 'X'],
      ['T', '10.00', '1.00', '100.00', 'C', '141.42', 'Z'],
    ]);
    const cell = (abc: string, xyz: string) => report.matrix.find((m) => m.abc === abc && m.xyz === xyz);
    expect(report.matrix).toHaveLength(9);
    expect(cell('A', 'Y')).toEqual({ abc: 'A', xyz: 'Y', count: 1, revenue: '700.00' });
    expect(cell('A', 'Z')).toMatchObject({ count: 1, revenue: '200.00' });
    expect(cell('B', 'X')).toMatchObject({ count: 1, revenue: '60.00' });
    expect(cell('C', 'X')).toMatchObject({ count: 1, revenue: '30.00' });
    expect(cell('C', 'Y')).toMatchObject({ count: 0, revenue: '0.00' });

    // P's exact CV² is 5·10⁷ / 4.9·10⁹ (in cents): a limit of 10.11 % takes it into X, 10.10 % does not.
    const looser: TAbcReport = await get(b.owner, '/api/v1/reports/abc?from=2026-01-01&to=2026-03-31&xVariation=10.11');
    expect(looser.customers[0]?.xyz).toBe('X');
    const stricter: TAbcReport = await get(b.owner, '/api/v1/reports/abc?from=2026-01-01&to=2026-03-31&aShare=60');
    expect(stricter.customers.map((c) => c.abc)).toEqual(['A', 'B', 'B', 'C', 'C']);

    // Settings: admins only; the report then follows them.
    expect((await put(b.managerA.browser, '/api/v1/reports/abc/settings', { aShare: '60' })).statusCode).toBe(403);
    expect((await put(b.owner, '/api/v1/reports/abc/settings', { aShare: '96', bShare: '90' })).statusCode).toBe(400);
    const saved = await put(b.owner, '/api/v1/reports/abc/settings', { aShare: '60', schedule: 'monthly' });
    expect(saved.json()).toMatchObject({ aShare: '60.00', bShare: '95.00', schedule: 'monthly', writtenAt: null });
    expect(((await get(b.owner, '/api/v1/reports/abc?from=2026-01-01&to=2026-03-31')) as TAbcReport).customers.map((c) => c.abc)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
    ]);
    await put(b.owner, '/api/v1/reports/abc/settings', { aShare: '80' });

    // Applying: admins only; classes written in one go with a history entry each; U (A, no revenue) becomes C.
    const apply = (browser: Browser) =>
      browser.request({ method: 'POST', url: '/api/v1/reports/abc/apply', payload: { from: '2026-01-01', to: '2026-03-31' } });
    expect((await apply(b.managerA.browser)).statusCode).toBe(403);
    const applied = await apply(b.owner);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ changed: 6 });
    const classOf = async (id: string) => (await get(b.owner, `/api/v1/companies/${id}`)).class;
    expect([await classOf(p.id), await classOf(q.id), await classOf(r.id), await classOf(s.id), await classOf(u.id)]).toEqual([
      'A',
      'A',
      'B',
      'C',
      'C',
    ]);
    expect(await classOf(untouched.id)).toBe('C');
    const history = (await get(b.owner, `/api/v1/companies/${r.id}/history`)).data;
    expect(history.at(-1)).toMatchObject({
      action: 'updated',
      actor: { name: 'Anna Rossi' },
      changes: [{ field: 'class', old: null, new: 'B' }],
    });
    // Again: nothing changes.
    expect((await apply(b.owner)).json()).toMatchObject({ changed: 0 });
    const settings = await get(b.owner, '/api/v1/reports/abc/settings');
    expect(settings).toMatchObject({ writtenAt: expect.any(String), writtenBy: { name: 'Anna Rossi' } });

    // An employee's analysis covers their own deals only; another shop's employee has none.
    expect(((await get(b.employeeB.browser, '/api/v1/reports/abc?from=2026-01-01&to=2026-03-31')) as TAbcReport).customers).toEqual([]);

    // The monthly job, on 1 May 2026: the last 12 full months (May 2025 – April 2026) now hold S's 5000 in April, so S is A.
    await abcJob(t.db)(undefined, undefined, new Date('2026-05-01T03:00:00Z'));
    expect(await classOf(s.id)).toBe('A');
    const sHistory = (await get(b.owner, `/api/v1/companies/${s.id}/history`)).data;
    expect(sHistory.at(-1)).toMatchObject({ actor: null, changes: [{ field: 'class', old: 'C', new: 'A' }] });
    const xlsx = await b.owner.request({ method: 'GET', url: '/api/v1/reports/abc?from=2026-01-01&to=2026-03-31&format=xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(rowOf(book, 2)).toEqual(['P', 700, 70, 70, 'A', 10.1, 'Y']);
  });
});
