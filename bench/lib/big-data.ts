// The data set of the reports' benchmarks at scale, written once into a data directory and kept
// there for the next run (a marker file says it is complete): one workspace, 10 units, 200 people
// (a manager per unit, the rest employees), USD besides the EUR base with a rate;
// - `deals` deals created over the last three years as bench/kpi.ts writes them (a third in USD, a
//   quarter won 0–10 days after their creation, deal i owned by person i % 200 in their unit, with
//   one of the first 2,000 companies), 100k rows per statement with every trigger on, so the
//   aggregates are the ones the triggers keep;
// - `customers` customers as bench/rhythm.ts writes them (four in five companies, class A 10 %,
//   B 20 %, C 30 %, none 40 %; one in five contacts, a third with a class, two in three of the rest
//   working for a company) and `activities` activities over two years (a tenth planned ahead) about
//   70 % of them, unevenly; then one refresh of the kept newest activities per customer, as the
//   server's job does every minute.
import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { createDatabase } from '../../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../../apps/server/src/db/embedded.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { buildApp } from '../../apps/server/src/http/app.ts';
import { refreshLastContacts } from '../../apps/server/src/modules/rhythm/last-contact.ts';
import { createWorkspace } from '../../apps/server/src/modules/workspaces/index.ts';

export const BENCH_PASSWORD = 'bench password 123';
export const ADMIN_EMAIL = 'bench@example.test';
export const MANAGER_EMAIL = 'manager@example.test';
export const EMPLOYEE_EMAIL = 'employee@example.test';

export type BigDataShape = { deals: number; customers: number; activities: number };

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Writes `deals` deals numbered `from`..`to` as bench/kpi.ts does. */
export function insertDeals(
  pool: Pool,
  ids: { ws: string; pipelineId: string; openStage: string; wonStage: string; companyIds: string[]; people: string[]; adminId: string },
  from: number,
  to: number,
  title = 'Deal',
) {
  return pool.query(
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
    [ids.ws, ids.pipelineId, ids.openStage, ids.wonStage, ids.companyIds, from, to, title, ids.adminId, ids.people],
  );
}

/** Starts the cluster of `dataDir` and fills it unless a previous run did; stops it again. */
export async function prepareBigData(dataDir: string, shape: BigDataShape): Promise<{ workspaceId: string; seconds: number }> {
  const marker = path.join(dataDir, 'bench-data.json');
  if (fs.existsSync(marker)) {
    const kept = JSON.parse(fs.readFileSync(marker, 'utf8')) as BigDataShape & { workspaceId: string };
    if (kept.deals !== shape.deals || kept.customers !== shape.customers || kept.activities !== shape.activities)
      throw new Error(`${dataDir} holds another data set: ${JSON.stringify(kept)}`);
    return { workspaceId: kept.workspaceId, seconds: 0 };
  }
  const started = performance.now();
  const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
  const url = cluster.connectionString('clientela');
  await runMigrations(url);
  const { db, pool } = createDatabase(url, 8);
  const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000 });
  try {
    const { admin } = await createWorkspace(db, {
      workspaceName: 'Reports bench',
      name: 'Bench Admin',
      email: ADMIN_EMAIL,
      password: BENCH_PASSWORD,
      locale: 'en',
      timeZone: 'Europe/Rome',
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN_EMAIL, password: BENCH_PASSWORD },
    });
    const cookie = `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const response = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.statusCode === 204 ? null : response.json();
    };
    const ws = admin.workspaceId;
    const unitIds: string[] = [];
    for (let i = 0; i < 10; i++) unitIds.push((await call('POST', '/api/v1/units', { name: `Unit ${i}` })).id);
    await call('POST', '/api/v1/users', {
      email: MANAGER_EMAIL,
      name: 'Mara Manager',
      password: BENCH_PASSWORD,
      role: 'manager',
      unitId: unitIds[0],
    });
    const employee = await call('POST', '/api/v1/users', {
      email: EMPLOYEE_EMAIL,
      name: 'Elio Employee',
      password: BENCH_PASSWORD,
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
    // Customers: companies first (the first 2,000 buy), then contacts.
    const companies = Math.round(shape.customers * 0.8);
    const contacts = shape.customers - companies;
    await pool.query(
      `INSERT INTO company (workspace_id, name, class, status, owner_id, unit_id, created_at)
       SELECT $1, 'Company ' || i, (ARRAY['A','B','B','C','C','C',NULL,NULL,NULL,NULL])[1 + i % 10],
         (ARRAY['active','active','active','new','potential','dormant','active','active','active','lost'])[1 + (i / 10) % 10],
         u.id, u.unit_id, now() - ((i % 1000) || ' days')::interval
       FROM generate_series(1, $3::int) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 200]`,
      [ws, people, companies],
    );
    await pool.query(
      `INSERT INTO contact (workspace_id, first_name, last_name, class, owner_id, unit_id, birthday, created_at)
       SELECT $1, 'Person', '' || i, CASE WHEN i % 3 = 0 THEN (ARRAY['A','B','C'])[1 + i % 9 / 3] END,
         u.id, u.unit_id, date '1960-01-01' + (i * 7 % 20000), now() - ((i % 1000) || ' days')::interval
       FROM generate_series(1, $3::int) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 200]`,
      [ws, people, contacts],
    );
    // Fresh statistics first: without them the join below was planned as a nested loop of minutes.
    await pool.query('ANALYZE company, contact');
    await pool.query(
      `WITH p AS (SELECT id, row_number() OVER () AS n FROM contact WHERE workspace_id = $1 AND class IS NULL),
       c AS (SELECT id, row_number() OVER () AS n FROM company WHERE workspace_id = $1)
       INSERT INTO contact_company (workspace_id, contact_id, company_id)
       SELECT $1, p.id, c.id FROM p JOIN c ON c.n = p.n * 3`,
      [ws],
    );
    log(`customers written in ${Math.round((performance.now() - started) / 1000)} s`);
    const companyIds = (
      await pool.query<{ id: string }>(`SELECT id FROM company WHERE workspace_id = $1 ORDER BY name LIMIT 2000`, [ws])
    ).rows.map((r) => r.id);
    await call('PUT', '/api/v1/currencies', { currencies: ['USD'] });
    await call('PUT', '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2020-01-01', rate: '0.92' }] });
    const pipeline = (await call('GET', '/api/v1/pipelines')).data[0] as { id: string; stages: { id: string; kind: string }[] };
    const openStage = pipeline.stages.find((s) => s.kind === 'open')?.id;
    const wonStage = pipeline.stages.find((s) => s.kind === 'won')?.id;
    if (!openStage || !wonStage) throw new Error('no open or won stage');
    const ids = { ws, pipelineId: pipeline.id, openStage, wonStage, companyIds, people, adminId: admin.id };
    const dealsStarted = performance.now();
    for (let written = 0; written < shape.deals; ) {
      const to = Math.min(written + 100_000, shape.deals);
      await insertDeals(pool, ids, written + 1, to);
      written = to;
      process.stdout.write(`\r${written} deals written in ${Math.round((performance.now() - dealsStarted) / 1000)} s`);
    }
    process.stdout.write('\n');
    await pool.query('ANALYZE');
    const activitiesStarted = performance.now();
    await pool.query(
      `INSERT INTO activity (workspace_id, id, type, subject, occurred_at, author_id)
       SELECT $1, gen_random_uuid(), (ARRAY['call','meeting','visit','email','note'])[1 + i % 5], 'Activity ' || i,
         now() - ((i::bigint * 7919 % (730 * 24 * 60)) - 73 * 24 * 60 || ' minutes')::interval, ($2::uuid[])[1 + i % 200]
       FROM generate_series(1, $3::int) i`,
      [ws, people, shape.activities],
    );
    await pool.query('ANALYZE activity');
    await pool.query(
      `WITH cust AS (
         SELECT 'company' AS type, id, row_number() OVER (ORDER BY id) AS n FROM company WHERE workspace_id = $1
         UNION ALL SELECT 'contact', id, $2::int + row_number() OVER (ORDER BY id) FROM contact WHERE workspace_id = $1),
       act AS (SELECT id, occurred_at, type, author_id, row_number() OVER () AS n FROM activity WHERE workspace_id = $1)
       INSERT INTO activity_link (workspace_id, activity_id, entity_type, entity_id, occurred_at, activity_type, author_id)
       SELECT $1, act.id, cust.type, cust.id, act.occurred_at, act.type, act.author_id
       FROM act JOIN cust ON cust.n = 1 + ((act.n * act.n) % ($3::int * 7 / 10))`,
      [ws, companies, shape.customers],
    );
    await pool.query(
      `UPDATE contact c SET last_contact_at = m.at FROM (
         SELECT entity_id, max(occurred_at) AS at FROM activity_link
         WHERE workspace_id = $1 AND entity_type = 'contact' AND activity_type <> 'note' AND occurred_at <= now() GROUP BY entity_id) m
       WHERE c.workspace_id = $1 AND c.id = m.entity_id`,
      [ws],
    );
    await pool.query(
      `UPDATE company c SET last_contact_at = m.at FROM (
         SELECT coalesce(cc.company_id, l.entity_id) AS company_id, max(l.occurred_at) AS at FROM activity_link l
         LEFT JOIN contact_company cc ON cc.workspace_id = l.workspace_id AND cc.contact_id = l.entity_id
         WHERE l.workspace_id = $1 AND l.activity_type <> 'note' AND l.occurred_at <= now() GROUP BY 1) m
       WHERE c.workspace_id = $1 AND c.id = m.company_id`,
      [ws],
    );
    log(`activities written in ${Math.round((performance.now() - activitiesStarted) / 1000)} s`);
    const refreshStarted = performance.now();
    const refreshed = await refreshLastContacts(db);
    log(`kept newest activities of ${refreshed} customers refreshed in ${Math.round(performance.now() - refreshStarted)} ms`);
    await pool.query('VACUUM ANALYZE');
    const seconds = Math.round((performance.now() - started) / 1000);
    fs.writeFileSync(marker, JSON.stringify({ ...shape, workspaceId: ws }));
    return { workspaceId: ws, seconds };
  } finally {
    await app.close();
    await pool.end();
    await cluster.stop();
  }
}
