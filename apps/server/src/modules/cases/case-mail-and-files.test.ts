import type { AddressInfo } from 'node:net';
import type { TCase } from '@clientela/contract';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { startCaseReplyMailer } from './reply-mailer.ts';

const t = useTestApp();
const quiet = { info: () => {}, warn: () => {} };
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, url: `smtp://127.0.0.1:${port}` };
}

async function setup() {
  const bakery = await makeBakery(t);
  const type = await post(bakery.owner, '/api/v1/case-types', { name: 'Complaint' });
  const company = await post(bakery.employeeA.browser, '/api/v1/companies', { name: 'Gipsoplit' });
  const contact = await post(bakery.employeeA.browser, '/api/v1/contacts', {
    firstName: 'Ivan',
    companies: [{ companyId: company.id }],
    emails: [{ label: 'work', value: 'ivan@gipsoplit.test' }],
  });
  const c: TCase = await post(bakery.employeeA.browser, '/api/v1/cases', {
    subject: 'Cracked <boards>',
    typeId: type.id,
    channel: 'email',
    companyId: company.id,
    contactId: contact.id,
  });
  return { ...bakery, c };
}

describe('replies by e-mail', () => {
  it('sends an e-mailed reply to the contact once, with the case number, and marks it sent', async () => {
    const smtp = await startSmtp();
    const sender = startCaseReplyMailer({
      pool: t.pool,
      transport: smtp.url,
      from: 'Clientela <crm@example.test>',
      log: quiet,
      intervalMs: 60_000,
    });
    stops.push(sender.stop);
    const { employeeA, c } = await setup();
    const replied = await employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/messages`,
      payload: { kind: 'reply', channel: 'email', body: 'Dear Ivan,\n\nwe replace the <boards>.' },
    });
    expect(replied.json().messages[0].email).toEqual({ to: 'ivan@gipsoplit.test', state: 'pending' });
    expect(await sender.sendNow()).toBe(1);
    expect(await sender.sendNow()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0] as ParsedMail;
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value[0]?.address).toBe('ivan@gipsoplit.test');
    expect(mail.subject).toBe(`[${c.number}] Cracked <boards>`);
    expect(mail.text).toContain('we replace the <boards>.');
    expect(mail.html).toContain('we replace the &lt;boards&gt;.');
    expect(mail.replyTo?.value[0]?.address).toBe(employeeA.user.email);
    const after: TCase = (await employeeA.browser.request({ method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    expect(after.messages[0]?.email?.state).toBe('sent');
  });
});

/** A multipart body as a browser builds it: the record's fields first, then the file. */
async function upload(browser: Browser, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob(['photo of the crack'], { type: 'text/plain' }), 'crack.txt');
  const body = new Response(form);
  return browser.request({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
}

describe('files', () => {
  it('on a case: read by every reader, added and removed by who handles or registered it', async () => {
    const { employeeA, employeeA2, employeeB, managerA, c } = await setup();
    const other = await makeBakery(t);
    const list = (browser: Browser) => browser.request({ method: 'GET', url: `/api/v1/attachments?entityType=case&entityId=${c.id}` });
    expect((await upload(employeeB.browser, { entityType: 'case', entityId: c.id })).statusCode).toBe(403);
    const added = await upload(employeeA.browser, { entityType: 'case', entityId: c.id });
    expect(added.statusCode, added.body).toBe(201);
    expect((await list(employeeB.browser)).json().data).toHaveLength(1);
    expect((await list(other.owner)).statusCode).toBe(404);
    expect((await upload(other.owner, { entityType: 'case', entityId: c.id })).statusCode).toBe(400);
    const id = added.json().id;
    expect((await employeeA2.browser.request({ method: 'DELETE', url: `/api/v1/attachments/${id}` })).statusCode).toBe(403);
    // The unit's manager may change the case, so may remove its files.
    expect((await managerA.browser.request({ method: 'DELETE', url: `/api/v1/attachments/${id}` })).statusCode).toBe(204);
    expect((await list(employeeA.browser)).json().data).toHaveLength(0);
  });

  it('on a knowledge-base article: read by all staff, added and removed by its author, managers and admins', async () => {
    const { owner, employeeA, employeeB, managerA } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const article = (
      await t.pool.query(
        `INSERT INTO kb_article (workspace_id, title, body, language, author_id, updated_by_id)
         VALUES ($1, 'Storing plasterboard', '<p>Dry</p>', 'en', $2, $2) RETURNING id`,
        [workspaceId, employeeA.user.id],
      )
    ).rows[0];
    expect((await upload(employeeB.browser, { entityType: 'kb_article', entityId: article.id })).statusCode).toBe(403);
    const added = await upload(employeeA.browser, { entityType: 'kb_article', entityId: article.id });
    expect(added.statusCode, added.body).toBe(201);
    const listed = await employeeB.browser.request({
      method: 'GET',
      url: `/api/v1/attachments?entityType=kb_article&entityId=${article.id}`,
    });
    expect(listed.json().data).toHaveLength(1);
    expect((await employeeB.browser.request({ method: 'DELETE', url: `/api/v1/attachments/${added.json().id}` })).statusCode).toBe(403);
    expect((await upload(managerA.browser, { entityType: 'kb_article', entityId: article.id })).statusCode).toBe(201);
    expect((await managerA.browser.request({ method: 'DELETE', url: `/api/v1/attachments/${added.json().id}` })).statusCode).toBe(204);
  });
});
