import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { type BounceListener, startBounceListener } from './bounce-listener.ts';
import { mailingJob } from './send-job.ts';

/** A real SMTP server on loopback standing for the outside world: it keeps each message with its envelope. */
const smtp = await startSmtpCapture();
const { received } = smtp;
const mail = smtp.mailSettings('Bakery Rossi <news@bakery.test>');
afterAll(() => smtp.close());

const t = useTestApp({ mail });
let listener: BounceListener;
beforeAll(async () => {
  listener = await startBounceListener({ db: t.db, host: '127.0.0.1', port: 0 });
});
afterAll(() => listener?.close());

const BOUNCE_DOMAIN = 'bounces.bakery.test';
const runJob = (workspaceId: string, mailingId: string) =>
  mailingJob(t.db, mail, 'https://crm.example.test', { bounceDomain: BOUNCE_DOMAIN })({ workspaceId, mailingId }, () => false);

/** Sends a message to the bounce listener as the MTA in front would, envelope and all. */
async function deliverToListener(to: string, raw: string) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ envelope: { from: '', to: [to] }, raw });
  } finally {
    transport.close();
  }
}

/** A delivery status notification (RFC 3464) about `failed` as a remote MTA writes it, with the original's headers. */
function dsn(options: { to: string; failed: string; action: string; status: string; diagnostic: string; returned?: string }) {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.test>',
    `To: ${options.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"',
    '',
    '--BOUNDARY',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This is the mail system at host mx.example.test. Your message could not be delivered.',
    '',
    '--BOUNDARY',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.test',
    'Arrival-Date: Sun, 6 Dec 2026 10:00:00 +0000',
    '',
    `Final-Recipient: rfc822; ${options.failed}`,
    `Original-Recipient: rfc822;${options.failed}`,
    `Action: ${options.action}`,
    `Status: ${options.status}`,
    'Remote-MTA: dns; mail.example.test',
    `Diagnostic-Code: smtp; ${options.diagnostic}`,
    '',
    '--BOUNDARY',
    'Content-Type: text/rfc822-headers',
    '',
    options.returned ?? 'From: Bakery Rossi <news@bakery.test>\r\nSubject: News',
    '',
    '--BOUNDARY--',
    '',
  ].join('\r\n');
}

const OUT_OF_OFFICE = (to: string) =>
  [
    'From: Anna <anna@example.test>',
    `To: ${to}`,
    'Subject: Out of office: News',
    'Auto-Submitted: auto-replied',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'I am away until Monday. Failed: 5.1.1 no, just on holiday.',
    '',
  ].join('\r\n');

let seq = 0;
const address = (name: string) => `${name.toLowerCase()}.${++seq}@example.test`;

/** A workspace with consenting contacts in a saved view and a template; mails them and returns each one's recipient row. */
async function mailed(names: string[], owner?: Browser) {
  const browser = owner ?? (await makeBakery(t)).owner;
  const people: { id: string; email: string }[] = [];
  for (const name of names) {
    const email = address(name);
    const contact = await post(browser, '/api/v1/contacts', {
      firstName: name,
      lastName: 'Test',
      city: 'Bounceville',
      emails: [{ label: 'work', value: email }],
    });
    await t.pool.query(`UPDATE contact SET marketing_consent = 'granted' WHERE id = $1`, [contact.id]);
    people.push({ id: contact.id, email });
  }
  const template = await post(browser, '/api/v1/templates', {
    name: 'News',
    versions: {
      en: {
        subject: 'News for {{first_name}}',
        mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{first_name}}</mj-text></mj-column></mj-section></mj-body></mjml>',
      },
    },
  });
  const view = await post(browser, '/api/v1/views', {
    entity: 'contact',
    name: 'Bounceville',
    shared: true,
    query: { 'filter[city]': 'Bounceville' },
  });
  const send = async () => {
    const mailing = await post(browser, '/api/v1/mailings', {
      name: `News ${++seq}`,
      templateId: template.id,
      viewId: view.id,
      perMinute: 6000,
    });
    const queued = await browser.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/queue` });
    expect(queued.statusCode, queued.body).toBe(200);
    await runJob(browser.session.user.workspace.id, mailing.id);
    return mailing.id as string;
  };
  const mailingId = await send();
  return { browser, people, mailingId, send, recipient: (contactId: string, id = mailingId) => recipientRow(id, contactId) };
}

const recipientRow = async (mailingId: string, contactId: string) =>
  (
    await t.pool.query<{ status: string; error: string | null; token: string; updated_at: Date; email: string }>(
      'SELECT status, error, token, updated_at, email FROM mailing_recipient WHERE mailing_id = $1 AND contact_id = $2',
      [mailingId, contactId],
    )
  ).rows[0];
const bouncedAt = async (contactId: string) =>
  (await t.pool.query<{ email_bounced_at: Date | null }>('SELECT email_bounced_at FROM contact WHERE id = $1', [contactId])).rows[0]
    ?.email_bounced_at;

describe('bounce capture', () => {
  it('sends each mailing message with its own VERP envelope sender and the recipient header, the From unchanged', async () => {
    const { people, recipient } = await mailed(['Vera']);
    const person = people[0] as { id: string; email: string };
    const row = await recipient(person.id);
    expect(row?.status).toBe('sent');
    const message = received.find((m) => m.envelope.rcptTo.includes(person.email));
    expect(message?.envelope.mailFrom).toBe(`bounces+${row?.token}@${BOUNCE_DOMAIN}`);
    expect(message?.headers.get('x-clientela-recipient')).toBe(row?.token);
    expect(message?.from?.value).toEqual([{ name: 'Bakery Rossi', address: 'news@bakery.test' }]);
  });

  it('marks a recipient bounced on a permanent DSN, suppresses the address, and the next mailing skips it; the same DSN twice changes nothing more', async () => {
    const { browser, people, mailingId, send, recipient } = await mailed(['Paola', 'Piero']);
    const [paola, piero] = people as [{ id: string; email: string }, { id: string; email: string }];
    const token = (await recipient(paola.id))?.token as string;
    const verp = `bounces+${token}@${BOUNCE_DOMAIN}`;
    const report = dsn({
      to: verp,
      failed: paola.email,
      action: 'failed',
      status: '5.1.1',
      diagnostic: `550 5.1.1 <${paola.email}>: Recipient address rejected: User unknown`,
    });
    const answer = await deliverToListener(verp, report);
    expect(answer.accepted).toEqual([verp]);

    const row = await recipient(paola.id);
    expect(row?.status).toBe('bounced');
    expect(row?.error).toBe(`550 5.1.1 <${paola.email}>: Recipient address rejected: User unknown`);
    const suppressedAt = await bouncedAt(paola.id);
    expect(suppressedAt).toBeInstanceOf(Date);
    expect((await recipient(piero.id))?.status).toBe('sent');
    expect(await bouncedAt(piero.id)).toBeNull();

    // The staff API shows the diagnostic with the recipient.
    const list = (await browser.request({ method: 'GET', url: `/api/v1/mailings/${mailingId}/recipients?status=bounced` })).json();
    expect(list.data).toEqual([expect.objectContaining({ status: 'bounced', error: row?.error, email: paola.email })]);

    // The same report again: nothing moves.
    await deliverToListener(verp, report);
    const again = await recipient(paola.id);
    expect(again).toEqual(row);
    expect(await bouncedAt(paola.id)).toEqual(suppressedAt);

    // The next mailing does not mail the bounced address.
    const before = received.filter((m) => m.envelope.rcptTo.includes(paola.email)).length;
    const second = await send();
    expect((await recipient(paola.id, second))?.status).toBe('bounced');
    expect((await recipient(piero.id, second))?.status).toBe('sent');
    expect(received.filter((m) => m.envelope.rcptTo.includes(paola.email))).toHaveLength(before);
  });

  it('notes a delayed (4.x.x) report on the recipient without suppressing the address', async () => {
    const { people, recipient, send } = await mailed(['Dario']);
    const dario = people[0] as { id: string; email: string };
    const token = (await recipient(dario.id))?.token as string;
    const verp = `bounces+${token}@${BOUNCE_DOMAIN}`;
    await deliverToListener(
      verp,
      dsn({ to: verp, failed: dario.email, action: 'delayed', status: '4.4.1', diagnostic: '451 4.4.1 Connection timed out, will retry' }),
    );
    const row = await recipient(dario.id);
    expect(row?.status).toBe('sent');
    expect(row?.error).toBe('451 4.4.1 Connection timed out, will retry');
    expect(await bouncedAt(dario.id)).toBeNull();
    const second = await send();
    expect((await recipient(dario.id, second))?.status).toBe('sent');
  });

  it('ignores an out-of-office reply sent to the bounce address', async () => {
    const { people, recipient } = await mailed(['Olga']);
    const olga = people[0] as { id: string; email: string };
    const before = await recipient(olga.id);
    const verp = `bounces+${before?.token}@${BOUNCE_DOMAIN}`;
    const answer = await deliverToListener(verp, OUT_OF_OFFICE(verp));
    expect(answer.accepted).toEqual([verp]);
    expect(await recipient(olga.id)).toEqual(before);
    expect(await bouncedAt(olga.id)).toBeNull();
  });

  it('finds the recipient by the returned X-Clientela-Recipient header when the envelope names none of ours', async () => {
    const { people, recipient } = await mailed(['Hugo']);
    const hugo = people[0] as { id: string; email: string };
    const token = (await recipient(hugo.id))?.token as string;
    // An unknown VERP id in the envelope; the original's headers carry the real one.
    const unknown = `bounces+00000000-0000-4000-8000-000000000000@${BOUNCE_DOMAIN}`;
    const returned = `From: Bakery Rossi <news@bakery.test>\r\nX-Clientela-Recipient: ${token}\r\nSubject: News`;
    await deliverToListener(
      unknown,
      dsn({ to: unknown, failed: hugo.email, action: 'failed', status: '5.2.1', diagnostic: '550 5.2.1 Mailbox disabled', returned }),
    );
    expect(await recipient(hugo.id)).toMatchObject({ status: 'bounced', error: '550 5.2.1 Mailbox disabled' });
    expect(await bouncedAt(hugo.id)).toBeInstanceOf(Date);
  });

  it('refuses a message to any address but a VERP one, and one over the size limit', async () => {
    await expect(deliverToListener(`someone@${BOUNCE_DOMAIN}`, OUT_OF_OFFICE('someone@bakery.test'))).rejects.toMatchObject({
      responseCode: 550,
    });
    await expect(deliverToListener(`bounces+not-a-uuid@${BOUNCE_DOMAIN}`, OUT_OF_OFFICE('x@bakery.test'))).rejects.toMatchObject({
      responseCode: 550,
    });
    const huge = OUT_OF_OFFICE('x@bakery.test') + `${'y'.repeat(998)}\r\n`.repeat(2200);
    await expect(deliverToListener(`bounces+00000000-0000-4000-8000-000000000000@${BOUNCE_DOMAIN}`, huge)).rejects.toMatchObject({
      responseCode: 552,
    });
  });

  it('accepts and ignores a DSN for an unknown recipient id', async () => {
    const unknown = `bounces+11111111-2222-4333-8444-555555555555@${BOUNCE_DOMAIN}`;
    const answer = await deliverToListener(
      unknown,
      dsn({ to: unknown, failed: 'nobody@example.test', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' }),
    );
    expect(answer.accepted).toEqual([unknown]);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM mailing_recipient WHERE error LIKE '%nobody@example.test%'`);
    expect(rows[0].n).toBe(0);
  });

  it('trusts the VERP id only: a DSN forged with another workspace recipient id touches that recipient alone', async () => {
    const ours = await mailed(['Ugo']);
    const ugo = ours.people[0] as { id: string; email: string };
    const { admin } = await makeWorkspace(t, { workspaceName: 'Other shop' });
    const other = await mailed(['Olivia'], await signIn(t, admin.email));
    const olivia = other.people[0] as { id: string; email: string };
    const otherToken = (await other.recipient(olivia.id))?.token as string;
    const verp = `bounces+${otherToken}@${BOUNCE_DOMAIN}`;
    // The report names our contact's address and our recipient header; only the id in the address counts.
    const returned = `X-Clientela-Recipient: ${(await ours.recipient(ugo.id))?.token}\r\nSubject: News`;
    const ugoBefore = await ours.recipient(ugo.id);
    await deliverToListener(
      verp,
      dsn({ to: verp, failed: ugo.email, action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 User unknown', returned }),
    );
    expect(await ours.recipient(ugo.id)).toEqual(ugoBefore);
    expect(await bouncedAt(ugo.id)).toBeNull();
    expect((await other.recipient(olivia.id))?.status).toBe('bounced');
  });
});

describe('POST /api/v1/mailings/bounces', () => {
  const pipe = (raw: string, authorization?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/mailings/bounces',
      headers: { 'content-type': 'message/rfc822', ...(authorization ? { authorization } : {}) },
      payload: raw,
    });
  const tokenOf = async (browser: Browser) =>
    `Bearer ${(await browser.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'MTA' } })).json().secret}`;

  it('records a piped bounce for an admin token of the workspace, and refuses others', async () => {
    const bakery = await makeBakery(t);
    const { people, recipient } = await mailed(['Rita'], bakery.owner);
    const rita = people[0] as { id: string; email: string };
    const verp = `bounces+${(await recipient(rita.id))?.token}@${BOUNCE_DOMAIN}`;
    const report = dsn({ to: verp, failed: rita.email, action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 No such user' });

    expect((await pipe(report)).statusCode).toBe(401);
    const employee = await pipe(report, await tokenOf(bakery.employeeA.browser));
    expect(employee.statusCode).toBe(403);
    expect(employee.json().code).toBe('forbidden');
    expect((await recipient(rita.id))?.status).toBe('sent');

    // An admin of another workspace cannot touch this one's recipient, even with its id.
    const { admin } = await makeWorkspace(t, { workspaceName: 'Elsewhere' });
    const stranger = await pipe(report, await tokenOf(await signIn(t, admin.email)));
    expect(stranger.statusCode).toBe(200);
    expect(stranger.json()).toEqual({ outcome: 'unknown_recipient' });
    expect((await recipient(rita.id))?.status).toBe('sent');

    const owner = await tokenOf(bakery.owner);
    const piped = await pipe(report, owner);
    expect(piped.statusCode, piped.body).toBe(200);
    expect(piped.json()).toEqual({ outcome: 'bounced' });
    expect(await recipient(rita.id)).toMatchObject({ status: 'bounced', error: '550 5.1.1 No such user' });
    expect(await bouncedAt(rita.id)).toBeInstanceOf(Date);
    expect((await pipe(report, owner)).json()).toEqual({ outcome: 'unchanged' });
    expect((await pipe(OUT_OF_OFFICE(verp), owner)).json()).toEqual({ outcome: 'not_a_bounce' });

    const tooBig = await pipe(OUT_OF_OFFICE(verp) + `${'y'.repeat(998)}\r\n`.repeat(2200), owner);
    expect(tooBig.statusCode).toBe(413);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mailings/bounces',
      headers: { 'content-type': 'application/json', authorization: owner },
      payload: { outcome: 'bounced' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('validation_failed');
  });
});
