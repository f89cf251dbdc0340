// Mailing figures: "mailing to 100k recipients: queued in ≤ 5 s; sending rate bounded by the
// configured throttle; the server answers other requests ≤ 20 ms p50 while it runs".
// Usage: npx tsx bench/mailings.ts [recipients=100000] [--per-minute=6000] [--watch-seconds=60]
// Starts its own embedded PostgreSQL in a temporary folder and an SMTP server on loopback that
// accepts every message. Written in bulk with SQL: one workspace, 10 people, `recipients` contacts
// of class A in Milan (nine in ten with marketing consent, one in twenty of those unsubscribed
// since) and as many other contacts elsewhere; a shared saved view "class A in Milan" is the
// segment. Through the HTTP API on a real socket: a template, a draft mailing to the view, then
// POST /mailings/:id/queue is timed (the whole statement that writes every recipient). The mailing's
// durable job then sends at `--per-minute`; for `--watch-seconds` the benchmark asks
// GET /api/v1/contacts (a list page) and GET /api/v1/me in turn every 50 ms over the socket
// and prints their p50/p95, and counts the messages the SMTP server received per 10 s window
// against the throttle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { startJobs } from '../apps/server/src/modules/jobs/jobs.ts';
import { MAILING_JOB, mailingJob } from '../apps/server/src/modules/mailings/send-job.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const recipients = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const option = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const perMinute = option('per-minute', 6000);
const watchSeconds = option('watch-seconds', 60);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// An SMTP server on loopback that takes every message and remembers when it arrived.
const arrivals: number[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      arrivals.push(performance.now());
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as { port: number }).port;
const mail = { transport: { host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true }, from: 'Bench <bench@example.test>' };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-mailings-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 16);
const publicUrl = 'http://127.0.0.1:3990';
const jobs = await startJobs(pool, { [MAILING_JOB]: mailingJob(db, mail, publicUrl) }, { onError: (error) => console.warn(error) });
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000, jobs, mail, publicUrl });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Mailing bench',
    name: 'Bench Admin',
    email: 'mailing-bench@example.test',
    password,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const ws = admin.workspaceId;

  console.log(`writing ${recipients} class A contacts in Milan and ${recipients} others…`);
  let started = performance.now();
  await pool.query(
    `INSERT INTO contact (workspace_id, first_name, last_name, city, class, status, emails, emails_normalised, owner_id, language,
       marketing_consent, consent_at, consent_source)
     SELECT $1, 'Name' || i, 'Surname' || i, CASE WHEN i <= $3 THEN 'Milano' ELSE 'Roma' END, CASE WHEN i <= $3 THEN 'A' ELSE 'B' END, 'active',
       jsonb_build_array(jsonb_build_object('label', 'work', 'value', 'person' || i || '@example.test')), 'person' || i || '@example.test',
       $2, (ARRAY['en','ru','it'])[1 + i % 3],
       CASE WHEN i % 10 = 0 THEN NULL WHEN i % 20 = 1 THEN 'withdrawn' ELSE 'granted' END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE now() - interval '30 days' END,
       CASE WHEN i % 10 = 0 THEN NULL WHEN i % 20 = 1 THEN 'unsubscribe_link' ELSE 'web_form' END
     FROM generate_series(1, $3::int * 2) i`,
    [ws, admin.id, recipients],
  );
  await pool.query('ANALYZE contact');
  console.log(`  written in ${Math.round(performance.now() - started)} ms`);

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}/api/v1${route}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };

  const view = await call<{ id: string }>('POST', '/views', {
    entity: 'contact',
    name: 'Class A in Milan',
    shared: true,
    query: { 'filter[class]': 'A', 'filter[city]': 'Milano' },
    columns: [],
  });
  const mjml = (greeting: string) =>
    `<mjml><mj-body><mj-section><mj-column><mj-text>${greeting} {{first_name}}, the new collection is here.</mj-text>` +
    `<mj-button href="https://example.test/collection">See it</mj-button><mj-text>{{manager}}</mj-text>` +
    `<mj-text><a href="{{unsubscribe_url}}">Unsubscribe</a></mj-text></mj-column></mj-section></mj-body></mjml>`;
  const template = await call<{ id: string }>('POST', '/templates', {
    name: 'New collection',
    purpose: 'marketing',
    versions: {
      en: { subject: 'The new collection, {{first_name}}', mjml: mjml('Dear') },
      ru: { subject: 'Новая коллекция, {{first_name}}', mjml: mjml('Здравствуйте,') },
      it: { subject: 'La nuova collezione, {{first_name}}', mjml: mjml('Gentile') },
    },
  });
  const mailing = await call<{ id: string }>('POST', '/mailings', {
    name: 'New collection',
    templateId: template.id,
    viewId: view.id,
    perMinute,
  });

  started = performance.now();
  const queued = await call<{ total: number; counts: Record<string, number> }>('POST', `/mailings/${mailing.id}/queue`);
  const queueMs = performance.now() - started;
  console.log(`queued ${queued.total} recipients in ${Math.round(queueMs)} ms (goal ≤ 5000 ms)`);
  console.log(`  counts at queueing: ${JSON.stringify(queued.counts)}`);

  // While the job sends: other requests, over the socket, every 50 ms.
  const latencies: Record<string, number[]> = { contacts: [], me: [] };
  const until = performance.now() + watchSeconds * 1000;
  const watchStart = performance.now();
  for (let i = 0; performance.now() < until; i += 1) {
    const [name, route] = i % 2 === 0 ? ['contacts', '/contacts?limit=50'] : ['me', '/me'];
    const t0 = performance.now();
    await call('GET', route as string);
    latencies[name as string]?.push(performance.now() - t0);
    await sleep(50);
  }
  for (const [name, values] of Object.entries(latencies)) {
    console.log(
      `GET ${name} while sending: p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms over ${values.length} (goal p50 ≤ 20 ms)`,
    );
  }
  const windows: number[] = [];
  for (const at of arrivals) {
    const w = Math.floor((at - watchStart) / 10_000);
    if (w >= 0 && w < watchSeconds / 10) windows[w] = (windows[w] ?? 0) + 1;
  }
  const allowed = perMinute / 6;
  console.log(
    `messages received per 10 s window (throttle ${perMinute}/min = ${allowed} per 10 s): ${windows.map((n) => n ?? 0).join(', ')}`,
  );
  const fastest = Math.max(0, ...windows.map((n) => n ?? 0));
  console.log(`  fastest window ${fastest} (${fastest <= allowed * 1.05 ? 'within' : 'OVER'} the throttle)`);
  const progress = await call<{ counts: Record<string, number>; status: string }>('GET', `/mailings/${mailing.id}`);
  console.log(`mailing now ${progress.status}: ${JSON.stringify(progress.counts)}`);
  await call('POST', `/mailings/${mailing.id}/cancel`);
} finally {
  await app.close();
  await jobs.stop();
  await pool.end();
  await cluster.stop();
  smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
