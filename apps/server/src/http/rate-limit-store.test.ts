import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { buildApp } from './app.ts';

const t = useTestApp();
const LIMIT = 3;
let first: FastifyInstance;
let second: FastifyInstance;

// Two server processes on one database, as behind a balancer: each its own application.
beforeAll(async () => {
  const options = { db: t.db, ping: async () => {}, logLevel: 'silent', authRateLimit: LIMIT };
  first = await buildApp(options);
  second = await buildApp(options);
});
afterAll(async () => {
  await first.close();
  await second.close();
});

const setup = (app: FastifyInstance, ip: string) =>
  app.inject({ method: 'POST', url: '/api/v1/setup', payload: {}, remoteAddress: ip }).then((response) => response.statusCode);

describe('rate limits across server processes', () => {
  it('count one window for a client however the requests are spread over the processes', async () => {
    const ip = '203.0.113.7';
    const answers = [];
    for (let i = 0; i < LIMIT; i++) answers.push(await setup(i % 2 === 0 ? first : second, ip));
    expect(answers.every((status) => status !== 429)).toBe(true);
    expect(await setup(second, ip)).toBe(429);
    expect(await setup(first, ip)).toBe(429);
    // Another client and another route have windows of their own.
    expect(await setup(first, '203.0.113.8')).not.toBe(429);
    const login = await second.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {}, remoteAddress: ip });
    expect(login.statusCode).toBe(400);
  });

  it('start a new window when the last one is over', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < LIMIT; i++) await setup(first, ip);
    expect(await setup(second, ip)).toBe(429);
    await t.pool.query(`UPDATE rate_limit_hit SET window_ends_at = now() - interval '1 second' WHERE key LIKE $1`, [`%|${ip}`]);
    expect(await setup(second, ip)).not.toBe(429);
    const { rows } = await t.pool.query(`SELECT hits FROM rate_limit_hit WHERE key LIKE $1`, [`%/setup|${ip}`]);
    expect(rows).toEqual([{ hits: 1 }]);
  });
});
