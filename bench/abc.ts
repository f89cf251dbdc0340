// ABC×XYZ figures: "At 1M deals: the ABC report ≤ 100 ms p95".
// Usage: [BENCH_DATA_DIR=<folder>] npx tsx bench/abc.ts [deals=1000000] [customers=100000] [activities=1000000]
// The data set of bench/lib/big-data.ts (kept in BENCH_DATA_DIR for the next run, shared with
// bench/report-stall.ts; a temporary folder otherwise). The server is wired as main.ts does (a pool
// of 16). Measures server time (app.inject), p50/p95 over 200 requests after 30 warm-ups, of
// GET /api/v1/reports/abc over the last 12 months as the admin, a unit manager and an employee, and
// over a period that starts and ends inside a month; and, for comparison, the report's query as it
// was before the monthly aggregate (won deals of the period grouped per customer and month straight
// from the deals table), 20 runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { ADMIN_EMAIL, BENCH_PASSWORD, EMPLOYEE_EMAIL, MANAGER_EMAIL, prepareBigData } from './lib/big-data.ts';

const [deals = 1_000_000, customers = 100_000, activities = 1_000_000] = process.argv
  .slice(2)
  .filter((arg) => /^\d+$/.test(arg))
  .map(Number);
const kept = process.env.BENCH_DATA_DIR;
const dataDir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-abc-'));
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);
const prepared = await prepareBigData(dataDir, { deals, customers, activities });
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 16);
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000 });
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;

try {
  const signIn = async (email: string) => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: BENCH_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode}`);
    const cookie = `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`;
    return async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
  };
  const admin = await signIn(ADMIN_EMAIL);
  const manager = await signIn(MANAGER_EMAIL);
  const employee = await signIn(EMPLOYEE_EMAIL);
  const ws = prepared.workspaceId;
  const [shape] = (
    await pool.query(
      `SELECT (SELECT count(*) FROM deal WHERE workspace_id = $1)::int AS deals,
         (SELECT count(*) FROM revenue_monthly WHERE workspace_id = $1)::int AS rows,
         (SELECT count(*) FROM revenue_monthly WHERE workspace_id = $1 AND month >= date_trunc('month', now()) - interval '11 months')::int AS year_rows,
         (SELECT count(*) FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id AND s.kind = 'won'
           WHERE d.workspace_id = $1 AND d.closed_on >= date_trunc('month', now()) - interval '11 months')::int AS year_won`,
      [ws],
    )
  ).rows;
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `data: ${shape.deals} deals${prepared.seconds ? ` (written in ${prepared.seconds} s)` : ' (kept from an earlier run)'}; ` +
      `revenue_monthly holds ${shape.rows} rows, ${shape.year_rows} of them in the last 12 months (${shape.year_won} won deals)`,
  );
  const report = await admin('/api/v1/reports/abc');
  console.log(
    `the admin's ABC: ${report.customers.length} customers, total ${report.total} ${report.baseCurrency}, ` +
      `A ${report.customers.filter((c: { abc: string }) => c.abc === 'A').length}`,
  );

  const measure = async (label: string, run: () => Promise<unknown>, warmUps = 30, runs = 200) => {
    for (let i = 0; i < warmUps; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    console.log(`${label.padEnd(64)} p50 ${percentile(samples, 0.5).toFixed(1)} ms   p95 ${percentile(samples, 0.95).toFixed(1)} ms`);
  };
  await measure('GET /reports/abc, last 12 months, the admin', () => admin('/api/v1/reports/abc'));
  await measure('GET /reports/abc, last 12 months, a unit manager', () => manager('/api/v1/reports/abc'));
  await measure('GET /reports/abc, last 12 months, an employee', () => employee('/api/v1/reports/abc'));
  const year = new Date().getUTCFullYear() - 1;
  await measure(`GET /reports/abc?from=${year}-01-15&to=${year}-12-20, the admin`, () =>
    admin(`/api/v1/reports/abc?from=${year}-01-15&to=${year}-12-20`),
  );
  await measure(
    'before: the same 12 months straight from the deals (SQL only)',
    () =>
      pool.query(
        `SELECT d.company_id, to_char(d.closed_on, 'YYYY-MM') AS m, sum(coalesce(d.amount_base, 0))
         FROM deal d JOIN pipeline_stage st ON st.workspace_id = d.workspace_id AND st.id = d.stage_id AND st.kind = 'won'
         JOIN company c ON c.workspace_id = d.workspace_id AND c.id = d.company_id AND c.deleted_at IS NULL
         WHERE d.workspace_id = $1 AND d.deleted_at IS NULL AND d.closed_on IS NOT NULL
           AND d.closed_on >= (date_trunc('month', now()) - interval '11 months')::date AND d.closed_on <= now()::date
         GROUP BY 1, 2`,
        [ws],
      ),
    3,
    20,
  );
} finally {
  await app.close();
  await pool.end();
  await cluster.stop();
  if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
}
