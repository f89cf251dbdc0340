// A mixed, realistic load on the real server: 80 % reads, 20 % writes, many clients at once.
// Usage: npx tsx bench/load.ts [--duration 10m] [--connections 50] [--contacts 100000] [--no-build]
// Seeds a data directory once (kept with BENCH_DATA_DIR=<folder>, else a temporary one): a workspace
// of 10 units and 50 people, 20k companies, `contacts` contacts (two in three working for a company),
// 10k deals and 100k activities. Then runs the built server (apps/server/dist/main.js) on it as
// `npm start` does and lets autocannon's connections each send one request after another, picked
// at random: reads are contact and company list pages with filters, search, single contacts and
// the person's day; writes create and update contacts and log activities. Prints requests per
// second, latency percentiles, errors and non-2xx answers. Goal: ≥ 300 req/s, p99 < 250 ms, 0 errors.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';
import { insertDeals } from './lib/big-data.ts';
import {
  benchAdmin,
  buildServer,
  freePort,
  headersOf,
  type Session,
  signInOver,
  startServerProcess,
  stopServerProcess,
  tempDataDir,
} from './lib/server-process.ts';

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
/** "10m", "90s" or "120" (seconds). */
const seconds = (text: string) => Number.parseFloat(text) * (text.endsWith('m') ? 60 : 1);
const duration = seconds(option('duration', '10m'));
const connections = Number(option('connections', '50'));
const contactCount = Number(option('contacts', '100000'));
const keptDir = process.env.BENCH_DATA_DIR;
const dataDir = keptDir ?? tempDataDir('load');
if (keptDir) fs.mkdirSync(keptDir, { recursive: true, mode: 0o755 });
const MANAGER = { email: 'manager@example.test', password: benchAdmin.password };
const EMPLOYEE = { email: 'employee@example.test', password: benchAdmin.password };

/** Writes the data set into the data directory's cluster unless a previous run did. */
async function seed(): Promise<void> {
  const marker = path.join(dataDir, 'bench-load.json');
  if (fs.existsSync(marker) && JSON.parse(fs.readFileSync(marker, 'utf8')).contacts === contactCount) return;
  const started = performance.now();
  const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
  const url = cluster.connectionString('clientela');
  await runMigrations(url);
  const { db, pool } = createDatabase(url, 8);
  const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000 });
  try {
    const { admin } = await createWorkspace(db, {
      workspaceName: 'Load bench',
      name: 'Bench Admin',
      email: benchAdmin.email,
      password: benchAdmin.password,
      locale: 'en',
      timeZone: 'Europe/Rome',
    });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: benchAdmin });
    const headers = {
      cookie: `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`,
      'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
    };
    const call = async (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
      const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const ws = admin.workspaceId;
    const unitIds: string[] = [];
    for (let i = 0; i < 10; i++) unitIds.push((await call('POST', '/api/v1/units', { name: `Unit ${i}` })).id);
    await call('POST', '/api/v1/users', { ...MANAGER, name: 'Mara Manager', role: 'manager', unitId: unitIds[0] });
    await call('POST', '/api/v1/users', { ...EMPLOYEE, name: 'Elio Employee', role: 'employee', unitId: unitIds[0] });
    await pool.query(
      `INSERT INTO app_user (workspace_id, email, name, password_hash, time_zone, role, unit_id)
       SELECT $1, 'person' || i || '@example.test', 'Person ' || i, 'not a hash', 'Europe/Rome', 'employee', ($2::uuid[])[1 + i % 10]
       FROM generate_series(1, 47) i`,
      [ws, unitIds],
    );
    const people = (await pool.query<{ id: string }>(`SELECT id FROM app_user WHERE workspace_id = $1 ORDER BY email`, [ws])).rows.map(
      (r) => r.id,
    );
    const cities = `ARRAY['Roma','Milano','Torino','Napoli','Firenze','Bologna','Venezia','Genova']`;
    await pool.query(
      `INSERT INTO company (workspace_id, name, city, class, status, owner_id, unit_id, created_at)
       SELECT $1, 'Company ' || i, (${cities})[1 + i % 8], (ARRAY['A','B','B','C','C','C',NULL,NULL,NULL,NULL])[1 + i % 10],
         (ARRAY['active','active','active','new','potential','dormant','active','active','active','lost'])[1 + (i / 10) % 10],
         u.id, u.unit_id, now() - ((i % 1000) || ' days')::interval
       FROM generate_series(1, 20000) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 50]`,
      [ws, people],
    );
    await pool.query(
      `INSERT INTO contact (workspace_id, first_name, last_name, city, class, status, owner_id, unit_id, birthday, created_at)
       SELECT $1, (ARRAY['Giulia','Marco','Anna','Luca','Sara','Paolo','Elena','Davide'])[1 + i % 8], 'Person ' || i,
         (${cities})[1 + i % 8], CASE WHEN i % 3 = 0 THEN (ARRAY['A','B','C'])[1 + i % 9 / 3] END,
         (ARRAY['active','active','new','potential','dormant'])[1 + i % 5],
         u.id, u.unit_id, date '1960-01-01' + (i * 7 % 20000), now() - ((i % 1000) || ' days')::interval
       FROM generate_series(1, $3::int) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 50]`,
      [ws, people, contactCount],
    );
    await pool.query('ANALYZE company, contact');
    await pool.query(
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM contact WHERE workspace_id = $1),
       c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM company WHERE workspace_id = $1)
       INSERT INTO contact_company (workspace_id, contact_id, company_id)
       SELECT $1, p.id, c.id FROM p JOIN c ON c.n = 1 + p.n % 20000 WHERE p.n % 3 <> 0`,
      [ws],
    );
    const companyIds = (
      await pool.query<{ id: string }>(`SELECT id FROM company WHERE workspace_id = $1 ORDER BY name LIMIT 2000`, [ws])
    ).rows.map((r) => r.id);
    const pipeline = (await call('GET', '/api/v1/pipelines')).data[0] as { id: string; stages: { id: string; kind: string }[] };
    const openStage = pipeline.stages.find((s) => s.kind === 'open')?.id;
    const wonStage = pipeline.stages.find((s) => s.kind === 'won')?.id;
    if (!openStage || !wonStage) throw new Error('no open or won stage');
    await insertDeals(pool, { ws, pipelineId: pipeline.id, openStage, wonStage, companyIds, people, adminId: admin.id }, 1, 10_000);
    await pool.query(
      `INSERT INTO activity (workspace_id, id, type, subject, occurred_at, author_id)
       SELECT $1, gen_random_uuid(), (ARRAY['call','meeting','visit','email','note'])[1 + i % 5], 'Activity ' || i,
         now() - ((i::bigint * 7919 % (365 * 24 * 60)) - 30 * 24 * 60 || ' minutes')::interval, ($2::uuid[])[1 + i % 50]
       FROM generate_series(1, 100000) i`,
      [ws, people],
    );
    await pool.query(
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM contact WHERE workspace_id = $1),
       a AS (SELECT id, occurred_at, type, author_id, row_number() OVER (ORDER BY id) AS n FROM activity WHERE workspace_id = $1)
       INSERT INTO activity_link (workspace_id, activity_id, entity_type, entity_id, occurred_at, activity_type, author_id)
       SELECT $1, a.id, 'contact', p.id, a.occurred_at, a.type, a.author_id FROM a JOIN p ON p.n = 1 + (a.n * 7) % $2::int`,
      [ws, contactCount],
    );
    await pool.query('VACUUM ANALYZE');
    fs.writeFileSync(marker, JSON.stringify({ contacts: contactCount }));
    console.log(
      `seeded ${contactCount} contacts, 20000 companies, 10000 deals, 100000 activities in ${Math.round((performance.now() - started) / 1000)} s`,
    );
  } finally {
    await app.close();
    await pool.end();
    await cluster.stop();
  }
}

await seed();
if (!process.argv.includes('--no-build')) buildServer();
const port = await freePort();
const server = await startServerProcess(dataDir, port);
try {
  const sessions: Session[] = [await signInOver(port), await signInOver(port, MANAGER), await signInOver(port, EMPLOYEE)];
  // Ids to read and update: a page of each person's contacts (an employee may only touch their own).
  const idsOf = async (session: Session) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/contacts?limit=200`, { headers: headersOf(session) });
    return ((await response.json()) as { data: { id: string }[] }).data.map((c) => c.id);
  };
  const contactIds = await Promise.all(sessions.map(idsOf));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
  const day = new Date().toISOString().slice(0, 10);
  const counts: Record<string, number> = {};

  /** One request of the mix: 80 % reads, 20 % writes. */
  const refused: Record<string, number> = {};
  const nextRequest = (context: Record<string, unknown>) => {
    const who = Math.floor(Math.random() * sessions.length);
    const headers = headersOf(sessions[who] as Session);
    const id = pick(contactIds[who] as string[]);
    const roll = Math.random() * 100;
    const [kind, request] = ((): [string, { method: string; path: string; body?: string }] => {
      if (roll < 20)
        return [
          'contact list',
          {
            method: 'GET',
            path: `/api/v1/contacts?limit=50${pick(['', '&filter[status]=active', '&filter[class]=A', '&filter[city]=Roma', '&sort=-createdAt'])}`,
          },
        ];
      if (roll < 30)
        return [
          'company list',
          { method: 'GET', path: `/api/v1/companies?limit=50${pick(['', '&filter[city]=Milano', '&filter[class]=B'])}` },
        ];
      if (roll < 50) return ['contact', { method: 'GET', path: `/api/v1/contacts/${id}` }];
      if (roll < 60)
        return [
          'search',
          {
            method: 'GET',
            path: `/api/v1/search?q=${encodeURIComponent(pick(['Giulia', 'Company 12', 'Person 4711', 'Marco Person 8']))}`,
          },
        ];
      if (roll < 70)
        return [
          'list search',
          { method: 'GET', path: `/api/v1/contacts?limit=50&q=${encodeURIComponent(pick(['Anna', 'Person 99', 'Roma']))}` },
        ];
      if (roll < 80) return ['my day', { method: 'GET', path: '/api/v1/my-day' }];
      if (roll < 87)
        return [
          'create contact',
          {
            method: 'POST',
            path: '/api/v1/contacts',
            body: JSON.stringify({ firstName: 'Load', lastName: `Test ${roll}`, position: 'Buyer' }),
          },
        ];
      if (roll < 93)
        return [
          'update contact',
          { method: 'PATCH', path: `/api/v1/contacts/${id}`, body: JSON.stringify({ position: `Buyer ${Math.round(roll)}` }) },
        ];
      return [
        'log activity',
        {
          method: 'POST',
          path: '/api/v1/activities',
          body: JSON.stringify({ type: 'call', subject: 'Load call', occurredAt: `${day}T09:00:00Z`, contactIds: [id] }),
        },
      ];
    })();
    counts[kind] = (counts[kind] ?? 0) + 1;
    context.kind = kind;
    return { ...request, headers };
  };

  console.log(
    `${connections} connections for ${duration} s against ${contactCount} contacts (server ready in ${Math.round(server.readyMs)} ms)`,
  );
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        setupRequest: (_request, context) => nextRequest(context),
        onResponse: (status, body, context) => {
          if (status >= 300) {
            const key = `${String(context.kind)} ${status} ${body.match(/"code":"([a-z_]+)"/)?.[1] ?? ''}`;
            refused[key] = (refused[key] ?? 0) + 1;
          }
        },
      },
    ],
  });
  console.log(`mix: ${JSON.stringify(counts)}`);
  if (Object.keys(refused).length > 0) console.log(`non-2xx by kind: ${JSON.stringify(refused)}`);
  console.log(
    `requests: ${result.requests.total} in ${result.duration} s = ${result.requests.average} req/s (mean of each second)\n` +
      `latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}\n` +
      `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (4xx ${result['4xx']}, 5xx ${result['5xx']})`,
  );
  const passed = result.requests.average >= 300 && result.latency.p99 < 250 && result.errors === 0 && result.non2xx === 0;
  console.log(passed ? 'goal met: ≥ 300 req/s, p99 < 250 ms, 0 errors' : 'goal NOT met: ≥ 300 req/s, p99 < 250 ms, 0 errors');
} finally {
  await stopServerProcess(server);
  if (!keptDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
