import type { TAuditEvent } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../lib/passwords.ts';
import { type Browser, makeBakery, PASSWORD, post, useTestApp } from '../../test/harness.ts';
import { THROTTLE } from '../auth/login-throttle.ts';

const t = useTestApp();

const events = async (browser: Browser, action: string): Promise<TAuditEvent[]> => {
  const response = await browser.request({ method: 'GET', url: `/api/v1/audit-log?action=${action}&limit=200` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
};

const signInAttempt = (url: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'user-agent': 'SignInAudit/1.0' } });

describe('sign-ins in the audit log', () => {
  it('keeps portal sign-ins that worked, failed and were refused for too many failures, as for employees; no password', async () => {
    const b = await makeBakery(t);
    const workspace = b.owner.session.user.workspace;
    const contact = await post(b.owner, '/api/v1/contacts', { firstName: 'Alba', lastName: 'Aurora' });
    const email = `alba.${contact.id.slice(0, 8)}@example.test`;
    const { rows } = await t.pool.query<{ id: string }>(
      `INSERT INTO portal_user (workspace_id, contact_id, email, status, language, activated_at, password_hash)
       VALUES ($1, $2, $3, 'active', 'en', now(), $4) RETURNING id`,
      [workspace.id, contact.id, email, await hashPassword(PASSWORD)],
    );
    const portalUserId = rows[0]?.id;
    const login = (password: string) => signInAttempt('/api/portal/auth/login', { workspace: workspace.slug, email, password });

    expect((await login(PASSWORD)).statusCode).toBe(200);
    for (let n = 0; n < THROTTLE.perEmail; n++) expect((await login('not the password at all')).statusCode).toBe(401);
    const refused = await login(PASSWORD);
    expect(refused.statusCode).toBe(429);

    const portal = (list: TAuditEvent[]) => list.filter((event) => event.actorKind === 'portal');
    expect(portal(await events(b.owner, 'auth.login'))).toEqual([
      expect.objectContaining({ actorId: portalUserId, actorName: 'Alba Aurora', outcome: 'success', userAgent: 'SignInAudit/1.0' }),
    ]);
    const failed = portal(await events(b.owner, 'auth.login_failed'));
    expect(failed.map((event) => event.outcome).sort()).toEqual(['denied', ...Array(THROTTLE.perEmail).fill('failure')]);
    for (const event of failed) expect(event).toMatchObject({ actorId: portalUserId, actorName: email, userAgent: 'SignInAudit/1.0' });
    expect(failed.find((event) => event.outcome === 'denied')?.details).toEqual({ status: 429 });
    expect(JSON.stringify(failed)).not.toContain('not the password at all');
  });

  it('keeps an employee’s sign-in refused for too many failures as a denied attempt', async () => {
    const b = await makeBakery(t);
    const email = b.employeeA.user.email;
    for (let n = 0; n < THROTTLE.perEmail; n++) {
      expect((await signInAttempt('/api/v1/auth/login', { email, password: 'not the password at all' })).statusCode).toBe(401);
    }
    expect((await signInAttempt('/api/v1/auth/login', { email, password: PASSWORD })).statusCode).toBe(429);
    const failed = (await events(b.owner, 'auth.login_failed')).filter((event) => event.actorId === b.employeeA.user.id);
    expect(failed.map((event) => event.outcome).sort()).toEqual(['denied', ...Array(THROTTLE.perEmail).fill('failure')]);
    expect(failed.find((event) => event.outcome === 'denied')).toMatchObject({ actorKind: 'user', details: { status: 429 } });
  });
});
