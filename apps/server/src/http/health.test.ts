import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../db/client.ts';
import { migrationsFolder } from '../db/migrate.ts';
import { useTestApp } from '../test/harness.ts';
import { buildApp } from './app.ts';
import { pendingMigrations } from './health.ts';

const t = useTestApp();

// A route of this test only: it holds its answer until the test lets it go, then still asks the database.
let release: () => void = () => {};
let entered: Promise<void>;
beforeAll(() => {
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  entered = new Promise<void>((resolve) => {
    t.app.get('/api/test/slow', { config: { public: true }, schema: { hide: true } }, async () => {
      resolve();
      await gate;
      const { rows } = await t.pool.query<{ one: number }>('SELECT 1 AS one FROM pg_sleep(0.05)');
      return { finished: rows[0]?.one === 1 };
    });
  });
});

/** A database of this run's server made with nothing in it (no migration applied). */
async function emptyDatabase() {
  const name = `${inject('runPrefix')}_empty_${process.pid}`;
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject('adminUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: inject('adminUrl') });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

describe('/api/ready', () => {
  it('answers 200 ready without a session when the database answers and every migration is applied', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', draining: false } });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is left out of the OpenAPI document, like /api/health', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths).not.toContain('/api/ready');
    expect(paths).not.toContain('/api/health');
  });

  it('counts as pending a migration of the bundle newer than the newest the database applied', async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-journal-'));
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));
    journal.entries.push({
      idx: journal.entries.length,
      version: '7',
      when: Date.now() + 86_400_000,
      tag: '9999_later',
      breakpoints: true,
    });
    fs.mkdirSync(path.join(folder, 'meta'));
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
    try {
      expect(await pendingMigrations(t.db, folder)).toEqual(['9999_later']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('answers 503 service_unavailable naming the migrations check on a database not migrated', async () => {
    const empty = await emptyDatabase();
    const { db, pool } = createDatabase(empty.url, 2);
    const app = await buildApp({ db, ping: async () => void (await pool.query('SELECT 1')), logLevel: 'silent' });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'service_unavailable', status: 503, check: 'migrations' });
      expect(response.json().detail).toContain('0000_extensions');
      // Alive all the same: the process runs and reaches its database.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await pool.end();
      await empty.drop();
    }
  });

  it('answers 503 naming the database check when the database cannot be reached', async () => {
    // Nothing listens on port 1: every connection is refused.
    const { db, pool } = createDatabase('postgres://clientela@127.0.0.1:1/nothing', 1);
    const app = await buildApp({ db, ping: async () => void (await pool.query('SELECT 1')), logLevel: 'silent' });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'service_unavailable', check: 'database' });
      expect(response.headers['retry-after']).toBe('5');
    } finally {
      await app.close();
      await pool.end();
    }
  });
});

describe('draining', () => {
  // Last in the file: it closes the test app.
  afterAll(() => release());

  it('answers 503 on /api/ready once draining, and lets a request in flight finish while the server closes', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const slow = fetch(`${address}/api/test/slow`);
    await entered;

    t.app.drain.start();
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.json()).toMatchObject({ code: 'service_unavailable', status: 503, check: 'draining' });
    // Still alive: a supervisor must not restart a process that is stopping in order.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    const closed = t.app.close();
    // The listening socket is closed at once: a balancer's new connections go to another process.
    await expect(fetch(`${address}/api/health`)).rejects.toThrow();
    release();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closed;
  });
});
