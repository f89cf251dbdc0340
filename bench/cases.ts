// Case figures: "100k cases: case list with filters ≤ 10 ms p50; statistics for a year ≤ 100 ms p95",
// and the KPI board's complaint tiles beside them.
// Usage: npx tsx bench/cases.ts [cases=100000] [--explain] [--list-only]
// Starts its own embedded PostgreSQL in a temporary folder. Written in bulk with SQL: one workspace,
// 10 units, 200 people (a manager per unit, the rest employees), 2,000 companies, 3,000 contacts,
// 200 products, 12 case types (complaints, requests, questions) with 4 categories each, an SLA
// policy, and `cases` cases created evenly over the last two years: case i owned by person i % 200
// in their unit, a company for four in five and a contact for the rest, every SLA column filled
// (a first reply due in 4 hours and given in 1–8, a resolution due in 48 hours and given in 2–200;
// late ones marked breached), all but the last month's resolved or closed, complaints with a
// verdict, two in five closed ones rated. Measures server time (app.inject: routing, checks,
// queries and serialisation, no socket), p50/p95 over 200 requests after 20 warm-ups (statistics: 60 after 5), of
// GET /api/v1/cases with the usual filters (when the list is there), GET /api/v1/case-statistics
// for a year and a month, and GET /api/v1/dashboards/kpi?period=month with its complaint tiles.
// With --explain, prints the plans of the statistics' statements (with --list-only, of the list's); with --list-only, measures the
// list alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const totalCases = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const explain = process.argv.includes('--explain');
const listOnly = process.argv.includes('--list-only');
/** Only the statistics (and, with --explain, their plans): no KPI board, no list. */
const statsOnly = process.argv.includes('--stats-only');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-cases-'));
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

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Cases bench',
    name: 'Bench Admin',
    email: 'cases-bench@example.test',
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
  const request = async (as: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf }, ...(payload ? { payload } : {}) });
  const call = async (as: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await request(as, method, url, payload);
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return response.json();
  };
  const owner = await signIn(admin.email);

  const started = performance.now();
  const ws = admin.workspaceId;
  const unitIds: string[] = [];
  for (let i = 0; i < 10; i++) unitIds.push((await call(owner, 'POST', '/api/v1/units', { name: `Unit ${i}` })).id);
  // The measured manager and employee, made through the API so that they can sign in.
  const manager = await call(owner, 'POST', '/api/v1/users', {
    email: 'manager@example.test',
    name: 'Marta Bench',
    password,
    role: 'manager',
    unitId: unitIds[0],
  });
  const employee = await call(owner, 'POST', '/api/v1/users', {
    email: 'employee@example.test',
    name: 'Elio Bench',
    password,
    role: 'employee',
    unitId: unitIds[0],
  });
  await pool.query(
    `INSERT INTO app_user (workspace_id, email, name, password_hash, time_zone, role, unit_id)
     SELECT $1, 'person' || i || '@example.test', 'Person ' || i, 'not a hash', 'Europe/Rome',
       CASE WHEN i % 20 = 0 THEN 'manager' ELSE 'employee' END, ($2::uuid[])[1 + i % 10]
     FROM generate_series(1, 197) i`,
    [ws, unitIds],
  );
  const people = (
    await pool.query<{ id: string }>('SELECT id FROM app_user WHERE workspace_id = $1 ORDER BY id = $2 DESC, id = $3 DESC, email', [
      ws,
      employee.id,
      manager.id,
    ])
  ).rows.map((r) => r.id);
  await pool.query(
    `INSERT INTO company (workspace_id, name, owner_id, unit_id)
     SELECT $1, 'Company ' || i, u.id, u.unit_id
     FROM generate_series(1, 2000) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 200]`,
    [ws, people],
  );
  await pool.query(
    `INSERT INTO contact (workspace_id, first_name, last_name, owner_id, unit_id)
     SELECT $1, 'Contact', 'No. ' || i, u.id, u.unit_id
     FROM generate_series(1, 3000) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 200]`,
    [ws, people],
  );
  await pool.query(`INSERT INTO product (workspace_id, name) SELECT $1, 'Product ' || i FROM generate_series(1, 200) i`, [ws]);
  await pool.query(
    `INSERT INTO case_type (workspace_id, name, kind, position)
     SELECT $1, 'Type ' || i, (ARRAY['complaint','complaint','request','question'])[1 + i % 4], i FROM generate_series(1, 12) i`,
    [ws],
  );
  await pool.query(
    `INSERT INTO case_category (workspace_id, type_id, name, position)
     SELECT $1, t.id, t.name || ' / ' || c, c FROM case_type t, generate_series(1, 4) c WHERE t.workspace_id = $1`,
    [ws],
  );
  await pool.query(
    `INSERT INTO sla_policy (workspace_id, name, first_response_minutes, resolution_minutes) VALUES ($1, 'Standard', 240, 2880)`,
    [ws],
  );
  const ids = async (table: string) =>
    (await pool.query<{ id: string }>(`SELECT id FROM ${table} WHERE workspace_id = $1 ORDER BY id`, [ws])).rows.map((r) => r.id);
  const [companyIds, contactIds, productIds, typeRows, policyIds] = await Promise.all([
    ids('company'),
    ids('contact'),
    ids('product'),
    pool.query<{ id: string; kind: string }>('SELECT id, kind FROM case_type WHERE workspace_id = $1 ORDER BY position', [ws]),
    ids('sla_policy'),
  ]);
  const typeIds = typeRows.rows.map((r) => r.id);
  const kinds = typeRows.rows.map((r) => r.kind);
  const categoryIds = (
    await pool.query<{ id: string }>(
      `SELECT c.id FROM case_category c JOIN case_type t ON t.workspace_id = c.workspace_id AND t.id = c.type_id
       WHERE c.workspace_id = $1 ORDER BY t.position, c.position`,
      [ws],
    )
  ).rows.map((r) => r.id);
  const userUnits = Object.fromEntries(
    (await pool.query<{ id: string; unit_id: string }>('SELECT id, unit_id FROM app_user WHERE workspace_id = $1', [ws])).rows.map((r) => [
      r.id,
      r.unit_id,
    ]),
  );
  const ownerUnits = people.map((id) => userUnits[id]);

  // The cases, 20k a statement: case i created (i / cases) of the way from two years ago to now.
  const chunk = 20_000;
  for (let from = 1; from <= totalCases; from += chunk) {
    const to = Math.min(from + chunk - 1, totalCases);
    await pool.query(
      `WITH g AS (
         SELECT i, 1 + i % 12 AS t, now() - interval '730 days' * (1 - i::float8 / $11) AS created,
           (i * 7919) % 200 AS h
         FROM generate_series($12::int, $13::int) i
       ), s AS (
         SELECT g.*, created + (1 + h % 8) * interval '1 hour' AS responded,
           created + (2 + (h * 13) % 199) * interval '1 hour' AS resolved,
           created > now() - interval '30 days' AND i % 3 > 0 AS still_open
         FROM g
       )
       INSERT INTO support_case (workspace_id, number, subject, kind, type_id, category_id, channel, priority, status,
         company_id, contact_id, product_id, owner_id, unit_id, verdict, satisfaction, satisfaction_at,
         sla_policy_id, first_response_due_at, first_responded_at, first_response_breached_at,
         resolution_due_at, resolution_breached_at, resolved_at, closed_at, created_by_id, created_at, updated_at)
       SELECT $1, 'C-' || extract(year FROM created)::int || '-' || lpad(i::text, 6, '0'), 'Case about product ' || (1 + i % 200),
         ($2::text[])[t], ($3::uuid[])[t], ($4::uuid[])[(t - 1) * 4 + 1 + i % 4],
         (ARRAY['phone','email','web_form','portal','in_person'])[1 + i % 5], (ARRAY['low','normal','normal','high','urgent'])[1 + i % 5],
         CASE WHEN still_open THEN (ARRAY['new','assigned','in_progress','waiting_customer','waiting_unit','reopened'])[1 + i % 6]
           WHEN i % 2 = 0 THEN 'closed' ELSE 'resolved' END,
         CASE WHEN i % 5 > 0 THEN ($5::uuid[])[1 + i % 2000] END, CASE WHEN i % 5 = 0 THEN ($6::uuid[])[1 + i % 3000] END,
         ($7::uuid[])[1 + i % 200], ($8::uuid[])[1 + i % 200], ($9::uuid[])[1 + i % 200],
         CASE WHEN NOT still_open AND ($2::text[])[t] = 'complaint' THEN (ARRAY['founded','founded','unfounded','partly_founded'])[1 + (i / 12) % 4] END,
         CASE WHEN NOT still_open AND i % 5 < 2 THEN 1 + h % 5 END, CASE WHEN NOT still_open AND i % 5 < 2 THEN resolved + interval '1 day' END,
         $10, created + interval '4 hours', responded, CASE WHEN responded > created + interval '4 hours' THEN created + interval '4 hours' END,
         created + interval '48 hours',
         CASE WHEN (still_open AND now() > created + interval '48 hours') OR (NOT still_open AND resolved > created + interval '48 hours')
           THEN created + interval '48 hours' END,
         CASE WHEN NOT still_open THEN resolved END, CASE WHEN NOT still_open AND i % 2 = 0 THEN resolved + interval '1 day' END,
         ($8::uuid[])[1 + i % 200], created, created
       FROM s`,
      [ws, kinds, typeIds, categoryIds, companyIds, contactIds, productIds, people, ownerUnits, policyIds[0], totalCases, from, to],
    );
    process.stdout.write(`\r${to} cases written`);
  }
  process.stdout.write('\n');
  await pool.query('VACUUM ANALYZE');
  const [shape] = (
    await pool.query(
      `SELECT count(*)::int AS cases, count(*) FILTER (WHERE status NOT IN ('resolved','closed'))::int AS open,
         count(*) FILTER (WHERE created_at >= now() - interval '1 year')::int AS last_year,
         pg_size_pretty(pg_total_relation_size('support_case')) AS size
       FROM support_case`,
    )
  ).rows;
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `data: 10 units, 200 people, 2000 companies, 3000 contacts, 200 products, 12 types; ${shape.cases} cases over two years (${shape.open} open, ${shape.last_year} in the last year; table and indexes ${shape.size}), written in ${Math.round((performance.now() - started) / 1000)} s`,
  );

  const managed = await signIn('manager@example.test');
  const employed = await signIn('employee@example.test');
  const results: { label: string; goal: string; p50: number; p95: number }[] = [];
  const measure = async (label: string, goal: string, as: Session, url: string, warmUps = 20, runs = 200) => {
    for (let i = 0; i < warmUps; i++) await call(as, 'GET', url);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call(as, 'GET', url);
      samples.push(performance.now() - t0);
    }
    const result = { label, goal, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
    results.push(result);
    console.log(`  ${label}: p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms`);
  };

  const day = (d: Date) => d.toISOString().slice(0, 10);
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 364 * 86_400_000);
  const year = `from=${day(yearAgo)}&to=${day(today)}`;
  if (!listOnly) {
    const stats = await call(owner, 'GET', `/api/v1/case-statistics?${year}&by=type`);
    console.log(
      `a year by type: received ${stats.current.received} (before ${stats.previous.received}, a year before ${stats.lastYear.received}), resolved ${stats.current.resolved}, SLA ${stats.current.slaCompliance}, ${stats.rows.length} rows, ${stats.repeatedUnfounded.length} repeated unfounded`,
    );
    // Statistics take long enough on a shared machine that 60 requests after 5 warm-ups are measured.
    await measure('GET case-statistics, a year by type', 'p95 ≤ 100 ms', owner, `/api/v1/case-statistics?${year}&by=type`, 5, 60);
    await measure('GET case-statistics, a year by owner', 'p95 ≤ 100 ms', owner, `/api/v1/case-statistics?${year}&by=owner`, 5, 60);
    await measure(
      'GET case-statistics, a year by owner, one unit',
      'p95 ≤ 100 ms',
      managed,
      `/api/v1/case-statistics?${year}&by=owner&unitId=${unitIds[0]}`,
      5,
      60,
    );
    await measure('GET case-statistics, this month by type', 'p95 ≤ 100 ms', employed, '/api/v1/case-statistics', 5, 60);
  }
  if (!listOnly && !statsOnly) {
    const board = await call(owner, 'GET', '/api/v1/dashboards/kpi?period=month');
    console.log(
      `the admin's month: ${board.kpis.map((k: { measure: string; current: { count: number } }) => `${k.measure} ${k.current.count}`).join(', ')}`,
    );
    await measure('GET dashboards/kpi?period=month, the admin', 'p95 ≤ 100 ms', owner, '/api/v1/dashboards/kpi?period=month');
    await measure('GET dashboards/kpi?period=month, a manager', 'p95 ≤ 100 ms', managed, '/api/v1/dashboards/kpi?period=month');
    await measure('GET dashboards/kpi?period=today, an employee', 'p95 ≤ 100 ms', employed, '/api/v1/dashboards/kpi?period=today');
  }

  // The list, when its route answers.
  const listQueries: string[] = [];
  const probe = await request(owner, 'GET', '/api/v1/cases?limit=1');
  if (statsOnly) {
    // The list is left out.
  } else if (probe.statusCode !== 200) console.log(`GET /api/v1/cases answers ${probe.statusCode}: the list is not measured`);
  else {
    const someNumber = (
      await pool.query<{ number: string }>('SELECT number FROM support_case ORDER BY created_at DESC OFFSET 4242 LIMIT 1')
    ).rows[0]?.number;
    const lists: [string, string][] = [
      ['open cases of a unit', `filter[open]=true&filter[unitId]=${unitIds[3]}`],
      ['a status', 'filter[status]=in_progress'],
      ['an owner', `filter[ownerId]=${people[17]}`],
      ['a type, newest first', `filter[typeId]=${typeIds[2]}&sort=-createdAt`],
      ['q: a case number', `q=${encodeURIComponent(someNumber ?? 'C-')}`],
      ['no filter', ''],
    ];
    listQueries.push(...lists.map(([, query]) => query));
    for (const [label, query] of lists) {
      const first = await call(owner, 'GET', `/api/v1/cases?${query}`);
      console.log(`cases, ${label}: ${first.data.length} shown of ${first.total}`);
      await measure(`GET cases, ${label}`, 'p50 ≤ 10 ms', owner, `/api/v1/cases?${query}`);
    }
  }

  console.log('');
  for (const r of results)
    console.log(`${r.label.padEnd(52)} p50 ${r.p50.toFixed(2).padStart(7)} ms   p95 ${r.p95.toFixed(2).padStart(7)} ms   (goal ${r.goal})`);
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  if (explain) {
    const seen: { text: string; values: unknown[] }[] = [];
    const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      if (typeof first === 'string') seen.push({ text: first, values: second ?? [] });
      else seen.push({ text: first.text, values: first.values ?? second ?? [] });
      return original(...args);
    };
    if (listOnly) for (const query of listQueries) await call(owner, 'GET', `/api/v1/cases?${query}`);
    else {
      await call(owner, 'GET', `/api/v1/case-statistics?${year}&by=type`);
      await call(owner, 'GET', `/api/v1/case-statistics?${year}&by=owner`);
    }
    (pool as unknown as { query: unknown }).query = original;
    console.log(`\n${seen.length} statements`);
    for (const { text, values } of seen.filter((q) => !q.text.startsWith('EXPLAIN'))) {
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values);
      console.log(`\n${text.replace(/\s+/g, ' ').slice(0, 160)}…`);
      for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
    }
  }
} finally {
  await app.close();
  await authListener.stop();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
