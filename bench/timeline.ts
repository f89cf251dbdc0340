// Timeline figure: the first page of a company's timeline when it holds 10k activities.
// Usage: npx tsx bench/timeline.ts [activities=10000]
// Starts its own embedded PostgreSQL in a temporary folder and a workspace with one company of
// 25 contacts; the activities (half about the company, half about its contacts, a tenth about
// both), 200 agreements and 200 status changes are written in bulk. Prints p50/p95 of server time
// (app.inject: routing, checks, queries and serialisation, no socket) per request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const total = Number(process.argv[2] ?? 10_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-timeline-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 8);
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000 });

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Timeline bench',
    name: 'Bench Admin',
    email: 'timeline-bench@example.test',
    password,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: admin.email, password } });
  const cookie = `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`;
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const company = await call('POST', '/api/v1/companies', { name: 'Panificio Centrale' });
  const contactIds: string[] = [];
  for (let i = 0; i < 25; i++) {
    contactIds.push((await call('POST', '/api/v1/contacts', { firstName: `Person ${i}`, companies: [{ companyId: company.id }] })).id);
  }
  // Another company with its own activities, so that the index holds more than this timeline.
  const other = await call('POST', '/api/v1/companies', { name: 'Another bakery' });

  const started = performance.now();
  const ws = admin.workspaceId;
  await pool.query(
    `INSERT INTO activity (workspace_id, id, type, subject, body, occurred_at, author_id)
     SELECT $1, gen_random_uuid(), (ARRAY['call','meeting','visit','email','note'])[1 + i % 5], 'Activity ' || i,
       '<p>Talked about the order number ' || i || '</p>', now() - (i || ' minutes')::interval, $2
     FROM generate_series(1, $3::int * 2) i`,
    [ws, admin.id, total],
  );
  // The first `total` activities are this company's: about it, about one of its contacts, or both.
  await pool.query(
    `WITH numbered AS (SELECT id, occurred_at, type, author_id, row_number() OVER (ORDER BY occurred_at DESC) AS n FROM activity WHERE workspace_id = $1)
     INSERT INTO activity_link (workspace_id, activity_id, entity_type, entity_id, occurred_at, activity_type, author_id)
     SELECT $1, id, 'company', $2, occurred_at, type, author_id FROM numbered WHERE n <= $5 AND (n % 2 = 0 OR n % 10 = 1)
     UNION ALL
     SELECT $1, id, 'contact', ($3::uuid[])[1 + n % 25], occurred_at, type, author_id FROM numbered WHERE n <= $5 AND n % 2 = 1
     UNION ALL
     SELECT $1, id, 'company', $4, occurred_at, type, author_id FROM numbered WHERE n > $5`,
    [ws, company.id, contactIds, other.id, total],
  );
  await pool.query(
    `INSERT INTO agreement (workspace_id, title, company_id, created_by_id, agreed_by_id, created_at)
     SELECT $1, 'Agreement ' || i, $2, $3, $3, now() - (i * 37 || ' minutes')::interval FROM generate_series(1, 200) i`,
    [ws, company.id, admin.id],
  );
  await pool.query(
    `INSERT INTO record_change (workspace_id, entity_type, entity_id, actor_id, action, changes, at)
     SELECT $1, 'company', $2, $3, 'updated', '[{"field":"status","old":"new","new":"active"}]'::jsonb, now() - (i * 41 || ' minutes')::interval
     FROM generate_series(1, 200) i`,
    [ws, company.id, admin.id],
  );
  // As autovacuum would have by then: statistics, and the visibility map for index-only reads.
  await pool.query('VACUUM ANALYZE');
  console.log(
    `data: ${total} activities of one company (+${total} of another), 25 contacts, 200 agreements, 200 changes, in ${Math.round(performance.now() - started)} ms`,
  );

  const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
  const measure = async (label: string, url: () => string, runs = 300) => {
    for (let i = 0; i < 30; i++) await call('GET', url());
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call('GET', url());
      samples.push(performance.now() - t0);
    }
    console.log(`${label.padEnd(58)} p50 ${percentile(samples, 0.5).toFixed(2)} ms   p95 ${percentile(samples, 0.95).toFixed(2)} ms`);
  };
  const first = await call('GET', `/api/v1/companies/${company.id}/timeline?limit=50`);
  if (first.data.length !== 50) throw new Error('the first page is not full');
  let cursor = first.nextCursor as string;
  for (let i = 0; i < 50; i++)
    cursor = (await call('GET', `/api/v1/companies/${company.id}/timeline?limit=50&cursor=${cursor}`)).nextCursor;

  await measure('company timeline, first page of 50', () => `/api/v1/companies/${company.id}/timeline?limit=50`);
  await measure('company timeline, page 51 (cursor)', () => `/api/v1/companies/${company.id}/timeline?limit=50&cursor=${cursor}`);
  await measure('company timeline, calls only', () => `/api/v1/companies/${company.id}/timeline?limit=50&filter[type]=call`);
  await measure('contact timeline, first page of 50', () => `/api/v1/contacts/${contactIds[3]}/timeline?limit=50`);
  await measure('activities of the company (list), first page of 50', () => `/api/v1/activities?limit=50&filter[companyId]=${company.id}`);
} finally {
  await app.close();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
