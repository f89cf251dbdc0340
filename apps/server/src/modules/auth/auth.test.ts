import { describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';
import { THROTTLE } from './login-throttle.ts';

const t = useTestApp();

describe('login', () => {
  it('returns 200, the user and an HttpOnly SameSite=Lax session cookie; /me then returns the user', async () => {
    const { admin } = await makeWorkspace(t);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: admin.email, password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: admin.id, email: admin.email, role: 'admin' });
    expect(response.json().csrfToken).toEqual(expect.any(String));
    const cookie = response.cookies.find((c) => c.name === 'clientela_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { clientela_session: cookie?.value ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: admin.id, email: admin.email, workspace: { name: 'Bakery Rossi' } });
    expect(me.json()).not.toHaveProperty('passwordHash');
  });

  it('treats the e-mail case-insensitively', async () => {
    const { admin } = await makeWorkspace(t);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email.toUpperCase(), password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers a wrong password with 401 problem+json and no cookie', async () => {
    const { admin } = await makeWorkspace(t);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: 'not the password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(response.cookies).toHaveLength(0);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: uniqueEmail(), password: 'whatever' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('invalid_credentials');
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('malformed_json');
  });

  it('rejects unknown fields and names them', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.com', password: 'x', role: 'admin' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'role', message: 'Unknown field' }] });
  });

  it('refuses bodies that are not JSON (415) and bodies that are too large (413)', async () => {
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a@b.c',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('unsupported_media_type');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it(`answers 429 after ${THROTTLE.perEmail} failed attempts for one e-mail, even with the right password`, async () => {
    const { admin } = await makeWorkspace(t);
    for (let i = 0; i < THROTTLE.perEmail; i++) {
      const failed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: admin.email, password: `wrong-${i}` },
      });
      expect(failed.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: admin.email, password: PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rotates the session: a cookie held before login is revoked by the login', async () => {
    const { admin } = await makeWorkspace(t);
    const first = await signIn(t, admin.email);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: first.cookie },
      payload: { email: admin.email, password: PASSWORD },
    });
    expect(second.statusCode).toBe(200);
    const newCookie = second.cookies.find((c) => c.name === 'clientela_session')?.value;
    expect(`clientela_session=${newCookie}`).not.toBe(first.cookie);
    expect((await first.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { clientela_session: newCookie ?? '' } })).statusCode).toBe(
      200,
    );
  });

  it('sets the Secure flag when the request came over HTTPS through a trusted proxy', async () => {
    const { buildApp } = await import('../../http/app.ts');
    const proxied = await buildApp({ db: t.db, ping: async () => {}, logLevel: 'silent', trustProxy: true });
    const { admin } = await makeWorkspace(t);
    const response = await proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: admin.email, password: PASSWORD },
    });
    await proxied.close();
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'clientela_session')?.secure).toBe(true);
  });
});

describe('session', () => {
  it('logout revokes the session: the same cookie then gets 401', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    expect((await browser.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    const logout = await browser.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(logout.statusCode).toBe(204);
    const after = await browser.request({ method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('gives the browser its user and CSRF token back on reload', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const response = await browser.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: admin.id }, csrfToken: browser.csrfToken });
  });

  it('answers 401 problem+json without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const without = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: browser.cookie }, payload: { name: 'X' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: browser.cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'X' },
    });
    expect(wrong.statusCode).toBe(403);
    const me = await browser.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().name).toBe('Anna Rossi');
    const right = await browser.request({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'Anna R.' } });
    expect(right.statusCode).toBe(200);
    expect(right.json().name).toBe('Anna R.');
  });

  it('refuses a deactivated user at login and ends their open sessions', async () => {
    const { admin } = await makeWorkspace(t);
    const adminBrowser = await signIn(t, admin.email);
    const email = uniqueEmail();
    const created = await adminBrowser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, name: 'Marco', password: PASSWORD, role: 'employee' },
    });
    const marco = await signIn(t, email);
    await adminBrowser.request({ method: 'PATCH', url: `/api/v1/users/${created.json().id}`, payload: { active: false } });
    expect((await marco.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
  });

  it('asks for the workspace when one e-mail signs in to two workspaces with the same password', async () => {
    const email = uniqueEmail('shared');
    const first = await makeWorkspace(t, { email, workspaceName: 'Alpha' });
    await makeWorkspace(t, { email, workspaceName: 'Beta' });
    const ambiguous = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json().code).toBe('workspace_required');
    const chosen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD, workspace: first.workspace.slug },
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().user.workspace.id).toBe(first.workspace.id);
  });
});
