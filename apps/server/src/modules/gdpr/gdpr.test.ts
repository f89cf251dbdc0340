import type { TPersonExport, TPipeline, TSalesReport } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { portalCustomer } from '../../test/portal-harness.ts';
import { emailHash } from './suppression.ts';

const t = useTestApp();

const put = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PUT', url, payload });
/** Fails the test with the server's body unless the answer is 200. */
async function ok(response: Promise<{ statusCode: number; body: string }>) {
  const answer = await response;
  if (answer.statusCode !== 200) throw new Error(`${answer.statusCode}: ${answer.body}`);
}
const erase = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.request({ method: 'POST', url: `/api/v1/gdpr/contacts/${id}/erase`, payload });

/** A person with something in every corner of the CRM: the world of an export and an erasure. */
async function personWithHistory() {
  const bakery = await makeBakery(t);
  const { owner } = bakery;
  const workspaceId = owner.session.user.workspace.id;
  await post(owner, '/api/v1/custom-fields', { entity: 'contact', key: 'loyalty', label: 'Loyalty', type: 'text' });
  const company = await post(owner, '/api/v1/companies', { name: 'Forno Aurora' });
  const other = await post(owner, '/api/v1/contacts', { firstName: 'Bruno', lastName: 'Borea' });
  const person = await post(owner, '/api/v1/contacts', {
    firstName: 'Giulia',
    lastName: 'Verdi',
    position: 'Buyer',
    birthday: '1990-04-12',
    city: 'Torino',
    address: 'Via Po 1',
    preferences: 'Loves rye bread',
    notes: 'Allergic to nuts',
    tags: ['vip'],
    custom: { loyalty: 'Gold' },
    phones: [{ label: 'mobile', value: '+39 333 123 4567' }],
    emails: [{ label: 'work', value: 'Giulia.Verdi@Example.test' }],
    companies: [{ companyId: company.id, role: 'Buyer' }],
  });
  // A change of the record, for its history.
  await ok(owner.request({ method: 'PATCH', url: `/api/v1/contacts/${person.id}`, payload: { city: 'Milano' } }));
  await ok(put(owner, `/api/v1/contacts/${person.id}/consent`, { state: 'granted', source: 'manual', detail: 'Said yes at the counter' }));
  const alone = await post(owner, '/api/v1/activities', {
    type: 'call',
    subject: 'About her wedding',
    body: '<p>Wants a cake</p>',
    contactIds: [person.id],
  });
  const shared = await post(owner, '/api/v1/activities', { type: 'meeting', subject: 'Both buyers', contactIds: [person.id, other.id] });
  const task = await post(owner, '/api/v1/tasks', {
    title: 'Call Giulia back',
    assigneeId: owner.session.user.id,
    contactIds: [person.id],
  });
  const { data: pipelines } = await get(owner, '/api/v1/pipelines');
  const won = (pipelines as TPipeline[]).find((p) => p.isDefault)?.stages.find((s) => s.kind === 'won')?.id;
  const deal = await post(owner, '/api/v1/deals', {
    title: 'Wedding cake',
    expectedCloseOn: '2026-03-10',
    amount: '450.00',
    currency: 'EUR',
    contactId: person.id,
    notes: 'Her sister pays',
  });
  await ok(owner.request({ method: 'POST', url: `/api/v1/deals/${deal.id}/move`, payload: { stageId: won } }));
  await t.db.execute(sql`UPDATE deal SET closed_on = '2026-03-10' WHERE id = ${deal.id}`);
  const type = await post(owner, '/api/v1/case-types', { name: 'Question', kind: 'question' });
  const supportCase = await post(owner, '/api/v1/cases', {
    subject: 'Cake too sweet',
    description: 'She says her guests complained',
    typeId: type.id,
    channel: 'phone',
    contactId: person.id,
  });
  await post(owner, `/api/v1/cases/${supportCase.id}/messages`, { kind: 'reply', body: 'We will bake another.', channel: 'phone' });
  await t.db.execute(sql`INSERT INTO attachment (workspace_id, entity_type, entity_id, file_name, content_type, size, sha256, uploaded_by_id)
    VALUES (${workspaceId}, 'contact', ${person.id}, 'id-card.pdf', 'application/pdf', 1234, 'abc', ${owner.session.user.id})`);
  const lead = await post(owner, '/api/v1/leads', {
    firstName: 'Giulia',
    lastName: 'V.',
    email: 'giulia.verdi@example.test',
    message: 'Call me on Sunday',
  });
  const portal = await portalCustomer(t, { workspaceId, contactId: person.id, email: 'giulia.portal@example.test' });
  return { ...bakery, workspaceId, company, other, person, alone, shared, task, deal, supportCase, lead, portal };
}

describe('the export of a person', () => {
  it('holds every section with the rows about the person, as a versioned JSON attachment nobody caches', async () => {
    const w = await personWithHistory();
    const response = await w.owner.request({ method: 'GET', url: `/api/v1/gdpr/contacts/${w.person.id}/export` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="person-/);
    const file: TPersonExport = response.json();
    expect(file.format).toBe('clientela.person/1');
    expect(file.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(file.contact).toMatchObject({
      id: w.person.id,
      first_name: 'Giulia',
      last_name: 'Verdi',
      city: 'Milano',
      notes: 'Allergic to nuts',
    });
    expect(file.contact).not.toHaveProperty('search_vector');
    expect(file.customFields).toEqual([{ key: 'loyalty', label: 'Loyalty', type: 'text', value: 'Gold' }]);
    expect(file.companies).toEqual([{ companyId: w.company.id, name: 'Forno Aurora', role: 'Buyer' }]);
    expect(file.activities.map((a) => a.id).sort()).toEqual([w.alone.id, w.shared.id].sort());
    expect(file.tasks.map((task) => task.id)).toEqual([w.task.id]);
    expect(file.deals).toMatchObject([{ id: w.deal.id, title: 'Wedding cake', expected_close_on: '2026-03-10', notes: 'Her sister pays' }]);
    expect(file.cases).toMatchObject([{ id: w.supportCase.id, subject: 'Cake too sweet' }]);
    expect(file.caseMessages.map((m) => m.body)).toContain('We will bake another.');
    expect(file.attachments).toMatchObject([{ fileName: 'id-card.pdf', size: 1234, contentType: 'application/pdf' }]);
    expect(file.attachments[0]).not.toHaveProperty('sha256');
    expect(file.consentEvents).toMatchObject([{ state: 'granted', source: 'manual', detail: 'Said yes at the counter' }]);
    expect(file.leads).toMatchObject([{ id: w.lead.id, message: 'Call me on Sunday' }]);
    expect(file.portalAccount).toMatchObject({ id: w.portal.portalUserId, email: 'giulia.portal@example.test', status: 'active' });
    expect(file.portalAccount).not.toHaveProperty('password_hash');
    expect(file.history.map((h) => h.action)).toEqual(['created', 'updated']);
    for (const section of [
      'quotes',
      'orders',
      'agreements',
      'contracts',
      'mailingRecipients',
      'surveyInvitations',
      'surveyResponses',
    ] as const) {
      expect(file[section]).toEqual([]);
    }
    expect(file.erasure).toBeNull();
    // Dates leave in ISO 8601, UTC.
    expect(String(file.contact.created_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });

  it('is for admins and managers of the person; employees get 403 and another workspace gets 404', async () => {
    const w = await personWithHistory();
    const url = `/api/v1/gdpr/contacts/${w.person.id}/export`;
    expect((await w.employeeA.browser.request({ method: 'GET', url })).statusCode).toBe(403);
    // The owner made the contact outside any shop: the manager of a shop does not reach it.
    expect((await w.managerA.browser.request({ method: 'GET', url })).statusCode).toBe(404);
    const mine = await post(w.managerA.browser, '/api/v1/contacts', { firstName: 'Marco', lastName: 'Blu' });
    expect((await w.managerA.browser.request({ method: 'GET', url: `/api/v1/gdpr/contacts/${mine.id}/export` })).statusCode).toBe(200);
    const { admin } = await makeWorkspace(t, { workspaceName: 'Elsewhere' });
    const stranger = await signIn(t, admin.email);
    for (const path of ['export', 'consents']) {
      const response = await stranger.request({ method: 'GET', url: `/api/v1/gdpr/contacts/${w.person.id}/${path}` });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await erase(stranger, w.person.id, { reason: 'asked', confirm: 'Giulia Verdi' })).statusCode).toBe(404);
  });
});

describe('the record of consents', () => {
  it('lists every change of consent, newest first, with who and where from', async () => {
    const w = await personWithHistory();
    await put(w.owner, `/api/v1/contacts/${w.person.id}/consent`, { state: 'withdrawn', source: 'manual', detail: 'Phoned to stop' });
    const { data } = await get(w.owner, `/api/v1/gdpr/contacts/${w.person.id}/consents`);
    expect(data).toMatchObject([
      { state: 'withdrawn', source: 'manual', detail: 'Phoned to stop', by: { id: w.owner.session.user.id } },
      { state: 'granted', source: 'manual', detail: 'Said yes at the counter' },
    ]);
    const file: TPersonExport = await get(w.owner, `/api/v1/gdpr/contacts/${w.person.id}/export`);
    expect(file.consentEvents.map((e) => e.state)).toEqual(['granted', 'withdrawn']);
  });
});

describe('erasing a person', () => {
  it('anonymises the person everywhere in one go, keeps the aggregates, and suppresses their addresses', async () => {
    const w = await personWithHistory();
    const sales = async (): Promise<TSalesReport> => get(w.owner, '/api/v1/reports/sales?groupBy=quarter&from=2026-01-01&to=2026-12-31');
    const revenueBefore = (await sales()).total;
    expect(revenueBefore).toMatchObject({ count: 1, amount: '450.00' });

    const response = await erase(w.owner, w.person.id, { reason: 'She asked by letter', confirm: ' Giulia Verdi ' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      contactId: w.person.id,
      reason: 'She asked by letter',
      erasedBy: { id: w.owner.session.user.id },
    });

    const contact = await get(w.owner, `/api/v1/contacts/${w.person.id}`);
    expect(contact).toMatchObject({
      firstName: 'Erased person',
      lastName: w.person.id.slice(0, 8),
      position: null,
      birthday: null,
      city: null,
      address: null,
      preferences: null,
      notes: null,
      phones: [],
      emails: [],
      custom: {},
      tags: ['vip'],
    });
    const history = await get(w.owner, `/api/v1/contacts/${w.person.id}/history`);
    const values = JSON.stringify(history);
    for (const word of ['Giulia', 'Verdi', 'Torino', 'Milano', 'nuts']) expect(values).not.toContain(word);

    const { rows: activities } = await t.db.execute<{ id: string; type: string; subject: string | null; body: string | null }>(
      sql`SELECT id, type, subject, body FROM activity WHERE id IN (${w.alone.id}, ${w.shared.id})`,
    );
    expect(activities.find((a) => a.id === w.alone.id)).toMatchObject({ type: 'call', subject: null, body: null });
    expect(activities.find((a) => a.id === w.shared.id)).toMatchObject({ subject: 'Both buyers' });
    const { rows: deals } = await t.db.execute(sql`SELECT amount, notes FROM deal WHERE id = ${w.deal.id}`);
    expect(deals[0]).toMatchObject({ amount: '450.00', notes: null });
    const { rows: cases } = await t.db.execute(sql`SELECT subject, description FROM support_case WHERE id = ${w.supportCase.id}`);
    expect(cases[0]).toMatchObject({ subject: 'Cake too sweet', description: null });
    const { rows: leads } = await t.db.execute(sql`SELECT first_name, email, message FROM lead WHERE id = ${w.lead.id}`);
    expect(leads[0]).toMatchObject({ first_name: 'Erased person', email: null, message: null });
    const { rows: consent } = await t.db.execute(sql`SELECT state, detail FROM consent_event WHERE contact_id = ${w.person.id}`);
    expect(consent).toEqual([{ state: 'granted', detail: null }]);

    // The portal account is gone and its session with it.
    const { rows: accounts } = await t.db.execute(sql`SELECT 1 FROM portal_user WHERE contact_id = ${w.person.id}`);
    expect(accounts).toEqual([]);
    expect((await w.portal.request({ method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);

    const { rows: suppressed } = await t.db.execute<{ email_hash: string }>(
      sql`SELECT email_hash FROM mail_suppression WHERE workspace_id = ${w.workspaceId} ORDER BY email_hash`,
    );
    expect(suppressed.map((r) => r.email_hash)).toEqual(
      [emailHash('giulia.verdi@example.test'), emailHash('giulia.portal@example.test')].sort(),
    );
    const { rows: erasures } = await t.db.execute(sql`SELECT reason FROM person_erasure WHERE contact_id = ${w.person.id}`);
    expect(erasures).toEqual([{ reason: 'She asked by letter' }]);

    // The won deal still counts in the sales report, for the same amount.
    expect((await sales()).total).toEqual(revenueBefore);
    // The page reads the erasure back.
    expect(await get(w.owner, `/api/v1/gdpr/contacts/${w.person.id}`)).toMatchObject({
      erasure: { reason: 'She asked by letter' },
      canErase: true,
      canExport: true,
    });
    // The export now holds the anonymised person and the erasure itself.
    const file: TPersonExport = await get(w.owner, `/api/v1/gdpr/contacts/${w.person.id}/export`);
    expect(file.contact).toMatchObject({ first_name: 'Erased person', emails: [] });
    expect(file.erasure).toMatchObject({ reason: 'She asked by letter' });
    expect(JSON.stringify(file)).not.toContain('Verdi');

    const again = await erase(w.owner, w.person.id, { reason: 'Twice', confirm: `Erased person ${w.person.id.slice(0, 8)}` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_erased' });
  });

  it('refuses a wrong confirmation naming the field, and changes nothing', async () => {
    const w = await personWithHistory();
    const response = await erase(w.owner, w.person.id, { reason: 'Asked', confirm: 'Giulia Rossi' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'confirm' }] });
    const missing = await erase(w.owner, w.person.id, { confirm: 'Giulia Verdi' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toContain('reason');
    expect(await get(w.owner, `/api/v1/contacts/${w.person.id}`)).toMatchObject({ firstName: 'Giulia', notes: 'Allergic to nuts' });
    const { rows } = await t.db.execute(sql`SELECT count(*)::int AS n FROM mail_suppression WHERE workspace_id = ${w.workspaceId}`);
    expect(rows[0]).toEqual({ n: 0 });
    expect((await w.portal.request({ method: 'GET', url: '/api/portal/me' })).statusCode).toBe(200);
  });

  it('is for admins only', async () => {
    const w = await personWithHistory();
    const mine = await post(w.managerA.browser, '/api/v1/contacts', { firstName: 'Marco', lastName: 'Blu' });
    expect((await erase(w.managerA.browser, mine.id, { reason: 'Asked', confirm: 'Marco Blu' })).statusCode).toBe(403);
    expect((await erase(w.employeeA.browser, w.person.id, { reason: 'Asked', confirm: 'Giulia Verdi' })).statusCode).toBe(403);
    expect(await get(w.managerA.browser, `/api/v1/gdpr/contacts/${mine.id}`)).toMatchObject({
      erasure: null,
      canErase: false,
      canExport: true,
    });
  });
});
