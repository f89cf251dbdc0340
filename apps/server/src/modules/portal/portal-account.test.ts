import type { TPortalMe, TPortalMyData, TPortalProfile } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { hashSecret, newSecret } from '../../lib/tokens.ts';
import { makeWorkspace, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';
import { portalCustomer } from '../../test/portal-harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { THROTTLE } from '../auth/login-throttle.ts';

const t = useTestApp();
/** A real SMTP server on loopback that keeps what it receives. */
const smtp = await startSmtpCapture();
const { received } = smtp;
/** The same application with a mail server and a tight sign-in rate limit. */
let mailApp: FastifyInstance;
const RATE_LIMIT = 4;

beforeAll(async () => {
  mailApp = await buildApp({
    db: t.db,
    ping: async () => {},
    logLevel: 'silent',
    authRateLimit: RATE_LIMIT,
    mail: smtp.mailSettings('Bakery <portal@example.test>'),
    publicUrl: 'https://crm.example.test',
  });
});
afterAll(async () => {
  await mailApp?.close();
  await smtp.close();
});

const PORTAL_PASSWORD = 'a long customer passphrase';

/** A workspace with a company, a contact of it, and that contact's portal account (invited, or active with a password). */
async function setup(options: { status?: 'invited' | 'active' | 'disabled'; language?: 'en' | 'ru' | 'it' } = {}) {
  const { workspace, admin } = await makeWorkspace(t);
  const owner = await signIn(t, admin.email);
  const company = await post(owner, '/api/v1/companies', { name: 'Gipsoplit' });
  const email = uniqueEmail('ivan');
  const contact = await post(owner, '/api/v1/contacts', {
    firstName: 'Ivan',
    lastName: 'Petrov',
    companies: [{ companyId: company.id, role: 'buyer' }],
    emails: [{ label: 'work', value: email }],
  });
  const status = options.status ?? 'active';
  const passwordHash = status === 'invited' ? null : await hashPassword(PORTAL_PASSWORD);
  const { rows } = await t.db.execute<{ id: string }>(sql`
    INSERT INTO portal_user (workspace_id, contact_id, email, status, language, password_hash, activated_at)
    VALUES (${workspace.id}, ${contact.id}, ${email}, ${status}, ${options.language ?? 'en'}, ${passwordHash},
            ${status === 'invited' ? null : sql`now()`})
    RETURNING id`);
  const portalUserId = rows[0]?.id as string;
  return { workspace, owner, company, contact, email, portalUserId };
}

/** A one-time link as the staff side makes one: only its hash is stored. */
async function makeToken(
  workspaceId: string,
  portalUserId: string,
  purpose: 'invite' | 'magic_link',
  expires = sql`now() + interval '7 days'`,
): Promise<string> {
  const secret = newSecret();
  await t.db.execute(sql`INSERT INTO portal_token (workspace_id, portal_user_id, purpose, token_hash, expires_at)
    VALUES (${workspaceId}, ${portalUserId}, ${purpose}, ${hashSecret(secret)}, ${expires})`);
  return secret;
}

/** The portal cookie a response set, ready for a `cookie` header, and the CSRF token it came with. */
function sessionOf(response: LightMyRequestResponse) {
  const value = response.cookies.find((c) => c.name === 'clientela_portal')?.value;
  if (!value) throw new Error(`no portal cookie: ${response.statusCode} ${response.body}`);
  return { cookie: `clientela_portal=${value}`, csrfToken: response.json<TPortalMe>().csrfToken };
}

const login = (app: FastifyInstance, payload: Record<string, unknown>, ip?: string) =>
  app.inject({ method: 'POST', url: '/api/portal/auth/login', payload, ...(ip ? { remoteAddress: ip } : {}) });

describe('invitation', () => {
  it('an invited contact chooses a password, is signed in, and sees who they are', async () => {
    const s = await setup({ status: 'invited' });
    const token = await makeToken(s.workspace.id, s.portalUserId, 'invite');

    const read = await t.app.inject({ method: 'GET', url: `/api/portal/auth/link/${token}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      purpose: 'invite',
      email: s.email,
      name: 'Ivan Petrov',
      needsPassword: true,
      workspace: { slug: s.workspace.slug },
    });

    const noPassword = await t.app.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: {} });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors[0].path).toBe('password');
    const short = await t.app.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: { password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('password');

    const used = await t.app.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: { password: PORTAL_PASSWORD } });
    expect(used.statusCode).toBe(200);
    const cookie = used.cookies.find((c) => c.name === 'clientela_portal');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = sessionOf(used);
    const me = await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      portalUserId: s.portalUserId,
      contactId: s.contact.id,
      name: 'Ivan Petrov',
      email: s.email,
      workspace: { slug: s.workspace.slug, name: s.workspace.name },
      companies: [{ id: s.company.id, name: 'Gipsoplit' }],
    });
    expect(me.json().csrfToken).toBe(session.csrfToken);

    const { rows } = await t.db.execute<{ status: string; activated: boolean; logged_in: boolean; has_hash: boolean }>(sql`
      SELECT status, activated_at IS NOT NULL AS activated, last_login_at IS NOT NULL AS logged_in, password_hash IS NOT NULL AS has_hash
        FROM portal_user WHERE id = ${s.portalUserId}`);
    expect(rows[0]).toEqual({ status: 'active', activated: true, logged_in: true, has_hash: true });

    // The link works once; the password chosen now signs in.
    const again = await t.app.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: { password: PORTAL_PASSWORD } });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('link_invalid');
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/auth/link/${token}` })).json().code).toBe('link_invalid');
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email.toUpperCase(), password: PORTAL_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('refuses expired and unknown links, and links of a disabled account or of a company without portal access', async () => {
    const s = await setup({ status: 'invited' });
    const expired = await makeToken(s.workspace.id, s.portalUserId, 'invite', sql`now() - interval '1 minute'`);
    for (const token of [expired, newSecret()]) {
      const read = await t.app.inject({ method: 'GET', url: `/api/portal/auth/link/${token}` });
      expect(read.statusCode).toBe(404);
      expect(read.json().code).toBe('link_invalid');
      const use = await t.app.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: { password: PORTAL_PASSWORD } });
      expect(use.statusCode).toBe(404);
    }

    const token = await makeToken(s.workspace.id, s.portalUserId, 'invite');
    await t.db.execute(sql`UPDATE company SET portal_access = false WHERE id = ${s.company.id}`);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: { password: PORTAL_PASSWORD } })).statusCode,
    ).toBe(404);
    await t.db.execute(sql`UPDATE company SET portal_access = true WHERE id = ${s.company.id}`);
    await t.db.execute(sql`UPDATE portal_user SET status = 'disabled' WHERE id = ${s.portalUserId}`);
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/auth/link/${token}` })).statusCode).toBe(404);
    const { rows } = await t.db.execute<{ used: boolean }>(
      sql`SELECT used_at IS NOT NULL AS used FROM portal_token WHERE token_hash = ${hashSecret(token)}`,
    );
    expect(rows[0]?.used).toBe(false);
  });
});

describe('password sign-in', () => {
  it('signs in with one answer for an unknown address and a wrong password, and refuses disabled accounts', async () => {
    const s = await setup();
    const ok = await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ contactId: s.contact.id, language: 'en' });

    const wrong = await login(t.app, { workspace: s.workspace.slug, email: s.email, password: 'not the password' });
    const unknown = await login(t.app, { workspace: s.workspace.slug, email: uniqueEmail('nobody'), password: PORTAL_PASSWORD });
    const otherWorkspace = await login(t.app, { workspace: 'no-such-workspace', email: s.email, password: PORTAL_PASSWORD });
    for (const refused of [wrong, unknown, otherWorkspace]) {
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'invalid_credentials', detail: 'Wrong e-mail or password' });
      expect(refused.cookies.find((c) => c.name === 'clientela_portal')).toBeUndefined();
    }

    // A staff member's password does not open the portal either.
    const staff = await login(t.app, { workspace: s.workspace.slug, email: s.owner.session.user.email, password: PASSWORD });
    expect(staff.statusCode).toBe(401);

    const before = sessionOf(ok);
    await t.db.execute(sql`UPDATE portal_user SET status = 'disabled' WHERE id = ${s.portalUserId}`);
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie: before.cookie } })).statusCode).toBe(401);
  });

  it('refuses a contact whose only company has no portal access, and a contact in the bin', async () => {
    const s = await setup();
    await t.db.execute(sql`UPDATE company SET portal_access = false WHERE id = ${s.company.id}`);
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD })).statusCode).toBe(401);
    await t.db.execute(sql`UPDATE company SET portal_access = true WHERE id = ${s.company.id}`);
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD })).statusCode).toBe(200);
    await s.owner.request({ method: 'DELETE', url: `/api/v1/contacts/${s.contact.id}` });
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD })).statusCode).toBe(401);
  });

  it(`throttles after ${THROTTLE.perEmail} failures for one address, even with the right password`, async () => {
    const s = await setup();
    for (let i = 0; i < THROTTLE.perEmail; i++) {
      expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: `wrong-${i}` })).statusCode).toBe(401);
    }
    const blocked = await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The staff sign-in of the same address is counted apart.
    const staffRows = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM login_failure WHERE key = ${`email:${s.email}`}`,
    );
    expect(staffRows.rows[0]?.n).toBe(0);
  });

  it('rate-limits the sign-in routes per address', async () => {
    const s = await setup();
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) {
      statuses.push(
        (await login(mailApp, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD }, '10.9.8.7')).statusCode,
      );
    }
    expect(statuses.slice(0, RATE_LIMIT).every((status) => status === 200)).toBe(true);
    expect(statuses[RATE_LIMIT]).toBe(429);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const s = await setup();
    const session = sessionOf(await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD }));
    const out = await t.app.inject({ method: 'POST', url: '/api/portal/auth/logout', headers: { cookie: session.cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'clientela_portal')?.value).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });
});

describe('magic link', () => {
  it('mails a link in the customer’s language that signs in once, and says nothing of unknown addresses', async () => {
    const s = await setup({ language: 'it' });
    const asked = await mailApp.inject({
      method: 'POST',
      url: '/api/portal/auth/magic-link',
      payload: { workspace: s.workspace.slug, email: s.email },
      remoteAddress: '10.1.1.1',
    });
    expect(asked.statusCode).toBe(202);
    const unknown = await mailApp.inject({
      method: 'POST',
      url: '/api/portal/auth/magic-link',
      payload: { workspace: s.workspace.slug, email: uniqueEmail('nobody') },
      remoteAddress: '10.1.1.2',
    });
    expect(unknown.statusCode).toBe(202);

    await vi.waitFor(() => expect(received.filter((m) => m.text?.includes(s.workspace.name))).toHaveLength(1), { timeout: 5_000 });
    const mail = received.find((m) => m.text?.includes(s.workspace.name)) as ParsedMail;
    expect(mail.subject).toContain('Il tuo link di accesso');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(s.email);
    const link = /https:\/\/crm\.example\.test\/portal\/link\/([\w-]+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    const token = link?.[1] as string;

    const read = await mailApp.inject({ method: 'GET', url: `/api/portal/auth/link/${token}`, remoteAddress: '10.1.1.3' });
    expect(read.json()).toMatchObject({ purpose: 'magic_link', needsPassword: false, language: 'it' });
    const used = await mailApp.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: {}, remoteAddress: '10.1.1.3' });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({ contactId: s.contact.id, language: 'it' });
    const again = await mailApp.inject({ method: 'POST', url: `/api/portal/auth/link/${token}`, payload: {}, remoteAddress: '10.1.1.4' });
    expect(again.json().code).toBe('link_invalid');

    const { rows } = await t.db.execute<{ minutes: number }>(sql`
      SELECT round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes FROM portal_token WHERE token_hash = ${hashSecret(token)}`);
    expect(rows[0]?.minutes).toBe(15);
  });

  it('mails a link to choose a new password; the old one stops working', async () => {
    const s = await setup();
    const asked = await mailApp.inject({
      method: 'POST',
      url: '/api/portal/auth/password-reset',
      payload: { workspace: s.workspace.slug, email: s.email },
      remoteAddress: '10.2.2.1',
    });
    expect(asked.statusCode).toBe(202);
    await vi.waitFor(() => expect(received.filter((m) => m.subject?.includes(`new password for ${s.workspace.name}`))).toHaveLength(1), {
      timeout: 5_000,
    });
    const mail = received.find((m) => m.subject?.includes(`new password for ${s.workspace.name}`)) as ParsedMail;
    const token = /\/portal\/link\/([\w-]+)/.exec(mail.text ?? '')?.[1] as string;
    const read = await mailApp.inject({ method: 'GET', url: `/api/portal/auth/link/${token}`, remoteAddress: '10.2.2.2' });
    expect(read.json()).toMatchObject({ purpose: 'password_reset', needsPassword: true });
    const used = await mailApp.inject({
      method: 'POST',
      url: `/api/portal/auth/link/${token}`,
      payload: { password: 'my fresh passphrase' },
      remoteAddress: '10.2.2.3',
    });
    expect(used.statusCode).toBe(200);
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD })).statusCode).toBe(401);
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: 'my fresh passphrase' })).statusCode).toBe(200);
  });

  it('answers mail_not_configured without a mail server', async () => {
    const s = await setup();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/portal/auth/magic-link',
      payload: { workspace: s.workspace.slug, email: s.email },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('mail_not_configured');
  });
});

describe('the portal gate', () => {
  it('staff cookies and API tokens do not open the portal, and a portal cookie does not open the staff API', async () => {
    const s = await setup();
    expect((await s.owner.request({ method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);
    const { secret } = (await s.owner.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'Script' } })).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);

    const session = sessionOf(await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD }));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('requires the CSRF token on portal writes', async () => {
    const s = await setup();
    const session = sessionOf(await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD }));
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/portal/profile',
        headers: { cookie: session.cookie, ...headers },
        payload: { position: 'Boss' },
      });
    const without = await patch({});
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    expect((await patch({ 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await patch({ 'x-csrf-token': session.csrfToken })).statusCode).toBe(200);
  });
});

describe('profile', () => {
  it('changes the contact’s own details, language and consent, recorded as the customer’s doing', async () => {
    const s = await setup();
    const customer = await portalCustomer(t, { workspaceId: s.workspace.id, contactId: s.contact.id, email: s.email });
    const profile: TPortalProfile = (await customer.request({ method: 'GET', url: '/api/portal/profile' })).json();
    expect(profile).toMatchObject({
      firstName: 'Ivan',
      signInEmail: s.email,
      marketingConsent: false,
      companies: [{ name: 'Gipsoplit', role: 'buyer' }],
    });

    const changed = await customer.request({
      method: 'PATCH',
      url: '/api/portal/profile',
      payload: {
        position: 'Head buyer',
        phones: [{ label: 'mobile', value: '+39 333 123 4567' }],
        language: 'ru',
        marketingConsent: true,
        preferredChannel: 'email',
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ position: 'Head buyer', language: 'ru', marketingConsent: true, preferredChannel: 'email' });

    const { rows } = await t.db.execute<{ phone_digits: string; marketing_consent: string; consent_source: string }>(
      sql`SELECT phone_digits, marketing_consent, consent_source FROM contact WHERE id = ${s.contact.id}`,
    );
    expect(rows[0]).toEqual({ phone_digits: '393331234567', marketing_consent: 'granted', consent_source: 'portal' });
    const consent = (await s.owner.request({ method: 'GET', url: `/api/v1/contacts/${s.contact.id}/consent` })).json();
    expect(consent.history[0]).toMatchObject({ state: 'granted', source: 'portal', actor: null });
    const history = (await s.owner.request({ method: 'GET', url: `/api/v1/contacts/${s.contact.id}/history` })).json();
    const last = history.data.at(-1);
    expect(last).toMatchObject({ action: 'updated', actor: null });
    expect(last.changes.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining(['position', 'phones', 'preferredChannel', 'portalUser']),
    );
    expect(last.changes.find((c: { field: string }) => c.field === 'portalUser').new).toBe(s.email);
    expect((await customer.request({ method: 'GET', url: '/api/portal/me' })).json().language).toBe('ru');

    // Withdrawing is recorded too.
    await customer.request({ method: 'PATCH', url: '/api/portal/profile', payload: { marketingConsent: false } });
    const withdrawn = (await s.owner.request({ method: 'GET', url: `/api/v1/contacts/${s.contact.id}/consent` })).json();
    expect(withdrawn).toMatchObject({ state: 'withdrawn', source: 'portal' });
    expect(withdrawn.history).toHaveLength(2);
  });

  it('refuses bad input with the fields named and changes nothing', async () => {
    const s = await setup();
    const customer = await portalCustomer(t, { workspaceId: s.workspace.id, contactId: s.contact.id, email: s.email });
    const before = (await customer.request({ method: 'GET', url: '/api/portal/profile' })).json();
    const cases: [Record<string, unknown>, string][] = [
      [{ position: 'x', phones: [{ label: 'mobile', value: 'no digits' }], marketingConsent: true }, 'phones.0.value'],
      [{ emails: [{ label: 'work', value: 'not-an-address' }] }, 'emails.0.value'],
      [{ firstName: '', lastName: '', marketingConsent: true }, 'lastName'],
      [{ language: 'de' }, 'language'],
      [{ notes: 'staff only field' }, ''],
    ];
    for (const [payload, path] of cases) {
      const response = await customer.request({ method: 'PATCH', url: '/api/portal/profile', payload });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (path) expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // A name emptied against the stored one is refused inside the transaction.
    const emptied = await customer.request({
      method: 'PATCH',
      url: '/api/portal/profile',
      payload: { firstName: '', lastName: '', position: 'Changed' },
    });
    expect(emptied.statusCode).toBe(400);
    await t.db.execute(sql`UPDATE contact SET last_name = '' WHERE id = ${s.contact.id}`);
    const onlyFirst = await customer.request({
      method: 'PATCH',
      url: '/api/portal/profile',
      payload: { firstName: '', position: 'Changed', marketingConsent: true },
    });
    expect(onlyFirst.statusCode).toBe(400);
    expect(onlyFirst.json().errors[0].path).toBe('lastName');
    await t.db.execute(sql`UPDATE contact SET last_name = 'Petrov' WHERE id = ${s.contact.id}`);

    expect((await customer.request({ method: 'GET', url: '/api/portal/profile' })).json()).toEqual(before);
    const events = await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM consent_event WHERE contact_id = ${s.contact.id}`);
    expect(events.rows[0]?.n).toBe(0);
  });

  it('changes the password after checking the present one', async () => {
    const s = await setup();
    const session = sessionOf(await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD }));
    const other = sessionOf(await login(t.app, { workspace: s.workspace.slug, email: s.email, password: PORTAL_PASSWORD }));
    const change = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/portal/profile/password',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        payload,
      });
    const wrong = await change({ current: 'not it at all', next: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().errors[0].path).toBe('current');
    expect((await change({ current: PORTAL_PASSWORD, next: 'short' })).statusCode).toBe(400);
    expect((await change({ current: PORTAL_PASSWORD, next: 'a brand new passphrase' })).statusCode).toBe(204);
    expect((await login(t.app, { workspace: s.workspace.slug, email: s.email, password: 'a brand new passphrase' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie: other.cookie } })).statusCode).toBe(401);
  });
});

describe('my data', () => {
  it('downloads the contact’s data with case replies but no internal notes and nothing of another contact', async () => {
    const s = await setup();
    const type = await post(s.owner, '/api/v1/case-types', { name: 'Complaint' });
    const mine = await post(s.owner, '/api/v1/cases', {
      subject: 'Cracked boards',
      typeId: type.id,
      channel: 'phone',
      companyId: s.company.id,
      contactId: s.contact.id,
    });
    const say = (caseId: string, payload: Record<string, unknown>) => post(s.owner, `/api/v1/cases/${caseId}/messages`, payload);
    await say(mine.id, { kind: 'customer', body: 'The boards crack' });
    await say(mine.id, { kind: 'note', body: 'INTERNAL: customer stored them wet' });
    await say(mine.id, { kind: 'reply', channel: 'phone', body: 'Keep them dry and flat' });
    const colleague = await post(s.owner, '/api/v1/contacts', { firstName: 'Olga', companies: [{ companyId: s.company.id }] });
    const theirs = await post(s.owner, '/api/v1/cases', {
      subject: 'Olga’s delivery',
      typeId: type.id,
      channel: 'phone',
      companyId: s.company.id,
      contactId: colleague.id,
    });
    await say(theirs.id, { kind: 'customer', body: 'Where is my delivery' });
    const customer = await portalCustomer(t, { workspaceId: s.workspace.id, contactId: s.contact.id, email: s.email });
    await customer.request({ method: 'PATCH', url: '/api/portal/profile', payload: { marketingConsent: true } });
    await t.db.execute(sql`INSERT INTO idea (workspace_id, title, body, author_portal_user_id, contact_id, company_id)
      VALUES (${s.workspace.id}, 'Smaller boards', 'Half size please', ${customer.portalUserId}, ${s.contact.id}, ${s.company.id})`);

    const response = await customer.request({ method: 'GET', url: '/api/portal/my-data' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="my-data.json"');
    const data: TPortalMyData = response.json();
    expect(data.contact).toMatchObject({ firstName: 'Ivan', lastName: 'Petrov' });
    expect(data.companies).toEqual([{ name: 'Gipsoplit', role: 'buyer' }]);
    expect(data.consent.marketing).toBe('granted');
    expect(data.consentEvents).toEqual([expect.objectContaining({ state: 'granted', source: 'portal' })]);
    expect(data.portalAccount).toMatchObject({ email: s.email, status: 'active' });
    expect(data.cases.map((c) => c.subject)).toEqual(['Cracked boards']);
    expect(data.cases[0]?.messages.map((m) => [m.from, m.body])).toEqual([
      ['customer', 'The boards crack'],
      ['staff', 'Keep them dry and flat'],
    ]);
    expect(data.ideas).toEqual([expect.objectContaining({ title: 'Smaller boards', status: 'new' })]);
    expect(response.body).not.toContain('INTERNAL');
    expect(response.body).not.toContain('Olga');
    expect(response.body).not.toContain('password');
    expect(response.body).not.toContain('$argon2');

    expect((await t.app.inject({ method: 'GET', url: '/api/portal/my-data' })).statusCode).toBe(401);
    expect((await s.owner.request({ method: 'GET', url: '/api/portal/my-data' })).statusCode).toBe(401);
  });
});
