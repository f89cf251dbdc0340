import { describe, expect, it } from 'vitest';
import { makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('personal API tokens', () => {
  it('shows the secret once; the token then works as a bearer without a CSRF token', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const created = await browser.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'Zapier' } });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    expect(secret).toMatch(/^clt_/);

    const list = await browser.request({ method: 'GET', url: '/api/v1/api-tokens' });
    expect(list.json().data).toEqual([expect.objectContaining({ id, name: 'Zapier', prefix: secret.slice(0, 8) })]);
    expect(JSON.stringify(list.json())).not.toContain(secret);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(admin.id);
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
      payload: { timeZone: 'Europe/Moscow' },
    });
    expect(write.statusCode).toBe(200);
    expect(write.json().timeZone).toBe('Europe/Moscow');
  });

  it('refuses a revoked token', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const { secret, id } = (await browser.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'Script' } })).json();
    expect((await browser.request({ method: 'DELETE', url: `/api/v1/api-tokens/${id}` })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
    expect((await browser.request({ method: 'GET', url: '/api/v1/api-tokens' })).json().data).toEqual([]);
  });

  it('refuses an expired token and an unknown one', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const past = new Date(Date.now() - 60_000).toISOString();
    const { secret } = (
      await browser.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'Old', expiresAt: past } })
    ).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer clt_nope' } })).statusCode).toBe(401);
  });

  it("does not let a colleague see or revoke someone else's token", async () => {
    const { admin } = await makeWorkspace(t);
    const adminBrowser = await signIn(t, admin.email);
    const { id, secret } = (await adminBrowser.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'Mine' } })).json();
    await adminBrowser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'colleague@example.test', name: 'Colleague', password: 'correct horse battery', role: 'admin' },
    });
    const colleague = await signIn(t, 'colleague@example.test');
    expect((await colleague.request({ method: 'GET', url: '/api/v1/api-tokens' })).json().data).toEqual([]);
    const revoke = await colleague.request({ method: 'DELETE', url: `/api/v1/api-tokens/${id}` });
    expect(revoke.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);
  });

  it('validates the input and changes nothing on error', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const bad = await browser.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: '', userId: admin.id } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'name' }), { path: 'userId', message: 'Unknown field' }]),
    );
    expect((await browser.request({ method: 'GET', url: '/api/v1/api-tokens' })).json().total).toBe(0);
  });
});
