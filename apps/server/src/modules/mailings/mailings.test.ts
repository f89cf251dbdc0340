import type { ParsedMail } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { compileTemplate } from './render.ts';
import { mailingJob } from './send-job.ts';

const PUBLIC_URL = 'https://crm.example.test';

/** A real SMTP server on loopback that keeps what it receives, turns busy.test away for now and refuses bounce.test for good. */
const smtp = await startSmtpCapture({
  refuse: (address) => (address.endsWith('@busy.test') ? 451 : address.endsWith('@bounce.test') ? 550 : undefined),
});
const { received } = smtp;
const mail = smtp.mailSettings('Bakery Rossi <news@bakery.test>');
afterAll(() => smtp.close());

const t = useTestApp({ mail, publicUrl: PUBLIC_URL });
/** A server without a mail server configured. */
const bare = useTestApp();

/** Text without its line breaks (the plain-text part is wrapped). */
const flat = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ');
/** HTML with the entities Mustache writes in attributes decoded. */
const decoded = (html: unknown) =>
  String(html).replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
/** A header as it was written in the message. */
const header = (m: ParsedMail | undefined, name: string) => m?.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ') ?? '';
const addressOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
const mailTo = (address: string) => received.filter((m) => addressOf(m) === address);
let seq = 0;
const address = (name: string, domain = 'example.test') => `${name.toLowerCase()}.${++seq}@${domain}`;

const MJML = (greeting: string) => `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>${greeting} {{first_name}}{{#company}} of {{company}}{{/company}}, {{manager}} writes. Loyalty: {{custom.loyalty}}</mj-text>
        <mj-button href="https://bakery.test/offer?a=1&amp;b=2">Offer</mj-button>
        <mj-text><a href="{{unsubscribe_url}}">unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const VERSIONS = {
  en: { subject: 'News for {{first_name}}', mjml: MJML('Hello') },
  it: { subject: 'Novità per {{first_name}}', mjml: MJML('Ciao') },
};

type Person = {
  first: string;
  email?: string | null;
  city?: string;
  class?: 'A' | 'B';
  language?: 'en' | 'it' | 'ru';
  consent?: string | null;
};

/** A bakery with a loyalty custom field, a company, a template and contacts made through the API. */
async function setUp() {
  const bakery = await makeBakery(t);
  const { owner } = bakery;
  await post(owner, '/api/v1/custom-fields', { entity: 'contact', key: 'loyalty', label: 'Loyalty', type: 'text' });
  const company = await post(owner, '/api/v1/companies', { name: 'Forno Verdi' });
  const contact = async (p: Person) => {
    const created = await post(owner, '/api/v1/contacts', {
      firstName: p.first,
      lastName: 'Test',
      city: p.city ?? 'Roma',
      class: p.class ?? 'A',
      emails: p.email === null ? [] : [{ label: 'work', value: p.email ?? address(p.first) }],
      companies: [{ companyId: company.id, role: 'buyer' }],
      custom: { loyalty: 'gold' },
      ...(p.language ? { language: p.language } : {}),
    });
    const consent = p.consent === undefined ? 'granted' : p.consent;
    await t.pool.query('UPDATE contact SET marketing_consent = $2 WHERE id = $1', [created.id, consent]);
    return created as { id: string; emails: { value: string }[]; firstName: string };
  };
  const template = await post(owner, '/api/v1/templates', { name: 'Spring news', versions: VERSIONS });
  const view = await post(owner, '/api/v1/views', {
    entity: 'contact',
    name: 'Class A in Roma',
    shared: true,
    query: { 'filter[class]': 'A', 'filter[city]': 'Roma' },
  });
  return { ...bakery, company, contact, template, view };
}

const runJob = (workspaceId: string, mailingId: string, options: Parameters<typeof mailingJob>[3] = {}, stopping = () => false) =>
  mailingJob(t.db, mail, PUBLIC_URL, options)({ workspaceId, mailingId }, stopping);

async function queued(browser: Browser, payload: Record<string, unknown>) {
  const mailing = await post(browser, '/api/v1/mailings', payload);
  const response = await browser.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/queue` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const recipients = async (mailingId: string) =>
  (
    await t.pool.query<{ contact_id: string; status: string; sent_at: Date | null; token: string; message_id: string | null }>(
      'SELECT contact_id, status, sent_at, token, message_id FROM mailing_recipient WHERE mailing_id = $1 ORDER BY sent_at NULLS LAST',
      [mailingId],
    )
  ).rows;

describe('mail templates', () => {
  it('are described in the OpenAPI document with the mailings', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode, response.body.slice(0, 2000)).toBe(200);
    const doc = response.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/templates/{id}/preview', '/api/v1/mailings/{id}/queue', '/api/v1/mailings/{id}/recipients']),
    );
    expect(Object.keys(doc.paths).some((path) => path.startsWith('/u/') || path.startsWith('/t/'))).toBe(false);
  });

  it('refuses a template whose MJML or subject does not compile, naming the field and the line', async () => {
    const { owner } = await makeBakery(t);
    const bad = await owner.request({
      method: 'POST',
      url: '/api/v1/templates',
      payload: {
        name: 'Broken',
        versions: {
          en: {
            subject: 'Hi {{{first_name}}}',
            mjml: '<mjml>\n<mj-body>\n<mj-section>\n<mj-colum>x</mj-colum>\n</mj-section></mj-body></mjml>',
          },
          ru: { subject: 'Привет', mjml: 'not mjml at all' },
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    const problem = bad.json();
    expect(problem.code).toBe('invalid_template');
    const paths = problem.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('versions.en.subject');
    expect(paths).toContain('versions.en.mjml');
    expect(paths).toContain('versions.ru.mjml');
    expect(problem.errors.find((e: { path: string }) => e.path === 'versions.en.mjml').message).toMatch(/^Line 4: /);
    const none = await owner.request({ method: 'POST', url: '/api/v1/templates', payload: { name: 'Empty', versions: {} } });
    expect(none.statusCode).toBe(400);
    expect((await get(owner, '/api/v1/templates')).total).toBe(0);
  });

  it('previews a template personalised for a contact, in the language asked, and with sample values', async () => {
    const { owner, contact, template } = await setUp();
    const giulia = await contact({ first: 'Giulia', language: 'it' });
    const preview = await owner.request({
      method: 'POST',
      url: `/api/v1/templates/${template.id}/preview`,
      payload: { language: 'it', contactId: giulia.id },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.language).toBe('it');
    expect(body.subject).toBe('Novità per Giulia');
    expect(flat(body.text)).toContain('Ciao Giulia of Forno Verdi, Anna Rossi writes. Loyalty: gold');
    expect(body.html).toContain('Ciao Giulia of Forno Verdi');
    // A language the template lacks falls back to its first version.
    const russian = (
      await owner.request({ method: 'POST', url: `/api/v1/templates/${template.id}/preview`, payload: { language: 'ru' } })
    ).json();
    expect(russian.language).toBe('en');
    expect(russian.subject).toBe('News for Мария');
  });

  it('previews the unsaved text being edited, of a saved template or of a new one, and refuses MJML that does not compile', async () => {
    const { owner, contact, template } = await setUp();
    const giulia = await contact({ first: 'Giulia', language: 'it' });
    const edited = { subject: 'Offerta per {{first_name}}', mjml: MJML('Buongiorno') };
    const saved = await owner.request({
      method: 'POST',
      url: `/api/v1/templates/${template.id}/preview`,
      payload: { language: 'it', contactId: giulia.id, version: edited },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().subject).toBe('Offerta per Giulia');
    expect(flat(saved.json().text)).toContain('Buongiorno Giulia of Forno Verdi');
    // The saved template is untouched by a preview.
    expect((await get(owner, `/api/v1/templates/${template.id}`)).versions.it.subject).toBe('Novità per {{first_name}}');
    // A language the template lacks is previewed in that language when its text is given.
    const russian = await owner.request({
      method: 'POST',
      url: `/api/v1/templates/${template.id}/preview`,
      payload: { language: 'ru', version: { subject: 'Новости для {{first_name}}', mjml: MJML('Привет') } },
    });
    expect(russian.json().language).toBe('ru');
    expect(russian.json().subject).toBe('Новости для Мария');

    const fresh = await owner.request({
      method: 'POST',
      url: '/api/v1/templates/preview',
      payload: { language: 'en', contactId: giulia.id, version: { subject: 'Hi {{first_name}}', mjml: MJML('Welcome') } },
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json().subject).toBe('Hi Giulia');
    expect(flat(fresh.json().text)).toContain('Welcome Giulia of Forno Verdi');

    const broken = { subject: 'Hi', mjml: '<mjml>\n<mj-body>\n<mj-section>\n<mj-colum>x</mj-colum>\n</mj-section></mj-body></mjml>' };
    for (const url of [`/api/v1/templates/${template.id}/preview`, '/api/v1/templates/preview']) {
      const bad = await owner.request({ method: 'POST', url, payload: { language: 'en', version: broken } });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.json().code).toBe('invalid_template');
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('versions.en.mjml');
    }
    const notMjml = await owner.request({
      method: 'POST',
      url: '/api/v1/templates/preview',
      payload: { language: 'en', version: { subject: 'Hi', mjml: 'not mjml at all' } },
    });
    expect(notMjml.statusCode, notMjml.body).toBe(400);
    expect(notMjml.json().code).toBe('invalid_template');
  });

  it('sends a test mail to the actor through the mail server, marked as a test', async () => {
    const { owner, template } = await setUp();
    const response = await owner.request({ method: 'POST', url: `/api/v1/templates/${template.id}/test`, payload: { language: 'en' } });
    expect(response.statusCode, response.body).toBe(200);
    const to = owner.session.user.email;
    expect(response.json().to).toBe(to);
    const [sent] = mailTo(to);
    expect(sent?.subject).toBe('[Test] News for Jane');
    expect(flat(sent?.text)).toContain('Hello Jane of Acme Ltd');
  });

  it('answers 503 for a test mail when no mail server is configured', async () => {
    const { admin } = await makeWorkspace(bare);
    const owner = await signIn(bare, admin.email);
    const template = await post(owner, '/api/v1/templates', { name: 'T', versions: VERSIONS });
    const response = await owner.request({ method: 'POST', url: `/api/v1/templates/${template.id}/test`, payload: { language: 'en' } });
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('mail_not_configured');
  });

  it('refuses to delete a template a mailing being sent uses', async () => {
    const { owner, template, view } = await setUp();
    await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id });
    const response = await owner.request({ method: 'DELETE', url: `/api/v1/templates/${template.id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('in_use');
  });
});

describe('mailings', () => {
  it('queues the contacts of a saved view, each with the status that explains their fate', async () => {
    const { owner, contact, template, view } = await setUp();
    const ok = await contact({ first: 'Olga' });
    const noEmail = await contact({ first: 'Nina', email: null });
    const neverAsked = await contact({ first: 'Nadia', consent: null });
    const withdrawn = await contact({ first: 'Wanda', consent: 'withdrawn' });
    const bounced = await contact({ first: 'Bruno' });
    await t.pool.query('UPDATE contact SET email_bounced_at = now() WHERE id = $1', [bounced.id]);
    await contact({ first: 'Milo', city: 'Milano' });
    await contact({ first: 'Bea', class: 'B' });
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id, perMinute: 600 });
    expect(mailing.status).toBe('queued');
    expect(mailing.total).toBe(5);
    expect(mailing.counts).toMatchObject({ queued: 1, skipped_no_email: 1, skipped_no_consent: 1, skipped_unsubscribed: 1, bounced: 1 });
    const byContact = new Map((await recipients(mailing.id)).map((r) => [r.contact_id, r.status]));
    expect(Object.fromEntries(byContact)).toEqual({
      [ok.id]: 'queued',
      [noEmail.id]: 'skipped_no_email',
      [neverAsked.id]: 'skipped_no_consent',
      [withdrawn.id]: 'skipped_unsubscribed',
      [bounced.id]: 'bounced',
    });
    const page = await get(owner, `/api/v1/mailings/${mailing.id}/recipients?status=queued`);
    expect(page.data.map((r: { contact: { id: string } }) => r.contact.id)).toEqual([ok.id]);
    expect((await owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/queue` })).statusCode).toBe(409);
  });

  it('sends personalised mails with one-click unsubscribe headers; an unsubscribed contact gets nothing from the next mailing', async () => {
    const { owner, contact, template, view } = await setUp();
    const olga = await contact({ first: 'Olga' });
    const giulia = await contact({ first: 'Giulia', language: 'it' });
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id, perMinute: 10_000 });
    await runJob(owner.session.user.workspace.id, mailing.id);

    const done = await get(owner, `/api/v1/mailings/${mailing.id}`);
    expect(done.status).toBe('done');
    expect(done.counts.sent).toBe(2);
    expect(done.progress).toBe(1);
    const [toOlga] = mailTo(olga.emails[0]?.value ?? '');
    const [toGiulia] = mailTo(giulia.emails[0]?.value ?? '');
    expect(toOlga?.subject).toBe('News for Olga');
    expect(flat(toOlga?.text)).toContain('Hello Olga of Forno Verdi, Anna Rossi writes. Loyalty: gold');
    expect(toGiulia?.subject).toBe('Novità per Giulia');
    const rows = await recipients(mailing.id);
    const olgaRow = rows.find((r) => r.contact_id === olga.id);
    const unsubscribe = `${PUBLIC_URL}/u/${olgaRow?.token}`;
    expect(header(toOlga, 'list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header(toOlga, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header(toOlga, 'precedence')).toBe('Precedence: bulk');
    expect(toOlga?.messageId).toBe(olgaRow?.message_id);
    expect(decoded(toOlga?.html)).toContain(unsubscribe);

    const page = await t.app.inject({ method: 'GET', url: `/u/${olgaRow?.token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post">');
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/u/${olgaRow?.token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    const consent = await t.pool.query(
      `SELECT c.marketing_consent, c.consent_source, e.source, e.detail FROM contact c
       JOIN consent_event e ON e.workspace_id = c.workspace_id AND e.contact_id = c.id AND e.state = 'withdrawn' WHERE c.id = $1`,
      [olga.id],
    );
    expect(consent.rows).toEqual([
      {
        marketing_consent: 'withdrawn',
        consent_source: 'unsubscribe_link',
        source: 'unsubscribe_link',
        detail: expect.stringContaining(mailing.id),
      },
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/u/${olgaRow?.token}` })).body).toContain('already unsubscribed');
    expect((await t.app.inject({ method: 'GET', url: '/u/5d1f7a3e-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const giuliaRow = rows.find((r) => r.contact_id === giulia.id);
    const italian = await t.app.inject({ method: 'GET', url: `/u/${giuliaRow?.token}` });
    expect(italian.body).toContain('<html lang="it">');
    expect(italian.body).toContain('Annulla iscrizione');

    const again = await queued(owner, { name: 'Summer', templateId: template.id, viewId: view.id, perMinute: 10_000 });
    expect(again.counts).toMatchObject({ queued: 1, skipped_unsubscribed: 1 });
    await runJob(owner.session.user.workspace.id, again.id);
    expect(mailTo(olga.emails[0]?.value ?? '')).toHaveLength(1);
    expect(mailTo(giulia.emails[0]?.value ?? '')).toHaveLength(2);
  });

  it('honours a withdrawal between queueing and sending, and marks a refused address as bounced', async () => {
    const { owner, contact, template, view } = await setUp();
    const late = await contact({ first: 'Lara' });
    const bouncing = await contact({ first: 'Boris', email: address('boris', 'bounce.test') });
    const fine = await contact({ first: 'Fede' });
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id, perMinute: 10_000 });
    expect(mailing.counts.queued).toBe(3);
    // Behind the API's back, as another process would: the job must look again itself.
    await t.pool.query(`UPDATE contact SET marketing_consent = 'withdrawn' WHERE id = $1`, [late.id]);
    await runJob(owner.session.user.workspace.id, mailing.id);
    const statuses = Object.fromEntries((await recipients(mailing.id)).map((r) => [r.contact_id, r.status]));
    expect(statuses).toEqual({ [late.id]: 'skipped_unsubscribed', [bouncing.id]: 'bounced', [fine.id]: 'sent' });
    expect(mailTo(late.emails[0]?.value ?? '')).toHaveLength(0);
    expect(mailTo(fine.emails[0]?.value ?? '')).toHaveLength(1);
    const bounced = await t.pool.query('SELECT email_bounced_at FROM contact WHERE id = $1', [bouncing.id]);
    expect(bounced.rows[0].email_bounced_at).not.toBeNull();
  });

  it('paces the messages at the mailing rate', async () => {
    const { owner, contact, template, view } = await setUp();
    for (const first of ['Ada', 'Bice', 'Cleo', 'Dora', 'Ebe']) await contact({ first });
    const mailing = await queued(owner, { name: 'Slow', templateId: template.id, viewId: view.id, perMinute: 60 });
    await runJob(owner.session.user.workspace.id, mailing.id);
    const sentAt = (await recipients(mailing.id)).map((r) => (r.sent_at as Date).getTime());
    expect(sentAt).toHaveLength(5);
    for (let i = 1; i < sentAt.length; i++) expect((sentAt[i] as number) - (sentAt[i - 1] as number)).toBeGreaterThanOrEqual(999);
  });

  it('tracks opens and signed clicks only when asked', async () => {
    const { owner, contact, template, view } = await setUp();
    const tess = await contact({ first: 'Tess' });
    const mailing = await queued(owner, {
      name: 'Tracked',
      templateId: template.id,
      viewId: view.id,
      perMinute: 10_000,
      trackOpens: true,
      trackClicks: true,
    });
    await runJob(owner.session.user.workspace.id, mailing.id);
    const [sent] = mailTo(tess.emails[0]?.value ?? '');
    const html = decoded(sent?.html);
    const [row] = await recipients(mailing.id);
    expect(html).toContain(`${PUBLIC_URL}/t/o/${row?.token}`);
    expect(html).toContain(`${PUBLIC_URL}/u/${row?.token}`);
    const click = /href="(https:\/\/crm\.example\.test\/t\/c\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const path = click.slice(PUBLIC_URL.length);
    const redirect = await t.app.inject({ method: 'GET', url: path });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('https://bakery.test/offer?a=1&b=2');
    const forged = path.replace(/u=[^&]+/, `u=${encodeURIComponent('https://evil.test/')}`);
    expect((await t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(400);
    const pixel = await t.app.inject({ method: 'GET', url: `/t/o/${row?.token}` });
    expect(pixel.headers['content-type']).toBe('image/gif');
    const counted = await get(owner, `/api/v1/mailings/${mailing.id}`);
    expect(counted).toMatchObject({ opened: 1, clicked: 1 });
  });

  it('lets admins and managers send, employees only read, and hides other workspaces', async () => {
    const { owner, managerA, employeeA, template, view } = await setUp();
    const draft = { name: 'Spring', templateId: template.id, viewId: view.id };
    expect((await employeeA.browser.request({ method: 'POST', url: '/api/v1/mailings', payload: draft })).statusCode).toBe(403);
    expect(
      (await employeeA.browser.request({ method: 'POST', url: '/api/v1/templates', payload: { name: 'x', versions: VERSIONS } }))
        .statusCode,
    ).toBe(403);
    const mailing = await post(managerA.browser, '/api/v1/mailings', draft);
    expect((await get(employeeA.browser, '/api/v1/mailings')).data.map((m: { id: string }) => m.id)).toEqual([mailing.id]);
    expect((await employeeA.browser.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/queue` })).statusCode).toBe(403);
    const other = await makeWorkspace(t, { workspaceName: 'Other' });
    const stranger = await signIn(t, other.admin.email);
    for (const url of [`/api/v1/mailings/${mailing.id}`, `/api/v1/templates/${template.id}`, `/api/v1/mailings/${mailing.id}/recipients`]) {
      expect((await stranger.request({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    expect((await stranger.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/queue` })).statusCode).toBe(404);
    const foreign = await stranger.request({ method: 'POST', url: '/api/v1/mailings', payload: draft });
    expect(foreign.statusCode).toBe(400);
    expect((await owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/pause` })).statusCode).toBe(409);
  });

  it('retries a message the server refuses for now, and gives it up after three attempts', async () => {
    const { owner, contact, template, view } = await setUp();
    const busy = await contact({ first: 'Beppe', email: address('beppe', 'busy.test') });
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id, perMinute: 10_000 });
    await runJob(owner.session.user.workspace.id, mailing.id, { retryDelayMs: 0 });
    const row = await t.pool.query('SELECT status, attempts, error FROM mailing_recipient WHERE mailing_id = $1', [mailing.id]);
    expect(row.rows).toEqual([{ status: 'failed', attempts: 3, error: expect.stringContaining('busy') }]);
    const contactRow = await t.pool.query('SELECT email_bounced_at FROM contact WHERE id = $1', [busy.id]);
    expect(contactRow.rows[0].email_bounced_at).toBeNull();
    expect((await get(owner, `/api/v1/mailings/${mailing.id}`)).status).toBe('done');
  });

  it('mails the contacts of the companies of a static list', async () => {
    const { owner, company, contact, template } = await setUp();
    const carla = await contact({ first: 'Carla', city: 'Milano', class: 'B' });
    const list = await post(owner, '/api/v1/lists', { entity: 'company', name: 'Bakeries' });
    const added = await owner.request({ method: 'POST', url: `/api/v1/lists/${list.id}/members`, payload: { ids: [company.id] } });
    expect(added.statusCode, added.body).toBeLessThan(300);
    const mailing = await queued(owner, { name: 'To companies', templateId: template.id, listId: list.id, perMinute: 10_000 });
    expect(mailing.list).toMatchObject({ id: list.id, entity: 'company' });
    expect((await recipients(mailing.id)).map((r) => r.contact_id)).toEqual([carla.id]);
  });

  it('pauses, resumes and cancels; a paused mailing sends nothing', async () => {
    const { owner, contact, template, view } = await setUp();
    const pia = await contact({ first: 'Pia' });
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id, perMinute: 10_000 });
    const paused = await owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/pause` });
    expect(paused.json().status).toBe('paused');
    await runJob(owner.session.user.workspace.id, mailing.id);
    expect(mailTo(pia.emails[0]?.value ?? '')).toHaveLength(0);
    expect((await owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/resume` })).json().status).toBe('queued');
    await runJob(owner.session.user.workspace.id, mailing.id);
    expect(mailTo(pia.emails[0]?.value ?? '')).toHaveLength(1);
    expect((await owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/cancel` })).statusCode).toBe(409);
    const draft = await post(owner, '/api/v1/mailings', { name: 'Later', templateId: template.id, viewId: view.id });
    expect(
      (await owner.request({ method: 'PATCH', url: `/api/v1/mailings/${draft.id}`, payload: { perMinute: 30 } })).json().perMinute,
    ).toBe(30);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/mailings/${draft.id}` })).statusCode).toBe(204);
  });

  it('takes up a message left sending by a process that died, and leaves alone one another process is sending', async () => {
    const { owner, contact, template, view } = await setUp();
    const stale = await contact({ first: 'Sara' });
    const busy = await contact({ first: 'Tito' });
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id, perMinute: 10_000 });
    await t.pool.query(
      `UPDATE mailing_recipient SET status = 'sending', attempts = 1,
         updated_at = now() - CASE WHEN contact_id = $2 THEN interval '20 minutes' ELSE interval '0' END
       WHERE mailing_id = $1`,
      [mailing.id, stale.id],
    );
    // The job waits for the other process's message; it is told to stop once it has nothing else to do.
    const sentToStale = () => mailTo(stale.emails[0]?.value ?? '').length > 0;
    await runJob(owner.session.user.workspace.id, mailing.id, { staleMs: 60_000, retryDelayMs: 60_000 }, sentToStale);
    const statuses = Object.fromEntries((await recipients(mailing.id)).map((r) => [r.contact_id, r.status]));
    expect(statuses).toEqual({ [stale.id]: 'sent', [busy.id]: 'sending' });
    expect(mailTo(stale.emails[0]?.value ?? '')).toHaveLength(1);
    expect(mailTo(busy.emails[0]?.value ?? '')).toHaveLength(0);
  });

  it('stops sending within a batch as soon as the mailing is paused', async () => {
    const { owner, contact, template, view } = await setUp();
    for (const first of ['Gea', 'Ivo', 'Lia']) await contact({ first });
    const mailing = await queued(owner, { name: 'Fast', templateId: template.id, viewId: view.id, perMinute: 6000 });
    smtp.beforeAccepting = () => owner.request({ method: 'POST', url: `/api/v1/mailings/${mailing.id}/pause` });
    try {
      await runJob(owner.session.user.workspace.id, mailing.id);
    } finally {
      smtp.beforeAccepting = undefined;
    }
    const paused = await get(owner, `/api/v1/mailings/${mailing.id}`);
    expect(paused.status).toBe('paused');
    expect(paused.counts).toMatchObject({ sent: 1, queued: 2, sending: 0 });
    const attempts = await t.pool.query(`SELECT attempts FROM mailing_recipient WHERE mailing_id = $1 AND status = 'queued'`, [mailing.id]);
    expect(attempts.rows).toEqual([{ attempts: 0 }, { attempts: 0 }]);
  });
});

describe('template placeholders', () => {
  it('refuses unescaped placeholders and partials, also behind changed delimiters or inside sections', async () => {
    const body = (inner: string) =>
      `<mjml><mj-body><mj-section><mj-column><mj-text>${inner}</mj-text></mj-column></mj-section></mj-body></mjml>`;
    const problemsOf = async (subject: string, inner: string) => (await compileTemplate({ subject, mjml: body(inner) })).problems;
    for (const inner of [
      '{{=<% %>=}}<%& first_name %>',
      '{{#company}}{{=<% %>=}}<%{ company }%><%/company%>',
      '{{> footer}}',
      '{{=[ ]=}}[first_name]',
    ]) {
      expect((await problemsOf('Hi', inner)).map((p) => p.message)).toEqual(['The body uses an unescaped placeholder; use {{name}}']);
    }
    expect((await problemsOf('{{=<% %>=}}<%& first_name %>', 'Hello')).map((p) => p.message)).toEqual([
      'The subject uses an unescaped placeholder; use {{name}}',
    ]);
    expect(await problemsOf('Hi {{first_name}}', '{{#company}}Hello {{company}}{{/company}}')).toEqual([]);
  });
});

describe('mailing recipients, as read', () => {
  it('counts every recipient but shows an employee names and addresses only of contacts they may read', async () => {
    const { owner, employeeA, contact, template, view } = await setUp();
    const mine = await contact({ first: 'Mina' });
    const other = await contact({ first: 'Otto' });
    await t.pool.query('UPDATE contact SET owner_id = $2 WHERE id = $1', [mine.id, employeeA.user.id]);
    await t.pool.query('UPDATE contact SET owner_id = NULL, unit_id = NULL WHERE id = $1', [other.id]);
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id });
    const page = await get(employeeA.browser, `/api/v1/mailings/${mailing.id}/recipients`);
    expect(page.total).toBe(2);
    const byId = new Map(page.data.map((r: { contact: { id: string; name: string }; email: string | null }) => [r.contact.id, r]));
    expect(byId.get(mine.id)).toMatchObject({ contact: { name: 'Mina Test' }, email: mine.emails[0]?.value });
    expect(byId.get(other.id)).toMatchObject({ contact: { name: '' }, email: null, status: 'queued' });
    const all = await get(owner, `/api/v1/mailings/${mailing.id}/recipients`);
    expect(all.data.map((r: { contact: { name: string } }) => r.contact.name).sort()).toEqual(['Mina Test', 'Otto Test']);
  });
});

describe('one address, several contacts', () => {
  it('queues one message per address, and unsubscribing by multipart one-click withdraws every contact with it, once', async () => {
    const { owner, contact, template, view } = await setUp();
    const shared = address('Shared');
    const uno = await contact({ first: 'Uno', email: shared.toUpperCase() });
    const due = await contact({ first: 'Due', email: shared });
    const blocked = address('Blocked');
    const tre = await contact({ first: 'Tre', email: blocked });
    // Another contact with Tre's address, outside the view, unsubscribed.
    await contact({ first: 'Quattro', email: blocked, city: 'Milano', consent: 'withdrawn' });
    const mailing = await queued(owner, { name: 'Spring', templateId: template.id, viewId: view.id });
    const statuses = Object.fromEntries((await recipients(mailing.id)).map((r) => [r.contact_id, r.status]));
    expect([statuses[uno.id], statuses[due.id]].sort()).toEqual(['queued', 'skipped_duplicate']);
    expect(statuses[tre.id]).toBe('skipped_unsubscribed');

    const token = (await recipients(mailing.id)).find((r) => r.contact_id === uno.id)?.token;
    const boundary = 'x-one-click';
    const oneClick = () =>
      t.app.inject({
        method: 'POST',
        url: `/u/${token}`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      });
    const first = await oneClick();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.body).toContain('You are unsubscribed');
    const consent = async () =>
      (
        await t.pool.query(
          `SELECT c.id, c.marketing_consent, (SELECT count(*)::int FROM consent_event e WHERE e.contact_id = c.id AND e.state = 'withdrawn') AS events
           FROM contact c WHERE c.id = ANY($1) ORDER BY c.first_name`,
          [[uno.id, due.id]],
        )
      ).rows;
    expect(await consent()).toEqual([
      { id: due.id, marketing_consent: 'withdrawn', events: 1 },
      { id: uno.id, marketing_consent: 'withdrawn', events: 1 },
    ]);
    expect(Object.values(Object.fromEntries((await recipients(mailing.id)).map((r) => [r.contact_id, r.status])))).not.toContain('queued');
    // A repeated one-click writes nothing more.
    const second = await oneClick();
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('already unsubscribed');
    expect((await consent()).map((row) => row.events)).toEqual([1, 1]);
  });
});
