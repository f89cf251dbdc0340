// kill -9 under write load: no write the server acknowledged is lost, and it is ready again fast.
// Usage: npx tsx bench/crash.ts [--rounds 5] [--clients 20] [--no-build]
// Builds the server bundle, starts it on a fresh data directory (embedded PostgreSQL), and per
// round lets N clients create contacts as fast as they can, recording each id the server answered
// 201 for; after 2–4 s the server gets SIGKILL (its PostgreSQL is left running, as after a real
// crash), is started again, and the time until /api/health answers is measured. Then every
// acknowledged contact is read back: a missing one is a lost write. Prints figures per round.
import fs from 'node:fs';
import {
  buildServer,
  freePort,
  headersOf,
  percentile,
  type ServerProcess,
  type Session,
  signInOver,
  startServerProcess,
  stopServerProcess,
  tempDataDir,
} from './lib/server-process.ts';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const rounds = option('rounds', 5);
const clients = option('clients', 20);

if (!process.argv.includes('--no-build')) buildServer();
const dataDir = tempDataDir('crash');
const port = await freePort();
let server: ServerProcess = await startServerProcess(dataDir, port);
console.log(`first start (new data directory): ready in ${Math.round(server.readyMs)} ms`);
const session: Session = await signInOver(port);
const base = `http://127.0.0.1:${port}`;
const acknowledged: string[] = [];
const restarts: number[] = [];
let lost = 0;

/** One client: creates contacts until told to stop; ids answered 201 are acknowledged. */
async function writer(round: number, client: number, stop: { now: boolean }) {
  let counts = { ok: 0, failed: 0 };
  for (let i = 0; !stop.now; i++) {
    try {
      const response = await fetch(`${base}/api/v1/contacts`, {
        method: 'POST',
        headers: headersOf(session),
        body: JSON.stringify({ firstName: 'Crash', lastName: `r${round} c${client} n${i}` }),
      });
      if (response.status === 201) {
        acknowledged.push(((await response.json()) as { id: string }).id);
        counts = { ...counts, ok: counts.ok + 1 };
      } else {
        await response.body?.cancel();
        counts = { ...counts, failed: counts.failed + 1 };
      }
    } catch {
      // The server died under this request: it was never acknowledged.
      counts = { ...counts, failed: counts.failed + 1 };
      if (server.child.exitCode !== null) break;
    }
  }
  return counts;
}

/** Reads every acknowledged contact back, 20 at a time; counts the ones that are gone. */
async function missingOf(ids: string[]): Promise<number> {
  let missing = 0;
  for (let i = 0; i < ids.length; i += 20) {
    const statuses = await Promise.all(
      ids.slice(i, i + 20).map(async (id) => {
        const response = await fetch(`${base}/api/v1/contacts/${id}`, { headers: headersOf(session) });
        await response.body?.cancel();
        return response.status;
      }),
    );
    for (const status of statuses) if (status !== 200) missing += 1;
  }
  return missing;
}

try {
  for (let round = 1; round <= rounds; round++) {
    const before = acknowledged.length;
    const stop = { now: false };
    const writers = Array.from({ length: clients }, (_, client) => writer(round, client, stop));
    await new Promise((resolve) => setTimeout(resolve, 2000 + Math.random() * 2000));
    server.child.kill('SIGKILL');
    await server.exited;
    stop.now = true;
    const results = await Promise.all(writers);
    const unanswered = results.reduce((sum, r) => sum + r.failed, 0);
    server = await startServerProcess(dataDir, port);
    restarts.push(server.readyMs);
    const missing = await missingOf(acknowledged);
    lost += missing;
    console.log(
      `round ${round}: ${acknowledged.length - before} writes acknowledged, ${unanswered} cut off by the kill; ` +
        `ready again in ${Math.round(server.readyMs)} ms; ${missing} of ${acknowledged.length} acknowledged contacts missing`,
    );
  }
  console.log(
    `\n${rounds} kills under ${clients} writing clients: ${acknowledged.length} acknowledged writes, ${lost} lost; ` +
      `ready again after kill -9: median ${Math.round(percentile(restarts, 50))} ms, worst ${Math.round(Math.max(...restarts))} ms`,
  );
  if (lost > 0 || Math.max(...restarts) >= 10_000) process.exitCode = 1;
} finally {
  await stopServerProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
