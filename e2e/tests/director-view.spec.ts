import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { admin, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Stories 6 and 7: the director stops collecting e-mails in the evening. She opens the KPI board in
// Italian and in Russian, drills from a bar of the sales report to the deals behind it, takes the
// report to Excel, finds her steadiest big customer in the ABC×XYZ matrix, and reads the forecast
// against the branch's plan with its backtest.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const password = 'numbers-before-noon';
const director = { name: `Giulia Direttrice ${Tag}`, email: `giulia.${tag}@rossi-bakery.example` };
const seller = { name: `Luca Venditore ${Tag}`, email: `luca.${tag}@rossi-bakery.example` };
const unitName = `Emporio ${Tag}`;

/** The branch's customers and how they buy: every month the same, every month but unevenly, now and then. */
const customers = [
  { name: `Hotel Aurora ${Tag}`, region: 'Lazio', amountIn: (_m: number) => 1200 },
  { name: `Caffè Centrale ${Tag}`, region: 'Lazio', amountIn: (m: number) => (m % 2 === 0 ? 400 : 600) },
  { name: `Ristorante Mare ${Tag}`, region: 'Campania', amountIn: (m: number) => (m % 3 === 0 ? 900 : 0) },
  { name: `Bar Sport ${Tag}`, region: 'Toscana', amountIn: (m: number) => (m === 2 || m === 7 ? 150 : 0) },
];

/** The first day of the month `back` months before this one, as YYYY-MM. */
function monthKey(back: number): string {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return first.toISOString().slice(0, 7);
}

/** The won deals of the last 13 months (none in this one), as a deals file and as the expected sums. */
function history() {
  const rows: string[] = ['title,sales agent,account,deal stage,engage date,close date,close value'];
  const byMonth = new Map<string, { count: number; cents: number }>();
  for (let back = 13; back >= 1; back -= 1) {
    const month = monthKey(back);
    for (const customer of customers) {
      const amount = customer.amountIn(back);
      if (amount === 0) continue;
      rows.push(`${Tag} ${customer.name.split(' ')[0]} ${month},${seller.email},${customer.name},Won,${month}-02,${month}-15,${amount}`);
      const sum = byMonth.get(month) ?? { count: 0, cents: 0 };
      byMonth.set(month, { count: sum.count + 1, cents: sum.cents + amount * 100 });
    }
  }
  return { file: Buffer.from(`${rows.join('\n')}\n`), byMonth };
}

/** Calls the API as the signed-in person of `page`, with the CSRF token. */
async function apiAs(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  return async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown) => {
    const response = await page.request.fetch(url, { method, headers, ...(data ? { data } : {}) });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

async function signIn(page: Page, person: { email: string }, secret: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function newPage(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const { baseURL, locale, timezoneId, reducedMotion } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId, reducedMotion, viewport: { width: 1440, height: 1000 } });
  contexts.push(context);
  return context.newPage();
}

/**
 * Clicks the bar (or, on a line, the point) of a one-series chart at `index`, left to right. The
 * charts are drawn as SVG: a point is a small round path (drawn
 * at the origin and moved into place, so measured on the screen), a bar a filled rectangle of the series' colour.
 */
async function clickItem(page: Page, index: number) {
  const chart = page.getByTestId('report-chart').first();
  await expect(chart.locator('svg')).toBeVisible();
  const paths = chart.locator('svg path');
  const boxes = await paths.evaluateAll((all) =>
    all.map((p) => {
      const box = p.getBoundingClientRect();
      return { width: box.width, height: box.height, x: box.x, fill: p.getAttribute('fill') ?? 'none' };
    }),
  );
  const indexed = boxes.map((b, i) => ({ ...b, i }));
  const points = indexed.filter((b) => b.width > 2 && b.width < 16 && Math.abs(b.width - b.height) < 1.5);
  const barFill = indexed.find((b) => b.fill !== 'none' && b.width > 4 && b.width < 200 && b.height > 4)?.fill;
  const bars = indexed.filter((b) => b.fill === barFill && b.width > 2 && b.width < 200 && b.height > 2);
  const items = (points.length > 1 ? points : bars).sort((a, b) => a.x - b.x);
  const target = items[index];
  if (!target) throw new Error(`no item ${index} among ${items.length}: ${JSON.stringify(boxes).slice(0, 3000)}`);
  await paths.nth(target.i).click({ force: true });
}

test('director: the KPI board in Italian and Russian, a bar drilled to its deals, Excel, the ABC×XYZ matrix and the forecast', async ({
  browser,
}) => {
  // A year of history is imported first, and every report page loads its chart code.
  test.setTimeout(300_000);
  const contexts: BrowserContext[] = [];
  try {
    const { file, byMonth } = history();
    let unitId = '';
    let wonStage = '';
    await test.step('the owner sets the scene: a branch, its seller, its customers, a year of sales and open deals', async () => {
      const page = await newPage(browser, contexts);
      await signIn(page, admin, admin.password);
      const api = await apiAs(page);
      unitId = (await api('POST', '/api/v1/units', { name: unitName })).id;
      await api('POST', '/api/v1/users', { ...seller, password, role: 'employee', unitId, locale: 'it', timeZone: 'Europe/Rome' });
      await api('POST', '/api/v1/users', { ...director, password, role: 'admin', unitId: null, locale: 'it', timeZone: 'Europe/Rome' });
      const sellerId = (await api('GET', `/api/v1/users?filter[unitId]=${unitId}`)).data[0].id as string;
      const companyIds: string[] = [];
      for (const customer of customers) {
        const company = await api('POST', '/api/v1/companies', {
          name: customer.name,
          region: customer.region,
          ownerId: sellerId,
          unitId,
          relationships: ['client'],
        });
        companyIds.push(company.id);
      }

      // A year of won deals comes in as a deals file, the way a shop brings its history from Excel.
      const session = await (await page.request.get('/api/v1/auth/session')).json();
      const uploaded = await page.request.post('/api/v1/imports', {
        headers: { 'X-CSRF-Token': session.csrfToken },
        multipart: { entity: 'deal', file: { name: `history-${tag}.csv`, mimeType: 'text/csv', buffer: file } },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(201);
      const imp = await uploaded.json();
      await api('POST', `/api/v1/imports/${imp.id}/run`);
      await expect.poll(async () => (await api('GET', `/api/v1/imports/${imp.id}`)).status, { timeout: 60_000 }).toBe('done');
      const done = await api('GET', `/api/v1/imports/${imp.id}`);
      expect(done.counts.created).toBe([...byMonth.values()].reduce((n, m) => n + m.count, 0));

      // Today: two deals open for next month and one won, so the board has something to say.
      const pipelines = (await api('GET', '/api/v1/pipelines')).data;
      const pipeline = pipelines.find((p: { isDefault: boolean }) => p.isDefault);
      const open = pipeline.stages.filter((s: { kind: string }) => s.kind === 'open');
      wonStage = pipeline.stages.find((s: { kind: string }) => s.kind === 'won').id;
      const nextMonth = `${monthKey(-1)}-20`;
      for (const [i, amount] of ['2000.00', '800.00'].entries()) {
        await api('POST', '/api/v1/deals', {
          title: `${Tag} open ${i}`,
          stageId: open[open.length - 1].id,
          companyId: companyIds[i],
          ownerId: sellerId,
          amount,
          currency: 'EUR',
          expectedCloseOn: nextMonth,
        });
      }
      const today = await api('POST', '/api/v1/deals', {
        title: `${Tag} won today`,
        stageId: open[0].id,
        companyId: companyIds[0],
        ownerId: sellerId,
        amount: '450.00',
        currency: 'EUR',
        expectedCloseOn: nextMonth,
      });
      await api('POST', `/api/v1/deals/${today.id}/move`, { stageId: wonStage });

      // The branch's plan: 2,000.00 a month, from a year back to three months ahead.
      const months: Record<string, string> = {};
      for (let back = 12; back >= -3; back -= 1) months[monthKey(back)] = '2000.00';
      await api('PUT', '/api/v1/plans', { kind: 'unit', rows: [{ targetId: unitId, months }] });
      await page.context().close();
    });

    const page = await newPage(browser, contexts);
    await signIn(page, director, password);

    await test.step('the KPI board of the branch, in Italian', async () => {
      await page.goto(`/dashboard?period=month&unit=${unitId}`);
      // The first page loads its charts' code: give a busy machine time.
      await expect(page.getByRole('heading', { name: 'Cruscotto' })).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('kpi-dealsWon')).toContainText('Trattative vinte');
      await expect(page.getByTestId('kpi-dealsWon-count')).toHaveText('1');
      await expect(page.getByTestId('kpi-refreshed')).toContainText('Dati delle');
      await expect(page.locator('[_echarts_instance_] svg')).toHaveCount(2);
      await page.screenshot({ path: screenshot('director-kpi-it.png'), fullPage: true });
    });

    await test.step('the same board in Russian', async () => {
      const api = await apiAs(page);
      await api('PATCH', '/api/v1/me', { locale: 'ru' });
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Показатели' })).toBeVisible();
      await expect(page.getByTestId('kpi-refreshed')).toContainText('Данные на');
      await expect(page.locator('[_echarts_instance_] svg')).toHaveCount(2);
      await page.screenshot({ path: screenshot('director-kpi-ru.png'), fullPage: true });
      await api('PATCH', '/api/v1/me', { locale: 'it' });
    });

    const from = `${monthKey(12)}-01`;
    const lastMonth = monthKey(1);
    const to = new Date(Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)), 0)).toISOString().slice(0, 10);
    await test.step('the sales report by month; a bar opens the deals behind it', async () => {
      await page.goto(`/reports/sales?groupBy=month&unitId=${unitId}&from=${from}&to=${to}`);
      await expect(page.getByRole('heading', { name: 'Report' })).toBeVisible({ timeout: 60_000 });
      const months = [...byMonth.keys()].filter((m) => m >= monthKey(12)).sort();
      await expect(page.getByRole('row')).toHaveCount(months.length + 2);
      await page.screenshot({ path: screenshot('director-sales-by-month.png'), fullPage: true });
      // Three months ago: the bar's deals, exactly those.
      const picked = monthKey(3);
      await clickItem(page, months.indexOf(picked));
      await expect(page).toHaveURL(new RegExp(`/deals\\?.*closedFrom=${picked}-01`));
      const expected = byMonth.get(picked)?.count ?? 0;
      await expect(page.getByRole('row').filter({ hasText: Tag })).toHaveCount(expected);
      await page.screenshot({ path: screenshot('director-drill-down.png'), fullPage: true });
      await page.goBack();
    });

    await test.step('the report goes to Excel with the same figures', async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Esporta in Excel' }).click();
      const saved = await (await download).path();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0] as ExcelJS.Worksheet;
      const values = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
      const months = [...byMonth.entries()].filter(([m]) => m >= monthKey(12));
      const totalCents = months.reduce((sum, [, m]) => sum + m.cents, 0);
      const picked = values.find((row) => row[0] === monthKey(3));
      expect(picked?.slice(1, 3)).toEqual([byMonth.get(monthKey(3))?.count, (byMonth.get(monthKey(3))?.cents ?? 0) / 100]);
      expect(values.some((row) => row.includes(totalCents / 100))).toBe(true);
    });

    await test.step('the ABC×XYZ matrix: the hotel that buys the same every month is A and X', async () => {
      await page.goto(`/reports/abc?from=${from}&to=${to}`);
      const cell = page.getByRole('button', { name: /^AX/ });
      await cell.click();
      await expect(page.getByTestId('cell-customers')).toContainText(customers[0]?.name ?? '');
      await page.screenshot({ path: screenshot('director-abc-xyz.png'), fullPage: true });
    });

    await test.step('the forecast against the branch plan, and how far past forecasts were off', async () => {
      await page.goto(`/reports/forecast?kind=unit&targetId=${unitId}`);
      await expect(page.getByTestId('backtest-summary')).toContainText('In media la previsione ha sbagliato del');
      // The backtest replays the last twelve month starts: a row each.
      await expect(page.getByTestId('backtest-table').locator('tbody tr')).toHaveCount(12);
      await expect(page.locator('[_echarts_instance_] svg')).toHaveCount(2);
      await page.screenshot({ path: screenshot('director-forecast.png'), fullPage: true });
      // This year's twelve months at 2,000.00 each.
      await page.goto(`/plans?kind=unit`);
      await expect(page.getByRole('row').filter({ hasText: unitName })).toContainText('24.000,00');
      await page.screenshot({ path: screenshot('director-plans.png'), fullPage: true });
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});
