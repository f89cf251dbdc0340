import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import { createSignedInCache, listenForAuthChanges } from '../modules/auth/signed-in-cache.ts';
import { listenForNotifications } from '../modules/notifications/live.ts';
import { createWorkspace } from '../modules/workspaces/index.ts';
import { PASSWORD, uniqueEmail } from './harness.ts';

// PostgreSQL 15 as Debian installs it; PG_BIN points elsewhere. This file stops and starts its own
// cluster, so it cannot share the test run's one.
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const hasPostgres = fs.existsSync(path.join(PG_BIN, 'pg_ctl'));
if (!hasPostgres) console.warn(`crash.test.ts: no PostgreSQL binaries in ${PG_BIN} (set PG_BIN); the restart test is skipped`);
const runAsRoot = os.userInfo().uid === 0;

/** Runs a PostgreSQL tool, as the `postgres` account when we are root (PostgreSQL refuses root). */
function pgTool(tool: string, args: string[]) {
  const command = path.join(PG_BIN, tool);
  if (runAsRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Repeats `attempt` until it returns true, a few hundred times at most (no clock in the assertion). */
async function eventually(attempt: () => Promise<boolean>, tries = 300): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await attempt()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe.skipIf(!hasPostgres)('PostgreSQL restarted under a running server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-crash-'));
  const pgDir = path.join(dir, 'pg');
  let port = 0;
  let app: FastifyInstance;
  let pool: pg.Pool;
  let stopListening: () => Promise<void>;
  let stopLive: () => Promise<void>;
  let headers: Record<string, string>;

  const startPostgres = () =>
    pgTool('pg_ctl', [
      '-D',
      pgDir,
      '-w',
      '-l',
      path.join(dir, 'pg.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  const stopPostgres = (mode: 'fast' | 'immediate') => pgTool('pg_ctl', ['-D', pgDir, '-w', '-m', mode, 'stop']);
  const request = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    fs.chmodSync(dir, 0o755);
    if (runAsRoot) execFileSync('chown', ['postgres:postgres', dir]);
    port = await freePort();
    pgTool('initdb', ['-D', pgDir, '-U', 'clientela', '--auth=trust', '--encoding=UTF8', '--no-instructions']);
    startPostgres();
    const url = `postgres://clientela@127.0.0.1:${port}/postgres`;
    await runMigrations(url);
    const database = createDatabase(url, 6);
    pool = database.pool;
    const signedInCache = createSignedInCache();
    const listener = listenForAuthChanges(pool, signedInCache);
    const live = listenForNotifications(pool);
    stopListening = listener.stop;
    stopLive = live.stop;
    await Promise.all([listener.ready, live.ready]);
    app = await buildApp({
      db: database.db,
      signedInCache,
      live,
      ping: async () => {
        await pool.query('SELECT 1');
      },
      logLevel: 'silent',
    });
    const email = uniqueEmail('admin');
    await createWorkspace(database.db, {
      workspaceName: 'Bakery Rossi',
      name: 'Anna Rossi',
      email,
      password: PASSWORD,
      locale: 'en',
      timeZone: 'Europe/Rome',
    });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'clientela_session');
    headers = { cookie: `clientela_session=${cookie?.value}`, 'x-csrf-token': login.json().csrfToken };
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await stopListening?.();
    await stopLive?.();
    await pool?.end();
    if (fs.existsSync(path.join(pgDir, 'postmaster.pid'))) stopPostgres('immediate');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const mode of ['fast', 'immediate'] as const) {
    it(`answers 503 with Retry-After while PostgreSQL is stopped (${mode}) and recovers without a restart`, async () => {
      const before = await request('POST', '/api/v1/contacts', { firstName: 'Giulia', lastName: `Before ${mode}` });
      expect(before.statusCode).toBe(201);
      const id = before.json().id as string;

      // Requests in flight as PostgreSQL goes: each finishes before it (2xx) or gets 503, never 500.
      const inFlight = Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? request('GET', '/api/v1/contacts')
          : request('POST', '/api/v1/contacts', { firstName: 'Mid', lastName: `${mode} ${i}` }),
      );
      stopPostgres(mode);
      for (const response of await Promise.all(inFlight)) {
        expect([200, 201, 503]).toContain(response.statusCode);
      }

      for (const response of [
        await request('GET', '/api/v1/contacts'),
        await request('GET', `/api/v1/contacts/${id}`),
        await request('POST', '/api/v1/contacts', { firstName: 'Giulia', lastName: 'During' }),
        await app.inject({ method: 'GET', url: '/api/health' }),
      ]) {
        expect(response.statusCode).toBe(503);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.headers['retry-after']).toBe('5');
        expect(response.json()).toMatchObject({ code: 'service_unavailable' });
      }

      startPostgres();
      // The pool drops its broken connections and opens new ones; the server is never restarted.
      expect(await eventually(async () => (await request('GET', `/api/v1/contacts/${id}`)).statusCode === 200)).toBe(true);
      const after = await request('POST', '/api/v1/contacts', { firstName: 'Giulia', lastName: `After ${mode}` });
      expect(after.statusCode).toBe(201);
      expect((await request('GET', `/api/v1/contacts/${after.json().id}`)).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      // The connections that LISTEN for sign-in changes and new notices come back by themselves.
      const listening = async () => {
        const { rows } = await pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND query LIKE 'LISTEN %'",
        );
        return (rows[0]?.n ?? 0) >= 2;
      };
      expect(await eventually(listening)).toBe(true);
    }, 60_000);
  }
});
