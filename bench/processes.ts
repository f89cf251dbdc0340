// Process engine figures: "10k running instances: starting an instance p50 ≤ 10 ms, completing a
// user step p50 ≤ 15 ms; 1,000 timers due at once are all fired within 10 s without stalling
// requests more than 50 ms".
// Usage: npx tsx bench/processes.ts [running=10000] [--samples=300] [--timers=1000] [--profile=<folder>] [--trace]
// The server runs in this process: give it the Node options `npm start` uses (package.json), e.g.
// `NODE_OPTIONS=--max-semi-space-size=32 npx tsx bench/processes.ts 10000`.
// `--profile` writes a CPU profile of each measured phase (start, complete, sweep) into the folder.
// Starts its own embedded PostgreSQL in a temporary folder and the server on a free local port,
// wired as main.ts does. One workspace, 50 people in 5 units; a process published through the API
// (start → a user step with a form and an interrupting one-day deadline → a gateway on the form →
// a second user step or the end), and `running` instances of it started as the server does (each
// waits at its first step, with its assignment and its timer), spread over the people as records'
// owners. Then, through real HTTP requests by signed-in people:
// - `samples` starts (POST /api/v1/process-instances), one after another;
// - `samples` completions of a first step (POST /api/v1/process-tasks/:id/complete) by its assignee;
// - `timers` more instances of a process that waits an hour, all due at once: one sweep
//   (fireDueTimers, as the server's loop runs it) fires them while a steady stream of requests
//   (GET /api/v1/tasks, 4 in flight) records its slowest answers and the event loop's delay,
//   compared with the same stream without a sweep.
import fs from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { createDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { createSignedInCache, listenForAuthChanges } from '../apps/server/src/modules/auth/signed-in-cache.ts';
import { listenForNotifications } from '../apps/server/src/modules/notifications/live.ts';
import { fireDueTimers, startInstance } from '../apps/server/src/modules/processes/runtime.ts';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index.ts';

const running = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const option = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const samples = option('samples', 300);
const timerCount = option('timers', 1000);
const profileDir = process.argv.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length);
const PASSWORD = 'bench password 123';

// Every statement goes through a client's query(): counted, to say how many a request costs.
let statements = 0;
// `--trace`: the statements of the last start and the last completion are printed (their first words).
const trace = process.argv.includes('--trace');
let tracing = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  if (tracing) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | null)?.text ?? '');
    log(`    ${text.replace(/\s+/g, ' ').slice(0, 140)}`);
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

/** Runs `work` under the CPU profiler when `--profile` is given, saving `<folder>/<name>.cpuprofile`. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!profileDir) return work();
  const session = new Inspector();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(profileDir, { recursive: true });
    fs.writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:clientela="http://clientela.app/schema/bpmn/1.0" id="defs" targetNamespace="http://clientela.app/bpmn">`;

/** A first step for the company's owner with a form and a one-day deadline, then a gateway on the form. */
const HANDLING = `${HEADER}
  <bpmn:process id="handling" name="Handling" isExecutable="true">
    <bpmn:startEvent id="start" clientela:trigger="manual" clientela:recordType="company" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:userTask id="check" name="Check the request" clientela:performer="owner" clientela:due="P1D">
      <bpmn:extensionElements>
        <clientela:formField key="outcome" label="Outcome" type="select" required="true" options="done|more" />
        <clientela:formField key="note" label="Note" type="textarea" required="false" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="late" name="A day passed" attachedToRef="check" cancelActivity="true">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="gate" />
    <bpmn:exclusiveGateway id="gate" name="More to do?" default="f4" />
    <bpmn:sequenceFlow id="f3" sourceRef="gate" targetRef="follow">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">form.outcome = "more"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="gate" targetRef="done" />
    <bpmn:userTask id="follow" name="Follow up" clientela:performer="ownerManager" />
    <bpmn:sequenceFlow id="f5" sourceRef="follow" targetRef="done" />
    <bpmn:sequenceFlow id="f6" sourceRef="late" targetRef="escalate" />
    <bpmn:userTask id="escalate" name="Take over a late request" clientela:performer="ownerManager" />
    <bpmn:sequenceFlow id="f7" sourceRef="escalate" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

/** Waits an hour, then asks the owner for a call. */
const WAITING = `${HEADER}
  <bpmn:process id="waiting" name="Wait an hour" isExecutable="true">
    <bpmn:startEvent id="start" clientela:trigger="manual" clientela:recordType="company" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="hour" />
    <bpmn:intermediateCatchEvent id="hour" name="An hour">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="hour" targetRef="call" />
    <bpmn:userTask id="call" name="Call" clientela:performer="owner" />
    <bpmn:sequenceFlow id="f3" sourceRef="call" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const log = (line: string) => process.stdout.write(`${line}\n`);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
};

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
log(`load average (1 / 5 / 15 min) before: ${loadAverage()}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-bench-processes-'));
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn });
const url = cluster.connectionString('clientela');
await runMigrations(url);
const { db, pool } = createDatabase(url, 16);
const signedInCache = createSignedInCache();
const authListener = listenForAuthChanges(pool, signedInCache);
const live = listenForNotifications(pool);
await Promise.all([authListener.ready, live.ready]);
const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', authRateLimit: 1_000_000, live, signedInCache });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

type Session = { cookie: string; csrf: string };
async function signIn(email: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await response.json()) as { csrfToken?: string };
  return { cookie, csrf: me.csrfToken ?? '' };
}
async function call<T>(session: Session, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

try {
  const { admin } = await createWorkspace(db, {
    workspaceName: 'Processes bench',
    name: 'Bench Admin',
    email: 'processes-bench@example.test',
    password: PASSWORD,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  const ws = admin.workspaceId;
  const hash = (await pool.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [admin.id])).rows[0]
    ?.password_hash;
  const units = (
    await pool.query<{ id: string }>(
      `INSERT INTO unit (workspace_id, name) SELECT $1, 'Unit ' || i FROM generate_series(1, 5) i RETURNING id`,
      [ws],
    )
  ).rows.map((r) => r.id);
  // 50 people: the first of each unit its manager.
  const people = (
    await pool.query<{ id: string }>(
      `INSERT INTO app_user (workspace_id, email, name, password_hash, role, unit_id, locale, time_zone)
       SELECT $1, 'person' || i || '@example.test', 'Person ' || i, $2, CASE WHEN i % 10 = 0 THEN 'manager' ELSE 'employee' END,
         ($3::uuid[])[1 + i % 5], 'en', 'Europe/Rome'
       FROM generate_series(0, 49) i ORDER BY i RETURNING id`,
      [ws, hash, units],
    )
  ).rows.map((r) => r.id);
  const companies = (
    await pool.query<{ id: string; owner_id: string }>(
      `INSERT INTO company (workspace_id, name, owner_id, unit_id)
       SELECT $1, 'Company ' || i, ($2::uuid[])[1 + i % 50], ($3::uuid[])[1 + (i % 50) % 5]
       FROM generate_series(0, 999) i ORDER BY i RETURNING id, owner_id`,
      [ws, people, units],
    )
  ).rows;

  const adminSession = await signIn('processes-bench@example.test');
  const publish = async (name: string, xml: string) => {
    const created = await call<{ id: string }>(adminSession, 'POST', '/api/v1/process-definitions', { name, xml });
    await call(adminSession, 'POST', `/api/v1/process-definitions/${created.id}/publish`, {});
    return created.id;
  };
  const handling = await publish('Handling', HANDLING);
  const waiting = await publish('Wait an hour', WAITING);

  // The running instances, as the server starts them, four at a time.
  let started = performance.now();
  let next = 0;
  const fill = async (definitionId: string, count: number, now: Date) => {
    next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const company = companies[i % companies.length];
        if (!company) break;
        await startInstance(
          db,
          { workspaceId: ws, definitionId, actorId: company.owner_id, record: { type: 'company', id: company.id } },
          now,
        );
        if (i > 0 && i % 2000 === 0) log(`  ${i} instances…`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  };
  await fill(handling, running, new Date());
  log(`${running} running instances written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await pool.query('ANALYZE');

  // Starts through HTTP by the records' owners.
  const sessions = new Map<string, Session>();
  const sessionOf = async (userId: string) => {
    let session = sessions.get(userId);
    if (!session) {
      const i = people.indexOf(userId);
      session = await signIn(`person${i}@example.test`);
      sessions.set(userId, session);
    }
    return session;
  };
  for (const company of companies) await sessionOf(company.owner_id);
  const startTimes: number[] = [];
  let before = 0;
  await profiled('start', async () => {
    for (let i = 0; i < samples + 20; i++) {
      const company = companies[(i * 7) % companies.length];
      if (!company) continue;
      const session = await sessionOf(company.owner_id);
      if (i === 20) before = statements;
      tracing = trace && i === samples + 19;
      const t0 = performance.now();
      await call(session, 'POST', '/api/v1/process-instances', { definitionId: handling, record: { type: 'company', id: company.id } });
      if (i >= 20) startTimes.push(performance.now() - t0);
      tracing = false;
    }
  });
  const perRequest = () => ((statements - before) / samples).toFixed(1);
  log(`start an instance (HTTP, ${running} running): ${summary(startTimes)}; ${perRequest()} statements each`);

  // Completions of first steps through HTTP by their assignees.
  const open = (
    await pool.query<{ id: string; assignee_id: string }>(
      `SELECT pt.id, t.assignee_id FROM process_task pt JOIN task t ON t.workspace_id = pt.workspace_id AND t.id = pt.task_id
       WHERE pt.workspace_id = $1 AND pt.status = 'open' AND pt.element_id = 'check' ORDER BY pt.created_at LIMIT $2`,
      [ws, samples + 20],
    )
  ).rows;
  const completeTimes: number[] = [];
  await profiled('complete', async () => {
    for (const [i, step] of open.entries()) {
      const session = await sessionOf(step.assignee_id);
      if (i === 20) before = statements;
      tracing = trace && i >= open.length - 2;
      const t0 = performance.now();
      await call(session, 'POST', `/api/v1/process-tasks/${step.id}/complete`, {
        values: { outcome: i % 2 ? 'more' : 'done', note: 'ok' },
      });
      if (i >= 20) completeTimes.push(performance.now() - t0);
      tracing = false;
    }
  });
  log(`complete a user step (HTTP, ${running} running): ${summary(completeTimes)}; ${perRequest()} statements each`);

  // 1,000 timers due at once.
  const anHourAgo = new Date(Date.now() - 3600_000 - 60_000);
  started = performance.now();
  await fill(waiting, timerCount, anHourAgo);
  log(`${timerCount} waiting instances written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const readers = await Promise.all(people.slice(0, 4).map((id) => sessionOf(id)));
  const stream = async (until: () => boolean) => {
    const times: number[] = [];
    await Promise.all(
      readers.map(async (session) => {
        while (!until()) {
          const t0 = performance.now();
          await call(session, 'GET', '/api/v1/tasks?limit=20');
          times.push(performance.now() - t0);
        }
      }),
    );
    return times;
  };
  const measure = async (work: () => Promise<unknown>, idleMs: number) => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    let done = false;
    const requests = stream(() => done);
    const t0 = performance.now();
    const result = await work();
    const workMs = performance.now() - t0;
    if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
    done = true;
    const times = await requests;
    delay.disable();
    return { result, workMs, times, loopMaxMs: delay.max / 1e6, loopP99Ms: delay.percentile(99) / 1e6 };
  };
  const baselineStatements = statements;
  const baseline = await measure(async () => 0, 5000);
  const requestStatements = (statements - baselineStatements) / Math.max(1, baseline.times.length);
  const sweepStatements = statements;
  const sweep = await measure(() => profiled('sweep', () => fireDueTimers(db, new Date())), 0);
  // Its statements are counted without the request stream's (as many per request as without a sweep).
  const fired = (
    await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM process_timer WHERE workspace_id = $1 AND fired_at IS NOT NULL`, [ws])
  ).rows[0]?.n;
  log(
    `fire ${timerCount} due timers: ${(sweep.workMs / 1000).toFixed(2)} s (${sweep.result} fired by the sweep, ${fired} marked fired; ${(
      (statements - sweepStatements - sweep.times.length * requestStatements) / timerCount
    ).toFixed(1)} statements each)`,
  );
  const slowest = (times: number[]) => Math.max(...times).toFixed(1);
  log(`requests without a sweep: ${summary(baseline.times)}; event loop delay max ${baseline.loopMaxMs.toFixed(1)} ms`);
  log(
    `requests during the sweep: ${summary(sweep.times)} (${sweep.times.length} requests, slowest ${slowest(sweep.times)} ms); event loop delay max ${sweep.loopMaxMs.toFixed(1)} ms, p99 ${sweep.loopP99Ms.toFixed(1)} ms`,
  );
  log(`load average (1 / 5 / 15 min) after: ${loadAverage()}`);
} finally {
  await app.close();
  await authListener.stop();
  await live.stop();
  await pool.end();
  await cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
