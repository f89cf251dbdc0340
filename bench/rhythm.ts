// Contact rhythm figures: the compliance report and "not contacted in 90 days" at scale.
// Usage: npx tsx bench/rhythm.ts [customers=100000] [activities=1000000]
// Starts its own embedded PostgreSQL in a temporary folder and a workspace of 3 units and 24
// managers; four customers in five are companies (class A 10 %, B 20 %, C 30 %, none 40 %), one
// in five contacts (a third with a class, the rest working for a company); the activities (all
// five kinds, over two years, a tenth of them planned ahead) are written in bulk, and "last
// contact" is set as the activities module keeps it. Prints p50/p95 of server time (app.inject)
// per request as an admin (everything) and as a manager (one unit), and, for comparison, a naive
// SQL "not contacted in 90 days" straight on the activity links. The refresh of the kept newest
// activities per customer (a job every minute in the server) runs once after the data is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { refreshLastContacts } from '../apps/server/src/modules/rhythm/last-contact.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const customers = Number(process.argv[2] ?? 100_000);
const activities = Number(process.argv[3] ?? 1_000_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-rhythm-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 8);
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000 });

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Rhythm bench',
    name: 'Bench Admin',
    email: 'rhythm-bench@example.test',
    password,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const signIn = async (email: string) => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const cookie = `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    return async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const response = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
  };
  const asAdmin = await signIn(admin.email);
  const unitIds: string[] = [];
  for (const name of ['North', 'Centre', 'South']) unitIds.push((await asAdmin('POST', '/api/v1/units', { name })).id);
  const ownerIds: string[] = [];
  for (let i = 0; i < 24; i++) {
    const user = await asAdmin('POST', '/api/v1/users', {
      email: `manager-${i}@example.test`,
      name: `Manager ${i}`,
      password,
      role: i < 3 ? 'manager' : 'employee',
      unitId: unitIds[i % 3],
    });
    ownerIds.push(user.id);
  }
  const asManager = await signIn('manager-0@example.test');

  const started = performance.now();
  const ws = admin.workspaceId;
  const companies = Math.round(customers * 0.8);
  const contacts = customers - companies;
  await pool.query(
    `INSERT INTO company (workspace_id, name, class, status, owner_id, unit_id, created_at)
     SELECT $1, 'Company ' || i, (ARRAY['A','B','B','C','C','C',NULL,NULL,NULL,NULL])[1 + i % 10],
       (ARRAY['active','active','active','new','potential','dormant','active','active','active','lost'])[1 + (i / 10) % 10],
       ($2::uuid[])[1 + i % 24], ($3::uuid[])[1 + (i % 24) % 3], now() - ((i % 1000) || ' days')::interval
     FROM generate_series(1, $4::int) i`,
    [ws, ownerIds, unitIds, companies],
  );
  await pool.query(
    `INSERT INTO contact (workspace_id, first_name, last_name, class, owner_id, unit_id, birthday, created_at)
     SELECT $1, 'Person', '' || i, CASE WHEN i % 3 = 0 THEN (ARRAY['A','B','C'])[1 + i % 9 / 3] END,
       ($2::uuid[])[1 + i % 24], ($3::uuid[])[1 + (i % 24) % 3], date '1960-01-01' + (i * 7 % 20000), now() - ((i % 1000) || ' days')::interval
     FROM generate_series(1, $4::int) i`,
    [ws, ownerIds, unitIds, contacts],
  );
  // Two contacts in three without a class work for a company (fresh statistics first: without
  // them this join was planned as a nested loop of minutes).
  await pool.query('ANALYZE company, contact');
  await pool.query(
    `WITH p AS (SELECT id, row_number() OVER () AS n FROM contact WHERE workspace_id = $1 AND class IS NULL),
     c AS (SELECT id, row_number() OVER () AS n FROM company WHERE workspace_id = $1)
     INSERT INTO contact_company (workspace_id, contact_id, company_id)
     SELECT $1, p.id, c.id FROM p JOIN c ON c.n = p.n * 3`,
    [ws],
  );
  await pool.query(
    `INSERT INTO activity (workspace_id, id, type, subject, occurred_at, author_id)
     SELECT $1, gen_random_uuid(), (ARRAY['call','meeting','visit','email','note'])[1 + i % 5], 'Activity ' || i,
       now() - ((i::bigint * 7919 % (730 * 24 * 60)) - 73 * 24 * 60 || ' minutes')::interval, ($2::uuid[])[1 + i % 24]
     FROM generate_series(1, $3::int) i`,
    [ws, ownerIds, activities],
  );
  // Each activity about one customer, spread unevenly: some are called weekly, others never.
  await pool.query(
    `WITH cust AS (
       SELECT 'company' AS type, id, row_number() OVER (ORDER BY id) AS n FROM company WHERE workspace_id = $1
       UNION ALL SELECT 'contact', id, $2::int + row_number() OVER (ORDER BY id) FROM contact WHERE workspace_id = $1),
     act AS (SELECT id, occurred_at, type, author_id, row_number() OVER () AS n FROM activity WHERE workspace_id = $1)
     INSERT INTO activity_link (workspace_id, activity_id, entity_type, entity_id, occurred_at, activity_type, author_id)
     SELECT $1, act.id, cust.type, cust.id, act.occurred_at, act.type, act.author_id
     FROM act JOIN cust ON cust.n = 1 + ((act.n * act.n) % ($3::int * 7 / 10))`,
    [ws, companies, customers],
  );
  // "Last contact" as the activities module keeps it: not notes, not planned, a company's contacts' too.
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
  // The job that keeps each customer's newest activities runs every minute in the server; here once.
  const refreshStarted = performance.now();
  const refreshed = await refreshLastContacts(db);
  const refreshMs = performance.now() - refreshStarted;
  await pool.query('VACUUM ANALYZE');
  console.log(`kept newest activities of ${refreshed} customers refreshed in ${Math.round(refreshMs)} ms (the first refresh, all of them)`);
  console.log(
    `data: ${companies} companies, ${contacts} contacts, ${activities} activities, 24 managers in 3 units, in ${Math.round((performance.now() - started) / 1000)} s`,
  );

  const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
  const measure = async (label: string, run: () => Promise<unknown>, runs = 10) => {
    for (let i = 0; i < 3; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    console.log(`${label.padEnd(62)} p50 ${percentile(samples, 0.5).toFixed(1)} ms   p95 ${percentile(samples, 0.95).toFixed(1)} ms`);
  };
  const silent = await asAdmin('GET', '/api/v1/reports/not-contacted?days=90');
  const report = await asAdmin('GET', '/api/v1/reports/contact-rhythm');
  console.log(
    `answers: ${silent.total} customers not contacted in 90 days; ${report.totals.total} with a class, ${report.totals.overdue} overdue (${report.totals.compliancePercent} % on time)`,
  );
  await measure('GET /reports/not-contacted?days=90 (admin, all)', () => asAdmin('GET', '/api/v1/reports/not-contacted?days=90'));
  await measure('GET /reports/not-contacted?days=90 (manager, one unit)', () => asManager('GET', '/api/v1/reports/not-contacted?days=90'));
  await measure('GET /reports/contact-rhythm (admin, all)', () => asAdmin('GET', '/api/v1/reports/contact-rhythm'));
  await measure('GET /reports/contact-rhythm (manager, one unit)', () => asManager('GET', '/api/v1/reports/contact-rhythm'));
  await measure('GET /reports/birthdays?range=month (admin)', () => asAdmin('GET', '/api/v1/reports/birthdays?range=month'));
  await measure('GET /reports/dormant?months=6 (admin)', () => asAdmin('GET', '/api/v1/reports/dormant?months=6'));
  await measure(
    'naive SQL: companies with no activity in 90 days (count)',
    () =>
      pool.query(
        `SELECT count(*) FROM company c WHERE c.workspace_id = $1 AND c.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM activity_link l WHERE l.workspace_id = $1 AND l.entity_id = c.id
           AND l.occurred_at > now() - interval '90 days')`,
        [ws],
      ),
    5,
  );
} finally {
  await app.close();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
