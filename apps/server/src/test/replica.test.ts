import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createReadReplicas, type ReadReplicas, walPosition } from '../db/replicas.ts';
import { buildApp } from '../http/app.ts';
import { WROTE_COOKIE } from '../http/read-routing.ts';
import { createWorkspace } from '../modules/workspaces/index.ts';
import {
  createAppDatabase,
  createPrimaryAndReplica,
  findPg15Bin,
  type PgPair,
  sql,
  startNode,
  stopNode,
  stopNodeQuietly,
  urlOf,
  waitStreaming,
} from './pg-pair.ts';

// A real PostgreSQL 15 primary with a real streaming replica (DATABASE_READ_URL), and the
// application on both: reads go to the replica only once it has replayed the person's own writes.

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const ADMIN = { email: 'reader@example.test', password: 'replica test password' };
let root = '';
let pair: PgPair | undefined;
let pool: pg.Pool | undefined;
let replicas: ReadReplicas | undefined;
let app: FastifyInstance;
let replicaUrl = '';
let headers: Record<string, string> = {};

beforeAll(async () => {
  const found = findPg15Bin();
  if ('missing' in found) throw new Error(found.missing);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-replica-'));
  fs.chmodSync(root, 0o755);
  pair = await createPrimaryAndReplica(root, { primary: await freePort(), replica: await freePort() }, found.bin);
  await waitStreaming(pair);
  const password = await createAppDatabase(pair, 'clientela');
  const primaryUrl = urlOf(pair.primary, 'clientela', 'clientela', password);
  replicaUrl = urlOf(pair.replica, 'clientela', 'clientela', password);
  await runMigrations(primaryUrl);
  const database = createDatabase(primaryUrl, 6);
  pool = database.pool;
  await createWorkspace(database.db, {
    workspaceName: 'Replica bakery',
    name: 'Rita Reader',
    ...ADMIN,
    locale: 'en',
    timeZone: 'Europe/Rome',
  });
  replicas = createReadReplicas([replicaUrl], pool, 2);
  app = await buildApp({ db: database.db, ping: async () => {}, logLevel: 'silent', replicas });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
  expect(login.statusCode).toBe(200);
  const session = login.cookies.find((c) => c.name === 'clientela_session')?.value;
  headers = { cookie: `clientela_session=${session}`, 'x-csrf-token': login.json().csrfToken };
}, 180_000);

afterAll(async () => {
  await app?.close();
  await replicas?.close();
  await pool?.end();
  if (pair) {
    stopNodeQuietly(pair, pair.replica);
    stopNodeQuietly(pair, pair.primary);
  }
  if (root) fs.rmSync(root, { recursive: true, force: true });
}, 120_000);

/** Polls until `check` holds, for up to 15 s. */
async function eventually(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** How often the replica has read the contact table itself (its own statistics, not the primary's). */
const replicaContactScans = () =>
  sql(pair as PgPair, (pair as PgPair).replica, 'clientela', async (client) => {
    const { rows } = await client.query<{ n: string }>(
      `SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = 'contact'`,
    );
    return Number(rows[0]?.n ?? 0);
  });

describe('read replicas', () => {
  it('shows each write to the next read at once, and serves reads from the replica once it has caught up', async () => {
    await eventually(async () => replicas?.pick(null) !== undefined, 'the replica is seen streaming');
    let wrote = '';
    for (let i = 0; i < 15; i++) {
      const name = `Replicated${i}`;
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers,
        payload: { firstName: name, lastName: 'Baker' },
      });
      expect(created.statusCode).toBe(201);
      wrote = created.cookies.find((c) => c.name === WROTE_COOKIE)?.value ?? '';
      expect(wrote).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      // The very next read, with the write's position: it finds what was just written.
      const found = await app.inject({
        method: 'GET',
        url: `/api/v1/search?q=${name}`,
        headers: { ...headers, cookie: `${headers.cookie}; ${WROTE_COOKIE}=${wrote}` },
      });
      expect(found.statusCode).toBe(200);
      expect(found.json().data.map((hit: { title: string }) => hit.title)).toContain(`${name} Baker`);
    }

    // Caught up: the same reads now run on the replica (its own table statistics grow).
    await eventually(async () => replicas?.pick(walPosition(wrote)) !== undefined, 'the replica has replayed the writes');
    const before = await replicaContactScans();
    for (let i = 0; i < 5; i++) {
      const found = await app.inject({
        method: 'GET',
        url: '/api/v1/search?q=Replicated3',
        headers: { ...headers, cookie: `${headers.cookie}; ${WROTE_COOKIE}=${wrote}` },
      });
      expect(found.json().data.map((hit: { title: string }) => hit.title)).toContain('Replicated3 Baker');
    }
    await eventually(async () => (await replicaContactScans()) > before, 'the replica reports its own reads of contacts');
  });

  it('answers from the primary while the replica is down, and uses the replica again once it is back', async () => {
    const p = pair as PgPair;
    stopNode(p, p.replica, 'fast');
    await eventually(async () => (await replicas?.status())?.[0]?.up === false, 'the replica is seen down');
    for (let i = 0; i < 5; i++) {
      const found = await app.inject({ method: 'GET', url: '/api/v1/search?q=Replicated7', headers });
      expect(found.statusCode).toBe(200);
      expect(found.json().data.map((hit: { title: string }) => hit.title)).toContain('Replicated7 Baker');
    }
    const status = await app.inject({ method: 'GET', url: '/api/v1/system/status', headers });
    expect(status.json().replicas).toEqual([expect.objectContaining({ up: false, lagSeconds: null })]);
    startNode(p, p.replica);
    await eventually(async () => (await replicas?.status())?.[0]?.up === true, 'the replica is back');
    const back = await app.inject({ method: 'GET', url: '/api/v1/search?q=Replicated7', headers });
    expect(back.statusCode).toBe(200);
  });
});
