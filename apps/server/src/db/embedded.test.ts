import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from './embedded.ts';

/**
 * The real server process on the embedded PostgreSQL: what a person gets from `npm start`,
 * including being killed with SIGKILL and started again.
 */
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-embedded-'));
fs.chmodSync(dataDir, 0o755);
const admin = { email: 'owner@example.test', password: 'a long enough password' };
const spawned: ChildProcess[] = [];

type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

async function startServer(options: { dataDir?: string; asUser?: string } = {}): Promise<Server> {
  const port = await findFreePort();
  const node = [process.execPath, '--import', 'tsx', 'src/main.ts'];
  const [command, ...args] = options.asUser ? ['runuser', '-u', options.asUser, '--', ...node] : node;
  const child = spawn(command ?? process.execPath, args, {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      CLIENTELA_DATA_DIR: options.dataDir ?? dataDir,
      CLIENTELA_ADMIN_EMAIL: admin.email,
      CLIENTELA_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

async function waitHealthy(server: Server, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy in time: ${server.output()}`);
}

async function signIn(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken };
}

function postmasterPid(): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  return Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\)\s+Z\s/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

afterAll(async () => {
  for (const child of spawned) if (child.exitCode === null) child.kill('SIGKILL');
  const pid = postmasterPid();
  if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
  await new Promise((resolve) => setTimeout(resolve, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server on its embedded PostgreSQL', () => {
  let first: Server;

  it('starts on an empty data directory and creates the admin from the bootstrap variables', async () => {
    first = await startServer();
    await waitHealthy(first);
    const { cookie, csrfToken } = await signIn(first.port);
    const created = await fetch(`http://127.0.0.1:${first.port}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Kept across restarts' }),
    });
    expect(created.status).toBe(201);
  }, 90_000);

  it('refuses a second server on the same data directory with a clear message', async () => {
    const second = await startServer();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another Clientela server \(PID \d+\) is already running on the data directory/);
    const health = await fetch(`http://127.0.0.1:${first.port}/api/health`);
    expect(health.status).toBe(200);
  }, 60_000);

  it('after kill -9 starts again, stops the orphaned PostgreSQL, and the data is intact', async () => {
    const orphan = postmasterPid();
    expect(orphan).not.toBeNull();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan ?? 0)).toBe(true);

    const restarted = await startServer();
    await waitHealthy(restarted);
    expect(alive(orphan ?? 0)).toBe(false);
    const { cookie } = await signIn(restarted.port);
    const units = await fetch(`http://127.0.0.1:${restarted.port}/api/v1/units`, { headers: { cookie } });
    const body = (await units.json()) as { data: { name: string }[] };
    expect(body.data.map((u) => u.name)).toEqual(['Kept across restarts']);
    first = restarted;
  }, 90_000);

  it('stops PostgreSQL and releases the data directory on SIGTERM', async () => {
    const postgres = postmasterPid();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(alive(postgres ?? 0)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'clientela.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});

// Root is where the cluster must be handed to an unprivileged account; a normal user runs it
// directly. CI runs as root, so this covers the normal user's way there.
describe.runIf(process.getuid?.() === 0)('started by a normal user', () => {
  it('initialises and runs the cluster as that user', async () => {
    const ownDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-user-'));
    fs.chownSync(ownDir, 65534, 65534);
    try {
      const server = await startServer({ dataDir: ownDir, asUser: 'nobody' });
      await waitHealthy(server);
      await signIn(server.port);
      const pid = Number(fs.readFileSync(path.join(ownDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(fs.statSync(`/proc/${pid}`).uid).toBe(65534);
      // Signal the server itself, not runuser in front of it.
      process.kill(Number(fs.readFileSync(path.join(ownDir, 'clientela.pid'), 'utf8')), 'SIGTERM');
      expect(await server.exited).toBe(0);
      expect(fs.existsSync(path.join(ownDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      fs.rmSync(ownDir, { recursive: true, force: true });
    }
  }, 90_000);
});
