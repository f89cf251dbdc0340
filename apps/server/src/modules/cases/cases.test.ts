import type { TCase, TCaseSummary } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { dayIn } from '../my-day/zoned-day.ts';

const t = useTestApp();

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  Number((await t.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0].n);

/** A bakery with a complaint type (two categories), a question type, a class-A company and its buyer. */
async function setup() {
  const bakery = await makeBakery(t);
  const { owner } = bakery;
  const complaint = await post(owner, '/api/v1/case-types', {
    name: 'Product complaint',
    kind: 'complaint',
    categories: [{ name: 'Quality' }, { name: 'Packaging' }],
  });
  const question = await post(owner, '/api/v1/case-types', { name: 'Question', kind: 'question' });
  const company = await post(owner, '/api/v1/companies', { name: 'Gipsoplit', class: 'A' });
  const contact = await post(owner, '/api/v1/contacts', {
    firstName: 'Ivan',
    lastName: 'Petrov',
    companies: [{ companyId: company.id }],
    emails: [{ label: 'work', value: 'ivan@gipsoplit.test' }],
  });
  return { ...bakery, complaint, question, company, contact, quality: complaint.categories[0], packaging: complaint.categories[1] };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const newCase = (browser: Browser, s: Setup, extra: Record<string, unknown> = {}): Promise<TCase> =>
  post(browser, '/api/v1/cases', {
    subject: 'Cracked plasterboard',
    typeId: s.complaint.id,
    channel: 'phone',
    companyId: s.company.id,
    contactId: s.contact.id,
    ...extra,
  });

const move = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.request({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, payload });

describe('registering a case', () => {
  it('numbers cases per workspace and year, also when many are registered at once', async () => {
    const s = await setup();
    const first = await newCase(s.employeeA.browser, s);
    const year = new Date().getUTCFullYear();
    expect(first.number).toMatch(new RegExp(`^C-${year}-\\d{5}$`));
    expect(first.number).toBe(`C-${year}-00001`);
    const many = await Promise.all(Array.from({ length: 8 }, () => newCase(s.employeeA.browser, s)));
    const numbers = new Set([first, ...many].map((c) => c.number));
    expect(numbers.size).toBe(9);
    expect([...numbers].sort().at(-1)).toBe(`C-${year}-00009`);
    // Another workspace starts again at 1.
    const other = await setup();
    expect((await newCase(other.employeeA.browser, other)).number).toBe(`C-${year}-00001`);
  });

  it('keeps the case with the person registering it when no rule matches, takes the kind from the type, and records history', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s, { typeId: s.question.id, categoryId: undefined });
    expect(c).toMatchObject({
      kind: 'question',
      status: 'assigned',
      owner: { id: s.employeeA.user.id },
      unit: { id: s.shopA.id },
      // The admin's customer: the employee sees that there is one, not who.
      company: null,
      customerHidden: true,
      routedBy: null,
      createdBy: { id: s.employeeA.user.id },
      customerUnfoundedComplaints: 0,
      // A reply can still be e-mailed to the contact, without showing who they are.
      customerEmail: true,
    });
    expect(c.history).toHaveLength(1);
    expect(c.history[0]).toMatchObject({ action: 'created', actor: { id: s.employeeA.user.id } });
    expect(await get(s.owner, `/api/v1/cases/${c.id}`)).toMatchObject({
      company: { id: s.company.id, name: 'Gipsoplit' },
      contact: { id: s.contact.id, name: 'Ivan Petrov' },
      customerHidden: false,
    });
  });

  it('refuses bad input naming the fields, and writes nothing', async () => {
    const s = await setup();
    const other = await setup();
    const before = await count('support_case');
    const bad = async (payload: Record<string, unknown>, paths: string[]) => {
      const response = await s.employeeA.browser.request({ method: 'POST', url: '/api/v1/cases', payload });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json();
      expect(body.code).toBe('validation_failed');
      for (const path of paths) expect(body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    const base = { subject: 'Broken', typeId: s.complaint.id, channel: 'phone', companyId: s.company.id };
    await bad({ ...base, companyId: undefined }, ['companyId']);
    await bad({ ...base, subject: '' }, ['subject']);
    await bad({ ...base, channel: 'fax' }, ['channel']);
    await bad({ ...base, typeId: other.complaint.id }, ['typeId']);
    await bad({ ...base, categoryId: other.quality.id }, ['categoryId']);
    await bad({ ...base, categoryId: s.complaint.id }, ['categoryId']);
    await bad({ ...base, companyId: other.company.id }, ['companyId']);
    await bad({ ...base, contactId: other.contact.id }, ['contactId']);
    await bad({ ...base, productId: other.company.id }, ['productId']);
    await bad({ ...base, orderId: other.company.id }, ['orderId']);
    await bad({ ...base, ownerId: other.employeeA.user.id }, ['ownerId']);
    await bad({ ...base, unitId: other.shopA.id }, ['unitId']);
    await bad({ ...base, surprise: true }, []);
    // A contact who does not work for the company.
    const stranger = await post(s.owner, '/api/v1/contacts', { firstName: 'Olga' });
    await bad({ ...base, contactId: stranger.id }, ['contactId']);
    expect(await count('support_case')).toBe(before);
    expect(await count('document_counter', "kind = 'C' AND workspace_id = $1", [s.owner.session.user.workspace.id])).toBe(0);
  });

  it('places a case with the person or unit named, and tells them', async () => {
    const s = await setup();
    const toPerson = await newCase(s.employeeA.browser, s, { ownerId: s.employeeB.user.id });
    expect(toPerson).toMatchObject({ status: 'assigned', owner: { id: s.employeeB.user.id }, unit: { id: s.shopB.id } });
    const toQueue = await newCase(s.employeeB.browser, s, { unitId: s.shopA.id });
    expect(toQueue).toMatchObject({ status: 'new', owner: null, unit: { id: s.shopA.id } });
    const notices = await t.pool.query('SELECT user_id, case_id, task_id FROM notification WHERE kind = $1 ORDER BY user_id', [
      'case_assigned',
    ]);
    expect(notices.rows.filter((n) => n.case_id === toPerson.id).map((n) => n.user_id)).toEqual([s.employeeB.user.id]);
    // Every member of the queue's unit hears of it.
    expect(
      notices.rows
        .filter((n) => n.case_id === toQueue.id)
        .map((n) => n.user_id)
        .sort(),
    ).toEqual([s.managerA.user.id, s.employeeA.user.id, s.employeeA2.user.id].sort());
    const bell = await get(s.employeeB.browser, '/api/v1/notifications');
    expect(bell.data[0]).toMatchObject({ kind: 'case_assigned', caseId: toPerson.id, taskId: null });
  });
});

describe('routing', () => {
  const rule = (s: Setup, payload: Record<string, unknown>) => post(s.owner, '/api/v1/case-routing-rules', payload);

  it('routes by type, category, product, customer class and channel, to a person or a unit queue, first rule first', async () => {
    const s = await setup();
    const product = await post(s.owner, '/api/v1/products', { name: 'Plasterboard 12.5 mm', unit: 'pcs', vatRate: '20' });
    await rule(s, { name: 'Questions to Bea', position: 1, typeId: s.question.id, userId: s.employeeB.user.id });
    await rule(s, { name: 'Packaging to Via Milano', position: 2, categoryId: s.packaging.id, unitId: s.shopB.id });
    await rule(s, { name: 'Plasterboard to Elio', position: 3, productId: product.id, userId: s.employeeA.user.id });
    await rule(s, { name: 'E-mails to Marta', position: 4, channel: 'email', userId: s.managerA.user.id });
    await rule(s, { name: 'Class C to Via Roma', position: 5, customerClass: 'C', unitId: s.shopA.id });
    await rule(s, { name: 'Inactive', position: 0, active: false, unitId: s.shopA.id });

    const byType = await newCase(s.employeeA2.browser, s, { typeId: s.question.id });
    expect(byType).toMatchObject({ owner: { id: s.employeeB.user.id }, unit: { id: s.shopB.id }, status: 'assigned' });
    expect(byType.routedBy?.name).toBe('Questions to Bea');
    const byCategory = await newCase(s.employeeA2.browser, s, { categoryId: s.packaging.id });
    expect(byCategory).toMatchObject({ owner: null, unit: { id: s.shopB.id }, status: 'new' });
    const byProduct = await newCase(s.employeeA2.browser, s, { productId: product.id, channel: 'email' });
    expect(byProduct.owner?.id).toBe(s.employeeA.user.id);
    const byChannel = await newCase(s.employeeA2.browser, s, { channel: 'email' });
    expect(byChannel.owner?.id).toBe(s.managerA.user.id);
    const classC = await post(s.owner, '/api/v1/companies', { name: 'Small shop', class: 'C' });
    const byClass = await newCase(s.employeeA2.browser, s, { companyId: classC.id, contactId: null });
    expect(byClass).toMatchObject({ owner: null, unit: { id: s.shopA.id } });
    // The contact's class counts when there is no company.
    const person = await post(s.owner, '/api/v1/contacts', { firstName: 'Nina', class: 'C' });
    const byContactClass = await newCase(s.employeeA2.browser, s, { companyId: null, contactId: person.id });
    expect(byContactClass.unit?.id).toBe(s.shopA.id);
    const none = await newCase(s.employeeA2.browser, s);
    expect(none).toMatchObject({ owner: { id: s.employeeA2.user.id }, routedBy: null });
    // A person named on the case wins over the rules.
    const named = await newCase(s.employeeA2.browser, s, { typeId: s.question.id, ownerId: s.employeeA.user.id });
    expect(named).toMatchObject({ owner: { id: s.employeeA.user.id }, routedBy: null });
  });

  it('passes over a rule whose person has left', async () => {
    const s = await setup();
    await rule(s, { name: 'To Bea', position: 1, userId: s.employeeB.user.id });
    await rule(s, { name: 'Else Via Roma', position: 2, unitId: s.shopA.id });
    await s.owner.request({ method: 'PATCH', url: `/api/v1/users/${s.employeeB.user.id}`, payload: { active: false } });
    const c = await newCase(s.employeeA.browser, s);
    expect(c.routedBy?.name).toBe('Else Via Roma');
  });

  it('starts the rule’s process on the case', async () => {
    const s = await setup();
    const workspaceId = s.owner.session.user.workspace.id;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://clientela.app/bpmn">
  <bpmn:process id="handle" name="Complaint handling" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
    const definition = (
      await t.pool.query(
        `INSERT INTO process_definition (workspace_id, name, draft_xml, published_version) VALUES ($1, 'Complaint handling', $2, 1) RETURNING id`,
        [workspaceId, xml],
      )
    ).rows[0];
    await t.pool.query(`INSERT INTO process_version (workspace_id, definition_id, version, xml, triggers) VALUES ($1, $2, 1, $3, '[]')`, [
      workspaceId,
      definition.id,
      xml,
    ]);
    await rule(s, { name: 'Complaints by process', processDefinitionId: definition.id });
    const c = await newCase(s.employeeA.browser, s);
    expect(c.process).toMatchObject({ name: 'Complaint handling' });
    expect(c.owner?.id).toBe(s.employeeA.user.id);
    const instance = await t.pool.query('SELECT record_type, record_id FROM process_instance WHERE id = $1', [c.process?.instanceId]);
    expect(instance.rows[0]).toEqual({ record_type: 'case', record_id: c.id });
  });
});

describe('the list', () => {
  it('filters on every field, sorts, pages with a cursor and counts', async () => {
    const s = await setup();
    const a = await newCase(s.employeeA.browser, s, { subject: 'Cracked boards', priority: 'high' });
    const b = await newCase(s.employeeA.browser, s, { subject: 'Late delivery', typeId: s.question.id, channel: 'email' });
    const c = await newCase(s.employeeB.browser, s, { subject: 'Wrong colour', categoryId: s.quality.id, priority: 'urgent' });
    await move(s.employeeA.browser, a.id, { to: 'in_progress' });
    const ids = async (query: string) =>
      ((await get(s.managerA.browser, `/api/v1/cases?${query}`)).data as TCaseSummary[]).map((x) => x.id).sort();
    expect(await ids('')).toEqual([a.id, b.id, c.id].sort());
    expect(await ids('q=late')).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(c.number)}`)).toEqual([c.id]);
    expect(await ids('filter[status]=in_progress')).toEqual([a.id]);
    expect(await ids('filter[status]=in_progress,assigned')).toEqual([a.id, b.id, c.id].sort());
    expect(await ids('filter[open]=true')).toHaveLength(3);
    expect(await ids(`filter[typeId]=${s.question.id}`)).toEqual([b.id]);
    expect(await ids(`filter[categoryId]=${s.quality.id}`)).toEqual([c.id]);
    expect(await ids('filter[kind]=question')).toEqual([b.id]);
    expect(await ids('filter[channel]=email')).toEqual([b.id]);
    expect(await ids('filter[priority]=urgent')).toEqual([c.id]);
    expect(await ids(`filter[ownerId]=${s.employeeB.user.id}`)).toEqual([c.id]);
    expect(await ids(`filter[unitId]=${s.shopA.id}`)).toEqual([a.id, b.id].sort());
    expect(await ids(`filter[companyId]=${s.company.id}`)).toHaveLength(3);
    expect(await ids(`filter[contactId]=${s.contact.id}`)).toHaveLength(3);
    expect(await ids(`filter[productId]=${s.company.id}`)).toEqual([]);
    expect(await ids('filter[verdict]=unfounded')).toEqual([]);
    expect(await ids('filter[sla]=breached')).toEqual([]);
    expect(await ids('filter[mine]=true')).toEqual([]);
    const today = dayIn(s.managerA.browser.session.user.timeZone, new Date());
    expect(await ids(`filter[createdFrom]=${today}&filter[createdTo]=${today}`)).toHaveLength(3);
    expect(await ids('filter[createdTo]=2000-01-01')).toEqual([]);

    const byPriority = await get(s.managerA.browser, '/api/v1/cases?sort=-priority');
    expect(byPriority.data.map((x: TCaseSummary) => x.priority)).toEqual(['urgent', 'high', 'normal']);
    const first = await get(s.managerA.browser, '/api/v1/cases?limit=2');
    expect(first).toMatchObject({ total: 3 });
    expect(first.data.map((x: TCaseSummary) => x.id)).toEqual([c.id, b.id]);
    const second = await get(s.managerA.browser, `/api/v1/cases?limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((x: TCaseSummary) => x.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    for (const sort of ['updatedAt', '-updatedAt', 'resolutionDueAt', 'createdAt', 'priority']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: TCaseSummary[]; nextCursor: string | null } = await get(
          s.managerA.browser,
          `/api/v1/cases?limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.data.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([a.id, b.id, c.id].sort());
    }
    const badStatus = await s.managerA.browser.request({ method: 'GET', url: '/api/v1/cases?filter[status]=lost' });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().errors[0].path).toBe('filter[status]');
    const badCursor = await s.managerA.browser.request({ method: 'GET', url: '/api/v1/cases?cursor=nonsense' });
    expect(badCursor.statusCode).toBe(400);
  });

  it('hides the customer’s name from who may not read the customer, and shows nothing of another workspace', async () => {
    const s = await setup();
    const mine = await post(s.employeeA.browser, '/api/v1/companies', { name: 'Elio’s own client' });
    const c = await newCase(s.employeeA.browser, s, { companyId: mine.id, contactId: null });
    const seen = await get(s.employeeB.browser, `/api/v1/cases/${c.id}`);
    expect(seen).toMatchObject({ company: null, customerHidden: true });
    const other = await setup();
    const list = await get(other.owner, '/api/v1/cases');
    expect(list.total).toBe(0);
    expect((await other.owner.request({ method: 'GET', url: `/api/v1/cases/${c.id}` })).statusCode).toBe(404);
  });
});

describe('moving a case on', () => {
  it('follows the graph, asks a resolution and a complaint’s verdict, counts reopenings, and records each step', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const refused = await move(s.employeeA.browser, c.id, { to: 'closed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invalid_transition');
    expect((await move(s.employeeA.browser, c.id, { to: 'in_progress', note: 'Looking at it' })).statusCode).toBe(200);
    expect((await move(s.employeeA.browser, c.id, { to: 'waiting_customer' })).json().status).toBe('waiting_customer');
    expect((await move(s.employeeA.browser, c.id, { to: 'in_progress' })).json().status).toBe('in_progress');
    const noResolution = await move(s.employeeA.browser, c.id, { to: 'resolved' });
    expect(noResolution.statusCode).toBe(400);
    expect(
      noResolution
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['resolution', 'verdict']);
    const noVerdict = await move(s.employeeA.browser, c.id, { to: 'resolved', resolution: 'Replaced' });
    expect(noVerdict.json().errors.map((e: { path: string }) => e.path)).toEqual(['verdict']);
    const resolved = await move(s.employeeA.browser, c.id, {
      to: 'resolved',
      resolution: 'Boards stored wrongly by the customer',
      verdict: 'unfounded',
      verdictReason: 'Stored outdoors',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', verdict: 'unfounded', customerUnfoundedComplaints: 1 });
    expect(resolved.json().resolvedAt).not.toBeNull();
    const closed = (await move(s.employeeA.browser, c.id, { to: 'closed' })).json();
    expect(closed.closedAt).not.toBeNull();
    const reopened = (await move(s.employeeA.browser, c.id, { to: 'reopened', note: 'Customer called again' })).json();
    expect(reopened).toMatchObject({ status: 'reopened', reopenedCount: 1, resolvedAt: null, closedAt: null });
    const statuses = reopened.history.flatMap((h: TCase['history'][number]) =>
      h.action === 'updated' ? h.changes.filter((ch) => ch.field === 'status').map((ch) => ch.new) : [],
    );
    expect(statuses).toEqual(['in_progress', 'waiting_customer', 'in_progress', 'resolved', 'closed', 'reopened']);
    const notes = reopened.history.flatMap((h: TCase['history'][number]) =>
      h.changes.filter((ch) => ch.field === 'note').map((ch) => ch.new),
    );
    expect(notes).toEqual(['Looking at it', 'Customer called again']);
    // A question is resolved without a verdict, and refuses one.
    const q = await newCase(s.employeeA.browser, s, { typeId: s.question.id });
    expect((await move(s.employeeA.browser, q.id, { to: 'resolved', resolution: 'Answered', verdict: 'founded' })).statusCode).toBe(400);
    expect((await move(s.employeeA.browser, q.id, { to: 'resolved', resolution: 'Answered' })).json().status).toBe('resolved');
  });

  it('records satisfaction only after resolution, 1 to 5', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s, { typeId: s.question.id });
    const rate = (payload: Record<string, unknown>) =>
      s.employeeA.browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/satisfaction`, payload });
    expect((await rate({ score: 5 })).statusCode).toBe(409);
    await move(s.employeeA.browser, c.id, { to: 'resolved', resolution: 'Answered' });
    expect((await rate({ score: 6 })).statusCode).toBe(400);
    expect((await rate({ score: 0 })).json().errors[0].path).toBe('score');
    const rated = await rate({ score: 4, comment: 'Quick answer' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().satisfaction).toMatchObject({ score: 4, comment: 'Quick answer' });
  });

  it('lets a member of the unit take a queued case; others may not handle it', async () => {
    const s = await setup();
    const c = await newCase(s.employeeB.browser, s, { unitId: s.shopA.id });
    expect((await move(s.managerA.browser, c.id, { to: 'in_progress' })).statusCode).toBe(409);
    const stranger = await s.employeeB.browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/take`, payload: {} });
    expect(stranger.statusCode).toBe(403);
    const taken = await s.employeeA.browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/take`, payload: {} });
    expect(taken.json()).toMatchObject({ owner: { id: s.employeeA.user.id }, status: 'assigned' });
    const again = await s.employeeA2.browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/take`, payload: {} });
    expect(again.statusCode).toBe(409);
  });
});

describe('changing and deleting', () => {
  it('changes fields, tells a new owner, checks links, and keeps the rights of each role', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const patch = (browser: Browser, payload: Record<string, unknown>, id = c.id) =>
      browser.request({ method: 'PATCH', url: `/api/v1/cases/${id}`, payload });
    expect((await patch(s.employeeB.browser, { subject: 'Mine now?' })).statusCode).toBe(403);
    expect((await patch(s.employeeA2.browser, { subject: 'Mine now?' })).statusCode).toBe(403);
    const changed = await patch(s.employeeA.browser, { priority: 'urgent', categoryId: s.quality.id, compensationAmount: '12.50' });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors[0].path).toBe('compensationCurrency');
    const ok = (await patch(s.employeeA.browser, { priority: 'urgent', categoryId: s.quality.id })).json();
    expect(ok).toMatchObject({ priority: 'urgent', category: { id: s.quality.id }, mayChange: true, mayDelete: false });
    expect(
      (await patch(s.employeeA.browser, { contactId: (await post(s.owner, '/api/v1/contacts', { firstName: 'X' })).id })).statusCode,
    ).toBe(400);
    // An admin hands it to a colleague in the other shop: they are told.
    const moved = (await patch(s.owner, { ownerId: s.employeeB.user.id })).json();
    expect(moved).toMatchObject({ owner: { id: s.employeeB.user.id }, unit: { id: s.shopB.id } });
    expect(await count('notification', 'case_id = $1 AND user_id = $2', [c.id, s.employeeB.user.id])).toBe(1);
    expect((await patch(s.employeeB.browser, { ownerId: null })).statusCode).toBe(400);
    const fields = moved.history.flatMap((h: TCase['history'][number]) => h.changes.map((ch) => ch.field));
    expect(fields).toEqual(expect.arrayContaining(['priority', 'categoryId', 'ownerId', 'unitId']));
    // Deleting: not the employee, not another unit's manager; the admin may.
    expect((await s.employeeB.browser.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}` })).statusCode).toBe(403);
    expect((await s.managerA.browser.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}` })).statusCode).toBe(403);
    expect((await s.owner.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}` })).statusCode).toBe(204);
    expect((await s.owner.request({ method: 'GET', url: `/api/v1/cases/${c.id}` })).statusCode).toBe(404);
    expect(await count('support_case', 'id = $1 AND deleted_at IS NOT NULL', [c.id])).toBe(1);
    // Another workspace's admin sees nothing.
    const other = await setup();
    const mine = await newCase(s.employeeA.browser, s);
    expect((await patch(other.owner, { subject: 'x' }, mine.id)).statusCode).toBe(404);
    expect((await move(other.owner, mine.id, { to: 'in_progress' })).statusCode).toBe(404);
  });
});

describe('changing who handles a case', () => {
  it('moves a case to another unit only through a hand-over, unless who moves it reaches that unit', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const patch = (browser: Browser, payload: Record<string, unknown>) =>
      browser.request({ method: 'PATCH', url: `/api/v1/cases/${c.id}`, payload });
    for (const browser of [s.employeeA.browser, s.managerA.browser]) {
      const refused = await patch(browser, { ownerId: s.employeeB.user.id });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'ownerId' }] });
    }
    expect(await get(s.owner, `/api/v1/cases/${c.id}`)).toMatchObject({ owner: { id: s.employeeA.user.id }, unit: { id: s.shopA.id } });
    // A colleague in the same unit may be given it.
    const colleague = await patch(s.employeeA.browser, { ownerId: s.employeeA2.user.id });
    expect(colleague.statusCode).toBe(200);
    expect(colleague.json()).toMatchObject({ owner: { id: s.employeeA2.user.id }, unit: { id: s.shopA.id } });
    // While a hand-over waits, nobody else is made responsible.
    const handed = await s.employeeA2.browser.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/handover`,
      payload: { unitId: s.shopB.id },
    });
    expect(handed.statusCode).toBe(200);
    const waiting = await patch(s.owner, { ownerId: s.employeeA.user.id });
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json()).toMatchObject({ code: 'invalid_transition', errors: [{ path: 'ownerId' }] });
  });

  it('refuses a new case whose person is not in the unit named', async () => {
    const s = await setup();
    const response = await s.managerA.browser.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        subject: 'Cracked',
        typeId: s.complaint.id,
        channel: 'phone',
        companyId: s.company.id,
        ownerId: s.employeeB.user.id,
        unitId: s.shopA.id,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'ownerId' }] });
    expect(await count('support_case', 'workspace_id = $1', [s.owner.session.user.workspace.id])).toBe(0);
    const agreed = await newCase(s.managerA.browser, s, { ownerId: s.employeeA.user.id, unitId: s.shopA.id });
    expect(agreed).toMatchObject({ owner: { id: s.employeeA.user.id }, unit: { id: s.shopA.id } });
  });
});

describe('the SLA of a case', () => {
  it('keeps the first response met by resolving without a reply, also after a reopening', async () => {
    const s = await setup();
    await post(s.owner, '/api/v1/sla-policies', { name: 'Any', firstResponseMinutes: 60, resolutionMinutes: 100000, warnBeforeMinutes: 0 });
    const c = await newCase(s.employeeA.browser, s);
    expect(c.sla.firstResponse.state).toBe('running');
    const resolved = await move(s.employeeA.browser, c.id, { to: 'resolved', resolution: 'Fixed by phone', verdict: 'founded' });
    expect(resolved.json().sla.firstResponse.state).toBe('met');
    expect(resolved.json().firstRespondedAt).not.toBeNull();
    // Resolved two hours ago, within its first response time, which has passed since.
    await t.pool.query(
      `UPDATE support_case SET first_response_due_at = now() - interval '1 hour', resolved_at = resolved_at - interval '2 hours',
        first_responded_at = first_responded_at - interval '2 hours' WHERE id = $1`,
      [c.id],
    );
    const reopened = await move(s.employeeA.browser, c.id, { to: 'reopened' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().sla.firstResponse.state).toBe('met');
    expect(await count('support_case', 'id = $1 AND first_responded_at IS NOT NULL', [c.id])).toBe(1);
  });

  it('forgets warnings and breaches of a target that is ahead again after a move to another unit', async () => {
    const s = await setup();
    await post(s.owner, '/api/v1/sla-policies', { name: 'Any', firstResponseMinutes: 600, resolutionMinutes: 6000 });
    const c = await newCase(s.employeeA.browser, s);
    await t.pool.query(
      `UPDATE support_case SET first_response_warned_at = now(), first_response_breached_at = now(),
        resolution_warned_at = now(), resolution_breached_at = now() WHERE id = $1`,
      [c.id],
    );
    const moved = await s.owner.request({ method: 'PATCH', url: `/api/v1/cases/${c.id}`, payload: { ownerId: s.employeeB.user.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().unit.id).toBe(s.shopB.id);
    const { rows } = await t.pool.query(
      `SELECT first_response_warned_at, first_response_breached_at, resolution_warned_at, resolution_breached_at FROM support_case WHERE id = $1`,
      [c.id],
    );
    expect(rows[0]).toEqual({
      first_response_warned_at: null,
      first_response_breached_at: null,
      resolution_warned_at: null,
      resolution_breached_at: null,
    });
  });
});

describe('messages', () => {
  it('keeps replies, notes and the customer’s words; the first reply meets the first response; articles are counted', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const workspaceId = s.owner.session.user.workspace.id;
    const article = (
      await t.pool.query(
        `INSERT INTO kb_article (workspace_id, title, body, plain_text, answer, language, audience, author_id, updated_by_id)
         VALUES ($1, 'Storing plasterboard', '<p>Keep it dry</p>', 'Keep it dry', 'Keep it dry and flat', 'en', 'internal', $2, $2) RETURNING id`,
        [workspaceId, s.owner.session.user.id],
      )
    ).rows[0];
    const say = (browser: Browser, payload: Record<string, unknown>) =>
      browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, payload });
    expect((await say(s.employeeA.browser, { kind: 'customer', body: 'The boards crack' })).statusCode).toBe(201);
    // Any reader may add a note; only who handles it replies.
    expect((await say(s.employeeB.browser, { kind: 'note', body: 'Same last year' })).statusCode).toBe(201);
    expect((await say(s.employeeB.browser, { kind: 'reply', body: 'Hello' })).statusCode).toBe(403);
    const bad = await say(s.employeeA.browser, { kind: 'reply', body: 'x', articleIds: [c.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('articleIds.0');
    expect((await say(s.employeeA.browser, { kind: 'reply', body: '' })).statusCode).toBe(400);
    const replied = await say(s.employeeA.browser, {
      kind: 'reply',
      channel: 'phone',
      body: 'Keep it dry and flat',
      articleIds: [article.id],
    });
    expect(replied.statusCode).toBe(201);
    const whole: TCase = replied.json();
    expect(whole.firstRespondedAt).not.toBeNull();
    expect(whole.messages.map((m) => m.kind)).toEqual(['customer', 'note', 'reply']);
    expect(whole.messages[2]).toMatchObject({
      channel: 'phone',
      email: null,
      articles: [{ id: article.id, title: 'Storing plasterboard' }],
    });
    expect(await count('kb_article_use', 'article_id = $1 AND case_id = $2', [article.id, c.id])).toBe(1);
    expect((await t.pool.query('SELECT use_count FROM kb_article WHERE id = $1', [article.id])).rows[0].use_count).toBe(1);
    // A second reply keeps the first response's time.
    const later = (await say(s.employeeA.browser, { kind: 'reply', body: 'Anything else?' })).json();
    expect(later.firstRespondedAt).toBe(whole.firstRespondedAt);
  });

  it('queues an e-mailed reply for the contact, and refuses one without an address', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const sent = await s.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/messages`,
      payload: { kind: 'reply', channel: 'email', body: 'We will replace them' },
    });
    expect(sent.json().messages[0].email).toEqual({ to: 'ivan@gipsoplit.test', state: 'pending' });
    const noContact = await newCase(s.employeeA.browser, s, { contactId: null });
    const refused = await s.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/cases/${noContact.id}/messages`,
      payload: { kind: 'reply', channel: 'email', body: 'Hello' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('channel');
    expect(await count('case_message', 'case_id = $1', [noContact.id])).toBe(0);
  });
});

describe('hand-over', () => {
  it('is an assignment to accept: accepted, the case moves to who accepted it in the other unit', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const handed = await s.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/handover`,
      payload: { unitId: s.shopB.id, note: 'Service should look at it' },
    });
    expect(handed.statusCode).toBe(200);
    const waiting: TCase = handed.json();
    expect(waiting).toMatchObject({
      status: 'waiting_unit',
      owner: { id: s.employeeA.user.id },
      handover: { unit: { id: s.shopB.id }, assignee: null, status: 'sent' },
    });
    const taskId = waiting.handover?.taskId as string;
    const task = await get(s.employeeB.browser, `/api/v1/tasks/${taskId}`);
    expect(task.links).toEqual([{ type: 'case', id: c.id, name: `${c.number} ${c.subject}` }]);
    // While it waits, the case does not move on, nor is it handed over twice.
    expect((await move(s.employeeA.browser, c.id, { to: 'in_progress' })).statusCode).toBe(409);
    const twice = await s.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/handover`,
      payload: { unitId: s.shopA.id },
    });
    expect(twice.statusCode).toBe(409);
    const accepted = await s.employeeB.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/transitions`,
      payload: { to: 'accepted', committedDate: '2030-01-10' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after: TCase = await get(s.employeeB.browser, `/api/v1/cases/${c.id}`);
    expect(after).toMatchObject({ status: 'in_progress', owner: { id: s.employeeB.user.id }, unit: { id: s.shopB.id }, handover: null });
    const last = after.history.at(-1);
    expect(last?.actor?.id).toBe(s.employeeB.user.id);
    expect(last?.changes.map((ch) => ch.field)).toEqual(expect.arrayContaining(['ownerId', 'unitId', 'status', 'handoverTaskId']));
  });

  it('declined, the case stays with its owner, in progress again', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const waiting: TCase = (
      await s.employeeA.browser.request({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/handover`,
        payload: { assigneeId: s.employeeB.user.id },
      })
    ).json();
    expect(waiting.handover).toMatchObject({ assignee: { id: s.employeeB.user.id }, unit: { id: s.shopB.id } });
    const declined = await s.employeeB.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${waiting.handover?.taskId}/transitions`,
      payload: { to: 'declined', reason: 'Not ours' },
    });
    expect(declined.statusCode).toBe(200);
    const after: TCase = await get(s.employeeA.browser, `/api/v1/cases/${c.id}`);
    expect(after).toMatchObject({ status: 'in_progress', owner: { id: s.employeeA.user.id }, unit: { id: s.shopA.id }, handover: null });
  });

  it('finds its case by the case’s own hand-over, which its sender cannot unlink', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const waiting: TCase = (
      await s.employeeA.browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/handover`, payload: { unitId: s.shopB.id } })
    ).json();
    const taskId = waiting.handover?.taskId as string;
    const unlink = await s.employeeA.browser.request({ method: 'PATCH', url: `/api/v1/tasks/${taskId}`, payload: { caseIds: [] } });
    expect(unlink.statusCode).toBe(400);
    expect(unlink.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'caseIds' }] });
    expect(await count('task_link', "task_id = $1 AND record_type = 'case'", [taskId])).toBe(1);
    // Other changes of the task stay allowed; even without its link, the answer moves the case.
    const renamed = await s.employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${taskId}`,
      payload: { title: 'Please look', caseIds: [c.id] },
    });
    expect(renamed.statusCode).toBe(200);
    await t.pool.query(`DELETE FROM task_link WHERE task_id = $1`, [taskId]);
    const accepted = await s.employeeB.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/transitions`,
      payload: { to: 'accepted', committedDate: '2030-01-10' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(await get(s.employeeA.browser, `/api/v1/cases/${c.id}`)).toMatchObject({
      status: 'in_progress',
      owner: { id: s.employeeB.user.id },
      handover: null,
    });
  });

  it('declined, a case nobody had taken goes back to its unit’s queue, new', async () => {
    const s = await setup();
    const c = await newCase(s.managerA.browser, s, { unitId: s.shopA.id });
    expect(c).toMatchObject({ status: 'new', owner: null });
    const waiting: TCase = (
      await s.managerA.browser.request({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/handover`,
        payload: { assigneeId: s.employeeB.user.id },
      })
    ).json();
    const declined = await s.employeeB.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${waiting.handover?.taskId}/transitions`,
      payload: { to: 'declined', reason: 'Not ours' },
    });
    expect(declined.statusCode).toBe(200);
    expect(await get(s.managerA.browser, `/api/v1/cases/${c.id}`)).toMatchObject({
      status: 'new',
      owner: null,
      unit: { id: s.shopA.id },
      handover: null,
    });
    // A member of the unit takes it from the queue again.
    const taken = await s.employeeA.browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/take` });
    expect(taken.statusCode).toBe(200);
  });

  it('is withdrawn when the case is deleted', async () => {
    const s = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const waiting: TCase = (
      await s.employeeA.browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/handover`, payload: { unitId: s.shopB.id } })
    ).json();
    const taskId = waiting.handover?.taskId as string;
    expect((await s.owner.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}` })).statusCode).toBe(204);
    expect(await get(s.employeeA.browser, `/api/v1/tasks/${taskId}`)).toMatchObject({ status: 'declined' });
    const accepted = await s.employeeB.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/transitions`,
      payload: { to: 'accepted', committedDate: '2030-01-10' },
    });
    expect(accepted.statusCode).toBe(409);
    expect(
      await count('support_case', "id = $1 AND deleted_at IS NOT NULL AND status = 'waiting_unit' AND owner_id = $2", [
        c.id,
        s.employeeA.user.id,
      ]),
    ).toBe(1);
  });

  it('refuses a bad target naming the field, and other people', async () => {
    const s = await setup();
    const other = await setup();
    const c = await newCase(s.employeeA.browser, s);
    const hand = (browser: Browser, payload: Record<string, unknown>) =>
      browser.request({ method: 'POST', url: `/api/v1/cases/${c.id}/handover`, payload });
    expect((await hand(s.employeeA.browser, {})).json().errors[0].path).toBe('unitId');
    expect((await hand(s.employeeA.browser, { unitId: other.shopA.id })).json().errors[0].path).toBe('unitId');
    expect((await hand(s.employeeA.browser, { assigneeId: other.employeeA.user.id })).json().errors[0].path).toBe('assigneeId');
    expect((await hand(s.employeeA.browser, { unitId: s.shopB.id, assigneeId: s.employeeA2.user.id })).json().errors[0].path).toBe(
      'assigneeId',
    );
    expect((await hand(s.employeeB.browser, { unitId: s.shopB.id })).statusCode).toBe(403);
    expect(await count('task_link', "record_type = 'case' AND workspace_id = $1", [s.owner.session.user.workspace.id])).toBe(0);
  });
});
