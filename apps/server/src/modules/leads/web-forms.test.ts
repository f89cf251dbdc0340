import type { TWebForm } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { get, post, useTestApp } from '../../test/harness.ts';
import { count, leadBakery } from './test-leads.ts';
import { WEB_FORM_POSTS_PER_MINUTE } from './web-form-public.routes.ts';

const t = useTestApp({ publicUrl: 'https://crm.example.test/' });

let address = 0;
/** A visitor from an address of their own, so that each test meets the rate limit alone. */
const visitor = () => {
  address += 1;
  return `198.51.100.${address}`;
};

const visit = (url: string, ip: string, options: { method?: 'GET' | 'POST'; form?: Record<string, string>; json?: object } = {}) =>
  t.app.inject({
    method: options.method ?? 'GET',
    url,
    remoteAddress: ip,
    headers: {
      'user-agent': 'Firefox',
      ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(options.json ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.form ? { payload: new URLSearchParams(options.form).toString() } : {}),
    ...(options.json ? { payload: JSON.stringify(options.json) } : {}),
  });

async function setup(values: Record<string, unknown> = {}) {
  const s = await leadBakery(t);
  const form: TWebForm = await post(s.owner, '/api/v1/web-forms', {
    name: 'Contact page',
    language: 'it',
    fields: [
      { field: 'firstName', required: true },
      { field: 'email', required: true },
      { field: 'phone', required: false },
      { field: 'message', required: false },
    ],
    consentText: 'Voglio ricevere le novità',
    sourceId: s.source.id,
    campaignId: s.campaign.id,
    ownerId: s.employeeA.user.id,
    ...values,
  });
  return { ...s, form, path: `/f/${form.key}` };
}

describe('web forms', () => {
  it('are made by managers and admins with a random key, an address and embed codes; others read them', async () => {
    const s = await setup();
    expect(s.form.key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(s.form).toMatchObject({
      publicUrl: `https://crm.example.test/f/${s.form.key}`,
      source: { id: s.source.id },
      owner: { id: s.employeeA.user.id },
      active: true,
      submissions: 0,
    });
    expect(s.form.embedCode.iframe).toContain(`<iframe src="https://crm.example.test/f/${s.form.key}"`);
    expect(s.form.embedCode.html).toContain(`<form method="post" action="https://crm.example.test/f/${s.form.key}"`);
    expect(s.form.embedCode.html).toContain('name="website_url"');
    expect(s.form.embedCode.html).toContain('name="marketingConsent"');
    const other = await post(s.managerA.browser, '/api/v1/web-forms', { name: 'Fair', fields: [{ field: 'email', required: true }] });
    expect(other.key).not.toBe(s.form.key);
    const refused = await s.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/web-forms',
      payload: { name: 'Mine', fields: [{ field: 'email' }] },
    });
    expect(refused.statusCode).toBe(403);
    expect((await get(s.employeeA.browser, '/api/v1/web-forms')).data.map((f: TWebForm) => f.name)).toEqual(['Contact page', 'Fair']);
    const bad = [
      { redirectUrl: 'javascript:alert(1)' },
      { fields: [{ field: 'message', required: true }] },
      { fields: [{ field: 'email' }, { field: 'email' }] },
      { sourceId: crypto.randomUUID() },
    ];
    for (const payload of bad) {
      const response = await s.owner.request({ method: 'PATCH', url: `/api/v1/web-forms/${s.form.id}`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const changed = await s.owner.request({
      method: 'PATCH',
      url: `/api/v1/web-forms/${s.form.id}`,
      payload: { title: 'Scrivici', redirectUrl: 'https://forno.example.test/grazie' },
    });
    expect(changed.json()).toMatchObject({ key: s.form.key, title: 'Scrivici', redirectUrl: 'https://forno.example.test/grazie' });
    const stranger = await leadBakery(t);
    expect((await stranger.owner.request({ method: 'GET', url: `/api/v1/web-forms/${s.form.id}` })).statusCode).toBe(404);
    expect((await stranger.owner.request({ method: 'DELETE', url: `/api/v1/web-forms/${s.form.id}` })).statusCode).toBe(404);
  });

  it('shows an Italian form page any site may frame, with the trap field and the consent box', async () => {
    const s = await setup();
    const page = await visit(s.path, visitor());
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect(page.body).toContain('<html lang="it">');
    expect(page.body).toContain('Nome');
    expect(page.body).toContain('Telefono');
    expect(page.body).toContain('Messaggio');
    expect(page.body).toContain('Invia');
    expect(page.body).not.toContain('Cognome');
    expect(page.body).toContain('name="website_url"');
    expect(page.body).toContain('Voglio ricevere le novità');
    expect(page.body).not.toMatch(/<script|https?:\/\/[^"]*\.(css|js)/);
    // The app's own pages still refuse to be framed.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['x-frame-options']).toBeDefined();
  });

  it('turns a posted form into a lead of its source and campaign, with an assignment for its owner', async () => {
    const s = await setup();
    const ip = visitor();
    const response = await visit(s.path, ip, {
      method: 'POST',
      form: {
        firstName: 'Marco',
        email: 'Marco@Esempio.test',
        phone: '333 1234567',
        message: 'Vorrei un preventivo',
        marketingConsent: 'on',
        website_url: '',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Grazie!');
    const { data } = await get(s.owner, `/api/v1/leads?filter[webFormId]=${s.form.id}`);
    expect(data).toHaveLength(1);
    const lead = await get(s.owner, `/api/v1/leads/${data[0].id}`);
    expect(lead).toMatchObject({
      channel: 'web_form',
      firstName: 'Marco',
      email: 'marco@esempio.test',
      language: 'it',
      marketingConsent: true,
      source: { id: s.source.id },
      campaign: { id: s.campaign.id },
      owner: { id: s.employeeA.user.id },
      unit: { id: s.shopA.id },
      submittedFrom: { ip, userAgent: 'Firefox' },
    });
    expect((await get(s.owner, `/api/v1/web-forms/${s.form.id}`)).submissions).toBe(1);
    expect(
      await count(t, 'task', `workspace_id = $1 AND assignee_id = $2 AND title LIKE '%Marco'`, [s.workspaceId, s.employeeA.user.id]),
    ).toBe(1);
    // Converting it gives the contact the consent, as given on the web form.
    const converted = await s.owner.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/convert`, payload: {} });
    const contactId = converted.json().conversion.contact.id;
    expect((await t.pool.query('SELECT consent_source FROM contact WHERE id = $1', [contactId])).rows[0].consent_source).toBe('web_form');

    // JSON from a site's own script: 201 {ok: true}; problems as problem+json.
    const json = await visit(s.path, ip, { method: 'POST', json: { firstName: 'Sara', email: 'sara@esempio.test' } });
    expect(json.statusCode).toBe(201);
    expect(json.json()).toEqual({ ok: true });
    const wrong = await visit(s.path, ip, { method: 'POST', json: { firstName: '', email: 'nope' } });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'firstName']);
    // A browser gets the form again, with the problems in Italian and what was typed.
    const again = await visit(s.path, ip, { method: 'POST', form: { firstName: 'Luca', email: 'luca@' } });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Inserisci un indirizzo e-mail valido.');
    expect(again.body).toContain('value="Luca"');
    expect(await count(t, 'lead', 'workspace_id = $1', [s.workspaceId])).toBe(2);
  });

  it('thanks a robot that filled the trap like a person but keeps nothing; sends people to the thank-you address', async () => {
    const s = await setup({ redirectUrl: 'https://forno.example.test/grazie' });
    const trapped = await visit(s.path, visitor(), {
      method: 'POST',
      form: { firstName: 'Bot', email: 'bot@spam.test', website_url: 'http://spam.test' },
    });
    const person = await visit(s.path, visitor(), { method: 'POST', form: { firstName: 'Anna', email: 'anna@esempio.test' } });
    for (const response of [trapped, person]) {
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('https://forno.example.test/grazie');
    }
    expect(await count(t, 'lead', 'workspace_id = $1', [s.workspaceId])).toBe(1);
    expect((await get(s.owner, `/api/v1/web-forms/${s.form.id}`)).submissions).toBe(1);
  });

  it('lets the form page and its re-rendered form post to an address that redirects to the thank-you page', async () => {
    const s = await setup({ redirectUrl: 'https://forno.example.test/grazie?x=1' });
    const page = await visit(s.path, visitor());
    expect(page.headers['content-security-policy']).toContain("form-action 'self' https://forno.example.test;");
    const wrong = await visit(s.path, visitor(), { method: 'POST', form: { firstName: 'Luca', email: 'luca@' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-security-policy']).toContain("form-action 'self' https://forno.example.test;");
  });

  it('takes a form posted as multipart/form-data, and refuses a file in it', async () => {
    const s = await setup();
    const boundary = 'x-form';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const posted = await t.app.inject({
      method: 'POST',
      url: s.path,
      remoteAddress: visitor(),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${part('firstName', 'Giada')}${part('email', 'giada@esempio.test')}${part('website_url', '')}--${boundary}--\r\n`,
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.body).toContain('Grazie!');
    const { data } = await get(s.owner, `/api/v1/leads?filter[webFormId]=${s.form.id}`);
    expect(data.map((lead: { firstName: string; email: string }) => [lead.firstName, lead.email])).toEqual([
      ['Giada', 'giada@esempio.test'],
    ]);
    const withFile = await t.app.inject({
      method: 'POST',
      url: s.path,
      remoteAddress: visitor(),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload:
        `${part('firstName', 'Rino')}${part('email', 'rino@esempio.test')}` +
        `--${boundary}\r\nContent-Disposition: form-data; name="cv"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(withFile.statusCode).toBeGreaterThanOrEqual(400);
    expect(withFile.statusCode).toBeLessThan(500);
    expect(await count(t, 'lead', 'workspace_id = $1', [s.workspaceId])).toBe(1);
  });

  it(`answers 429 after ${WEB_FORM_POSTS_PER_MINUTE} posts a minute from one address, and 404 for an inactive or unknown form`, async () => {
    const s = await setup();
    const ip = visitor();
    for (let i = 0; i < WEB_FORM_POSTS_PER_MINUTE; i += 1) {
      const response = await visit(s.path, ip, { method: 'POST', form: { firstName: `Person ${i}`, email: `p${i}@esempio.test` } });
      expect(response.statusCode).toBe(200);
    }
    const limited = await visit(s.path, ip, { method: 'POST', form: { firstName: 'One more', email: 'more@esempio.test' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Troppe richieste');
    // Another address is not held back.
    expect((await visit(s.path, visitor(), { method: 'POST', form: { firstName: 'Else', email: 'e@esempio.test' } })).statusCode).toBe(200);
    expect(await count(t, 'lead', 'workspace_id = $1', [s.workspaceId])).toBe(WEB_FORM_POSTS_PER_MINUTE + 1);

    await s.owner.request({ method: 'PATCH', url: `/api/v1/web-forms/${s.form.id}`, payload: { active: false } });
    expect((await visit(s.path, visitor())).statusCode).toBe(404);
    const closed = await visit(s.path, visitor(), { method: 'POST', form: { firstName: 'Late', email: 'late@esempio.test' } });
    expect(closed.statusCode).toBe(404);
    expect(closed.body).toContain('Modulo non disponibile');
    expect((await visit('/f/aaaaaaaaaaaaaaaaaaaaaaaa', visitor())).statusCode).toBe(404);
    expect(await count(t, 'lead', 'workspace_id = $1', [s.workspaceId])).toBe(WEB_FORM_POSTS_PER_MINUTE + 1);
  });
});
