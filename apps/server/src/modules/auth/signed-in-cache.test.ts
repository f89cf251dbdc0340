import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { makeBakery, makeWorkspace, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';
import { createSignedInCache, listenForAuthChanges } from './signed-in-cache.ts';

const t = useTestApp();

/** A second server process on the same database: its own pool, cache and listener. */
async function secondServer() {
  const { db, pool } = createDatabase(t.url, 3);
  const cache = createSignedInCache();
  const listener = listenForAuthChanges(pool, cache);
  await listener.ready;
  const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', signedInCache: cache });
  return {
    app,
    close: async () => {
      await app.close();
      await listener.stop();
      await pool.end();
    },
  };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describe('cached sign-ins across server processes', () => {
  it('a logout on one server ends the session on the other', async () => {
    const other = await secondServer();
    try {
      const { admin } = await makeWorkspace(t);
      const browser = await signIn(t, admin.email);
      const viaOther = () => other.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: browser.cookie } });
      expect((await viaOther()).statusCode).toBe(200);
      expect((await viaOther()).statusCode).toBe(200);
      await browser.request({ method: 'POST', url: '/api/v1/auth/logout' });
      expect(await eventually(async () => (await viaOther()).statusCode === 401)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a deactivation, a role change and a revoked token reach the other server', async () => {
    const other = await secondServer();
    try {
      const { admin } = await makeWorkspace(t);
      const adminBrowser = await signIn(t, admin.email);
      const email = uniqueEmail();
      const user = (
        await adminBrowser.request({ method: 'POST', url: '/api/v1/users', payload: { email, name: 'Lia', password: PASSWORD } })
      ).json();
      const lia = await signIn(t, email);
      const token = (await lia.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'sync' } })).json();
      const meByToken = () => other.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token.secret}` } });
      const meByCookie = () => other.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: lia.cookie } });
      expect((await meByCookie()).json().role).toBe('employee');

      await adminBrowser.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { role: 'manager' } });
      expect(await eventually(async () => (await meByCookie()).json().role === 'manager')).toBe(true);

      expect((await meByToken()).statusCode).toBe(200);
      await lia.request({ method: 'DELETE', url: `/api/v1/api-tokens/${token.id}` });
      expect(await eventually(async () => (await meByToken()).statusCode === 401)).toBe(true);

      await adminBrowser.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { active: false } });
      expect(await eventually(async () => (await meByCookie()).statusCode === 401)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a record shared on one server shows in the lists of the other, which remembered nothing shared', async () => {
    const other = await secondServer();
    try {
      const b = await makeBakery(t);
      const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
      const listed = async () =>
        (await other.app.inject({ method: 'GET', url: '/api/v1/companies', headers: { cookie: b.employeeB.browser.cookie } })).json<{
          data: { id: string }[];
          total: number;
        }>();
      // Bea's sign-in is cached on the other server, knowing nothing shared with her.
      expect((await listed()).total).toBe(0);
      expect((await listed()).total).toBe(0);
      await post(b.employeeA.browser, '/api/v1/record-shares', {
        entity: 'companies',
        recordId: company.id,
        userId: b.employeeB.user.id,
        access: 'read',
      });
      expect(await eventually(async () => (await listed()).data.some((row) => row.id === company.id))).toBe(true);
      expect((await listed()).total).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('forgets the cached sign-ins of a workspace after a write to access, not after other writes', async () => {
    // A server without a listener: only its own writes can empty its cache.
    const { db, pool } = createDatabase(t.url, 3);
    const cache = createSignedInCache();
    cache.setEnabled(true);
    const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent', signedInCache: cache });
    try {
      const { admin } = await makeWorkspace(t);
      const browser = await signIn(t, admin.email);
      const token = (await browser.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'cache' } })).json();
      const as = { authorization: `Bearer ${token.secret}` };
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: as })).statusCode).toBe(200);
      expect(cache.get(`t:${token.secret}`)).toBeDefined();
      const company = await app.inject({ method: 'POST', url: '/api/v1/companies', headers: as, payload: { name: 'Forno' } });
      expect(company.statusCode).toBe(201);
      expect(cache.get(`t:${token.secret}`)).toBeDefined();
      const profile = await app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as, payload: { name: 'Renamed' } });
      expect(profile.statusCode).toBe(200);
      expect(cache.get(`t:${token.secret}`)).toBeUndefined();
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: as })).json().name).toBe('Renamed');
    } finally {
      await app.close();
      await pool.end();
    }
  });
});
