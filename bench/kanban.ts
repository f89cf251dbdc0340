// Kanban figures: "Kanban of a pipeline with 10k open deals: first paint of the board's first 50
// cards per stage ≤ 50 ms server time; drag-drop stage change p50 ≤ 5 ms".
// Usage: npx tsx bench/kanban.ts [openDeals=10000] [--explain]
// Starts its own embedded PostgreSQL in a temporary folder. Written in bulk: one workspace, 10
// units, 200 people (a manager per unit, the rest employees), 2,000 companies, USD besides the EUR
// base with a rate, and in the default pipeline the open deals spread over its 4 open stages plus
// half as many won and half as many lost (closed, with their close day and lost reason), each with
// an amount in EUR or USD and its base value, a company, an owner (the deal in the owner's unit),
// stage_entered_at spread over the last 180 days and its first stage change. The server is wired as
// main.ts does (a pool of 16, the sign-in cache). Measures server time
// (app.inject: routing, checks, queries and serialisation, no socket), p50/p95 over 200 requests
// after warm-ups, of GET /api/v1/pipelines/:id/board?limit=50 as the admin (all deals) and as a
// unit manager (their unit's), and of POST /api/v1/deals/:id/move between open stages (a different
// deal each time, each really moved) as the admin and as an employee moving their own deals. With
// --explain, also each statement of one board request and of one move as the server sends them,
// with its round-trip time, and the plan (EXPLAIN (ANALYZE, BUFFERS)) of the board's and the move's
// statements (the move's inside a rolled-back transaction).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const openDeals = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const explain = process.argv.includes('--explain');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-kanban-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
// As main.ts: a pool of 16 and the sign-in cache, kept fresh by a listening connection.
const { db, pool } = createDatabase(url, 16);
const signedInCache = createSignedInCache();
const authListener = listenForAuthChanges(pool, signedInCache);
await authListener.ready;
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000, signedInCache });

type Session = { cookie: string; csrf: string };
type Statement = { text: string; values: unknown[]; ms: number; start: number };

// Every statement the server sends while `recording` is set, with its round trip as the server sees it.
let recording: Statement[] | null = null;
const wrapped = new WeakSet<object>();
pool.on('acquire', (client) => {
  if (wrapped.has(client)) return;
  wrapped.add(client);
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const log = recording;
    if (!log) return original(...args);
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    const text = typeof first === 'string' ? first : first.text;
    const values = (typeof first !== 'string' && first.values) || (Array.isArray(second) ? second : []);
    const t0 = performance.now();
    const done = () => log.push({ text, values, ms: performance.now() - t0, start: t0 });
    // pg's pool passes a callback; Drizzle's transactions await the promise.
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return last(...results);
      };
      return original(...args);
    }
    const result = original(...args);
    if (result instanceof Promise) result.then(done, () => {});
    return result;
  };
});

try {
  const password = 'bench password 123';
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Kanban bench',
    name: 'Bench Admin',
    email: 'kanban-bench@example.test',
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
  const owner = await signIn(admin.email);
  const call = async (as: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrf },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.statusCode === 204 ? null : response.json();
  };

  const started = performance.now();
  const ws = admin.workspaceId;
  const unitIds: string[] = [];
  for (let i = 0; i < 10; i++) unitIds.push((await call(owner, 'POST', '/api/v1/units', { name: `Unit ${i}` })).id);
  // The measured manager (unit 0) and employee (unit 0), made through the API so that they can sign in.
  await call(owner, 'POST', '/api/v1/users', {
    email: 'manager@example.test',
    name: 'Mara Manager',
    password,
    role: 'manager',
    unitId: unitIds[0],
  });
  const employee = await call(owner, 'POST', '/api/v1/users', {
    email: 'employee@example.test',
    name: 'Elio Employee',
    password,
    role: 'employee',
    unitId: unitIds[0],
  });
  // The other 198: a manager for each of units 1–9, the rest employees, spread over the units.
  await pool.query(
    `INSERT INTO app_user (workspace_id, email, name, password_hash, time_zone, role, unit_id)
     SELECT $1, 'person' || i || '@example.test', 'Person ' || i, 'not a hash', 'Europe/Rome',
       CASE WHEN i < 10 THEN 'manager' ELSE 'employee' END, ($2::uuid[])[1 + i % 10]
     FROM generate_series(1, 198) i`,
    [ws, unitIds],
  );
  // The measured employee first, so that they own deals 200, 400, 600, …
  const people = (
    await pool.query<{ id: string }>(
      `SELECT id FROM app_user WHERE workspace_id = $1 AND role <> 'admin' ORDER BY id = $2 DESC, created_at, email`,
      [ws, employee.id],
    )
  ).rows.map((r) => r.id);
  if (people.length !== 200 || people[0] !== employee.id) throw new Error(`expected 200 people, the employee first`);
  await pool.query(
    `INSERT INTO company (workspace_id, name, owner_id, unit_id)
     SELECT $1, 'Company ' || i, u.id, u.unit_id
     FROM generate_series(1, 2000) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % 200]`,
    [ws, people],
  );
  const companyIds = (await pool.query<{ id: string }>('SELECT id FROM company WHERE workspace_id = $1', [ws])).rows.map((r) => r.id);

  // USD besides the EUR base, with a rate; the first look at the pipelines makes the default one.
  await call(owner, 'PUT', '/api/v1/currencies', { currencies: ['USD'] });
  await call(owner, 'PUT', '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2025-01-01', rate: '0.92' }] });
  const pipeline = (await call(owner, 'GET', '/api/v1/pipelines')).data[0] as {
    id: string;
    stages: { id: string; name: string; kind: 'open' | 'won' | 'lost' }[];
  };
  const openStages = pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const won = pipeline.stages.find((s) => s.kind === 'won')?.id;
  const lost = pipeline.stages.find((s) => s.kind === 'lost')?.id;
  if (openStages.length !== 4 || !won || !lost) throw new Error('the default pipeline is not 4 open stages, won and lost');
  const lostReasons = (await pool.query<{ id: string }>('SELECT id FROM lost_reason WHERE workspace_id = $1', [ws])).rows.map((r) => r.id);

  // Deals 1..open are open (over the 4 open stages), then half as many won and half as many lost.
  // A third in USD; entered their stage within the last 180 days; deal i is owned by person i % 200.
  await pool.query(
    `INSERT INTO deal (workspace_id, title, pipeline_id, stage_id, company_id, owner_id, unit_id, amount, currency, amount_base,
       rate_on, expected_close_on, closed_on, lost_reason_id, stage_entered_at, created_by_id, created_at, updated_at)
     SELECT $1, 'Deal ' || d.i, $2, d.stage, d.company, u.id, u.unit_id, d.amount, d.currency,
       CASE WHEN d.currency = 'EUR' THEN d.amount ELSE round(d.amount * 0.92, 2) END,
       coalesce(d.closed_on, d.expected_close_on), d.expected_close_on, d.closed_on,
       CASE WHEN d.stage = $5::uuid THEN ($7::uuid[])[1 + d.i % array_length($7::uuid[], 1)] END,
       d.entered, $8, d.entered - interval '10 days', d.entered
     FROM (
       SELECT i, entered, entered::date + 30 AS expected_close_on,
         CASE WHEN i <= $9 THEN ($3::uuid[])[1 + i % 4] WHEN i <= $9 * 3 / 2 THEN $4::uuid ELSE $5::uuid END AS stage,
         CASE WHEN i > $9 THEN entered::date END AS closed_on,
         ($6::uuid[])[1 + (i * 13) % 2000] AS company,
         (500 + (i * 7919) % 99500)::numeric(14,2) AS amount,
         CASE WHEN i % 3 = 0 THEN 'USD' ELSE 'EUR' END AS currency
       FROM generate_series(1, $9 * 2) i
       CROSS JOIN LATERAL (SELECT now() - ((i * 104729) % (180 * 24 * 60)) * interval '1 minute' AS entered) e
     ) d
     JOIN app_user u ON u.workspace_id = $1 AND u.id = ($10::uuid[])[1 + d.i % 200]`,
    [ws, pipeline.id, openStages, won, lost, companyIds, lostReasons, admin.id, openDeals, people],
  );
  await pool.query(
    `INSERT INTO deal_stage_change (workspace_id, deal_id, from_stage_id, to_stage_id, changed_at, changed_by_id)
     SELECT workspace_id, id, NULL, stage_id, stage_entered_at, owner_id FROM deal WHERE workspace_id = $1`,
    [ws],
  );
  // As autovacuum would have by then: statistics, and the visibility map for index-only reads.
  await pool.query('VACUUM ANALYZE');
  const [counts] = (
    await pool.query(
      `SELECT count(*) FILTER (WHERE s.kind = 'open')::int AS open, count(*) FILTER (WHERE s.kind = 'won')::int AS won,
         count(*) FILTER (WHERE s.kind = 'lost')::int AS lost, count(*) FILTER (WHERE d.currency = 'USD')::int AS usd,
         count(*) FILTER (WHERE d.unit_id = $2)::int AS unit0, count(*) FILTER (WHERE d.owner_id = $3 AND s.kind = 'open')::int AS mine
       FROM deal d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id WHERE d.workspace_id = $1`,
      [ws, unitIds[0], employee.id],
    )
  ).rows;
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `data: 1 workspace, 10 units, 200 people, 2000 companies, ${counts.open} open deals, ${counts.won} won, ${counts.lost} lost (${counts.usd} in USD); unit 0 holds ${counts.unit0}, the employee owns ${counts.mine} open; written in ${Math.round(performance.now() - started)} ms`,
  );

  const managed = await signIn('manager@example.test');
  const employed = await signIn('employee@example.test');
  const boardUrl = `/api/v1/pipelines/${pipeline.id}/board?limit=50`;
  type Board = { columns: { stageId: string; count: number; deals: unknown[] }[] };
  const shape = (board: Board) => board.columns.map((c) => `${c.deals.length}/${c.count}`).join(', ');
  console.log(`the admin's board (cards/deals per stage): ${shape(await call(owner, 'GET', boardUrl))}`);
  console.log(`the manager's board (cards/deals per stage): ${shape(await call(managed, 'GET', boardUrl))}`);

  // The open deals to move: the admin's from all over, the employee's own; each goes to the next open stage.
  const where = new Map<string, string>();
  const openOf = async (sqlWhere: string, values: unknown[]) => {
    const { rows } = await pool.query<{ id: string; stage_id: string }>(
      `SELECT id, stage_id FROM deal WHERE workspace_id = $1 AND stage_id = ANY($2::uuid[]) AND ${sqlWhere} ORDER BY title`,
      [ws, openStages, ...values],
    );
    for (const r of rows) where.set(r.id, r.stage_id);
    return rows.map((r) => r.id);
  };
  const adminDeals = await openOf('owner_id <> $3', [employee.id]);
  const employeeDeals = await openOf('owner_id = $3', [employee.id]);
  const nextStage = (id: string) => openStages[(openStages.indexOf(where.get(id) ?? '') + 1) % openStages.length] as string;
  let moves = 0;
  const move = async (as: Session, ids: string[]) => {
    const id = ids[moves++ % ids.length] as string;
    const stageId = nextStage(id);
    const deal = await call(as, 'POST', `/api/v1/deals/${id}/move`, { stageId });
    if (deal.stage.id !== stageId) throw new Error('the deal did not move');
    where.set(id, stageId);
  };

  const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
  const results: { label: string; goal: string; p50: number; p95: number }[] = [];
  const measure = async (label: string, goal: string, request: () => Promise<unknown>, warmUps = 100, runs = 200) => {
    for (let i = 0; i < warmUps; i++) await request();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await request();
      samples.push(performance.now() - t0);
    }
    results.push({ label, goal, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) });
  };
  await measure('GET board?limit=50, the admin (all deals)', '≤ 50 ms', () => call(owner, 'GET', boardUrl));
  await measure('GET board?limit=50, a unit manager', '≤ 50 ms', () => call(managed, 'GET', boardUrl));
  moves = 0;
  await measure('POST deals/:id/move, the admin', 'p50 ≤ 5 ms', () => move(owner, adminDeals));
  moves = 0;
  await measure(`POST deals/:id/move, the owner (${employeeDeals.length} deals in turn)`, 'p50 ≤ 5 ms', () =>
    move(employed, employeeDeals),
  );
  console.log(`\n${'figure'.padEnd(56)}${'goal'.padEnd(14)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}`);
  for (const r of results)
    console.log(`${r.label.padEnd(56)}${r.goal.padEnd(14)}${r.p50.toFixed(2).padStart(9)}${r.p95.toFixed(2).padStart(9)}`);

  if (explain) {
    // One request of 21, the one with the median time, with its statements.
    const record = async (request: () => Promise<unknown>) => {
      const runs: { log: Statement[]; total: number }[] = [];
      for (let i = 0; i < 21; i++) {
        const log: Statement[] = [];
        recording = log;
        const t0 = performance.now();
        await request();
        runs.push({ log, total: performance.now() - t0 });
        recording = null;
      }
      return [...runs].sort((a, b) => a.total - b.total)[10] as { log: Statement[]; total: number };
    };
    const show = (title: string, { log, total }: { log: Statement[]; total: number }) => {
      // Time with at least one statement in flight: the request's wait on PostgreSQL and the round trips.
      let waited = 0;
      let until = 0;
      for (const s of [...log].sort((a, b) => a.start - b.start)) {
        const end = s.start + s.ms;
        waited += Math.max(0, end - Math.max(s.start, until));
        until = Math.max(until, end);
      }
      console.log(
        `\n${title}: ${total.toFixed(2)} ms, ${log.length} statements; ${waited.toFixed(2)} ms waiting on them, ${(total - waited).toFixed(2)} ms in Node`,
      );
      for (const s of log) console.log(`  ${s.ms.toFixed(2).padStart(6)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 130)}`);
    };
    const plan = async (client: { query: typeof pool.query }, s: Statement) => {
      const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.values);
      console.log(`\n${s.text.replace(/\s+/g, ' ').slice(0, 200)}…`);
      for (const row of result.rows) console.log(`  ${row['QUERY PLAN']}`);
    };
    const explainable = (s: Statement) => /^\s*(select|update|insert|delete)/i.test(s.text);

    for (const [who, as] of [
      ['the admin', owner],
      ['the manager', managed],
    ] as const) {
      const board = await record(() => call(as, 'GET', boardUrl));
      show(`board, ${who}`, board);
      for (const s of board.log.filter(explainable)) await plan(pool, s);
      // The cards' statement again in the order deal_board_idx keeps (DESC NULLS LAST): read in
      // order, each stage stops at its limit instead of reading and sorting all its deals.
      const order = /"deal"\."stage_entered_at" DESC, "deal"\."id" DESC/;
      const cards = board.log.find((s) => order.test(s.text));
      // The totals again with a covering index (made here and dropped): read from the index alone.
      const totals = board.log.find((s) => /count\(\*\)::int AS n/.test(s.text));
      if (totals) {
        await pool.query(
          'CREATE INDEX deal_totals_what_if ON deal (workspace_id, stage_id) INCLUDE (amount, amount_base, owner_id, unit_id) WHERE deleted_at IS NULL',
        );
        await pool.query('VACUUM ANALYZE deal');
        console.log(
          '\nwhat if: the totals with a covering index on (workspace_id, stage_id) INCLUDE (amount, amount_base, owner_id, unit_id)',
        );
        await plan(pool, totals);
        await pool.query('DROP INDEX deal_totals_what_if');
      }
      if (cards) {
        console.log('\nwhat if: the cards in the index order');
        await plan(pool, {
          ...cards,
          text: cards.text.replace(order, '"deal"."stage_entered_at" DESC NULLS LAST, "deal"."id" DESC NULLS LAST'),
        });
      }
    }
    moves = 0;
    const moved = await record(() => move(employed, employeeDeals));
    show('move, the owner', moved);
    // The move's statements again, as they ran, in a transaction that is rolled back.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const s of moved.log.filter(explainable)) await plan(client, s);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }
} finally {
  await app.close();
  await authListener.stop();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
