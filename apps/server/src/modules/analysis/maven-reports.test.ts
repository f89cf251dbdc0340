import fs from 'node:fs';
import type { TAbcReport, TImport, TPipeline, TSalesReport, TWinRateReport } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, useTestApp } from '../../test/harness.ts';

/**
 * Acceptance: the Maven CRM data set imported through the import machinery, and the reports
 * checked against figures computed here, independently, from the CSV files themselves.
 */
const t = useTestApp();

const DATASET = new URL('../../../../../test-data/maven-crm/', import.meta.url);
const file = (name: string) => fs.readFileSync(new URL(name, DATASET));

/** The file's rows as objects by header (these files have no quoted fields). */
function csv(name: string): Record<string, string>[] {
  const [header, ...lines] = file(name).toString().trim().split(/\r?\n/);
  const keys = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? '']));
  });
}

/** Whole currency units or decimals to integer cents, never through a float. */
const toCents = (value: string) => {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
};
const show = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
const add = (map: Map<string, { count: number; cents: bigint }>, key: string, cents: bigint) => {
  const entry = map.get(key) ?? { count: 0, cents: 0n };
  entry.count += 1;
  entry.cents += cents;
  map.set(key, entry);
};
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

const pipelineRows = csv('sales_pipeline.csv');
const officeOf = new Map(csv('sales_teams.csv').map((row) => [row.sales_agent, row.regional_office]));
const regionOf = new Map(csv('accounts.csv').map((row) => [row.account, row.office_location]));
// The file names one product "GTXPro"; the import maps it to the catalogue's "GTX Pro".
const productName = (name: string) => (name === 'GTXPro' ? 'GTX Pro' : name);
const won = pipelineRows.filter((row) => row.deal_stage === 'Won');

async function uploadAndRun(browser: Browser, entity: string, name: string, mapValues?: (imp: TImport) => Promise<object>) {
  const boundary = '----maven-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\n${entity}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
    file(name),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const uploaded = await browser.request({
    method: 'POST',
    url: '/api/v1/imports',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  if (uploaded.statusCode !== 201) throw new Error(uploaded.body);
  const imp = uploaded.json<TImport>();
  if (mapValues) {
    const mapped = await browser.request({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/mapping`,
      payload: { ...imp.mapping, values: await mapValues(imp) },
    });
    if (mapped.statusCode !== 200) throw new Error(mapped.body);
  }
  expect((await browser.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run` })).statusCode).toBe(202);
  for (let i = 0; i < 1200; i += 1) {
    const current = (await browser.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).json<TImport>();
    if (current.status === 'done') return current;
    if (current.status === 'failed' || current.status === 'cancelled') throw new Error(`import ${name} ${current.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${name} did not finish`);
}

let owner: Browser;

beforeAll(async () => {
  const bakery = await makeBakery(t);
  owner = bakery.owner;
  await uploadAndRun(owner, 'product', 'products.csv');
  await uploadAndRun(owner, 'user', 'sales_teams.csv');
  await uploadAndRun(owner, 'company', 'accounts.csv');
  const done = await uploadAndRun(owner, 'deal', 'sales_pipeline.csv', async () => {
    const { data } = await get(owner, '/api/v1/pipelines');
    const open = (data as TPipeline[])[0]?.stages.filter((s) => s.kind === 'open') ?? [];
    const ws = owner.session.user.workspace.id;
    const gtxPro = (await t.db.execute<{ id: string }>(sql`SELECT id FROM product WHERE workspace_id = ${ws} AND name = 'GTX Pro'`)).rows[0]
      ?.id;
    return {
      stage: { Prospecting: { action: 'use', value: open[0]?.id }, Engaging: { action: 'use', value: open[1]?.id } },
      product: { GTXPro: { action: 'use', value: gtxPro } },
    };
  });
  expect(done.counts.created).toBe(8800);
}, 120_000);

const sales = (query: string): Promise<TSalesReport> => get(owner, `/api/v1/reports/sales?${query}`);

describe('reports over the Maven data set, checked against the CSV files', () => {
  it('sales by quarter', async () => {
    const expected = new Map<string, { count: number; cents: bigint }>();
    for (const row of won) add(expected, quarterOf(row.close_date as string), toCents(row.close_value as string));
    const report = await sales('groupBy=quarter');
    expect(report.rows.map((r) => [r.key, r.count, r.amount])).toEqual(
      [...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, v]) => [key, v.count, show(v.cents)]),
    );
    const total = won.reduce((sum, row) => sum + toCents(row.close_value as string), 0n);
    expect(report.total).toEqual({ count: won.length, amount: show(total) });
  });

  it('sales by product', async () => {
    const expected = new Map<string, { count: number; cents: bigint }>();
    for (const row of won) add(expected, productName(row.product as string), toCents(row.close_value as string));
    const report = await sales('groupBy=product');
    expect(new Map(report.rows.map((r) => [r.label, { count: r.count, cents: toCents(r.amount as string) }]))).toEqual(expected);
  });

  it('sales by regional office (the unit of each sales agent)', async () => {
    const expected = new Map<string, { count: number; cents: bigint }>();
    for (const row of won) add(expected, officeOf.get(row.sales_agent as string) as string, toCents(row.close_value as string));
    const report = await sales('groupBy=unit');
    expect(new Map(report.rows.map((r) => [r.label, { count: r.count, cents: toCents(r.amount as string) }]))).toEqual(expected);
    // Two levels: each office's quarters add up to the office.
    const nested = await sales('groupBy=unit&thenBy=quarter');
    for (const row of nested.rows) {
      expect(show((row.children ?? []).reduce((sum, c) => sum + toCents(c.amount as string), 0n))).toBe(row.amount);
    }
  });

  it('sales by region (the office location of each account)', async () => {
    const expected = new Map<string | null, { count: number; cents: bigint }>();
    for (const row of won) {
      const region = regionOf.get(row.account as string) ?? null;
      const entry = expected.get(region) ?? { count: 0, cents: 0n };
      entry.count += 1;
      entry.cents += toCents(row.close_value as string);
      expected.set(region, entry);
    }
    const report = await sales('groupBy=region');
    expect(new Map(report.rows.map((r) => [r.key, { count: r.count, cents: toCents(r.amount as string) }]))).toEqual(expected);
  });

  it('win rate per sales agent', async () => {
    const tally = new Map<string, { won: number; lost: number; cents: bigint }>();
    for (const row of pipelineRows) {
      if (row.deal_stage !== 'Won' && row.deal_stage !== 'Lost') continue;
      const entry = tally.get(row.sales_agent as string) ?? { won: 0, lost: 0, cents: 0n };
      if (row.deal_stage === 'Won') {
        entry.won += 1;
        entry.cents += toCents(row.close_value as string);
      } else entry.lost += 1;
      tally.set(row.sales_agent as string, entry);
    }
    // Per cent to two decimals, half up, in integers: round(10000 · won / closed) / 100.
    const rate = (w: number, l: number) => show((BigInt(w) * 20_000n + BigInt(w + l)) / (2n * BigInt(w + l)));
    const report: TWinRateReport = await get(owner, '/api/v1/reports/win-rate?groupBy=owner');
    expect(new Map(report.rows.map((r) => [r.label, [r.won, r.lost, r.winRate, r.wonAmount]]))).toEqual(
      new Map([...tally.entries()].map(([agent, v]) => [agent, [v.won, v.lost, rate(v.won, v.lost), show(v.cents)]])),
    );
  });

  it('ABC classes of the accounts over 2017', async () => {
    const months = Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`);
    const byAccount = new Map<string, bigint[]>();
    for (const row of won) {
      if (!row.account || !(row.close_date as string).startsWith('2017')) continue;
      const monthly = byAccount.get(row.account) ?? months.map(() => 0n);
      const index = Number((row.close_date as string).slice(5, 7)) - 1;
      monthly[index] = (monthly[index] ?? 0n) + toCents(row.close_value as string);
      byAccount.set(row.account, monthly);
    }
    const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
    const ranked = [...byAccount.entries()].sort(([a, x], [b, y]) => (sum(x) === sum(y) ? a.localeCompare(b) : sum(x) > sum(y) ? -1 : 1));
    const total = sum(ranked.map(([, m]) => sum(m)));
    let before = 0n;
    const expected = ranked.map(([account, monthly]) => {
      // A while the revenue ranked before it is under 80 % of the total; B under 95 %; then C.
      const abc = before * 100n < 80n * total ? 'A' : before * 100n < 95n * total ? 'B' : 'C';
      before += sum(monthly);
      // XYZ: CV² = n·Σx²/S² − 1 against 10 % and 25 %, compared in integers.
      const s = sum(monthly);
      const spread = 12n * sum(monthly.map((x) => x * x)) - s * s;
      const xyz = spread * 100n <= s * s ? 'X' : spread * 16n <= s * s ? 'Y' : 'Z';
      return [account, show(s), abc, xyz];
    });
    const report: TAbcReport = await get(owner, '/api/v1/reports/abc?from=2017-01-01&to=2017-12-31&basis=won_deals');
    expect(report.months).toBe(12);
    expect(report.total).toBe(show(total));
    expect(report.customers.map((c) => [c.company.name, c.revenue, c.abc, c.xyz])).toEqual(expected);
    for (const cell of report.matrix) {
      expect(cell.count).toBe(expected.filter(([, , abc, xyz]) => abc === cell.abc && xyz === cell.xyz).length);
    }
  });
});
