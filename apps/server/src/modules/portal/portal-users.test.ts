import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../lib/tokens.ts';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';
import { portalCustomer } from '../../test/portal-harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';

const PUBLIC_URL = 'https://crm.example.test';

/** A real SMTP server on loopback that keeps what it receives; it refuses mail to refused.test. */
const smtp = await startSmtpCapture({ refuse: (address) => (address.endsWith('@refused.test') ? 550 : undefined) });
const { received } = smtp;
const mail = smtp.mailSettings('Bakery Rossi <crm@bakery.test>');
afterAll(() => smtp.close());

const t = useTestApp({ mail, publicUrl: PUBLIC_URL });
/** A server without a mail server configured. */
const bare = useTestApp();

const addressOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
const mailTo = (address: string) => received.filter((m) => addressOf(m) === address);
const linkIn = (m: ParsedMail | undefined) => /\/portal\/link\/([\w-]+)/.exec(m?.text ?? '')?.[1];

async function contact(browser: Browser, payload: Record<string, unknown> = {}) {
  const email = uniqueEmail('giulia');
  const created = await post(browser, '/api/v1/contacts', {
    firstName: 'Giulia',
    lastName: 'Bianchi',
    emails: [{ label: 'work', value: email }],
    ...payload,
  });
  return { ...created, email } as { id: string; email: string };
}

async function tokenRow(secret: string) {
  const { rows } = await t.db.execute<{ purpose: string; portal_user_id: string; expires_at: Date; used_at: Date | null }>(
    sql`SELECT purpose, portal_user_id, expires_at, used_at FROM portal_token WHERE token_hash = ${hashSecret(secret)}`,
  );
  return rows[0];
}

describe('portal users', () => {
  it('invites a contact by e-mail in their language with a link that opens a portal token', async () => {
    const { owner } = await makeBakery(t);
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè Centrale' });
    const giulia = await contact(owner, { language: 'it', companies: [{ companyId: cafe.id, role: 'buyer' }] });
    const response = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: giulia.id } });
    expect(response.statusCode).toBe(201);
    const account = response.json();
    expect(account).toMatchObject({
      contact: { id: giulia.id, name: 'Giulia Bianchi' },
      companies: [{ id: cafe.id, name: 'Caffè Centrale', portalAccess: true }],
      email: giulia.email,
      status: 'invited',
      language: 'it',
      invitedBy: { id: owner.session.user.id },
      activatedAt: null,
      lastLoginAt: null,
    });
    const [invitation] = mailTo(giulia.email);
    expect(invitation?.subject).toBe('Il tuo invito al portale clienti di Bakery Rossi');
    expect(invitation?.text).toContain(`${PUBLIC_URL}/portal/link/`);
    expect(invitation?.html).toContain('Bakery Rossi');
    const secret = linkIn(invitation);
    expect(secret).toBeTruthy();
    const token = await tokenRow(secret as string);
    expect(token).toMatchObject({ purpose: 'invite', portal_user_id: account.id, used_at: null });
    const days = (new Date(token?.expires_at as Date).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const list = await get(owner, '/api/v1/portal-users?filter[status]=invited');
    expect(list.data.map((u: { id: string }) => u.id)).toEqual([account.id]);
    expect(list.total).toBe(1);
    expect((await get(owner, `/api/v1/portal-users?filter[companyId]=${cafe.id}`)).total).toBe(1);
    expect((await get(owner, `/api/v1/portal-users?filter[contactId]=${giulia.id}`)).total).toBe(1);
    expect((await get(owner, '/api/v1/portal-users?q=bianchi')).total).toBe(1);
    expect((await get(owner, '/api/v1/portal-users?q=nobody')).total).toBe(0);
    expect((await get(owner, '/api/v1/portal-users?filter[status]=active')).total).toBe(0);
  });

  it('takes a given address and language, pages the list, and re-sends a pending invitation with a new link', async () => {
    const { owner } = await makeBakery(t);
    const first = await contact(owner);
    const address = uniqueEmail('orders');
    const invited = await post(owner, '/api/v1/portal-users', { contactId: first.id, email: address.toUpperCase(), language: 'ru' });
    expect(invited).toMatchObject({ email: address, language: 'ru' });
    const [one] = mailTo(address);
    expect(one?.subject).toBe('Приглашение на клиентский портал Bakery Rossi');
    const oldSecret = linkIn(one) as string;

    const again = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: first.id } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(invited.id);
    const resent = await owner.request({ method: 'POST', url: `/api/v1/portal-users/${invited.id}/resend` });
    expect(resent.statusCode).toBe(200);
    const mails = mailTo(address);
    expect(mails).toHaveLength(3);
    const newSecret = linkIn(mails[2]) as string;
    expect(newSecret).not.toBe(oldSecret);
    expect(new Date((await tokenRow(oldSecret))?.expires_at as Date).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date((await tokenRow(newSecret))?.expires_at as Date).getTime()).toBeGreaterThan(Date.now());

    const second = await contact(owner, { firstName: 'Marco' });
    await post(owner, '/api/v1/portal-users', { contactId: second.id });
    const page1 = await get(owner, '/api/v1/portal-users?limit=1&sort=email');
    expect(page1.total).toBe(2);
    const page2 = await get(owner, `/api/v1/portal-users?limit=1&sort=email&cursor=${page1.nextCursor}`);
    expect([...page1.data, ...page2.data].map((u: { email: string }) => u.email)).toEqual([second.email, address].sort());
    expect(page2.nextCursor).toBeNull();
  });

  it('refuses bad input, a contact with no e-mail, one in the bin, one whose portal is off and an existing account', async () => {
    const { owner } = await makeBakery(t);
    const count = async () => (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM portal_user`)).rows[0]?.n;
    const before = await count();
    const bad = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: 'nope', language: 'de' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['contactId', 'language']);
    const noMail = await post(owner, '/api/v1/contacts', { firstName: 'Nadia' });
    const none = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: noMail.id } });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'email' }] });

    const binned = await contact(owner);
    await owner.request({ method: 'DELETE', url: `/api/v1/contacts/${binned.id}` });
    const inBin = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: binned.id } });
    expect([inBin.statusCode, inBin.json().code]).toEqual([409, 'conflict']);

    const closed = await post(owner, '/api/v1/companies', { name: 'Closed Srl', portalAccess: false });
    const open = await post(owner, '/api/v1/companies', { name: 'Open Srl' });
    const locked = await contact(owner, { companies: [{ companyId: closed.id, role: '' }] });
    const off = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: locked.id } });
    expect([off.statusCode, off.json().code]).toEqual([409, 'portal_disabled']);
    expect(await count()).toBe(before);
    expect(mailTo(locked.email)).toHaveLength(0);

    const both = await contact(owner, {
      companies: [
        { companyId: closed.id, role: '' },
        { companyId: open.id, role: '' },
      ],
    });
    await post(owner, '/api/v1/portal-users', { contactId: both.id });
    const free = await contact(owner);
    const taken = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: free.id, email: both.email } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'email_taken', errors: [{ path: 'email' }] });

    const active = await contact(owner);
    await portalCustomer(t, { workspaceId: owner.session.user.workspace.id, contactId: active.id, email: active.email });
    const twice = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: active.id } });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'already_invited']);
    const [row] = (await get(owner, `/api/v1/portal-users?filter[contactId]=${active.id}`)).data;
    const resend = await owner.request({ method: 'POST', url: `/api/v1/portal-users/${row.id}/resend` });
    expect([resend.statusCode, resend.json().code]).toEqual([409, 'status_transition_invalid']);
  });

  it('writes nothing and answers mail_not_configured without a mail server, or when the server refuses the mail', async () => {
    const { admin } = await makeWorkspace(bare);
    const owner = await signIn(bare, admin.email);
    const giulia = await post(owner, '/api/v1/contacts', { firstName: 'Giulia', emails: [{ label: '', value: uniqueEmail('g') }] });
    const response = await owner.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: giulia.id } });
    expect(response.json().code).toBe('mail_not_configured');
    expect((await get(owner, '/api/v1/portal-users')).total).toBe(0);

    const { owner: bakery } = await makeBakery(t);
    const refused = await post(bakery, '/api/v1/contacts', { firstName: 'Rita', emails: [{ label: '', value: 'rita@refused.test' }] });
    const bounce = await bakery.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: refused.id } });
    expect(bounce.json().code).toBe('mail_not_configured');
    expect((await get(bakery, '/api/v1/portal-users')).total).toBe(0);
  });

  it('shows and changes only accounts of contacts the staff member may read, in their own workspace', async () => {
    const { owner, employeeA, employeeB, managerA } = await makeBakery(t);
    const mine = await contact(employeeA.browser);
    const invited = await post(employeeA.browser, '/api/v1/portal-users', { contactId: mine.id });
    const other = await makeWorkspace(t);
    const stranger = await signIn(t, other.admin.email);

    for (const outsider of [employeeB.browser, stranger]) {
      expect((await get(outsider, '/api/v1/portal-users')).total).toBe(0);
      const read = await outsider.request({ method: 'GET', url: `/api/v1/portal-users/${invited.id}` });
      expect(read.statusCode).toBe(404);
      const invite = await outsider.request({ method: 'POST', url: '/api/v1/portal-users', payload: { contactId: mine.id } });
      expect(invite.statusCode).toBe(404);
      for (const action of ['resend', 'disable', 'enable']) {
        const changed = await outsider.request({ method: 'POST', url: `/api/v1/portal-users/${invited.id}/${action}` });
        expect(changed.statusCode).toBe(404);
      }
    }
    expect((await get(managerA.browser, '/api/v1/portal-users')).total).toBe(1);
    expect((await get(owner, '/api/v1/portal-users')).total).toBe(1);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/portal-users' });
    expect(anonymous.statusCode).toBe(401);
    expect(mailTo(mine.email)).toHaveLength(1);
  });

  it('disabling closes the customer’s open portal session at once; enabling lets them back in', async () => {
    const { owner } = await makeBakery(t);
    const giulia = await contact(owner);
    const customer = await portalCustomer(t, { workspaceId: owner.session.user.workspace.id, contactId: giulia.id, email: giulia.email });
    expect((await customer.request({ method: 'GET', url: '/api/portal/me' })).statusCode).not.toBe(401);

    const disabled = await owner.request({ method: 'POST', url: `/api/v1/portal-users/${customer.portalUserId}/disable` });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await customer.request({ method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);
    const { rows } = await t.db.execute<{ open: number }>(
      sql`SELECT count(*)::int AS open FROM portal_session WHERE portal_user_id = ${customer.portalUserId} AND revoked_at IS NULL`,
    );
    expect(rows[0]?.open).toBe(0);
    expect((await get(owner, '/api/v1/portal-users?filter[status]=disabled')).total).toBe(1);

    const enabled = await owner.request({ method: 'POST', url: `/api/v1/portal-users/${customer.portalUserId}/enable` });
    expect(enabled.json().status).toBe('active');
    const back = await portalCustomer(t, { workspaceId: owner.session.user.workspace.id, contactId: giulia.id, email: giulia.email });
    expect((await back.request({ method: 'GET', url: '/api/portal/me' })).statusCode).not.toBe(401);
  });
});
