// Portal figure: "portal pages p50 ≤ 20 ms server time at 100k cases".
// Usage: npx tsx bench/portal.ts [cases=100000] [--explain]
// Starts its own embedded PostgreSQL in a temporary folder. Written in bulk with SQL: one workspace,
// 10 units, 200 people, 2,000 companies, 3,000 contacts (contact i works for company i mod 2,000),
// 12 case types, `cases` cases over two years with three messages each (a customer's words, a reply,
// an internal note), 20,000 orders, 1,000 public knowledge-base articles, 1,000 ideas with 20,000 votes.
// One company in twenty cases belongs to "Company 1", the big customer (5,000 cases at 100k); the others
// have about 50 each. Two customers are measured through the portal API: a contact of the big customer
// and one of an ordinary company, each with an open portal session. Measures server time (app.inject:
// routing, the portal gate, checks, queries and serialisation, no socket), p50/p95 over 200 requests
// after 20 warm-ups, of every portal page's calls that answer (a route not there yet is reported).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { csrfTokenFor, hashSecret, newSecret } from '../apps/server/src/lib/tokens.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { PORTAL_COOKIE } from '../apps/server/src/modules/portal/portal-session.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const totalCases = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const explain = process.argv.includes('--explain');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-portal-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 16);
const signedInCache = createSignedInCache();
const authListener = listenForAuthChanges(pool, signedInCache);
await authListener.ready;
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000, signedInCache });

type Customer = { label: string; cookie: string; csrf: string };
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;

try {
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Portal bench',
    name: 'Bench Admin',
    email: 'portal-bench@example.test',
    password: 'bench password 123',
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const ws = admin.workspaceId;
  const started = performance.now();
  await pool.query(`INSERT INTO unit (workspace_id, name) SELECT $1, 'Unit ' || i FROM generate_series(1, 10) i`, [ws]);
  await pool.query(
    `INSERT INTO app_user (workspace_id, email, name, password_hash, time_zone, role, unit_id)
     SELECT $1, 'person' || i || '@example.test', 'Person ' || i, 'not a hash', 'Europe/Rome',
       CASE WHEN i % 20 = 0 THEN 'manager' ELSE 'employee' END,
       (SELECT id FROM unit WHERE workspace_id = $1 ORDER BY name OFFSET i % 10 LIMIT 1)
     FROM generate_series(1, 199) i`,
    [ws],
  );
  const people = (await pool.query<{ id: string }>('SELECT id FROM app_user WHERE workspace_id = $1 ORDER BY email', [ws])).rows.map(
    (r) => r.id,
  );
  await pool.query(
    `INSERT INTO company (workspace_id, name, owner_id, relationship_style)
     SELECT $1, 'Company ' || i, ($2::uuid[])[1 + i % 200], CASE WHEN i % 4 = 1 THEN 'dedicated_manager' END
     FROM generate_series(1, 2000) i`,
    [ws, people],
  );
  await pool.query(
    `INSERT INTO contact (workspace_id, first_name, last_name, emails, emails_normalised, owner_id)
     SELECT $1, 'Contact', 'No. ' || i, jsonb_build_array(jsonb_build_object('label', 'work', 'value', 'contact' || i || '@example.test')),
       'contact' || i || '@example.test', ($2::uuid[])[1 + i % 200]
     FROM generate_series(1, 3000) i`,
    [ws, people],
  );
  const ids = async (table: string, order = 'id') =>
    (await pool.query<{ id: string }>(`SELECT id FROM ${table} WHERE workspace_id = $1 ORDER BY ${order}`, [ws])).rows.map((r) => r.id);
  // Companies in the order of their number, so that "Company 1" is the first.
  const companyIds = await ids('company', "(substring(name from '[0-9]+'))::int");
  const contactIds = await ids('contact', "(substring(last_name from '[0-9]+'))::int");
  await pool.query(
    `INSERT INTO contact_company (workspace_id, contact_id, company_id)
     SELECT $1, ($2::uuid[])[i], ($3::uuid[])[1 + (i - 1) % 2000] FROM generate_series(1, 3000) i`,
    [ws, contactIds, companyIds],
  );
  await pool.query(
    `INSERT INTO case_type (workspace_id, name, kind, position)
     SELECT $1, 'Type ' || i, (ARRAY['complaint','complaint','request','question'])[1 + i % 4], i FROM generate_series(1, 12) i`,
    [ws],
  );
  const typeRows = (
    await pool.query<{ id: string; kind: string }>('SELECT id, kind FROM case_type WHERE workspace_id = $1 ORDER BY position', [ws])
  ).rows;
  const chunk = 20_000;
  for (let from = 1; from <= totalCases; from += chunk) {
    const to = Math.min(from + chunk - 1, totalCases);
    await pool.query(
      `WITH g AS (
         SELECT i, 1 + i % 12 AS t, now() - interval '730 days' * (1 - i::float8 / $7) AS created,
           CASE WHEN i % 20 = 0 THEN 1 ELSE 1 + i % 2000 END AS co
         FROM generate_series($8::int, $9::int) i
       )
       INSERT INTO support_case (workspace_id, number, subject, description, kind, type_id, channel, priority, status,
         company_id, contact_id, owner_id, created_by_id, created_at, updated_at, resolved_at)
       SELECT $1, 'C-' || extract(year FROM created)::int || '-' || lpad(i::text, 6, '0'), 'Case about product ' || (1 + i % 200),
         'The customer tells what happened, in a few sentences.', ($2::text[])[t], ($3::uuid[])[t], 'portal',
         (ARRAY['low','normal','normal','high','urgent'])[1 + i % 5],
         CASE WHEN created > now() - interval '30 days' THEN (ARRAY['new','in_progress','waiting_customer'])[1 + i % 3]
           WHEN i % 2 = 0 THEN 'closed' ELSE 'resolved' END,
         ($4::uuid[])[co], CASE WHEN i % 5 = 0 THEN ($5::uuid[])[co] END, ($6::uuid[])[1 + i % 200], ($6::uuid[])[1 + i % 200],
         created, created, CASE WHEN created <= now() - interval '30 days' THEN created + interval '2 days' END
       FROM g`,
      [ws, typeRows.map((r) => r.kind), typeRows.map((r) => r.id), companyIds, contactIds, people, totalCases, from, to],
    );
    await pool.query(
      `INSERT INTO case_message (workspace_id, case_id, kind, body, author_id, created_at)
       SELECT c.workspace_id, c.id, k.kind, k.body, CASE WHEN k.kind <> 'customer' THEN c.owner_id END, c.created_at + k.after
       FROM support_case c
       CROSS JOIN (VALUES ('customer', 'It arrived broken.', interval '1 minute'),
                          ('reply', 'We are sorry; a new one is on its way.', interval '2 hours'),
                          ('note', 'Courier damage, claim filed.', interval '3 hours')) AS k(kind, body, after)
       WHERE c.workspace_id = $1 AND substring(c.number from '[0-9]+$')::int BETWEEN $2 AND $3`,
      [ws, from, to],
    );
    process.stdout.write(`\r${to} cases written`);
  }
  process.stdout.write('\n');
  await pool.query(
    `INSERT INTO sales_order (workspace_id, number, status, company_id, ordered_on, currency, created_by_id)
     SELECT $1, 'O-' || lpad(i::text, 6, '0'), (ARRAY['new','confirmed','shipped','delivered'])[1 + i % 4],
       CASE WHEN i % 20 = 0 THEN ($2::uuid[])[1] ELSE ($2::uuid[])[1 + i % 2000] END, current_date - (i % 700), 'EUR', ($3::uuid[])[1 + i % 200]
     FROM generate_series(1, 20000) i`,
    [ws, companyIds, people],
  );
  await pool
    .query(
      `INSERT INTO kb_article (workspace_id, title, body, plain_text, answer, language, audience, status, author_id, updated_by_id)
     SELECT $1, 'How to store product ' || i, '<p>Keep product ' || i || ' in a dry place, away from the sun.</p>',
       'Keep product ' || i || ' in a dry place, away from the sun.', 'Keep it dry and cool.', (ARRAY['en','ru','it'])[1 + i % 3],
       CASE WHEN i % 4 = 0 THEN 'internal' ELSE 'public' END, 'published', $2, $2
     FROM generate_series(1, 1000) i`,
      [ws, admin.id],
    )
    .catch((error: Error) => console.log(`knowledge base not seeded: ${error.message}`));
  await pool.query(
    `INSERT INTO portal_user (workspace_id, contact_id, email, status, activated_at)
     SELECT $1, ($2::uuid[])[i], 'contact' || i || '@example.test', 'active', now() FROM generate_series(1, 3000) i`,
    [ws, contactIds],
  );
  await pool.query(
    `INSERT INTO idea (workspace_id, title, body, author_portal_user_id, contact_id, status, reviewed_at)
     SELECT $1, 'Idea ' || i || ': sell product ' || i || ' in bigger boxes', 'It would save us trips.', p.id, p.contact_id,
       (ARRAY['new','under_review','planned','done','declined'])[1 + i % 5], now()
     FROM generate_series(1, 1000) i JOIN portal_user p ON p.workspace_id = $1 AND p.email = 'contact' || i || '@example.test'`,
    [ws],
  );
  await pool.query(
    `WITH v AS (
       INSERT INTO idea_vote (workspace_id, idea_id, portal_user_id, contact_id)
       SELECT DISTINCT ON (i.id, p.id) $1::uuid, i.id, p.id, p.contact_id
       FROM generate_series(1, 20000) n
       JOIN LATERAL (SELECT id FROM idea WHERE workspace_id = $1 ORDER BY id OFFSET (n * 7919) % 1000 LIMIT 1) i ON true
       JOIN LATERAL (SELECT id, contact_id FROM portal_user WHERE workspace_id = $1 ORDER BY id OFFSET n % 3000 LIMIT 1) p ON true
       ON CONFLICT DO NOTHING RETURNING idea_id)
     UPDATE idea SET vote_count = counted.n FROM (SELECT idea_id, count(*)::int AS n FROM v GROUP BY idea_id) counted
     WHERE idea.workspace_id = $1 AND idea.id = counted.idea_id`,
    [ws],
  );
  await pool.query('VACUUM ANALYZE');
  const [shape] = (
    await pool.query(
      `SELECT (SELECT count(*)::int FROM support_case) AS cases, (SELECT count(*)::int FROM case_message) AS messages,
         (SELECT count(*)::int FROM support_case WHERE company_id = $1) AS big, (SELECT count(*)::int FROM support_case WHERE company_id = $2) AS small`,
      [companyIds[0], companyIds[1]],
    )
  ).rows;
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `data: 2000 companies, 3000 contacts with portal accounts, ${shape.cases} cases with ${shape.messages} messages (the big customer ${shape.big}, an ordinary one ${shape.small}), 20000 orders, 1000 articles, 1000 ideas; written in ${Math.round((performance.now() - started) / 1000)} s`,
  );

  const open = async (label: string, contactId: string): Promise<Customer> => {
    const secret = newSecret();
    await pool.query(
      `INSERT INTO portal_session (workspace_id, portal_user_id, token_hash, expires_at)
       SELECT workspace_id, id, $3, now() + interval '1 day' FROM portal_user WHERE workspace_id = $1 AND contact_id = $2`,
      [ws, contactId, hashSecret(secret)],
    );
    return { label, cookie: `${PORTAL_COOKIE}=${secret}`, csrf: csrfTokenFor(secret) };
  };
  // Contact 1 works for Company 1 (the big customer); contact 2 for Company 2.
  const customers = [await open('big customer', contactIds[0] as string), await open('ordinary customer', contactIds[1] as string)];
  const get = (as: Customer, path: string) =>
    app.inject({ method: 'GET', url: `/api/portal${path}`, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf } });

  const results: { label: string; p50: number; p95: number }[] = [];
  const measure = async (as: Customer, page: string, route: string) => {
    const probe = await get(as, route);
    if (probe.statusCode !== 200) {
      console.log(`  ${page} (${route}) answers ${probe.statusCode}: not measured`);
      return undefined;
    }
    for (let i = 0; i < 20; i++) await get(as, route);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const response = await get(as, route);
      samples.push(performance.now() - t0);
      if (response.statusCode !== 200) throw new Error(`${route}: ${response.statusCode}`);
    }
    const result = {
      label: `${as.label}: ${page} (GET ${route.split('?')[0]})`,
      p50: percentile(samples, 0.5),
      p95: percentile(samples, 0.95),
    };
    results.push(result);
    console.log(`  ${result.label}: p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms`);
    return probe.json();
  };
  for (const customer of customers) {
    await measure(customer, 'the frame', '/me');
    await measure(customer, 'home', '/home');
    const list = await measure(customer, 'requests', '/cases');
    await measure(customer, 'open requests', '/cases?state=open');
    const firstCase = (list?.data ?? list?.items ?? [])[0] as { id: string } | undefined;
    if (firstCase) await measure(customer, 'a request', `/cases/${firstCase.id}`);
    await measure(customer, 'orders', '/orders');
    await measure(customer, 'help search', '/kb/search?q=store%20product');
    await measure(customer, 'ideas, top', '/ideas?sort=top');
    await measure(customer, 'community', '/community-questions');
    await measure(customer, 'my details', '/profile');
  }
  console.log('');
  for (const r of results)
    console.log(
      `${r.label.padEnd(64)} p50 ${r.p50.toFixed(2).padStart(7)} ms   p95 ${r.p95.toFixed(2).padStart(7)} ms   (goal p50 ≤ 20 ms)`,
    );
  if (explain) {
    // The plans of the big customer's requests list and first page, as they ran.
    const seen: { text: string; values: unknown[] }[] = [];
    const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      if (typeof first === 'string') seen.push({ text: first, values: second ?? [] });
      else seen.push({ text: first.text, values: first.values ?? second ?? [] });
      return original(...args);
    };
    const [big] = customers;
    if (big) {
      await get(big, '/cases');
      await get(big, '/home');
    }
    (pool as unknown as { query: unknown }).query = original;
    for (const { text, values } of seen.filter((q) => q.text.includes('support_case') || q.text.includes('sales_order'))) {
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values);
      console.log(`\n${text.replace(/\s+/g, ' ').slice(0, 200)}…`);
      for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
    }
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await app.close();
  await authListener.stop();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
