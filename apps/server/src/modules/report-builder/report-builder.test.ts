import type { TBuilderReport, TPipeline, TReportDefinitionInput } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function run(browser: Browser, definition: TReportDefinitionInput): Promise<TBuilderReport> {
  const response = await browser.request({ method: 'POST', url: '/api/v1/reports/builder/run', payload: definition });
  if (response.statusCode !== 200) throw new Error(`run: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Rows as [key or label, count, amount], children as nested lists. */
const flat = (report: TBuilderReport, by: 'key' | 'label' = 'key') =>
  report.rows.map((row) => [
    row[by],
    row.count,
    row.amount,
    ...(row.children ? [row.children.map((child) => [child[by], child.count, child.amount])] : []),
  ]);

/** Exact sums of decimal strings, as the test's own arithmetic in cents. */
const sum = (amounts: string[]) => {
  const cents = amounts.reduce((total, amount) => total + Math.round(Number(amount) * 100), 0);
  return (cents / 100).toFixed(2);
};

type DealSpec = { amount?: string; created: string; outcome: 'open' | 'won' | 'lost'; closed?: string; source?: string };

async function makeDeal(browser: Browser, spec: DealSpec) {
  const { data } = await get(browser, '/api/v1/pipelines');
  const pipeline = (data as TPipeline[]).find((p) => p.isDefault) as TPipeline;
  const stage = (kind: 'won' | 'lost') => pipeline.stages.find((s) => s.kind === kind)?.id as string;
  const deal = await post(browser, '/api/v1/deals', {
    title: `Deal ${spec.created}`,
    ...(spec.amount ? { amount: spec.amount, currency: 'EUR' } : {}),
    ...(spec.source ? { source: spec.source } : {}),
  });
  if (spec.outcome !== 'open') {
    const reasons = (await get(browser, '/api/v1/pipelines/lost-reasons')).data;
    const moved = await browser.request({
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/move`,
      payload:
        spec.outcome === 'lost'
          ? { stageId: stage('lost'), lostReasonId: reasons[0].id }
          : { stageId: stage('won'), expectedCloseOn: spec.closed },
    });
    if (moved.statusCode !== 200) throw new Error(moved.body);
  }
  await t.db.execute(
    sql`UPDATE deal SET created_at = ${spec.created}::timestamptz, closed_on = ${spec.closed ?? null}::date WHERE id = ${deal.id}`,
  );
  return deal;
}

describe('the report builder', () => {
  it('groups deals by the month they were made (in the reader’s zone) and their status, with sums, averages and each reader’s reach', async () => {
    const b = await makeBakery(t);
    const elio = b.employeeA.browser;
    const ezio = b.employeeA2.browser;
    const bea = b.employeeB.browser;
    const specs: (DealSpec & { who: Browser; name: string })[] = [
      { who: elio, name: 'Elio', amount: '100.00', created: '2026-01-10T12:00:00Z', outcome: 'won', closed: '2026-02-05', source: 'Fair' },
      { who: elio, name: 'Elio', amount: '50.50', created: '2026-01-20T12:00:00Z', outcome: 'open' },
      // 23:30 UTC on 31 January is already 1 February in Rome, where the owner reads.
      { who: ezio, name: 'Ezio', amount: '200.00', created: '2026-01-31T23:30:00Z', outcome: 'won', closed: '2026-03-01', source: 'Fair' },
      { who: bea, name: 'Bea', amount: '300.00', created: '2026-02-14T12:00:00Z', outcome: 'lost', closed: '2026-04-10' },
      { who: bea, name: 'Bea', created: '2026-03-01T12:00:00Z', outcome: 'open' },
      // Made before the period: left out.
      { who: bea, name: 'Bea', amount: '7.00', created: '2025-12-31T12:00:00Z', outcome: 'won', closed: '2026-01-02' },
    ];
    for (const spec of specs) await makeDeal(spec.who, spec);
    const period = { from: '2026-01-01', to: '2026-03-31' };
    const inPeriod = specs.filter((s) => s.created >= '2026-01');

    const byMonth = await run(b.owner, { entity: 'deals', groupBy: 'createdMonth', thenBy: 'status', measure: 'sum', filters: period });
    expect(flat(byMonth)).toEqual([
      [
        '2026-01',
        2,
        '150.50',
        [
          ['won', 1, '100.00'],
          ['open', 1, '50.50'],
        ],
      ],
      [
        '2026-02',
        2,
        '500.00',
        [
          ['lost', 1, '300.00'],
          ['won', 1, '200.00'],
        ],
      ],
      ['2026-03', 1, '0.00', [['open', 1, '0.00']]],
    ]);
    expect(byMonth.total).toEqual({ count: inPeriod.length, amount: sum(inPeriod.map((s) => s.amount ?? '0')) });
    expect(byMonth.baseCurrency).toBe('EUR');

    // The average is over the deals with an amount.
    const byOwner = await run(b.owner, { entity: 'deals', groupBy: 'owner', measure: 'avg', filters: period });
    expect(flat(byOwner, 'label')).toEqual([
      ['Bea', 2, '300.00'],
      ['Ezio', 1, '200.00'],
      ['Elio', 2, '75.25'],
    ]);
    expect(byOwner.total).toEqual({ count: 5, amount: '162.63' });

    // Closed in the period, won only, by close quarter and source.
    const won = await run(b.owner, {
      entity: 'deals',
      groupBy: 'closeQuarter',
      thenBy: 'source',
      measure: 'sum',
      filters: { ...period, dateField: 'closed', status: ['won'] },
    });
    expect(flat(won)).toEqual([
      [
        '2026-Q1',
        3,
        '307.00',
        [
          ['Fair', 2, '300.00'],
          [null, 1, '7.00'],
        ],
      ],
    ]);

    // An employee sees their own deals, a manager their shop's.
    expect(flat(await run(elio, { entity: 'deals', groupBy: 'status', filters: period }))).toEqual([
      ['open', 1, null],
      ['won', 1, null],
    ]);
    expect((await run(b.managerA.browser, { entity: 'deals', groupBy: 'status', measure: 'sum', filters: period })).total).toEqual({
      count: 3,
      amount: '350.50',
    });
    // Stages read in the pipeline's order, not by size.
    const { data: pipelines } = await get(b.owner, '/api/v1/pipelines');
    const stages = (pipelines as TPipeline[]).flatMap((p) => [...p.stages].sort((x, y) => x.position - y.position));
    const counts = new Map([
      [stages[0]?.id, 2],
      [stages.find((s) => s.kind === 'won')?.id, 2],
      [stages.find((s) => s.kind === 'lost')?.id, 1],
    ]);
    const byStage = await run(b.owner, { entity: 'deals', groupBy: 'stage', filters: period });
    expect(flat(byStage, 'label')).toEqual(stages.filter((s) => counts.has(s.id)).map((s) => [s.name, counts.get(s.id), null]));
    const byUnit = await run(b.owner, { entity: 'deals', groupBy: 'unit', filters: { ...period, unitId: b.shopB.id } });
    expect(flat(byUnit, 'label')).toEqual([['Via Milano', 2, null]]);
  });

  it('counts companies by status and class and contacts by region, filtered by class, status and owner', async () => {
    const b = await makeBakery(t);
    const company = (browser: Browser, name: string, extra: Record<string, unknown>) =>
      post(browser, '/api/v1/companies', { name, ...extra });
    await company(b.employeeA.browser, 'Alfa', { status: 'active', class: 'A', region: 'Lazio' });
    await company(b.employeeA.browser, 'Beta', { status: 'active', class: 'B', region: 'Lazio' });
    await company(b.employeeA2.browser, 'Gamma', { status: 'active', class: 'A', region: ' Lombardia ' });
    await company(b.employeeB.browser, 'Delta', { status: 'lost', class: 'A' });
    await company(b.employeeB.browser, 'Epsilon', { status: 'new' });

    const byStatus = await run(b.owner, { entity: 'companies', groupBy: 'status', thenBy: 'class', chart: 'pie' });
    expect(flat(byStatus)).toEqual([
      [
        'active',
        3,
        null,
        [
          ['A', 2, null],
          ['B', 1, null],
        ],
      ],
      ['lost', 1, null, [['A', 1, null]]],
      ['new', 1, null, [[null, 1, null]]],
    ]);
    expect(flat(await run(b.owner, { entity: 'companies', groupBy: 'region', filters: { class: ['A'] } }))).toEqual([
      [null, 1, null],
      ['Lazio', 1, null],
      ['Lombardia', 1, null],
    ]);
    expect(flat(await run(b.employeeA.browser, { entity: 'companies', groupBy: 'owner' }), 'label')).toEqual([['Elio', 2, null]]);

    const contact = (browser: Browser, lastName: string, extra: Record<string, unknown>) =>
      post(browser, '/api/v1/contacts', { firstName: 'Anna', lastName, ...extra });
    await contact(b.employeeA.browser, 'Uno', { region: 'Lazio', status: 'active', leadSource: 'Fair' });
    await contact(b.employeeA.browser, 'Due', { region: 'Lazio', status: 'new' });
    await contact(b.employeeB.browser, 'Tre', { region: 'Veneto', status: 'active', leadSource: 'Fair' });
    const contacts = await run(b.owner, { entity: 'contacts', groupBy: 'region', thenBy: 'leadSource', filters: { status: ['active'] } });
    expect(flat(contacts)).toEqual([
      ['Lazio', 1, null, [['Fair', 1, null]]],
      ['Veneto', 1, null, [['Fair', 1, null]]],
    ]);
    expect((await run(b.owner, { entity: 'contacts', groupBy: 'status', filters: { ownerId: b.employeeA.user.id } })).total).toEqual({
      count: 2,
      amount: null,
    });
  });

  it('counts activities by type and author over a period, each reader seeing theirs and their customers’', async () => {
    const b = await makeBakery(t);
    const cafe = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Caffè' });
    const log = (browser: Browser, type: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
      post(browser, '/api/v1/activities', { type, occurredAt, companyIds: [cafe.id], ...extra });
    await log(b.employeeA.browser, 'call', '2026-03-02T10:00:00Z', { outcome: 'reached' });
    await log(b.employeeA.browser, 'call', '2026-03-03T10:00:00Z', { outcome: 'no_answer' });
    await log(b.employeeA.browser, 'visit', '2026-03-04T10:00:00Z');
    await log(b.owner, 'meeting', '2026-03-05T10:00:00Z');
    await log(b.owner, 'call', '2026-04-01T10:00:00Z');
    // Bea's note about a customer of her own: Elio does not see it.
    const bar = await post(b.employeeB.browser, '/api/v1/companies', { name: 'Bar' });
    await post(b.employeeB.browser, '/api/v1/activities', { type: 'note', occurredAt: '2026-03-06T10:00:00Z', companyIds: [bar.id] });

    const march = { from: '2026-03-01', to: '2026-03-31' };
    const byType = await run(b.owner, { entity: 'activities', groupBy: 'type', thenBy: 'owner', filters: march });
    expect(flat(byType, 'label')).toEqual([
      ['call', 2, null, [['Elio', 2, null]]],
      ['meeting', 1, null, [['Anna Rossi', 1, null]]],
      ['note', 1, null, [['Bea', 1, null]]],
      ['visit', 1, null, [['Elio', 1, null]]],
    ]);
    expect(flat(await run(b.owner, { entity: 'activities', groupBy: 'outcome', filters: { type: ['call'] } }))).toEqual([
      [null, 1, null],
      ['no_answer', 1, null],
      ['reached', 1, null],
    ]);
    // Elio reads the meeting about his customer, not Bea's note.
    expect((await run(b.employeeA.browser, { entity: 'activities', groupBy: 'month', filters: march })).rows).toEqual([
      { key: '2026-03', label: '2026-03', count: 4, amount: null },
    ]);
  });

  it('adds orders by status, customer and region in the base currency', async () => {
    const b = await makeBakery(t);
    const bar = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Bar Centrale', region: 'Centro' });
    const hotel = await post(b.employeeB.browser, '/api/v1/companies', { name: 'Hotel Milano' });
    const order = (browser: Browser, companyId: string, orderedOn: string, unitPrice: string) =>
      post(browser, '/api/v1/orders', { companyId, orderedOn, lines: [{ description: 'Bread', quantity: '1', unitPrice }] });
    await order(b.employeeA.browser, bar.id, '2026-01-10', '25.00');
    const cancelled = await order(b.employeeA.browser, bar.id, '2026-02-10', '3.33');
    await b.employeeA.browser.request({ method: 'POST', url: `/api/v1/orders/${cancelled.id}/status`, payload: { status: 'cancelled' } });
    await order(b.employeeB.browser, hotel.id, '2026-02-11', '100.00');
    await order(b.employeeB.browser, hotel.id, '2026-05-11', '10.01');

    const byStatus = await run(b.owner, {
      entity: 'orders',
      groupBy: 'quarter',
      thenBy: 'status',
      measure: 'sum',
      filters: { from: '2026-01-01', to: '2026-03-31' },
    });
    expect(flat(byStatus)).toEqual([
      [
        '2026-Q1',
        3,
        '128.33',
        [
          ['new', 2, '125.00'],
          ['cancelled', 1, '3.33'],
        ],
      ],
    ]);
    const byCustomer = await run(b.owner, { entity: 'orders', groupBy: 'company', measure: 'avg', filters: { status: ['new'] } });
    expect(flat(byCustomer, 'label')).toEqual([
      ['Hotel Milano', 2, '55.01'],
      ['Bar Centrale', 1, '25.00'],
    ]);
    // Orders that count as sales: every status but cancelled.
    const live = await run(b.owner, {
      entity: 'orders',
      groupBy: 'month',
      measure: 'sum',
      filters: { status: ['new', 'confirmed', 'shipped', 'delivered'] },
    });
    expect(flat(live)).toEqual([
      ['2026-01', 1, '25.00'],
      ['2026-02', 1, '100.00'],
      ['2026-05', 1, '10.01'],
    ]);
    expect(flat(await run(b.owner, { entity: 'orders', groupBy: 'region', measure: 'sum' }))).toEqual([
      [null, 2, '110.01'],
      ['Centro', 2, '28.33'],
    ]);
    expect((await run(b.employeeA.browser, { entity: 'orders', groupBy: 'owner', measure: 'sum' })).total).toEqual({
      count: 2,
      amount: '28.33',
    });
  });

  it('writes the figures to an Excel file headed in the reader’s language', async () => {
    const b = await makeBakery(t);
    await post(b.owner, '/api/v1/companies', { name: 'Alfa', status: 'active', class: 'A' });
    await post(b.owner, '/api/v1/companies', { name: 'Beta', status: 'active' });
    const response = await b.owner.request({
      method: 'POST',
      url: '/api/v1/reports/builder/run?format=xlsx',
      payload: { entity: 'companies', groupBy: 'status', thenBy: 'class' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const rows = [1, 2, 3, 4, 5].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Status', 'Class', 'Count'],
      ['Active', undefined, 2],
      ['Active', '(none)', 1],
      ['Active', 'A', 1],
      ['Total', undefined, 2],
    ]);
  });
});

describe('saved reports', () => {
  it('keeps private and shared reports; a shared one shows each reader only their records; only its owner or an admin changes it', async () => {
    const b = await makeBakery(t);
    await post(b.employeeA.browser, '/api/v1/companies', { name: 'Alfa', status: 'active' });
    await post(b.employeeB.browser, '/api/v1/companies', { name: 'Beta', status: 'active' });
    await post(b.employeeB.browser, '/api/v1/companies', { name: 'Gamma', status: 'lost' });
    const shared = await post(b.owner, '/api/v1/saved-reports', {
      name: 'Customers by status',
      shared: true,
      definition: { entity: 'companies', groupBy: 'status', chart: 'pie' },
    });
    expect(shared).toMatchObject({
      name: 'Customers by status',
      shared: true,
      owner: { name: 'Anna Rossi' },
      definition: { entity: 'companies', groupBy: 'status', measure: 'count', filters: {}, chart: 'pie' },
      editable: true,
    });
    const mine = await post(b.employeeA.browser, '/api/v1/saved-reports', {
      name: 'My deals',
      definition: { entity: 'deals', groupBy: 'stage' },
    });
    const names = async (browser: Browser) => (await get(browser, '/api/v1/saved-reports')).data.map((r: { name: string }) => r.name);
    expect(await names(b.employeeA.browser)).toEqual(['My deals', 'Customers by status']);
    expect(await names(b.employeeB.browser)).toEqual(['Customers by status']);
    expect((await b.employeeB.browser.request({ method: 'GET', url: `/api/v1/saved-reports/${mine.id}` })).statusCode).toBe(404);
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/saved-reports/${mine.id}/run` })).statusCode).toBe(404);

    // The same shared report, run by each reader over what they may see.
    const runBy = async (browser: Browser) => flat(await get(browser, `/api/v1/saved-reports/${shared.id}/run`));
    expect(await runBy(b.owner)).toEqual([
      ['active', 2, null],
      ['lost', 1, null],
    ]);
    expect(await runBy(b.employeeA.browser)).toEqual([['active', 1, null]]);
    expect(await runBy(b.employeeB.browser)).toEqual([
      ['active', 1, null],
      ['lost', 1, null],
    ]);

    // Others use a shared report; its owner or an admin changes it.
    const byEmployee = await b.employeeA.browser.request({
      method: 'PUT',
      url: `/api/v1/saved-reports/${shared.id}`,
      payload: { name: 'Mine now' },
    });
    expect(byEmployee.statusCode).toBe(403);
    expect((await get(b.employeeA.browser, `/api/v1/saved-reports/${shared.id}`)).editable).toBe(false);
    const changed = await b.employeeA.browser.request({
      method: 'PUT',
      url: `/api/v1/saved-reports/${mine.id}`,
      payload: {
        name: 'My deals by owner',
        shared: true,
        definition: { entity: 'deals', groupBy: 'owner', measure: 'sum', chart: 'line' },
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'My deals by owner', shared: true, definition: { groupBy: 'owner', measure: 'sum' } });
    const byAdmin = await b.owner.request({ method: 'PUT', url: `/api/v1/saved-reports/${mine.id}`, payload: { shared: false } });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    // Now private again: the admin no longer sees it.
    expect((await b.owner.request({ method: 'DELETE', url: `/api/v1/saved-reports/${mine.id}` })).statusCode).toBe(404);
    expect((await b.employeeB.browser.request({ method: 'DELETE', url: `/api/v1/saved-reports/${shared.id}` })).statusCode).toBe(403);
    expect((await b.employeeA.browser.request({ method: 'DELETE', url: `/api/v1/saved-reports/${mine.id}` })).statusCode).toBe(204);
    expect(await names(b.employeeA.browser)).toEqual(['Customers by status']);

    const xlsx = await b.employeeB.browser.request({ method: 'GET', url: `/api/v1/saved-reports/${shared.id}/run?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('Customers-by-status');
  });

  it('keeps reports inside their workspace', async () => {
    const b = await makeBakery(t);
    const report = await post(b.owner, '/api/v1/saved-reports', {
      name: 'Everyone',
      shared: true,
      definition: { entity: 'contacts', groupBy: 'city' },
    });
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect((await get(stranger, '/api/v1/saved-reports')).data).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/v1/saved-reports/${report.id}`],
      ['GET', `/api/v1/saved-reports/${report.id}/run`],
      ['PUT', `/api/v1/saved-reports/${report.id}`],
      ['DELETE', `/api/v1/saved-reports/${report.id}`],
    ] as const) {
      const response = await stranger.request({ method, url, ...(method === 'PUT' ? { payload: { name: 'Taken' } } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(b.owner, `/api/v1/saved-reports/${report.id}`)).name).toBe('Everyone');
  });

  it('refuses a definition whose grouping, measure or filter is not the entity’s, naming the field, and saves nothing', async () => {
    const b = await makeBakery(t);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ entity: 'companies', groupBy: 'stage' }, ['groupBy']],
      [{ entity: 'contacts', groupBy: 'status', thenBy: 'product' }, ['thenBy']],
      [{ entity: 'contacts', groupBy: 'status', measure: 'sum' }, ['measure']],
      [{ entity: 'orders', groupBy: 'status', filters: { stageId: b.shopA.id, class: ['A'] } }, ['filters.class', 'filters.stageId']],
      [{ entity: 'orders', groupBy: 'status', filters: { status: ['new', 'won'] } }, ['filters.status.1']],
      [{ entity: 'deals', groupBy: 'owner', thenBy: 'owner' }, ['thenBy']],
      [{ entity: 'deals', groupBy: 'shoeSize' }, ['groupBy']],
      [{ entity: 'deals', groupBy: 'owner', chart: 'radar' }, ['chart']],
      [{ entity: 'deals', groupBy: 'owner', filters: { from: '2026-02-01', to: '2026-01-01' } }, ['filters.to']],
      [{ entity: 'deals', groupBy: 'owner', colour: 'red' }, ['colour']],
    ];
    for (const [definition, paths] of cases) {
      const response = await b.owner.request({ method: 'POST', url: '/api/v1/reports/builder/run', payload: definition });
      expect(response.statusCode, JSON.stringify(definition)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('validation_failed');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(paths);
      const saved = await b.owner.request({ method: 'POST', url: '/api/v1/saved-reports', payload: { name: 'Bad', definition } });
      expect(saved.statusCode).toBe(400);
      expect(saved.json().errors.map((e: { path: string }) => e.path)).toEqual(paths.map((path) => `definition.${path}`));
    }
    const unnamed = await b.owner.request({
      method: 'POST',
      url: '/api/v1/saved-reports',
      payload: { name: ' ', definition: { entity: 'deals', groupBy: 'owner' } },
    });
    expect(unnamed.json().errors.map((e: { path: string }) => e.path)).toEqual(['name']);
    const good = await post(b.owner, '/api/v1/saved-reports', { name: 'Good', definition: { entity: 'deals', groupBy: 'owner' } });
    const badUpdate = await b.owner.request({
      method: 'PUT',
      url: `/api/v1/saved-reports/${good.id}`,
      payload: { definition: { entity: 'activities', groupBy: 'owner', measure: 'avg' } },
    });
    expect(badUpdate.statusCode).toBe(400);
    expect(badUpdate.json().errors.map((e: { path: string }) => e.path)).toEqual(['definition.measure']);
    expect(
      (await get(b.owner, '/api/v1/saved-reports')).data.map((r: { name: string; definition: { entity: string } }) => [
        r.name,
        r.definition.entity,
      ]),
    ).toEqual([['Good', 'deals']]);
  });
});
