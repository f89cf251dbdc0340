// The real server as an operator runs it: the built bundle (apps/server/dist/main.js) in its own
// process on a data directory, so a benchmark can load it over HTTP, kill it and start it again.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The Node options `npm start` gives the server (the start script in package.json), so a bench runs it alike. */
const START_NODE_ARGS = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start as string)
  .split(' ')
  .filter((word) => word.startsWith('--'));
export const benchAdmin = { email: 'bench@example.test', password: 'bench password 123' };

/** Builds the server bundle once, as `npm start` does when the sources changed. */
export function buildServer(): void {
  const result = spawnSync('npm', ['run', 'build', '-w', '@clientela/server'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the server failed');
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh data directory the `postgres` account can enter too. */
export function tempDataDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `clientela-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export type ServerProcess = { child: ChildProcess; exited: Promise<unknown>; readyMs: number; port: number };

/** Starts dist/main.js on `dataDir`; resolves once /api/health answers 200, with the time that took. */
export async function startServerProcess(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS adds Node options to the server only, e.g. "--cpu-prof --cpu-prof-dir=<folder>".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...START_NODE_ARGS, ...nodeArgs, path.join(root, 'apps/server/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      CLIENTELA_DATA_DIR: dataDir,
      CLIENTELA_ADMIN_EMAIL: benchAdmin.email,
      CLIENTELA_ADMIN_PASSWORD: benchAdmin.password,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await waitHealthy(port, () => child.exitCode !== null);
  return { child, exited, readyMs: performance.now() - started, port };
}

/** Polls /api/health every 20 ms until it answers 200 (or `gaveUp` says the server died). */
export async function waitHealthy(port: number, gaveUp: () => boolean = () => false): Promise<void> {
  for (;;) {
    if (gaveUp()) throw new Error('the server exited before it was healthy');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Stops the server as an operator would (SIGTERM) and waits for it. */
export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

export type Session = { cookie: string; csrfToken: string };

/** Signs in through the login route; the cookie and CSRF token go on every later call. */
export async function signInOver(port: number, who = benchAdmin): Promise<Session> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken };
}

/** Headers of a signed-in JSON call. */
export function headersOf(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
}

/** p-th percentile (0–100) of some numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
