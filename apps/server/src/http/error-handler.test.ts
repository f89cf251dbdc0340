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
