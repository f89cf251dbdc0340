// Shared helpers of the benchmarks: start the real server the way `npm start` does, wait for
// it, stop it. Benchmarks print their figures; they are never part of `npm test`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const admin = { email: 'bench@example.test', password: 'bench password 123' };

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function tempDataDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `clientela-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Starts `npm start`'s script on a data directory; resolves when /api/health answers 200. */
export async function startServer({ dataDir, port, env = {} }) {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      CLIENTELA_DATA_DIR: dataDir,
      CLIENTELA_ADMIN_EMAIL: admin.email,
      CLIENTELA_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited before it was healthy');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const readyMs = performance.now() - started;
  return {
    readyMs,
    child,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function signIn(port) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const { csrfToken } = await response.json();
  return { cookie: response.headers.get('set-cookie').split(';')[0], csrfToken };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
