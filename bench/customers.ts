// Customer-base figures at scale: list, search and create on N companies and 3N contacts.
// Usage: npx tsx bench/customers.ts [companies=100000]
// Starts its own embedded PostgreSQL in a temporary folder; prints p50/p95 per operation,
// measured in-process (server time, app.inject) and over HTTP (a real socket, keep-alive), signed in
// with a session cookie as the web app is; server time is also measured with an API token.
// With BENCH_DATA_DIR=<folder> the data is kept there and reused by the next run of the same size
// (generating 1M companies takes minutes); the created companies of a run are removed at its end.
// With BENCH_ONLY=<words> only the figures whose label holds one of the words run (BENCH_ONLY=create).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const companies = Number(process.argv[2] ?? 100_000);
const keptDir = process.env.BENCH_DATA_DIR;
const dataDir = keptDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-customers-'));
if (keptDir) fs.mkdirSync(keptDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 16);
const cache = createSignedInCache();
const listener = listenForAuthChanges(pool, cache);
await listener.ready;
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', signedInCache: cache, authRateLimit: 1_000_000 });

const benchName = `Bench bakery ${companies}`;
const existing = (
  await pool.query<{ workspace_id: string; id: string; email: string }>(
    `SELECT u.workspace_id, u.id, u.email FROM app_user u JOIN workspace w ON w.id = u.workspace_id WHERE w.name = $1`,
    [benchName],
  )
).rows[0];
const { workspace, admin } = existing
  ? { workspace: { id: existing.workspace_id }, admin: { id: existing.id, email: existing.email } }
  : await createWorkspace(db, {
      workspaceName: benchName,
      name: 'Bench Admin',
      email: `bench-${companies}@example.test`,
      password: 'bench password 123',
      locale: 'en',
      timeZone: 'UTC',
    });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { email: admin.email, password: 'bench password 123' },
});
// Signed in as the web app is: a session cookie, and its CSRF token on writes.
const session = { cookie: `clientela_session=${login.cookies[0]?.value}` };
const sessionWrite = { ...session, 'x-csrf-token': login.json().csrfToken as string };
const token = (await app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: sessionWrite, payload: { name: 'bench' } })).json()
  .secret as string;
// A script's API token: each of its requests also writes a `token.use` audit entry.
const bearer = { authorization: `Bearer ${token}` };
type Auth = 'session' | 'token';
const headersOf = (auth: Auth, write: boolean) => (auth === 'token' ? bearer : write ? sessionWrite : session);

if (existing) {
  console.log(`reusing ${companies} companies and ${companies * 3} contacts in ${dataDir}`);
  // Statistics for indexes a migration may have added since the data was generated.
  await pool.query('ANALYZE');
} else await generateData();
// Taken after generating: the cleanup at the end removes only what the measured runs created.
const runStarted = new Date();

async function generateData() {
  console.log(`generating ${companies} companies and ${companies * 3} contacts…`);
  const started = performance.now();
  await pool.query(
    `INSERT INTO unit (workspace_id, id, name) VALUES ($1, gen_random_uuid(), 'Via Roma'), ($1, gen_random_uuid(), 'Via Milano')`,
    [workspace.id],
  );
  const generate = `
  WITH words AS (SELECT
    ARRAY['Forno','Panificio','Caffè','Bar','Hotel','Trattoria','Pasticceria','Market','Пекарня','Кафе','Магазин','Bakery','Deli','Bistro','Studio','Gruppo'] AS kind,
    ARRAY['Rossi','Bianchi','Verdi','Esposito','Romano','Colombo','Ricci','Marino','Greco','Bruno','Gallo','Conti','Иванов','Смирнов','Кузнецов','Попов','Smith','Brown','Taylor','Wilson'] AS surname,
    ARRAY['Roma','Milano','Napoli','Torino','Bologna','Firenze','Москва','Казань','Самара','London','Leeds'] AS city,
    ARRAY['potential','new','active','dormant','lost'] AS status)
  INSERT INTO company (workspace_id, name, city, status, class, phones, phone_digits, emails, emails_normalised, owner_id, tags, notes)
  SELECT $1, kind[1 + (i % 16)] || ' ' || surname[1 + ((i / 16) % 20)] || ' ' || i,
         city[1 + (i % 11)], status[1 + ((i * 7) % 5)], (ARRAY['A','B','C'])[1 + (i % 3)],
         jsonb_build_array(jsonb_build_object('label', 'office', 'value', '+39 06 ' || lpad((1000000 + i)::text, 8, '0'))),
         '3906' || lpad((1000000 + i)::text, 8, '0'),
         jsonb_build_array(jsonb_build_object('label', '', 'value', 'info' || i || '@example.test')), 'info' || i || '@example.test',
         $2, CASE WHEN i % 10 = 0 THEN ARRAY['vip'] ELSE ARRAY[]::text[] END,
         CASE WHEN i % 5 = 0 THEN 'Compra pane integrale e cornetti ogni mattina' ELSE NULL END
  FROM generate_series(1, $3::int) AS i, words`;
  await pool.query(generate, [workspace.id, admin.id, companies]);
  await pool.query(
    `INSERT INTO contact (workspace_id, first_name, last_name, city, status, phones, phone_digits, owner_id, birthday)
   SELECT $1, (ARRAY['Giulia','Marco','Anna','Luca','Ольга','Иван','Sara','Paolo'])[1 + (i % 8)],
          (ARRAY['Rossi','Bianchi','Петрова','Smith','Verdi','Romano'])[1 + ((i / 8) % 6)] || ' ' || i,
          (ARRAY['Roma','Milano','Москва','London'])[1 + (i % 4)], (ARRAY['new','active','dormant'])[1 + (i % 3)],
          jsonb_build_array(jsonb_build_object('label', 'mobile', 'value', '+7 916 ' || lpad(i::text, 7, '0'))),
          '7916' || lpad(i::text, 7, '0'), $2, DATE '1960-01-01' + (i % 15000)
   FROM generate_series(1, $3::int) AS i`,
    [workspace.id, admin.id, companies * 3],
  );
  // As autovacuum would have done on a base that grew over time: hint bits, visibility map, statistics.
  await pool.query('VACUUM ANALYZE');
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const server = http.createServer();
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
server.close();
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function overHttp(auth: Auth, method: string, url: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const payload = body ? JSON.stringify(body) : undefined;
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: url,
        method,
        agent,
        headers: { ...headersOf(auth, method !== 'GET'), ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode && response.statusCode < 300
            ? resolve(performance.now() - t0)
            : reject(new Error(`${url}: ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function inProcess(auth: Auth, method: 'GET' | 'POST', url: string, body?: Record<string, unknown>): Promise<number> {
  const t0 = performance.now();
  const response = await app.inject({ method, url, headers: headersOf(auth, method !== 'GET'), ...(body ? { payload: body } : {}) });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return performance.now() - t0;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;

const only = process.env.BENCH_ONLY?.split(/[\s,]+/).filter(Boolean);

async function measure(label: string, run: (i: number) => Promise<number>, times = 200) {
  if (only && !only.some((word) => label.includes(word))) return;
  for (let i = 0; i < 20; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await run(i + 1000));
  console.log(`${label.padEnd(62)} p50 ${percentile(samples, 0.5).toFixed(2)} ms   p95 ${percentile(samples, 0.95).toFixed(2)} ms`);
}

const cases: [string, 'GET', (i: number) => string][] = [
  ['list 50 by name, filter status=active', 'GET', () => '/api/v1/companies?limit=50&sort=name&filter[status]=active'],
  ['list 50 by -updatedAt, filter city', 'GET', () => '/api/v1/companies?limit=50&sort=-updatedAt&filter[city]=Milano'],
  ['list 50 contacts by name, filter status', 'GET', () => '/api/v1/contacts?limit=50&sort=name&filter[status]=active'],
  ['list: substring search q=Bianchi 12', 'GET', (i) => `/api/v1/companies?limit=50&q=Bianchi%20${(i % 90) + 10}`],
  [
    'list: phone search in another format',
    'GET',
    // Stored as +39 06 0100 0005 (digits 390601000005); typed without the country code, with a dash.
    (i) => {
      const local = String(1000000 + (i % companies)).padStart(8, '0');
      return `/api/v1/companies?limit=50&q=${encodeURIComponent(`06 ${local.slice(0, 4)}-${local.slice(4)}`)}`;
    },
  ],
  // Names are "<kind> <surname> <n>"; kind = n % 16, surname = (n / 16) % 20 (see the generator).
  [
    'global search (Cmd-K): part of a name',
    'GET',
    (i) => `/api/v1/search?q=${encodeURIComponent(`Verdi ${320 * (i % 300) + 32 + (i % 16)}`)}`,
  ],
  ['global search (Cmd-K): a name with two typos', 'GET', () => '/api/v1/search?q=Panifico%20Verdy'],
  [
    'global search (Cmd-K): phone in another format',
    'GET',
    (i) => `/api/v1/search?q=${encodeURIComponent(`8 916 ${String(i % (companies * 3)).padStart(7, '0')}`)}`,
  ],
];
console.log(`\n${companies} companies, ${companies * 3} contacts`);
// With the web app's session cookie; then server time with an API token, as a script would call.
/** How many records a list or search answer holds: a search that finds nothing would time a miss. */
const found = (body: { data?: unknown[] }) => body.data?.length ?? 0;
for (const [label, method, url] of cases) {
  if (!only || only.some((word) => label.includes(word))) {
    const response = await app.inject({ method, url: url(1000), headers: headersOf('session', false) });
    console.log(`${label}: ${found(response.json())} records in the answer`);
  }
  await measure(`${label} (server)`, (i) => inProcess('session', method, url(i)));
  await measure(`${label} (HTTP)`, (i) => overHttp('session', method, url(i)));
  await measure(`${label} (server, token)`, (i) => inProcess('token', method, url(i)));
}
await measure(
  `export ${Math.round(companies / 165)} companies (1 in 165) to CSV (server)`,
  () => inProcess('session', 'GET', '/api/v1/exports/companies?filter[city]=Leeds&filter[class]=A&filter[status]=new'),
  20,
);
await measure('create one company (server)', (i) =>
  inProcess('session', 'POST', '/api/v1/companies', { name: `New ${i}`, city: 'Roma', status: 'new' }),
);
await measure('create one company (HTTP)', (i) => overHttp('session', 'POST', '/api/v1/companies', { name: `Http ${i}`, city: 'Roma' }));
await measure('create one company (server, token)', (i) =>
  inProcess('token', 'POST', '/api/v1/companies', { name: `Token ${i}`, city: 'Roma', status: 'new' }),
);

agent.destroy();
// A kept data set stays as generated, so that runs compare: the companies this run created go.
await pool.query(
  `WITH gone AS (DELETE FROM company WHERE workspace_id = $1 AND created_at > $2 RETURNING id)
   DELETE FROM record_change r USING gone WHERE r.workspace_id = $1 AND r.entity_id = gone.id`,
  [workspace.id, runStarted],
);
// Their dead rows would pile up run after run (autovacuum waits for a fifth of the table).
await pool.query('VACUUM company, record_change');
await app.close();
await listener.stop();
await pool.end();
await cluster.stop();
if (!keptDir) fs.rmSync(dataDir, { recursive: true, force: true });
