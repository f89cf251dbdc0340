import type { TImport, TImportPreview, TImportProblem } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { rateOf } from './import-exchange-rates.ts';

const t = useTestApp();

function multipart(entity: string, fileName: string, content: Buffer) {
  const boundary = '----clientela-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\n${entity}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (browser: Browser, fileName: string, text: string) =>
  browser.request({ method: 'POST', url: '/api/v1/imports', ...multipart('exchange_rate', fileName, Buffer.from(text)) });

async function imported(browser: Browser, fileName: string, text: string): Promise<TImport> {
  const response = await upload(browser, fileName, text);
  // 200: the same file was uploaded before and its import is still being set up.
  expect([200, 201], response.body).toContain(response.statusCode);
  const imp: TImport = response.json();
  expect((await browser.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run` })).statusCode).toBe(202);
  for (let i = 0; i < 200; i += 1) {
    const current = (await browser.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).json<TImport>();
    if (current.status === 'done' || current.status === 'failed') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

const problems = async (browser: Browser, id: string): Promise<TImportProblem[]> =>
  (await get(browser, `/api/v1/imports/${id}/problems?limit=200`)).data;

const ratesOf = async (browser: Browser, currency: string) =>
  (await get(browser, `/api/v1/currencies/rates?filter[currency]=${currency}&limit=200`)).data.map((r: { on: string; rate: string }) => [
    r.on,
    r.rate,
  ]);

describe('exchange-rate imports', () => {
  it('divides a rate given for several units exactly, rounding half up to the kept eight decimals', () => {
    expect(rateOf('53.1234', '100')).toBe('0.53123400');
    expect(rateOf('0.92', '1')).toBe('0.92000000');
    expect(rateOf('1', '3')).toBe('0.33333333');
    expect(rateOf('2', '3')).toBe('0.66666667');
    expect(rateOf('0.000000005', '1')).toBe('0.00000001');
    expect(rateOf('0', '1')).toBeNull();
    expect(rateOf('5', '0')).toBeNull();
    expect(rateOf('-1', '1')).toBeNull();
    expect(rateOf('12345678901', '1')).toBeNull();
  });

  it('imports ISO and dd.mm.yyyy dates, maps Russian headers, and updates rather than doubles when imported again', async () => {
    const { owner } = await makeBakery(t);
    const ws = owner.session.user.workspace.id;
    await owner.request({ method: 'PUT', url: '/api/v1/currencies', payload: { currencies: ['USD'] } });
    const file = ['Дата;Валюта;Единиц;Курс', '2026-03-01;USD;1;0,9173', '02.03.2026;JPY;100;0,6123', '03/03/2026;usd;1;0.91730000'].join(
      '\n',
    );
    const first = await imported(owner, 'cbr.csv', file);
    expect(first.mapping.columns.map((c) => c.field)).toEqual(['date', 'currency', 'units', 'rate']);
    expect(first.counts).toMatchObject({ created: 3, updated: 0, rejected: 0 });
    expect(await ratesOf(owner, 'USD')).toEqual([
      ['2026-03-03', '0.91730000'],
      ['2026-03-01', '0.91730000'],
    ]);
    expect(await ratesOf(owner, 'JPY')).toEqual([['2026-03-02', '0.00612300']]);
    // A currency first met in the file joins the workspace's.
    expect((await get(owner, '/api/v1/currencies')).currencies.map((c: { code: string }) => c.code)).toContain('JPY');

    const changed = file.replace('0,9173', '0,95');
    const again = await imported(owner, 'cbr-corrected.csv', changed);
    expect(again.counts).toMatchObject({ created: 0, updated: 3, rejected: 0 });
    expect(await ratesOf(owner, 'USD')).toEqual([
      ['2026-03-03', '0.91730000'],
      ['2026-03-01', '0.95000000'],
    ]);
    const [{ n }] = (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM exchange_rate WHERE workspace_id = ${ws}`))
      .rows as [{ n: number }];
    expect(n).toBe(3);
  });

  it('reports each bad date, currency, rate and units with its line, and imports the good rows', async () => {
    const { owner } = await makeBakery(t);
    const file = [
      'Date,Currency,Rate,Units',
      '2026-01-05,USD,0.9,',
      '31.02.2026,USD,0.9,',
      '2026-01-06,XYZW,0.9,',
      '2026-01-07,EUE,0.9,',
      '2026-01-08,EUR,1,',
      '2026-01-09,USD,abc,',
      '2026-01-10,USD,-2,',
      '2026-01-11,USD,0.9,zero',
      ',USD,0.9,',
      '2026-01-12,USD,0.123456789,',
    ].join('\n');
    const response = await upload(owner, 'rates.csv', file);
    const preview: TImportPreview = await get(owner, `/api/v1/imports/${response.json().id}/preview`);
    expect(preview.rows.map((r) => r.outcome)).toEqual([
      'create',
      'reject',
      'reject',
      'reject',
      'reject',
      'reject',
      'reject',
      'reject',
      'reject',
      'create',
    ]);
    // The preview wrote nothing.
    expect(await ratesOf(owner, 'USD')).toEqual([]);
    const imp = await imported(owner, 'rates.csv', file);
    expect(imp.counts).toMatchObject({ created: 2, rejected: 8, modified: 1 });
    const found = (await problems(owner, imp.id)).map((p) => [p.line, p.field, p.code, p.value, p.outcome]);
    expect(found).toEqual([
      [3, 'date', 'invalid_date', '31.02.2026', 'reject'],
      [4, 'currency', 'unknown_currency', 'XYZW', 'reject'],
      [5, 'currency', 'unknown_currency', 'EUE', 'reject'],
      [6, 'currency', 'base_currency', 'EUR', 'reject'],
      [7, 'rate', 'invalid_number', 'abc', 'reject'],
      [8, 'rate', 'invalid_number', '-2', 'reject'],
      [9, 'units', 'invalid_number', 'zero', 'reject'],
      [10, 'date', 'required_missing', null, 'reject'],
      [11, 'rate', 'normalised', '0.123456789', 'create'],
    ]);
    expect(await ratesOf(owner, 'USD')).toEqual([
      ['2026-01-12', '0.12345679'],
      ['2026-01-05', '0.90000000'],
    ]);
    // The report names each line and its reason.
    const report = await owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}/report?format=csv` });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Not a currency code');
  });

  it("recomputes the base value of deals dated from an imported rate's day, once the import is done", async () => {
    const { owner, employeeA } = await makeBakery(t);
    await owner.request({ method: 'PUT', url: '/api/v1/currencies', payload: { currencies: ['USD'] } });
    const deal = await post(employeeA.browser, '/api/v1/deals', {
      title: 'Export order',
      amount: '1234.56',
      currency: 'USD',
      expectedCloseOn: '2026-04-15',
    });
    expect(deal.amountBase).toBeNull();
    await imported(owner, 'rates.csv', 'Data,Valuta,Cambio\n01/03/2026,USD,"0,9173"\n');
    // 1234.56 × 0.9173 = 1132.461888 → 1132.46.
    expect((await get(employeeA.browser, `/api/v1/deals/${deal.id}`)).amountBase).toBe('1132.46');
    await imported(owner, 'rates-april.csv', 'Date,Currency,Rate\n2026-04-01,USD,0.8641\n');
    // 1234.56 × 0.8641 = 1066.783... → 1066.78.
    expect((await get(employeeA.browser, `/api/v1/deals/${deal.id}`)).amountBase).toBe('1066.78');
  });

  it('is for admins only: anyone else is refused and nothing is written', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const ws = owner.session.user.workspace.id;
    const file = 'Date,Currency,Rate\n2026-03-01,USD,0.9\n';
    for (const browser of [managerA.browser, employeeA.browser]) {
      const refused = await upload(browser, 'rates.csv', file);
      expect(refused.statusCode).toBe(403);
    }
    const counted = await t.db.execute<{ imports: number; rates: number }>(sql`
      SELECT (SELECT count(*)::int FROM data_import WHERE workspace_id = ${ws}) AS imports,
        (SELECT count(*)::int FROM exchange_rate WHERE workspace_id = ${ws}) AS rates`);
    expect(counted.rows[0]).toEqual({ imports: 0, rates: 0 });
    // An admin's import cannot be taken over by someone else either.
    const mine = (await upload(owner, 'rates.csv', file)).json();
    expect((await managerA.browser.request({ method: 'POST', url: `/api/v1/imports/${mine.id}/run` })).statusCode).toBe(404);
    expect(await ratesOf(owner, 'USD')).toEqual([]);
  });
});
