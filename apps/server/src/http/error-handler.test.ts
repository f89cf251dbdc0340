import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { handleError } from './error-handler.ts';

/** A bare Fastify app with the application's error handler and a route that throws what it is given. */
async function appThrowing(error: Error) {
  const app = Fastify();
  app.setErrorHandler(handleError);
  app.get('/api/v1/boom', async () => {
    throw error;
  });
  await app.ready();
  return app;
}

describe('errors from PostgreSQL that the caller should repeat', () => {
  // pg raises these with the SQLSTATE in `code`; Drizzle wraps them with the original as `cause`.
  const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
  const serialization = Object.assign(new Error('could not serialize access'), { code: '40001' });
  const wrapped = Object.assign(new Error('Failed query: UPDATE deal …'), { cause: deadlock });

  for (const [name, error] of [
    ['a deadlock', deadlock],
    ['a serialisation failure', serialization],
    ['a deadlock wrapped by the query builder', wrapped],
  ] as const) {
    it(`answers ${name} with 409 conflict and a retry-after, not 500`, async () => {
      const app = await appThrowing(error);
      const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toBe('1');
      expect(response.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('try again') });
      await app.close();
    });
  }

  it('still answers an unknown failure with 500', async () => {
    const app = await appThrowing(new Error('disk on fire'));
    const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(response.statusCode).toBe(500);
    await app.close();
  });
});

describe('a database out of reach or a full disk', () => {
  // Shapes node-postgres and Node give these failures; the query builder wraps them as `cause`.
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect' });
  const noSocket = Object.assign(new Error('connect ENOENT /data/pg/.s.PGSQL.5432'), { code: 'ENOENT', syscall: 'connect' });
  const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  const shuttingDown = Object.assign(new Error('the database system is shutting down'), { code: '57P03' });
  const linkFailure = Object.assign(new Error('connection failure'), { code: '08006' });
  const terminated = new Error('Connection terminated unexpectedly');
  const poolTimeout = new Error('timeout exceeded when trying to connect');
  const wrapped = Object.assign(new Error('Failed query: select …'), { cause: adminShutdown });

  for (const [name, error] of [
    ['a refused connection', refused],
    ['a missing Unix socket', noSocket],
    ['an administrator shutdown', adminShutdown],
    ['a server shutting down', shuttingDown],
    ['a connection failure (class 08)', linkFailure],
    ['a connection dropped mid-query', terminated],
    ['a pool that waited too long', poolTimeout],
    ['a shutdown wrapped by the query builder', wrapped],
  ] as const) {
    it(`answers ${name} with 503 service_unavailable and a retry-after`, async () => {
      const app = await appThrowing(error);
      const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({ code: 'service_unavailable', status: 503 });
      await app.close();
    });
  }

  const diskFull = Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' });
  const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
  for (const [name, error] of [
    ['PostgreSQL out of disk space', diskFull],
    ['a file write out of disk space', enospc],
    ['a full disk wrapped by the query builder', Object.assign(new Error('Failed query: insert …'), { cause: diskFull })],
  ] as const) {
    it(`answers ${name} with 507 storage_full`, async () => {
      const app = await appThrowing(error);
      const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
      expect(response.statusCode).toBe(507);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'storage_full', status: 507 });
      await app.close();
    });
  }

  it('keeps a missing file (not a socket) out of it', async () => {
    const app = await appThrowing(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open' }));
    const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(response.statusCode).toBe(500);
    await app.close();
  });
});
