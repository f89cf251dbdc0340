// My day figure: GET /api/v1/my-day for a typical employee of a workspace with 200 people and
// 10k open tasks. Usage: npx tsx bench/my-day.ts [openTasks=10000] [--explain]
// Starts its own embedded PostgreSQL in a temporary folder. Written in bulk: 10 units, 200 people,
// 2,000 companies, the open tasks spread over everyone with due dates from ten days ago to ten
// days ahead (plus twice as many closed ones, and queue tasks), 40k activities of the last 90 days
// with a tenth asking for a follow-up and two meetings today for each person, 2,000 agreements and
// 2,000 contracts ending around now, and 20 people away today (the measured person covers for
// one). Prints p50/p95 of server time (app.inject: routing, checks, queries and serialisation, no
// socket) over 200 requests; with --explain, also each query's plan and time as the request runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const openTasks = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const explain = process.argv.includes('--explain');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-my-day-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 8);
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000 });

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'My day bench',
    name: 'Bench Admin',
    email: 'my-day-bench@example.test',
    password,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const signIn = async (email: string) => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    return {
      cookie: `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`,
      csrf: login.json<{ csrfToken: string }>().csrfToken,
    };
  };
  const owner = await signIn(admin.email);
  const call = async (as: { cookie: string; csrf: string }, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrf },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };

  const started = performance.now();
  const ws = admin.workspaceId;
  const unitIds: string[] = [];
  for (let i = 0; i < 10; i++) unitIds.push((await call(owner, 'POST', '/api/v1/units', { name: `Unit ${i}` })).id);
  // The measured person, made through the API so that they can sign in.
  const elio = await call(owner, 'POST', '/api/v1/users', {
    email: 'elio@example.test',
    name: 'Elio Bench',
    password,
    role: 'employee',
    unitId: unitIds[0],
  });
  await pool.query(
    `INSERT INTO app_user (workspace_id, email, name, password_hash, time_zone, role, unit_id)
     SELECT $1, 'person' || i || '@example.test', 'Person ' || i, 'not a hash', 'Europe/Rome',
       CASE WHEN i % 20 = 0 THEN 'manager' ELSE 'employee' END, ($2::uuid[])[1 + i % 10]
     FROM generate_series(1, 198) i`,
    [ws, unitIds],
  );
  // The measured person first: they are the one with the lowest index below.
  const people = (
    await pool.query<{ id: string }>('SELECT id FROM app_user WHERE workspace_id = $1 ORDER BY id = $2 DESC, created_at, email', [
      ws,
      elio.id,
    ])
  ).rows.map((r) => r.id);
  if (people.length !== 200) throw new Error(`expected 200 people, got ${people.length}`);
  await pool.query(
    `INSERT INTO company (workspace_id, name, owner_id, unit_id)
     SELECT $1, 'Company ' || i, u.id, u.unit_id
     FROM generate_series(1, 2000) i JOIN LATERAL (SELECT id, unit_id FROM app_user WHERE workspace_id = $1 AND id = ($2::uuid[])[1 + i % 200]) u ON true`,
    [ws, people],
  );
  const companyIds = (await pool.query<{ id: string }>('SELECT id FROM company WHERE workspace_id = $1', [ws])).rows.map((r) => r.id);

  // Open tasks: each person has about openTasks/200, due between ten days ago and ten days ahead.
  await pool.query(
    `INSERT INTO task (workspace_id, title, status, sender_id, assignee_id, unit_id, due_at, received_at, created_at, updated_at)
     SELECT $1, 'Task ' || i, (ARRAY['sent','received','accepted','in_progress'])[1 + i % 4],
       ($2::uuid[])[1 + (i * 7 + 3) % 200], ($2::uuid[])[1 + i % 200], ($3::uuid[])[1 + (i % 200) % 10],
       now() + ((i % 21) - 10) * interval '1 day' + (i % 24) * interval '1 hour',
       CASE WHEN i % 4 > 0 THEN now() - interval '11 days' END, now() - interval '11 days', now() - interval '11 days'
     FROM generate_series(1, $4::int) i`,
    [ws, people, unitIds, openTasks],
  );
  // Closed tasks (twice as many) and tasks waiting in the units' queues.
  await pool.query(
    `INSERT INTO task (workspace_id, title, status, sender_id, assignee_id, unit_id, due_at, result, created_at, updated_at)
     SELECT $1, 'Old task ' || i, (ARRAY['done','confirmed','confirmed','declined'])[1 + i % 4],
       ($2::uuid[])[1 + (i / 4) % 200], ($2::uuid[])[1 + i % 200], ($3::uuid[])[1 + (i % 200) % 10],
       now() - (i % 120) * interval '1 day', 'Done', now() - (i % 120 + 5) * interval '1 day', now() - (i % 120) * interval '1 day'
     FROM generate_series(1, $4::int * 2) i`,
    [ws, people, unitIds, openTasks],
  );
  await pool.query(
    `INSERT INTO task (workspace_id, title, status, sender_id, queue_unit_id, unit_id, due_at)
     SELECT $1, 'Queue task ' || i, 'sent', ($2::uuid[])[1 + i % 200], ($3::uuid[])[1 + i % 10], ($3::uuid[])[1 + i % 10],
       now() + (i % 14) * interval '1 day'
     FROM generate_series(1, 200) i`,
    [ws, people, unitIds],
  );
  await pool.query(
    `INSERT INTO task_event (workspace_id, task_id, actor_id, at, to_status)
     SELECT workspace_id, id, sender_id, created_at, 'sent' FROM task WHERE workspace_id = $1`,
    [ws],
  );
  await pool.query(
    `INSERT INTO task_link (workspace_id, task_id, record_type, record_id)
     SELECT workspace_id, id, 'company', ($2::uuid[])[1 + abs(hashtext(id::text)) % 2000]
     FROM task WHERE workspace_id = $1 AND abs(hashtext(id::text)) % 2 = 0`,
    [ws, companyIds],
  );

  // 40k activities of the last 90 days, a tenth asking for a follow-up; two meetings today each.
  await pool.query(
    `INSERT INTO activity (workspace_id, type, subject, occurred_at, follow_up_at, author_id, unit_id)
     SELECT $1, (ARRAY['call','meeting','visit','email','note'])[1 + i % 5], 'Activity ' || i,
       now() - (i % 90) * interval '1 day' - (i % 600) * interval '1 minute',
       CASE WHEN i % 10 = 0 THEN now() + ((i % 61) - 30) * interval '1 day' END,
       ($2::uuid[])[1 + i % 200], ($3::uuid[])[1 + (i % 200) % 10]
     FROM generate_series(1, 40000) i`,
    [ws, people, unitIds],
  );
  await pool.query(
    `INSERT INTO activity (workspace_id, type, subject, occurred_at, duration_minutes, author_id, unit_id)
     SELECT $1, (ARRAY['meeting','call'])[1 + i % 2], 'Meeting ' || i, date_trunc('day', now()) + (8 + i % 10) * interval '1 hour', 60,
       ($2::uuid[])[1 + i % 200], ($3::uuid[])[1 + (i % 200) % 10]
     FROM generate_series(1, 400) i`,
    [ws, people, unitIds],
  );
  await pool.query(
    `INSERT INTO activity_link (workspace_id, activity_id, entity_type, entity_id, occurred_at, activity_type, author_id)
     SELECT workspace_id, id, 'company', ($2::uuid[])[1 + abs(hashtext(id::text)) % 2000], occurred_at, type, author_id
     FROM activity WHERE workspace_id = $1`,
    [ws, companyIds],
  );
  await pool.query(
    `INSERT INTO agreement (workspace_id, title, status, company_id, agreed_by_id, created_by_id, valid_until)
     SELECT $1, 'Agreement ' || i, (ARRAY['agreed','agreed','proposed','fulfilled'])[1 + i % 4], ($2::uuid[])[1 + i % 2000],
       ($3::uuid[])[1 + i % 200], ($3::uuid[])[1 + i % 200], current_date + (i % 180) - 60
     FROM generate_series(1, 2000) i`,
    [ws, companyIds, people],
  );
  await pool.query(
    `INSERT INTO contract (workspace_id, number, subject, company_id, end_date, renewal, responsible_id, created_by_id)
     SELECT $1, 'C-' || i, 'Contract ' || i, c.id, current_date + (i % 97) - 30,
       (ARRAY['to_renegotiate','auto_renew','verbally_renewed','ended'])[1 + (i / 7) % 4], c.owner_id, c.owner_id
     FROM generate_series(1, 2000) i JOIN company c ON c.workspace_id = $1 AND c.id = ($2::uuid[])[1 + i % 2000]`,
    [ws, companyIds],
  );
  // Twenty people away today; the measured person covers for the first of them.
  await pool.query(
    `INSERT INTO absence (workspace_id, user_id, deputy_id, starts_on, ends_on, created_by)
     SELECT $1, ($2::uuid[])[1 + i * 9], ($2::uuid[])[CASE WHEN i = 1 THEN 1 ELSE 2 + i * 9 END], current_date - 2, current_date + 3, $3
     FROM generate_series(1, 20) i`,
    [ws, people, admin.id],
  );
  // As autovacuum would have by then: statistics, and the visibility map for index-only reads.
  await pool.query('VACUUM ANALYZE');
  const [counts] = (
    await pool.query(
      `SELECT (SELECT count(*) FROM task WHERE status NOT IN ('done','confirmed','declined'))::int AS open,
        (SELECT count(*) FROM task)::int AS tasks, (SELECT count(*) FROM activity)::int AS activities`,
    )
  ).rows;
  console.log(
    `data: 200 people, ${counts.open} open tasks (${counts.tasks} in all), ${counts.activities} activities, 2000 companies, agreements and contracts, in ${Math.round(performance.now() - started)} ms`,
  );

  const measured = await signIn('elio@example.test');
  const sizes = (day: Record<string, { items: unknown[]; total: number }>) =>
    ['overdue', 'dueToday', 'toAccept', 'toConfirm', 'meetings', 'followUps', 'agreements', 'contracts', 'covering']
      .map((key) => `${key} ${day[key]?.items.length}/${day[key]?.total}`)
      .join(', ');
  const day = await call(measured, 'GET', '/api/v1/my-day');
  console.log(`the employee's day (shown/total): ${sizes(day)}`);
  console.log(`the admin's day (shown/total): ${sizes(await call(owner, 'GET', '/api/v1/my-day'))}`);
  if (day.covering.total !== 1 || day.overdue.total === 0 || day.dueToday.total === 0) throw new Error('the day is not a typical one');
  if (elio.id !== people[0]) throw new Error('the measured person is not the first of the people');

  const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
  const measure = async (label: string, as: { cookie: string; csrf: string }, runs = 200) => {
    // Enough rounds first for the JIT to settle: fewer leave the first figure 50% high.
    for (let i = 0; i < 100; i++) await call(as, 'GET', '/api/v1/my-day');
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call(as, 'GET', '/api/v1/my-day');
      samples.push(performance.now() - t0);
    }
    console.log(`${label.padEnd(48)} p50 ${percentile(samples, 0.5).toFixed(2)} ms   p95 ${percentile(samples, 0.95).toFixed(2)} ms`);
  };
  await measure('GET /api/v1/my-day, an employee (covers for one)', measured);
  await measure('GET /api/v1/my-day, the admin', owner);

  if (explain) {
    // Each query one request runs, as the server sent it, then explained with its own values.
    const seen: { text: string; values: unknown[] }[] = [];
    const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      if (typeof first === 'string') seen.push({ text: first, values: second ?? [] });
      else seen.push({ text: first.text, values: first.values ?? second ?? [] });
      return original(...args);
    };
    await call(measured, 'GET', '/api/v1/my-day');
    (pool as unknown as { query: unknown }).query = original;
    for (const { text, values } of seen.filter((q) => q.text.trimStart().toLowerCase().startsWith('select'))) {
      const plan = await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) ${text}`, values);
      const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
      console.log(`\n${text.replace(/\s+/g, ' ').slice(0, 160)}…`);
      for (const line of lines.filter((l) => /Scan|Rows Removed|Execution Time|Planning Time|Join|Sort|Limit/.test(l)))
        console.log(`  ${line.trim()}`);
    }
  }
} finally {
  await app.close();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
