// KPI board figures: "At 1M deals: KPI board ≤ 100 ms p95", and what keeping its aggregates in the
// same transaction costs the writes.
// Usage: npx tsx bench/kpi.ts [deals=1000000]
// Starts its own embedded PostgreSQL in a temporary folder. Written in bulk: one workspace, 10
// units, 200 people (a manager per unit, the rest employees), 2,000 companies (a quarter
// potential), USD besides the EUR base with a rate, and `deals` deals created over the last three
// years (a third in USD, a quarter won a few days after their creation, deal i owned by person
// i % 200 in their unit), inserted 100k rows per statement with the KPI triggers on, so that the
// hourly aggregates are what the triggers keep. The server is wired as main.ts does (a pool of 16,
// the sign-in cache). Measures server time (app.inject: routing, checks, queries and serialisation,
// no socket), p50/p95 over 200 requests after 50 warm-ups, of GET /api/v1/dashboards/kpi for each
// period as the admin (everything), a unit manager and an employee, and of the month's series.
// Then the triggers' cost: POST /api/v1/deals (p50/p95 over 200) and a 10k-row deal import (one
// INSERT … SELECT of 10k rows, and one UPDATE of their base amounts as a rate change does; median
// of 5), each with the KPI triggers enabled and disabled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const totalDeals = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-kpi-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 16);
const signedInCache = createSignedInCache();
const authListener = listenForAuthChanges(pool, signedInCache);
await authListener.ready;
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000, signedInCache });

type Session = { cookie: string; csrf: string };
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
const median = (values: number[]) => percentile(values, 0.5);

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'KPI bench',
    name: 'Bench Admin',
    email: 'kpi-bench@example.test',
    password,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const signIn = async (email: string): Promise<Session> => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    return {
      cookie: `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`,
      csrf: login.json<{ csrfToken: string }>().csrfToken,
    };
  };
  const owner = await signIn(admin.email);
  const call = async (as: Session, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url: path,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrf },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${path}: ${response.statusCode} ${response.body}`);
    return response.statusCode === 204 ? null : response.json();
  };

  const started = performance.now();
  const ws = admin.workspaceId;
  const unitIds: string[] = [];
  for (let i = 0; i < 10; i++) unitIds.push((await call(owner, 'POST', '/api/v1/units', { name: `Unit ${i}` })).id);
  await call(owner, 'POST', '/api/v1/users', {
    email: 'manager@example.test',
    name: 'Mara Manager',
    password,
    role: 'manager',
    unitId: unitIds[0],
  });
  const employee = await call(owner, 'POST', '/api/v1/users', {
    email: 'employee@example.test',
    name: 'Elio Employee',
    password,
    role: 'employee',
    unitId: unitIds[0],
  });
  await pool.query(
    `INSERT INTO app_user (workspace_id, email, name, password_hash, time_zone, role, unit_id)
     SELECT $1, 'person' || i || '@example.test', 'Person ' || i, 'not a hash', 'Europe/Rome',
       CASE WHEN i < 10 THEN 'manager' ELSE 'employee' END, ($2::uuid[])[1 + i % 10]
     FROM generate_series(1, 198) i`,
    [ws, unitIds],
  );
  const people = (
    await pool.query<{ id: string }>(
      `SELECT id FROM app_user WHERE workspace_id = $1 AND role <> 'admin' ORDER BY id = $2 DESC, created_at, email`,
      [ws, employee.id],
    )
  ).rows.map((r) => r.id);
  if (people.length !== 200) throw new Error('expected 200 people');
  await pool.query(
    `INSERT INTO company (workspace_id, name, owner_id, unit_id, status, created_at)
     SELECT $1, 'Company ' || i, u.id, u.unit_id, CASE WHEN i % 4 = 0 THEN 'potential' ELSE 'active' END,
       now() - ((i * 104729) % (1095 * 24 * 60)) * interval '1 minute'
     FROM generate_series(1, 2000) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 200]`,
    [ws, people],
  );
  const companyIds = (await pool.query<{ id: string }>('SELECT id FROM company WHERE workspace_id = $1', [ws])).rows.map((r) => r.id);
  await call(owner, 'PUT', '/api/v1/currencies', { currencies: ['USD'] });
  await call(owner, 'PUT', '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2020-01-01', rate: '0.92' }] });
  const pipeline = (await call(owner, 'GET', '/api/v1/pipelines')).data[0] as { id: string; stages: { id: string; kind: string }[] };
  const openStage = pipeline.stages.find((s) => s.kind === 'open')?.id;
  const won = pipeline.stages.find((s) => s.kind === 'won')?.id;
  if (!openStage || !won) throw new Error('no open or won stage');

  // Deals `from`..`to`: created over the last three years, a quarter won 0–10 days later.
  const insertDeals = (from: number, to: number, title = 'Deal') =>
    pool.query(
      `INSERT INTO deal (workspace_id, title, pipeline_id, stage_id, company_id, owner_id, unit_id, amount, currency, amount_base,
         rate_on, closed_on, stage_entered_at, created_by_id, created_at, updated_at)
       SELECT $1, $8 || ' ' || d.i, $2, CASE WHEN d.won THEN $4::uuid ELSE $3::uuid END, d.company, u.id, u.unit_id, d.amount, d.currency,
         CASE WHEN d.currency = 'EUR' THEN d.amount ELSE round(d.amount * 0.92, 2) END,
         d.created::date, CASE WHEN d.won THEN d.entered::date END, d.entered, $9, d.created, d.entered
       FROM (
         SELECT i, c.created, CASE WHEN i % 4 = 0 THEN least(now(), c.created + (i % 10) * interval '1 day') ELSE c.created END AS entered,
           i % 4 = 0 AS won, ($5::uuid[])[(1 + (i * 13) % 2000)::int] AS company,
           (500 + (i * 7919) % 99500)::numeric(14,2) AS amount, CASE WHEN i % 3 = 0 THEN 'USD' ELSE 'EUR' END AS currency
         FROM generate_series($6::bigint, $7::bigint) i
         CROSS JOIN LATERAL (SELECT now() - ((i * 104729) % (1095 * 24 * 60)) * interval '1 minute' AS created) c
       ) d
       JOIN app_user u ON u.workspace_id = $1 AND u.id = ($10::uuid[])[(1 + d.i % 200)::int]`,
      [ws, pipeline.id, openStage, won, companyIds, from, to, title, admin.id, people],
    );
  const chunk = 100_000;
  let written = 0;
  const writeStarted = performance.now();
  while (written < totalDeals) {
    const to = Math.min(written + chunk, totalDeals);
    await insertDeals(written + 1, to);
    written = to;
    process.stdout.write(`\r${written} deals written in ${Math.round((performance.now() - writeStarted) / 1000)} s`);
  }
  process.stdout.write('\n');
  await pool.query('VACUUM ANALYZE');
  const [shape] = (
    await pool.query(
      `SELECT (SELECT count(*) FROM deal)::int AS deals, (SELECT count(*) FROM kpi_hourly)::int AS rows,
         (SELECT count(*) FROM kpi_hourly WHERE bucket >= date_trunc('month', now()) - interval '1 month')::int AS recent,
         (SELECT count(*) FROM kpi_unit_hourly WHERE bucket >= date_trunc('month', now()) - interval '1 month')::int AS recent_units`,
    )
  ).rows;
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `data: 1 workspace, 10 units, 200 people, 2000 companies, ${shape.deals} deals over three years; kpi_hourly holds ${shape.rows} rows, ${shape.recent} of them this month and last (${shape.recent_units} per unit); written in ${Math.round((performance.now() - started) / 1000)} s (deals with the triggers on: ${Math.round((performance.now() - writeStarted) / 1000)} s)`,
  );

  const managed = await signIn('manager@example.test');
  const employed = await signIn('employee@example.test');
  const results: { label: string; goal: string; p50: number; p95: number }[] = [];
  const measure = async (label: string, goal: string, request: () => Promise<unknown>, warmUps = 50, runs = 200) => {
    for (let i = 0; i < warmUps; i++) await request();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await request();
      samples.push(performance.now() - t0);
    }
    results.push({ label, goal, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
  };
  const month = await call(owner, 'GET', '/api/v1/dashboards/kpi?period=month');
  console.log(
    `the admin's month: ${month.kpis.map((k: { measure: string; current: { count: number } }) => `${k.measure} ${k.current.count}`).join(', ')}`,
  );
  for (const period of ['today', 'week', 'month'] as const) {
    await measure(`GET dashboards/kpi?period=${period}, the admin`, 'p95 ≤ 100 ms', () =>
      call(owner, 'GET', `/api/v1/dashboards/kpi?period=${period}`),
    );
    await measure(`GET dashboards/kpi?period=${period}, a unit manager`, 'p95 ≤ 100 ms', () =>
      call(managed, 'GET', `/api/v1/dashboards/kpi?period=${period}`),
    );
    await measure(`GET dashboards/kpi?period=${period}, an employee`, 'p95 ≤ 100 ms', () =>
      call(employed, 'GET', `/api/v1/dashboards/kpi?period=${period}`),
    );
  }
  await measure('GET dashboards/kpi/series?period=month, the admin', 'p95 ≤ 100 ms', () =>
    call(owner, 'GET', '/api/v1/dashboards/kpi/series?period=month&measure=newDeals'),
  );

  // The triggers' cost on writes: the same writes with the KPI triggers disabled, then enabled.
  const triggers = ['kpi_deal_insert', 'kpi_deal_update', 'kpi_deal_delete'];
  const setTriggers = (on: boolean) =>
    pool.query(triggers.map((name) => `ALTER TABLE deal ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name}`).join('; '));
  let n = 0;
  const createDeal = () =>
    call(owner, 'POST', '/api/v1/deals', { title: `New ${n++}`, amount: '1200.00', currency: 'USD', companyId: companyIds[n % 2000] });
  const imports: Record<string, { insert: number; update: number }> = {};
  let next = totalDeals + 1;
  for (const on of [false, true]) {
    await setTriggers(on);
    await measure(`POST deals, triggers ${on ? 'on' : 'off'}`, '', createDeal);
    const inserts: number[] = [];
    const updates: number[] = [];
    for (let run = 0; run < 5; run++) {
      const from = next;
      next += 10_000;
      let t0 = performance.now();
      await insertDeals(from, from + 9_999, `Import ${on ? 'on' : 'off'}`);
      inserts.push(performance.now() - t0);
      t0 = performance.now();
      await pool.query(`UPDATE deal SET amount_base = amount_base + 1 WHERE workspace_id = $1 AND title LIKE $2`, [
        ws,
        `Import ${on ? 'on' : 'off'} %`,
      ]);
      updates.push(performance.now() - t0);
      await pool.query(`UPDATE deal SET title = 'Done ' || title WHERE workspace_id = $1 AND title LIKE 'Import %'`, [ws]);
    }
    imports[on ? 'on' : 'off'] = { insert: median(inserts), update: median(updates) };
  }
  await setTriggers(true);

  console.log(`\n${'figure'.padEnd(56)}${'goal'.padEnd(14)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}`);
  for (const r of results)
    console.log(`${r.label.padEnd(56)}${r.goal.padEnd(14)}${r.p50.toFixed(2).padStart(9)}${r.p95.toFixed(2).padStart(9)}`);
  console.log(`\n${'10k-row deal import (median of 5)'.padEnd(56)}${'off ms'.padStart(9)}${'on ms'.padStart(9)}`);
  console.log(
    `${'INSERT … SELECT 10k deals'.padEnd(56)}${imports.off?.insert.toFixed(0).padStart(9)}${imports.on?.insert.toFixed(0).padStart(9)}`,
  );
  console.log(
    `${'UPDATE 10k deals\u2019 amount_base (a rate change)'.padEnd(56)}${imports.off?.update.toFixed(0).padStart(9)}${imports.on?.update.toFixed(0).padStart(9)}`,
  );
  // The aggregates after all of it still equal a recomputation from the deals.
  const [check] = (
    await pool.query(
      `SELECT (SELECT sum(new_deals)::bigint FROM kpi_hourly WHERE workspace_id = $1) AS kept_deals,
         (SELECT count(*) FROM deal WHERE workspace_id = $1 AND deleted_at IS NULL) AS deals,
         (SELECT sum(new_deals_base) FROM kpi_hourly WHERE workspace_id = $1) AS kept_sum,
         (SELECT sum(coalesce(amount_base, 0)) FROM deal WHERE workspace_id = $1 AND deleted_at IS NULL) AS sum`,
      [ws],
    )
  ).rows;
  console.log(
    `\ncheck: the aggregates count ${check.kept_deals} deals for ${check.kept_sum} (the triggers were off for some writes on purpose); the deals table holds ${check.deals} for ${check.sum}`,
  );
} finally {
  await app.close();
  await authListener.stop();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
