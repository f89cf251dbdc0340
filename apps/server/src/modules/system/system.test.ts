import type { TSystemStatus } from '@clientela/contract';
import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { createReadReplicas } from '../../db/replicas.ts';
import { buildApp } from '../../http/app.ts';
import { clientelaVersion } from '../../ops/manifest.ts';
import { type Browser, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const status = async (browser: Browser): Promise<TSystemStatus> => {
  const response = await browser.request({ method: 'GET', url: '/api/v1/system/status' });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  return response.json();
};

describe('the system status', () => {
  it('tells an admin about this process, the database and the jobs, and lists no replica when none is configured', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const before = Date.now();
    const body = await status(owner);

    expect(body.version).toBe(clientelaVersion());
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.processId).toBe(process.pid);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    // startedAt and uptime describe the same moment: the process started before this request.
    expect(Date.parse(body.startedAt)).toBeLessThanOrEqual(before);
    expect(Math.abs(Date.parse(body.startedAt) + body.uptimeSeconds * 1000 - Date.now())).toBeLessThan(60_000);

    const { rows } = await t.pool.query<{ version: string; size: string; migrations: number }>(
      `SELECT current_setting('server_version') AS version, pg_database_size(current_database())::text AS size,
         (SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS migrations`,
    );
    expect(rows[0]?.version.startsWith(body.database.serverVersion)).toBe(true);
    expect(body.database.serverVersion).toMatch(/^\d+(\.\d+)?$/);
    expect(body.database.sizeBytes).toBeGreaterThan(1024 * 1024);
    expect(body.database.migrationsApplied).toBe(rows[0]?.migrations);
    expect(body.database.migrationsApplied).toBeGreaterThanOrEqual(60);
    expect(body.database.migrationsPending).toBe(0);
    // At least the connection answering this query and the listeners the app holds.
    expect(body.database.connections).toBeGreaterThanOrEqual(2);

    expect(body.replicas).toEqual([]);
    // This test's server runs no job queue: pg-boss has no tables yet, and nothing is queued.
    expect(body.jobs).toEqual({ queued: 0, active: 0, failedLastDay: 0 });
  });

  it('counts the jobs waiting, running and failed in the last day, archived ones too', async () => {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => t.pool.query(text, values) },
      schema: 'pgboss',
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      const queue = 'system-status-test';
      await boss.createQueue(queue, { name: queue, retryLimit: 0 });
      await boss.send(queue, { n: 1 });
      await boss.send(queue, { n: 2 });
      await boss.send(queue, { n: 3 });
      // One job taken by a worker and running, one failed, one waiting.
      const [running] = await boss.fetch(queue);
      const [failing] = await boss.fetch(queue);
      if (!running || !failing) throw new Error('no job to fetch');
      await boss.fail(queue, failing.id, { message: 'the printer is out of paper' });
      // pg-boss moves finished jobs to its archive after a while: a failure there counts while it is recent.
      await t.pool.query(
        `INSERT INTO pgboss.archive (id, name, priority, state, retry_limit, retry_count, retry_delay, retry_backoff,
           start_after, expire_in, created_on, completed_on, keep_until)
         SELECT gen_random_uuid(), name, priority, finished.state::pgboss.job_state, retry_limit, retry_count, retry_delay,
           retry_backoff, start_after, expire_in, created_on, now() - finished.ago::interval, keep_until
         FROM pgboss.job, (VALUES ('failed', '2 hours'), ('failed', '2 days'), ('completed', '1 hour')) AS finished (state, ago)
         WHERE id = $1`,
        [failing.id],
      );

      const { admin } = await makeWorkspace(t);
      const body = await status(await signIn(t, admin.email));
      expect(body.jobs).toEqual({ queued: 1, active: 1, failedLastDay: 2 });
    } finally {
      await boss.stop({ graceful: false, close: false, wait: true });
    }
  });

  it('is for admins only: an employee and a manager are refused, an anonymous caller must sign in', async () => {
    const b = await makeBakery(t);
    for (const browser of [b.employeeA.browser, b.managerA.browser]) {
      const refused = await browser.request({ method: 'GET', url: '/api/v1/system/status' });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'forbidden' });
      expect(refused.body).not.toContain('serverVersion');
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/system/status' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('lists a configured replica that does not answer as down, with its lag unknown', async () => {
    const replicas = createReadReplicas(['postgres://nobody:nothing@127.0.0.1:1/none'], t.pool, 1);
    const app = await buildApp({
      db: t.db,
      ping: async () => {
        await t.pool.query('SELECT 1');
      },
      logLevel: 'silent',
      authRateLimit: 100_000,
      replicas,
    });
    try {
      const { admin } = await makeWorkspace(t);
      const owner = await signIn({ ...t, app }, admin.email);
      const body = await status(owner);
      expect(body.replicas).toEqual([{ name: '127.0.0.1:1', up: false, lagSeconds: null, lagBytes: null }]);
      // The primary still answers everything else.
      expect(body.database.migrationsPending).toBe(0);
    } finally {
      await app.close();
      await replicas.close();
    }
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/v1/system/status']?.get?.responses?.['200']).toBeTruthy();
  });
});
