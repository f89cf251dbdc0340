// The cluster on loopback: nginx in front of several server processes, a PostgreSQL 15 primary and
// a streaming replica, all Debian's own programs, with a mixed workload running while a process is
// killed and the replica is stopped.
// Usage: npx tsx bench/cluster.ts [--duration 60s] [--connections 30] [--processes 3] [--contacts 5000] [--no-build]
// Needs Debian's nginx (`apt-get install -y nginx`; NGINX_BIN elsewhere) and PostgreSQL 15's programs
// (`/usr/lib/postgresql/15/bin`; PG15_BIN elsewhere). Everything lives in a temporary folder on free
// loopback ports and is stopped and removed at the end, on error and on Ctrl-C. Phases:
//  a) throughput of the mix (bench/load.ts's: 80 % reads, 20 % writes) with 1, 2 … N processes;
//  b) N processes, one killed with SIGKILL a third into the run and started again 5 s later;
//  c) the replica stopped (pg_ctl stop -m fast) a third into the run and started again 5 s later;
//  d) every contact and activity acknowledged with 201 is read back from the primary;
//  e) export jobs started all through b and c each finish, taken by exactly one job row.
// Clients retry a failed request (no answer or 5xx) once after 200 ms. Goals: no request failed
// after that retry in any phase, no acknowledged write lost, every export finished exactly once.
// Exits 1 when a goal is missed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createAppDatabase,
  createPrimaryAndReplica,
  findPg15Bin,
  type PgPair,
  replicationState,
  sql,
  startNode,
  stopNode,
  stopNodeQuietly,
  urlOf,
  waitStreaming,
} from '../apps/server/src/test/pg-pair.ts';
import { cleanUp, cleanUpOnSignals, onCleanup } from './lib/cluster/cleanup.ts';
import { BALANCING, findNginx, startNginx } from './lib/cluster/nginx.ts';
import { type Acknowledged, emptyOutcome, type Outcome, runMix, startExport, type Workload } from './lib/cluster/workload.ts';
import {
  benchAdmin,
  buildServer,
  freePort,
  headersOf,
  percentile,
  root,
  type ServerProcess,
  type Session,
  signInOver,
  startServerProcess,
} from './lib/server-process.ts';

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
/** "2m", "60s" or "60" (seconds). */
const seconds = (text: string) => Number.parseFloat(text) * (text.endsWith('m') ? 60 : 1);
const duration = seconds(option('duration', '60s'));
/** The fault phases need room for a kill, 5 s down and a restart. */
const faultDuration = Math.max(duration, 20);
const connections = Number(option('connections', '30'));
const processCount = Number(option('processes', '3'));
const contactCount = Number(option('contacts', '5000'));
const APP = 'clientela';
const MANAGER = { email: 'manager@example.test', password: benchAdmin.password };
const EMPLOYEE = { email: 'employee@example.test', password: benchAdmin.password };
const DOWN_SECONDS = 5;
const EXPORT_EVERY_MS = 2000;
const EXPORTS_WAIT_SECONDS = 180;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Stops the prerequisites check with a message saying what to install. */
function prerequisites(): { nginxBin: string; pgBin: string } {
  const nginx = findNginx();
  const postgres = findPg15Bin();
  const missing = [nginx, postgres].flatMap((found) => ('missing' in found ? [found.missing] : []));
  if ('bin' in nginx && 'bin' in postgres) return { nginxBin: nginx.bin, pgBin: postgres.bin };
  console.error(`The cluster benchmark cannot run here:\n- ${missing.join('\n- ')}`);
  process.exit(2);
}

/** Whether the built server reads DATABASE_READ_URL (older builds ignore it). */
function serverKnowsReadUrl(): boolean {
  const dist = path.join(root, 'apps/server/dist');
  return fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).some((file) => {
    const full = path.join(dist, file);
    return file.endsWith('.js') && fs.statSync(full).isFile() && fs.readFileSync(full, 'utf8').includes('DATABASE_READ_URL');
  });
}

/** Stops a server process with SIGTERM (SIGKILL after 10 s). */
async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  await Promise.race([server.exited, sleep(10_000)]);
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/** Seeds a modest workspace: a unit, a manager and an employee through the API; companies and contacts in SQL. */
async function seed(pair: PgPair, base: string, admin: Session): Promise<void> {
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, { method, headers: headersOf(admin), ...(body ? { body: JSON.stringify(body) } : {}) });
    if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const unit = await call('POST', '/api/v1/units', { name: 'Shop' });
  await call('POST', '/api/v1/users', { ...MANAGER, name: 'Mara Manager', role: 'manager', unitId: unit.id });
  await call('POST', '/api/v1/users', { ...EMPLOYEE, name: 'Elio Employee', role: 'employee', unitId: unit.id });
  await sql(pair, pair.primary, APP, async (client) => {
    const ws = (await client.query<{ id: string }>('SELECT id FROM workspace LIMIT 1')).rows[0]?.id;
    const people = (await client.query<{ id: string }>('SELECT id FROM app_user WHERE workspace_id = $1 ORDER BY email', [ws])).rows.map(
      (r) => r.id,
    );
    const cities = `ARRAY['Roma','Milano','Torino','Napoli','Firenze','Bologna','Venezia','Genova']`;
    await client.query(
      `INSERT INTO company (workspace_id, name, city, class, status, owner_id, unit_id, created_at)
       SELECT $1, 'Company ' || i, (${cities})[1 + i % 8], (ARRAY['A','B','C',NULL])[1 + i % 4], 'active',
         u.id, u.unit_id, now() - ((i % 1000) || ' days')::interval
       FROM generate_series(1, 1000) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % ${people.length}]`,
      [ws, people],
    );
    await client.query(
      `INSERT INTO contact (workspace_id, first_name, last_name, city, class, status, owner_id, unit_id, created_at)
       SELECT $1, (ARRAY['Giulia','Marco','Anna','Luca','Sara','Paolo','Elena','Davide'])[1 + i % 8], 'Person ' || i,
         (${cities})[1 + i % 8], CASE WHEN i % 3 = 0 THEN (ARRAY['A','B','C'])[1 + i % 9 / 3] END,
         (ARRAY['active','active','new','potential','dormant'])[1 + i % 5], u.id, u.unit_id, now() - ((i % 1000) || ' days')::interval
       FROM generate_series(1, $3::int) i JOIN app_user u ON u.workspace_id = $1 AND u.id = ($2::uuid[])[1 + i % ${people.length}]`,
      [ws, people, contactCount],
    );
    await client.query('VACUUM ANALYZE');
  });
}

/** A page of contacts each signed-in person may read and change. */
async function contactIdsOf(base: string, session: Session): Promise<string[]> {
  const response = await fetch(`${base}/api/v1/contacts?limit=200`, { headers: headersOf(session) });
  return ((await response.json()) as { data: { id: string }[] }).data.map((c) => c.id);
}

/** How many of `ids` are rows of `table` on the primary. */
async function presentOf(pair: PgPair, table: 'contact' | 'activity', ids: string[]): Promise<number> {
  return sql(pair, pair.primary, APP, async (client) => {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return Number(rows[0]?.n ?? 0);
  });
}

/** Export jobs' fates: finished ones, and ones whose queue rows say they were not finished exactly once. */
async function exportFates(pair: PgPair, ids: string[]) {
  return sql(pair, pair.primary, APP, async (client) => {
    const exports = await client.query<{ id: string; status: string }>('SELECT id, status FROM data_export WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    const jobs = await client.query<{ key: string; state: string; retries: number }>(
      `SELECT singleton_key AS key, state, retry_count AS retries FROM pgboss.job WHERE name = 'export' AND singleton_key = ANY($1)
       UNION ALL
       SELECT singleton_key, state, retry_count FROM pgboss.archive WHERE name = 'export' AND singleton_key = ANY($1)`,
      [ids],
    );
    const done = exports.rows.filter((r) => r.status === 'done').length;
    const rowsPerKey = new Map<string, { state: string; retries: number }[]>();
    for (const row of jobs.rows) rowsPerKey.set(row.key, [...(rowsPerKey.get(row.key) ?? []), row]);
    const notExactlyOnce = ids.filter((id) => {
      const rows = rowsPerKey.get(id) ?? [];
      return rows.length !== 1 || rows[0]?.state !== 'completed';
    }).length;
    const takenAgain = jobs.rows.filter((r) => r.retries > 0).length;
    return {
      done,
      notExactlyOnce,
      takenAgain,
      stillOpen: exports.rows.length - done - exports.rows.filter((r) => r.status === 'failed').length,
    };
  });
}

type Row = { phase: string; outcome: Outcome };

function table(rows: Row[]): string {
  const head = ['phase', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'failed first', 'failed after retry'];
  const lines = rows.map(({ phase, outcome }) => [
    phase,
    String(outcome.requests),
    outcome.seconds > 0 ? (outcome.requests / outcome.seconds).toFixed(0) : '',
    outcome.latencies.length ? percentile(outcome.latencies, 50).toFixed(0) : '',
    outcome.latencies.length ? percentile(outcome.latencies, 99).toFixed(0) : '',
    String(outcome.firstFailures),
    String(outcome.finalFailures),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    format(head),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(format),
  ].join('\n');
}

const { nginxBin, pgBin } = prerequisites();
const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
cleanUpOnSignals();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-cluster-'));
fs.chmodSync(folder, 0o755);
onCleanup('temporary folder', () => fs.rmSync(folder, { recursive: true, force: true }));
// Last resort, for a process caught halfway through starting: whatever child of ours is left.
onCleanup('processes left', () => {
  const ps = spawnSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  const left = ps.stdout
    .split('\n')
    .map(Number)
    .filter((pid) => pid > 0 && pid !== ps.pid);
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});
const failures: string[] = [];

try {
  if (!process.argv.includes('--no-build')) buildServer();
  const readUrlKnown = serverKnowsReadUrl();
  const [primaryPort, replicaPort, balancerPort] = [await freePort(), await freePort(), await freePort()];
  const serverPorts: number[] = [];
  for (let i = 0; i < processCount; i++) serverPorts.push(await freePort());

  log(`PostgreSQL 15 from ${pgBin}: primary on ${primaryPort}, replica on ${replicaPort}`);
  const pair = await createPrimaryAndReplica(path.join(folder, 'pg'), { primary: primaryPort, replica: replicaPort }, pgBin);
  onCleanup('primary', () => stopNodeQuietly(pair, pair.primary));
  onCleanup('replica', () => stopNodeQuietly(pair, pair.replica));
  await waitStreaming(pair);
  log('the replica is streaming from the primary (pg_stat_replication)');
  const appPassword = await createAppDatabase(pair, APP);
  const env = {
    DATABASE_URL: urlOf(pair.primary, APP, APP, appPassword),
    DATABASE_READ_URL: urlOf(pair.replica, APP, APP, appPassword),
    CLIENTELA_TRUST_PROXY: 'true',
    CLIENTELA_SHUTDOWN_TIMEOUT_SECONDS: '5',
  };
  if (!readUrlKnown) log('note: this server build does not read DATABASE_READ_URL yet; every read goes to the primary');

  const servers: ServerProcess[] = [];
  const start = async (i: number) => {
    const dataDir = path.join(folder, `server-${i}`);
    fs.mkdirSync(dataDir, { recursive: true });
    servers[i] = await startServerProcess(dataDir, serverPorts[i] as number, env);
    return servers[i] as ServerProcess;
  };
  onCleanup('server processes', async () => {
    await Promise.all(servers.map(stopServer));
  });
  // The first process alone applies the migrations and creates the admin; then the others.
  log(`server process 1 ready in ${Math.round((await start(0)).readyMs)} ms (migrations applied)`);
  const others = await Promise.all(serverPorts.slice(1).map((_, i) => start(i + 1)));
  for (const [i, server] of others.entries()) log(`server process ${i + 2} ready in ${Math.round(server.readyMs)} ms`);

  const nginx = await startNginx(nginxBin, path.join(folder, 'nginx'), balancerPort, serverPorts);
  onCleanup('nginx', () => nginx.stop());
  const base = `http://127.0.0.1:${balancerPort}`;
  log(`nginx on ${balancerPort} in front of ${serverPorts.join(', ')}`);

  const admin = await signInOver(balancerPort);
  await seed(pair, base, admin);
  const sessions = [admin, await signInOver(balancerPort, MANAGER), await signInOver(balancerPort, EMPLOYEE)];
  const workload: Workload = { base, sessions, contactIds: await Promise.all(sessions.map((s) => contactIdsOf(base, s))) };
  log(`seeded ${contactCount} contacts and 1000 companies; ${connections} clients, ${duration} s per phase`);

  const acknowledged: Acknowledged = { contacts: [], activities: [] };
  const rows: Row[] = [];

  const replicaTransactions = () =>
    sql(pair, pair.replica, APP, async (client) => {
      const { rows } = await client.query<{ n: string }>("SELECT xact_commit AS n FROM pg_stat_database WHERE datname = 'clientela'");
      return Number(rows[0]?.n ?? 0);
    });
  const replicaBefore = await replicaTransactions();
  // a) Throughput with 1, 2 … N processes behind the balancer.
  for (let n = 1; n <= processCount; n++) {
    await nginx.reload(serverPorts.slice(0, n));
    const outcome = await runMix(workload, connections, duration, acknowledged);
    rows.push({ phase: `${n} process${n > 1 ? 'es' : ''}`, outcome });
    log(`${n} process(es): ${(outcome.requests / outcome.seconds).toFixed(0)} req/s, ${outcome.finalFailures} failed after retry`);
  }

  // Statistics reach the view within a second or so.
  await sleep(1500);
  const servedByReplica = (await replicaTransactions()) - replicaBefore;
  log(`the replica answered ${servedByReplica} transactions during the throughput phases`);

  // Export jobs all through the fault phases.
  const exportIds: string[] = [];
  const exportOutcome = emptyOutcome();
  const exporting = { on: true };
  const exportLoop = (async () => {
    while (exporting.on) {
      const id = await startExport(base, admin, exportOutcome);
      if (id) exportIds.push(id);
      await sleep(EXPORT_EVERY_MS);
    }
  })();

  // b) One of the processes killed with SIGKILL, started again after 5 s.
  const victim = processCount > 1 ? 1 : 0;
  const killRun = runMix(workload, connections, faultDuration, acknowledged);
  await sleep((faultDuration * 1000) / 3);
  (servers[victim] as ServerProcess).child.kill('SIGKILL');
  await (servers[victim] as ServerProcess).exited;
  log(`killed server process ${victim + 1} (SIGKILL)`);
  await sleep(DOWN_SECONDS * 1000);
  const restarted = await start(victim);
  log(`server process ${victim + 1} ready again in ${Math.round(restarted.readyMs)} ms`);
  rows.push({ phase: `kill -9 one of ${processCount}`, outcome: await killRun });

  // c) The replica stopped and started again.
  const replicaRun = runMix(workload, connections, faultDuration, acknowledged);
  await sleep((faultDuration * 1000) / 3);
  stopNode(pair, pair.replica, 'fast');
  log('replica stopped (pg_ctl stop -m fast)');
  await sleep(DOWN_SECONDS * 1000);
  startNode(pair, pair.replica);
  await waitStreaming(pair);
  log(`replica started again: ${await replicationState(pair)}`);
  rows.push({ phase: 'replica stopped', outcome: await replicaRun });
  exporting.on = false;
  await exportLoop;
  rows.push({ phase: 'export jobs started', outcome: exportOutcome });

  // d) No lost write.
  const contactsFound = await presentOf(pair, 'contact', acknowledged.contacts);
  const activitiesFound = await presentOf(pair, 'activity', acknowledged.activities);
  const lost = acknowledged.contacts.length - contactsFound + acknowledged.activities.length - activitiesFound;

  // e) No job run twice: each export finishes, with one job row, completed.
  const waitUntil = Date.now() + EXPORTS_WAIT_SECONDS * 1000;
  let fates = await exportFates(pair, exportIds);
  while (fates.stillOpen > 0 && Date.now() < waitUntil) {
    await sleep(1000);
    fates = await exportFates(pair, exportIds);
  }

  console.log(`\n${table(rows)}\n`);
  console.log(`mix of first failures: ${JSON.stringify(Object.assign({}, ...rows.map((r) => r.outcome.failuresByKind)))}`);
  console.log(
    `writes acknowledged with 201: ${acknowledged.contacts.length} contacts, ${acknowledged.activities.length} activities; ` +
      `lost (not on the primary at the end): ${lost}`,
  );
  console.log(
    `export jobs: ${exportIds.length} started, ${fates.done} finished, ${fates.notExactlyOnce} not finished exactly once, ` +
      `${fates.takenAgain} taken up again after their process died`,
  );
  console.log(`transactions the replica answered during the throughput phases: ${servedByReplica}`);
  console.log(
    `balancer: nginx, ${BALANCING.tries} tries per request, max_fails=${BALANCING.maxFails} fail_timeout=${BALANCING.failTimeoutSeconds}s; ` +
      `DATABASE_READ_URL ${readUrlKnown ? 'used by the server' : 'set but not read by this server build'}; ` +
      `${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end (${loadAtStart} at the start)`,
  );

  for (const { phase, outcome } of rows)
    if (outcome.finalFailures > 0) failures.push(`${outcome.finalFailures} failed after retry (${phase})`);
  if (lost > 0) failures.push(`${lost} acknowledged writes lost`);
  if (exportIds.length === 0) failures.push('no export job was started');
  if (fates.done !== exportIds.length || fates.notExactlyOnce > 0) failures.push('an export job did not finish exactly once');
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await cleanUp();
}
if (failures.length > 0) {
  console.error(`\nGoals missed:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log('\nAll goals met: no request failed after one retry, no acknowledged write lost, every export finished exactly once.');
}
