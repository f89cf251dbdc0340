import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, signIn, useTestApp } from '../../test/harness.ts';
import { type Operation, operationsOf, queryString } from '../../test/proof/openapi.ts';
import { validArbitrary } from '../../test/proof/schema-arbitrary.ts';
import { buildWorld, headersOf, type Ids, send, urlFor } from '../../test/proof/world.ts';

const t = useTestApp();

const TAX = 'IT-HIDDEN-TAX-90417';
const PHONE = '+39 0471 998877';

/** Routes that answer with a live stream (never ending under inject). */
const STREAMS = /\/notifications\/stream$/;

/** Query values that make a route answer with the world's records rather than a 400 or an empty page. */
const QUERY: Record<string, unknown> = { q: 'Aurora', from: '2020-01-01', to: '2030-12-31', year: 2026, month: 1 };

/** The URLs one GET operation is called with: its required query filled in, once per value of an enum parameter. */
function urlsOf(operation: Operation, ids: Ids): string[] {
  const base = urlFor(operation, ids);
  const query: Record<string, unknown> = {};
  let variants: [string, unknown[]] | undefined;
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    const { name, schema } = parameter;
    if (name in QUERY) query[name] = QUERY[name];
    else if (schema.enum && !variants) variants = [name, schema.enum];
    else if (parameter.required) [query[name]] = fc.sample(validArbitrary(schema), { seed: 7, numRuns: 1 });
  }
  if (!variants) return [`${base}${queryString(query)}`];
  const [name, values] = variants;
  return values.map((value) => `${base}${queryString({ ...query, [name]: value })}`);
}

/** Does a documented answer carry a company's tax number or a contact's phones? */
const carriesCustomers = (schema: unknown): boolean => /"(taxNumber|phones)"/.test(JSON.stringify(schema ?? {}));

describe('field rules on every route', () => {
  it('shows a hidden company tax number and contact phone in no GET answer, for roles based on employee and on manager', async () => {
    const operations = await operationsOf(t.app);
    const w = await buildWorld(t, operations);
    const { owner, ids } = w;
    const patch = async (url: string, payload: Record<string, unknown>) => {
      const response = await owner.request({ method: 'PATCH', url, payload });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    await patch(`/api/v1/companies/${ids.companies}`, { taxNumber: TAX });
    const contact = await patch(`/api/v1/contacts/${ids.contacts}`, { phones: [{ label: 'mobile', value: PHONE }] });
    const phone = contact.phones[0].value as string;
    await patch(`/api/v1/deals/${ids.deals}`, { companyId: ids.companies, contactId: ids.contacts });
    // A probable duplicate of each (same tax number, same phone), so the duplicates screen has pairs to show.
    const ownerId = w.employeeA.user.id;
    await post(owner, '/api/v1/companies', { name: 'Forno Aurora', taxNumber: TAX, ownerId });
    await post(owner, '/api/v1/contacts', { firstName: 'Alba', lastName: 'Aurora', phones: [{ label: 'work', value: PHONE }], ownerId });
    await post(owner, '/api/v1/activities', {
      type: 'call',
      subject: 'Called Alba about the winter flour',
      companyIds: [ids.companies],
      contactIds: [ids.contacts],
      dealIds: [ids.deals],
    });
    const role = await t.pool.query<{ id: string }>(
      `INSERT INTO role (workspace_id, name, base_role, field_rules) VALUES ($1, 'Counter staff', 'employee', $2) RETURNING id`,
      [w.ws, JSON.stringify({ companies: { taxNumber: 'hidden' }, contacts: { phones: 'hidden' } })],
    );
    await t.pool.query('UPDATE app_user SET role_id = $1 WHERE workspace_id = $2 AND id = $3', [role.rows[0]?.id, w.ws, ownerId]);
    // The owner sees both values, and the duplicates screen pairs them, so an absent value below is the rule at work.
    expect(JSON.stringify(await get(owner, `/api/v1/companies/${ids.companies}`))).toContain(TAX);
    expect(JSON.stringify(await get(owner, `/api/v1/contacts/${ids.contacts}`))).toContain(phone);
    expect(JSON.stringify(await get(owner, '/api/v1/duplicates?entity=company'))).toContain(TAX);
    expect(JSON.stringify(await get(owner, `/api/v1/gdpr/contacts/${ids.contacts}/export`))).toContain(phone);

    const document = (t.app as unknown as { swagger: () => { paths: Record<string, Record<string, { responses?: unknown }>> } }).swagger();
    const gets = operations.filter((o) => o.method === 'GET' && !STREAMS.test(o.path));
    const carrying = gets.filter((o) => carriesCustomers(document.paths[o.path]?.get?.responses)).map((o) => o.path);
    const leaksOf = async (browser: Browser) => {
      const leaks: string[] = [];
      const answered = new Set<string>();
      for (const operation of gets) {
        for (const url of urlsOf(operation, ids)) {
          const response = await send(t, headersOf(browser), 'GET', url);
          if (response.statusCode < 300) answered.add(operation.path);
          if ([TAX, phone, phone.replace(/\s/g, '')].some((secret) => response.body.includes(secret))) {
            leaks.push(`GET ${url} ${response.statusCode}`);
          }
        }
      }
      return { leaks, answered };
    };

    const asEmployee = await leaksOf(await signIn(t, w.employeeA.user.email));
    expect(asEmployee.leaks).toEqual([]);
    // Every route documented with company or contact fields was read (a 4xx would prove nothing), but the
    // portal's profile (the portal customer's own data: they have no role) and the export an employee may not make.
    const unread = carrying.filter((path) => !asEmployee.answered.has(path));
    expect(unread.filter((path) => !path.startsWith('/api/portal/') && !path.includes('/gdpr/'))).toEqual([]);

    // A role based on manager may export a person's data: the export leaves the hidden fields out as well.
    await t.pool.query(`UPDATE role SET base_role = 'manager' WHERE workspace_id = $1 AND id = $2`, [w.ws, role.rows[0]?.id]);
    const asManager = await leaksOf(await signIn(t, w.employeeA.user.email));
    expect(asManager.leaks).toEqual([]);
    expect(asManager.answered.has('/api/v1/gdpr/contacts/{id}/export')).toBe(true);
    console.info(
      `field rules: ${gets.length} GET routes walked, ${asEmployee.answered.size} answered the employee-based role and ` +
        `${asManager.answered.size} the manager-based one; ${carrying.length} documented with company or contact fields`,
    );
  }, 240_000);

  it('does not match a hidden value in the duplicates check', async () => {
    const w = await buildWorld(t, []);
    await w.owner.request({ method: 'PATCH', url: `/api/v1/companies/${w.ids.companies}`, payload: { taxNumber: TAX } });
    const role = await t.pool.query<{ id: string }>(
      `INSERT INTO role (workspace_id, name, base_role, field_rules) VALUES ($1, 'Counter staff', 'employee', $2) RETURNING id`,
      [w.ws, JSON.stringify({ companies: { taxNumber: 'hidden' } })],
    );
    await t.pool.query('UPDATE app_user SET role_id = $1 WHERE workspace_id = $2 AND id = $3', [
      role.rows[0]?.id,
      w.ws,
      w.employeeA.user.id,
    ]);
    const elio = await signIn(t, w.employeeA.user.email);
    const check = { entity: 'company', name: 'Panificio Nuovo', taxNumber: TAX };
    const checked = async (browser: Browser) =>
      (await browser.request({ method: 'POST', url: '/api/v1/duplicates/check', payload: check })).json();
    expect((await checked(w.owner)).data.map((m: { record: { id: string } }) => m.record.id)).toEqual([w.ids.companies]);
    expect((await checked(elio)).data).toEqual([]);
  });
});

describe('field rules in the companies list search', () => {
  it('finds no company by a tax number or phone the role hides, and still finds it by name', async () => {
    const b = await makeBakery(t);
    const company = await post(b.owner, '/api/v1/companies', {
      name: 'Forno Aurora',
      taxNumber: TAX,
      phones: [{ label: 'work', value: PHONE }],
      ownerId: b.employeeA.user.id,
    });
    const role = await t.pool.query<{ id: string }>(
      `INSERT INTO role (workspace_id, name, base_role, field_rules) VALUES ($1, 'Counter staff', 'employee', $2) RETURNING id`,
      [b.owner.session.user.workspace.id, JSON.stringify({ companies: { taxNumber: 'hidden', phones: 'hidden' } })],
    );
    await t.pool.query('UPDATE app_user SET role_id = $1 WHERE id = $2', [role.rows[0]?.id, b.employeeA.user.id]);
    const elio = await signIn(t, b.employeeA.user.email);
    const found = async (browser: Browser, q: string) =>
      (await get(browser, `/api/v1/companies?q=${encodeURIComponent(q)}`)).data.map((c: { id: string }) => c.id);
    for (const q of [TAX, TAX.slice(3, 14).toLowerCase(), '0471 998877']) {
      expect(await found(b.owner, q), q).toEqual([company.id]);
      expect(await found(elio, q), q).toEqual([]);
    }
    expect(await found(elio, 'aurora')).toEqual([company.id]);
  });

  it('finds no contact by a phone or e-mail the role hides, and still finds them by name', async () => {
    const b = await makeBakery(t);
    const contact = await post(b.owner, '/api/v1/contacts', {
      firstName: 'Alba',
      lastName: 'Aurora',
      phones: [{ label: 'work', value: PHONE }],
      emails: [{ label: 'work', value: 'alba.hidden@example.test' }],
      ownerId: b.employeeA.user.id,
    });
    const role = await t.pool.query<{ id: string }>(
      `INSERT INTO role (workspace_id, name, base_role, field_rules) VALUES ($1, 'Counter staff', 'employee', $2) RETURNING id`,
      [b.owner.session.user.workspace.id, JSON.stringify({ contacts: { phones: 'hidden', emails: 'hidden' } })],
    );
    await t.pool.query('UPDATE app_user SET role_id = $1 WHERE id = $2', [role.rows[0]?.id, b.employeeA.user.id]);
    const elio = await signIn(t, b.employeeA.user.email);
    const found = async (browser: Browser, q: string) =>
      (await get(browser, `/api/v1/contacts?q=${encodeURIComponent(q)}`)).data.map((c: { id: string }) => c.id);
    for (const q of ['0471 998877', 'alba.hidden@example']) {
      expect(await found(b.owner, q), q).toEqual([contact.id]);
      expect(await found(elio, q), q).toEqual([]);
    }
    expect(await found(elio, 'aurora')).toEqual([contact.id]);
  });
});

describe('company websites', () => {
  it('refuses a website with a scheme other than http(s) with 400 naming the field, and keeps web addresses', async () => {
    const b = await makeBakery(t);
    const company = await post(b.owner, '/api/v1/companies', { name: 'Forno Aurora', website: 'https://forno-aurora.it' });
    for (const website of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<b>hi</b>',
      'java\tscript:alert(1)',
      'vbscript:x',
    ]) {
      for (const [method, url] of [
        ['POST', '/api/v1/companies'],
        ['PATCH', `/api/v1/companies/${company.id}`],
      ] as const) {
        const response = await b.owner.request({ method, url, payload: { name: 'Forno Nero', website } });
        expect(response.statusCode, `${method} ${website}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe('validation_failed');
        expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['website']);
      }
    }
    const after = await get(b.owner, `/api/v1/companies/${company.id}`);
    expect(after.website).toBe('https://forno-aurora.it');
    expect(after.name).toBe('Forno Aurora');
    expect((await get(b.owner, '/api/v1/companies?q=Nero')).data).toEqual([]);
    for (const website of ['http://forno.it/pane', 'forno.it', 'www.forno.it:8080/menu', '']) {
      const response = await b.owner.request({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, payload: { website } });
      expect(response.statusCode, `${website}: ${response.body}`).toBe(200);
    }
  });
});

describe('field rules in mail previews', () => {
  it('leaves a contact’s hidden custom field out of a template preview filled for that contact', async () => {
    const b = await makeBakery(t);
    await post(b.owner, '/api/v1/custom-fields', { entity: 'contact', key: 'loyalty', label: 'Loyalty', type: 'text' });
    const contact = await post(b.owner, '/api/v1/contacts', {
      firstName: 'Alba',
      lastName: 'Aurora',
      custom: { loyalty: 'GOLD-SECRET-4411' },
      ownerId: b.employeeA.user.id,
    });
    const template = await post(b.owner, '/api/v1/templates', {
      name: 'Birthday',
      purpose: 'birthday',
      versions: {
        en: {
          subject: 'Happy birthday, {{first_name}}!',
          mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Dear {{first_name}} [{{custom.loyalty}}]</mj-text></mj-column></mj-section></mj-body></mjml>',
        },
      },
    });
    const role = await t.pool.query<{ id: string }>(
      `INSERT INTO role (workspace_id, name, base_role, field_rules) VALUES ($1, 'Counter staff', 'employee', $2) RETURNING id`,
      [b.owner.session.user.workspace.id, JSON.stringify({ contacts: { 'custom.loyalty': 'hidden' } })],
    );
    await t.pool.query('UPDATE app_user SET role_id = $1 WHERE id = $2', [role.rows[0]?.id, b.employeeA.user.id]);
    const elio = await signIn(t, b.employeeA.user.email);
    const preview = async (browser: Browser) => {
      const response = await browser.request({
        method: 'POST',
        url: `/api/v1/templates/${template.id}/preview`,
        payload: { language: 'en', contactId: contact.id },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    expect((await preview(b.owner)).text).toContain('GOLD-SECRET-4411');
    const seen = await preview(elio);
    expect(seen.text).toContain('Dear Alba');
    expect(JSON.stringify(seen)).not.toContain('GOLD-SECRET-4411');
  });
});

describe('field rules in the companies list filters', () => {
  it('refuses to filter on a custom field the role hides with 403 field_hidden, and filters on the others', async () => {
    const b = await makeBakery(t);
    for (const key of ['margin', 'zone']) {
      await post(b.owner, '/api/v1/custom-fields', { entity: 'company', key, label: key, type: 'text' });
    }
    const company = await post(b.owner, '/api/v1/companies', {
      name: 'Forno Aurora',
      custom: { margin: 'thin', zone: 'north' },
      ownerId: b.employeeA.user.id,
    });
    const role = await t.pool.query<{ id: string }>(
      `INSERT INTO role (workspace_id, name, base_role, field_rules) VALUES ($1, 'Counter staff', 'employee', $2) RETURNING id`,
      [b.owner.session.user.workspace.id, JSON.stringify({ companies: { 'custom.margin': 'hidden' } })],
    );
    await t.pool.query('UPDATE app_user SET role_id = $1 WHERE id = $2', [role.rows[0]?.id, b.employeeA.user.id]);
    const elio = await signIn(t, b.employeeA.user.email);
    expect((await get(b.owner, '/api/v1/companies?filter[custom.margin]=thin')).data.map((c: { id: string }) => c.id)).toEqual([
      company.id,
    ]);
    const refused = await elio.request({ method: 'GET', url: '/api/v1/companies?filter[custom.margin]=thin' });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'field_hidden', errors: [{ path: 'filter[custom.margin]' }] });
    expect((await get(elio, '/api/v1/companies?filter[custom.zone]=north')).data.map((c: { id: string }) => c.id)).toEqual([company.id]);
  });
});
