// Reminder sweep figure: "10k open tasks, 200 users: a reminder sweep over all due tasks ≤ 1 s
// and never blocks request handling more than 50 ms".
// Usage: npx tsx bench/reminders.ts [openTasks=10000] [--reps=5] [--explain]
// Starts its own embedded PostgreSQL in a temporary folder. Written in bulk: one workspace with a
// unit tree (a root, 3 divisions, 12 teams; some teams and a division without a manager, so that
// escalations climb the tree and reach the admin), 200 people, the open tasks spread over them
// (sent/received/accepted/in_progress, one in twenty waiting in a team's queue) with a tenth due
// within the next day and the rest overdue by up to 20 days, all sent a month ago (so the sent ones
// are past "not received" and the received ones past "not accepted"), twice as many closed tasks
// with their old reminders and 40k old notices, and 4 people away today whose tasks move to a deputy.
// The server is wired as main.ts does (live notices over NOTIFY, sign-in cache) and listens on a
// free local port. Each repetition starts from the same data and runs the scheduled job's steps:
// applyAbsenceMoves then sweepReminders at the time T0 (every reminder due), again a minute later
// (the idle cost, every minute), and a day later (the repeat interval). Then, while each step runs,
// a steady stream of real HTTP requests (4 in flight: GET /api/v1/notifications and GET /api/v1/tasks
// for 20 signed-in people, who also hold a live stream open) records the event-loop delay, the
// slowest request and this process's CPU share, compared with the same stream without a sweep. With --explain, also the plan of
// the first sweep and of the idle one (EXPLAIN ANALYZE inside a rolled-back transaction).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { applyAbsenceMoves } from '../apps/server/src/modules/absences/index.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { listenForNotifications } from '../apps/server/src/modules/notifications/live.ts';
import { sweepReminders } from '../apps/server/src/modules/tasks/reminders.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const openTasks = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const reps = Number(process.argv.find((arg) => arg.startsWith('--reps='))?.slice('--reps='.length) ?? 5);
const explain = process.argv.includes('--explain');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-reminders-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
// As main.ts: a pool of 16, the sign-in cache and the live notices each holding a listening connection.
const { db, pool } = createDatabase(url, 16);
const signedInCache = createSignedInCache();
const authListener = listenForAuthChanges(pool, signedInCache);
const live = listenForNotifications(pool);
await Promise.all([authListener.ready, live.ready]);
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000, live, signedInCache });
const streams = new AbortController();

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Reminders bench',
    name: 'Bench Admin',
    email: 'reminders-bench@example.test',
    password,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const ws = admin.workspaceId;
  const started = performance.now();
  // The sweep's time: every task below is placed relative to it.
  const t0 = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const at = t0.toISOString();

  // Units: a root, 3 divisions under it, 4 teams under each division.
  const root = (await pool.query<{ id: string }>(`INSERT INTO unit (workspace_id, name) VALUES ($1, 'Company') RETURNING id`, [ws])).rows[0]
    ?.id;
  const divisions = (
    await pool.query<{ id: string }>(
      `INSERT INTO unit (workspace_id, name, parent_id) SELECT $1, 'Division ' || i, $2 FROM generate_series(0, 2) i ORDER BY i RETURNING id`,
      [ws, root],
    )
  ).rows.map((r) => r.id);
  const teams: string[] = [];
  for (let i = 0; i < 12; i++) {
    const { rows } = await pool.query<{ id: string }>(`INSERT INTO unit (workspace_id, name, parent_id) VALUES ($1, $2, $3) RETURNING id`, [
      ws,
      `Team ${i}`,
      divisions[Math.floor(i / 4)],
    ]);
    teams.push(rows[0]?.id ?? '');
  }
  // 199 people besides the admin, all with the admin's password. People 1–12 lead teams 0–11, but
  // the fourth team of each division has no manager (its escalations go to the division's head);
  // people 13 and 14 lead divisions 0 and 1; division 2 and the root have none (the admin is told).
  await pool.query(
    `INSERT INTO app_user (workspace_id, email, name, password_hash, time_zone, role, unit_id)
     SELECT $1, 'person' || i || '@example.test', 'Person ' || i, (SELECT password_hash FROM app_user WHERE workspace_id = $1 AND id = $2),
       'Europe/Rome',
       CASE WHEN (i <= 12 AND (i - 1) % 4 <> 3) OR i IN (13, 14) THEN 'manager' ELSE 'employee' END,
       CASE WHEN i <= 12 THEN ($3::uuid[])[i] WHEN i <= 14 THEN ($4::uuid[])[i - 12] ELSE ($3::uuid[])[1 + i % 12] END
     FROM generate_series(1, 199) i`,
    [ws, admin.id, teams, divisions],
  );
  const peopleRows = (
    await pool.query<{ id: string; unit_id: string; email: string; role: string }>(
      `SELECT id, unit_id, email, role FROM app_user WHERE workspace_id = $1 AND id <> $2 ORDER BY created_at, email`,
      [ws, admin.id],
    )
  ).rows;
  const people = peopleRows.map((r) => r.id);
  const peopleUnits = peopleRows.map((r) => r.unit_id);
  if (people.length !== 199) throw new Error(`expected 199 people, got ${people.length}`);

  // Open tasks, all sent 30 days before T0: a tenth due within the next day, the rest overdue by
  // 1 minute to 20 days; one in twenty waits in a team's queue.
  await pool.query(
    `INSERT INTO task (workspace_id, title, status, sender_id, assignee_id, queue_unit_id, unit_id, due_at, received_at, created_at, updated_at)
     SELECT $1, 'Task ' || i,
       CASE WHEN queued THEN 'sent' ELSE (ARRAY['sent','received','accepted','in_progress'])[1 + i % 4] END,
       ($2::uuid[])[1 + (i * 7 + 3) % 199],
       CASE WHEN queued THEN NULL ELSE ($2::uuid[])[1 + i % 199] END,
       CASE WHEN queued THEN ($3::uuid[])[1 + i % 12] END,
       CASE WHEN queued THEN ($3::uuid[])[1 + i % 12] ELSE ($4::uuid[])[1 + i % 199] END,
       CASE WHEN i % 10 = 0 THEN $5::timestamptz + (1 + i % 1380) * interval '1 minute'
         ELSE $5::timestamptz - (1 + (i * 37) % (20 * 1440)) * interval '1 minute' END,
       CASE WHEN NOT queued AND i % 4 > 0 THEN $5::timestamptz - interval '25 days' END,
       $5::timestamptz - interval '30 days', $5::timestamptz - interval '25 days'
     FROM generate_series(1, $6::int) i, LATERAL (SELECT i % 20 = 7 AS queued) q`,
    [ws, people, teams, peopleUnits, at, openTasks],
  );
  // Closed tasks (twice as many), each with two old reminders, and 40k old notices (a twentieth unread).
  await pool.query(
    `INSERT INTO task (workspace_id, title, status, sender_id, assignee_id, unit_id, due_at, result, created_at, updated_at)
     SELECT $1, 'Old task ' || i, (ARRAY['done','confirmed','confirmed','declined'])[1 + i % 4],
       ($2::uuid[])[1 + (i / 4) % 199], ($2::uuid[])[1 + i % 199], ($3::uuid[])[1 + i % 199],
       $4::timestamptz - (i % 120) * interval '1 day', 'Done', $4::timestamptz - (i % 120 + 5) * interval '1 day',
       $4::timestamptz - (i % 120) * interval '1 day'
     FROM generate_series(1, $5::int * 2) i`,
    [ws, people, peopleUnits, at, openTasks],
  );
  await pool.query(
    `INSERT INTO task_reminder (workspace_id, task_id, kind, occurrence, sent_at)
     SELECT workspace_id, id, k.rkind, due_at - interval '1 day', due_at - interval '1 day'
     FROM task, (VALUES ('due_soon'), ('overdue')) k(rkind) WHERE workspace_id = $1 AND status IN ('done', 'confirmed', 'declined')`,
    [ws],
  );
  await pool.query(
    `INSERT INTO task_event (workspace_id, task_id, actor_id, at, to_status)
     SELECT workspace_id, id, sender_id, created_at, 'sent' FROM task WHERE workspace_id = $1`,
    [ws],
  );
  const doneTasks = (
    await pool.query<{ id: string }>(`SELECT id FROM task WHERE workspace_id = $1 AND status = 'done' ORDER BY id LIMIT 1000`, [ws])
  ).rows.map((r) => r.id);
  await pool.query(
    `INSERT INTO notification (workspace_id, user_id, kind, task_id, title, created_at, read_at)
     SELECT $1, ($2::uuid[])[1 + i % 199], (ARRAY['task_overdue','task_due_soon','task_escalated','task_assigned'])[1 + i % 4],
       ($4::uuid[])[1 + i % 1000], 'Old task',
       $3::timestamptz - (i % 90) * interval '1 day' - (i % 600) * interval '1 minute',
       CASE WHEN i % 20 <> 0 THEN $3::timestamptz - (i % 90) * interval '1 day' END
     FROM generate_series(1, 40000) i`,
    [ws, people, at, doneTasks],
  );
  // Four people away today in "move" mode: their open tasks go to a deputy when the job runs.
  await pool.query(
    `INSERT INTO absence (workspace_id, user_id, deputy_id, starts_on, ends_on, mode, created_by)
     SELECT $1, ($2::uuid[])[20 + i * 10], ($2::uuid[])[21 + i * 10], $3::date - 1, $3::date + 2, 'move', $4
     FROM generate_series(1, 4) i`,
    [ws, people, at.slice(0, 10), admin.id],
  );
  // What each repetition starts from again.
  await pool.query(
    `CREATE TABLE bench_task_start AS SELECT workspace_id, id, assignee_id, unit_id FROM task WHERE status NOT IN ('done','confirmed','declined')`,
  );
  const dataDone = (await pool.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]?.now ?? new Date();
  // As autovacuum would have by then: statistics, and the visibility map for index-only reads.
  await pool.query('VACUUM ANALYZE');

  const counts = (
    await pool.query(
      `SELECT (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM unit)::int AS units,
        (SELECT count(*) FROM task WHERE status NOT IN ('done','confirmed','declined'))::int AS open,
        (SELECT count(*) FROM task WHERE assignee_id IS NULL)::int AS queued,
        (SELECT count(*) FROM task WHERE status = 'sent')::int AS sent, (SELECT count(*) FROM task WHERE status = 'received')::int AS received,
        (SELECT count(*) FROM task WHERE status NOT IN ('done','confirmed','declined') AND due_at > $1)::int AS not_yet_due,
        (SELECT count(*) FROM task WHERE status IN ('done','confirmed','declined'))::int AS closed,
        (SELECT count(*) FROM task_reminder)::int AS reminders, (SELECT count(*) FROM notification)::int AS notices,
        (SELECT count(*) FROM task WHERE assignee_id IN (SELECT user_id FROM absence))::int AS away_tasks`,
      [at],
    )
  ).rows[0];
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `data: 1 workspace, ${counts.units} units, ${counts.users} users, ${counts.open} open tasks (${counts.sent} sent, ${counts.received} received, ${counts.queued} in queues, ${counts.not_yet_due} due within a day), ${counts.closed} closed, ${counts.reminders} old reminders, ${counts.notices} old notices, 4 people away (${counts.away_tasks} tasks to move); written in ${Math.round(performance.now() - started)} ms`,
  );

  const reset = async () => {
    await pool.query(
      `UPDATE task t SET assignee_id = s.assignee_id, unit_id = s.unit_id FROM bench_task_start s
       WHERE t.workspace_id = s.workspace_id AND t.id = s.id AND (t.assignee_id IS DISTINCT FROM s.assignee_id OR t.unit_id IS DISTINCT FROM s.unit_id)`,
    );
    await pool.query('DELETE FROM task_reminder WHERE sent_at >= $1', [at]);
    await pool.query('DELETE FROM notification WHERE created_at >= $1', [dataDone]);
    await pool.query('DELETE FROM task_event WHERE at >= $1', [dataDone]);
    await pool.query('UPDATE absence SET moved_at = NULL');
    await pool.query('VACUUM ANALYZE task, task_reminder, notification, task_event, absence');
  };
  const timed = async <T>(run: () => Promise<T>): Promise<[number, T]> => {
    const t = performance.now();
    const result = await run();
    return [performance.now() - t, result];
  };
  const sweepAt = (now: Date) => timed(() => sweepReminders(db, now));

  // 1–3: the first sweep, the idle one a minute later, the repeat a day later; from the same data each time.
  type Row = { label: string; ms: number[]; reminders: number[]; notices: number[] };
  const rows: Row[] = [];
  const row = (label: string) => {
    const found = rows.find((r) => r.label === label);
    if (found) return found;
    const made: Row = { label, ms: [], reminders: [], notices: [] };
    rows.push(made);
    return made;
  };
  const record = (label: string, ms: number, result: { reminders: number; notices: number }) => {
    const r = row(label);
    r.ms.push(ms);
    r.reminders.push(result.reminders);
    r.notices.push(result.notices);
  };
  for (let rep = 0; rep < reps; rep++) {
    await reset();
    const [movesMs, moved] = await timed(() => applyAbsenceMoves(db, t0));
    record('applyAbsenceMoves at T0 (tasks moved)', movesMs, { reminders: moved, notices: moved });
    record('1. first sweep at T0 (all due)', ...(await sweepAt(t0)));
    record('2. idle sweep at T0+1min', ...(await sweepAt(new Date(t0.getTime() + MINUTE))));
    record('2. idle sweep at T0+2min', ...(await sweepAt(new Date(t0.getTime() + 2 * MINUTE))));
    const [idleMovesMs, idleMoved] = await timed(() => applyAbsenceMoves(db, new Date(t0.getTime() + 2 * MINUTE)));
    record('applyAbsenceMoves, nothing to move', idleMovesMs, { reminders: idleMoved, notices: idleMoved });
    record('3. repeat sweep at T0+1day+3min', ...(await sweepAt(new Date(t0.getTime() + DAY + 3 * MINUTE))));
    record('2. idle sweep at T0+1day+4min', ...(await sweepAt(new Date(t0.getTime() + DAY + 4 * MINUTE))));
  }

  // 4: requests while the job runs.
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const signedIn: { cookie: string; id: string }[] = [];
  for (const person of peopleRows.filter((_, i) => i % 10 === 0)) {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: person.email, password } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    signedIn.push({ cookie: `clientela_session=${login.cookies.find((c) => c.name === 'clientela_session')?.value}`, id: person.id });
  }
  // Each of them also holds a live stream open, as an open page does; count what it is told.
  let told = 0;
  for (const person of signedIn) {
    const response = await fetch(`${address}/api/v1/notifications/stream`, { headers: { cookie: person.cookie }, signal: streams.signal });
    if (!response.ok || !response.body) throw new Error(`stream: ${response.status}`);
    const reader = response.body.getReader();
    void (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        told += decoder.decode(value).split('event: notification').length - 1;
      }
    })().catch(() => {});
  }
  const paths = ['/api/v1/notifications?limit=20', '/api/v1/tasks?filter[mine]=true&limit=50'];
  const request = async (n: number) => {
    const person = signedIn[n % signedIn.length];
    const response = await fetch(`${address}${paths[n % paths.length]}`, { headers: { cookie: person?.cookie ?? '' } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET: ${response.status}`);
  };
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  /** Runs a steady stream of requests (4 in flight) around `action`; what is measured is while it runs. */
  const underLoad = async (action: () => Promise<unknown>) => {
    let stop = false;
    let n = 0;
    const samples: { start: number; end: number }[] = [];
    const worker = async () => {
      while (!stop) {
        const start = performance.now();
        await request(n++);
        samples.push({ start, end: performance.now() });
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const from = performance.now();
    const cpu = process.cpuUsage();
    histogram.reset();
    histogram.enable();
    await action();
    histogram.disable();
    const to = performance.now();
    const used = process.cpuUsage(cpu);
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop = true;
    await Promise.all(workers);
    const during = samples.filter((s) => s.start < to && s.end > from).map((s) => s.end - s.start);
    return {
      ms: to - from,
      // This process's CPU time (server and load) as a share of the window.
      cpu: ((used.user + used.system) / 1000 / (to - from)) * 100,
      loopMax: histogram.max / 1e6,
      loopP99: histogram.percentile(99) / 1e6,
      requests: during.length,
      slowest: Math.max(...during),
      p50: percentile(during, 0.5),
      p99: percentile(during, 0.99),
    };
  };
  const loadRows: { label: string; runs: Awaited<ReturnType<typeof underLoad>>[] }[] = [
    { label: 'requests, no sweep (same length)', runs: [] },
    { label: 'requests during applyAbsenceMoves at T0', runs: [] },
    { label: 'requests during the first sweep at T0', runs: [] },
    { label: 'requests during the idle sweep at T0+1min', runs: [] },
    { label: 'requests during the repeat sweep at T0+1day+3min', runs: [] },
  ];
  // Warm-up: the JIT and the connections.
  await underLoad(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  for (let rep = 0; rep < reps; rep++) {
    await reset();
    const moves = await underLoad(() => applyAbsenceMoves(db, t0));
    const first = await underLoad(() => sweepReminders(db, t0));
    loadRows[0]?.runs.push(await underLoad(() => new Promise((resolve) => setTimeout(resolve, first.ms))));
    loadRows[1]?.runs.push(moves);
    loadRows[2]?.runs.push(first);
    loadRows[3]?.runs.push(await underLoad(() => sweepReminders(db, new Date(t0.getTime() + MINUTE))));
    loadRows[4]?.runs.push(await underLoad(() => sweepReminders(db, new Date(t0.getTime() + DAY + 3 * MINUTE))));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));

  console.log(`\n${reps} repetitions from the same data; time of the call (p50 / max), with what it returned (p50)`);
  console.log(`${'step'.padEnd(44)}${'p50 ms'.padStart(9)}${'max ms'.padStart(9)}${'claims'.padStart(9)}${'notices'.padStart(9)}`);
  for (const r of rows)
    console.log(
      `${r.label.padEnd(44)}${percentile(r.ms, 0.5).toFixed(1).padStart(9)}${Math.max(...r.ms)
        .toFixed(1)
        .padStart(9)}${String(percentile(r.reminders, 0.5)).padStart(9)}${String(percentile(r.notices, 0.5)).padStart(9)}`,
    );
  console.log(
    `\nrequests under load (4 in flight, ${signedIn.length} people, each with a live stream open; ${told} live messages heard); worst of ${reps} runs, p50 in brackets`,
  );
  console.log(
    `${'window'.padEnd(52)}${'length ms'.padStart(11)}${'requests'.padStart(10)}${'loop max'.padStart(10)}${'loop p99'.padStart(10)}${'req p50'.padStart(9)}${'req p99'.padStart(9)}${'slowest'.padStart(9)}${'node CPU'.padStart(10)}`,
  );
  for (const { label, runs } of loadRows) {
    const worst = (pick: (r: (typeof runs)[number]) => number) => Math.max(...runs.map(pick));
    const mid = (pick: (r: (typeof runs)[number]) => number) => percentile(runs.map(pick), 0.5);
    const cell = (pick: (r: (typeof runs)[number]) => number, width: number) =>
      `${worst(pick).toFixed(1)} (${mid(pick).toFixed(1)})`.padStart(width);
    console.log(
      `${label.padEnd(52)}${cell((r) => r.ms, 16)}${String(mid((r) => r.requests)).padStart(10)}${cell((r) => r.loopMax, 14)}${cell((r) => r.loopP99, 14)}${mid(
        (r) => r.p50,
      )
        .toFixed(1)
        .padStart(9)}${mid((r) => r.p99)
        .toFixed(1)
        .padStart(9)}${cell((r) => r.slowest, 14)}${`${mid((r) => r.cpu).toFixed(0)}%`.padStart(10)}`,
    );
  }

  if (explain) {
    // The sweep's statement as it is sent, caught instead of run, then explained with its own values.
    const captured = async (now: Date) => {
      let seen: { text: string; values: unknown[] } | undefined;
      const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
      (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
        const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
        seen =
          typeof first === 'string' ? { text: first, values: second ?? [] } : { text: first.text, values: first.values ?? second ?? [] };
        return { rows: [], fields: [], rowCount: 0 };
      };
      try {
        await sweepReminders(db, now);
      } finally {
        (pool as unknown as { query: unknown }).query = original;
      }
      if (!seen) throw new Error('the sweep sent no statement');
      return seen;
    };
    const explainAt = async (label: string, now: Date) => {
      const { text, values } = await captured(now);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
        console.log(`\n--- EXPLAIN ANALYZE: ${label} (rolled back)`);
        for (const r of plan.rows) console.log(r['QUERY PLAN']);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    await reset();
    await applyAbsenceMoves(db, t0);
    await explainAt('first sweep at T0', t0);
    await sweepReminders(db, t0);
    await explainAt('idle sweep at T0+1min', new Date(t0.getTime() + MINUTE));
  }
} finally {
  streams.abort();
  await app.close();
  await authListener.stop();
  await live.stop();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

function percentile(values: number[], p: number) {
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
}
