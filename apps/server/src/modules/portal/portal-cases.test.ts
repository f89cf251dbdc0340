import type { TCase, TPortalCase } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { type PortalBrowser, portalCustomer } from '../../test/portal-harness.ts';

const t = useTestApp();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A multipart body as the browser builds it, sent by a portal customer. */
async function upload(customer: PortalBrowser, caseId: string, file: { name: string; type: string; content: Buffer | string }) {
  const form = new FormData();
  form.append('file', new Blob([file.content], { type: file.type }), file.name);
  const body = new Response(form);
  return customer.request({
    method: 'POST',
    url: `/api/portal/cases/${caseId}/attachments`,
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
}

/**
 * A bakery whose customers use the portal: Ivan of Gipsoplit (looked after by Elio) and Olga of
 * Knauf, each with a portal account; a case type, and a case staff registered for Knauf.
 */
async function setup() {
  const bakery = await makeBakery(t);
  const { owner, employeeA, employeeB } = bakery;
  const workspaceId: string = owner.session.user.workspace.id;
  const type = await post(owner, '/api/v1/case-types', { name: 'Complaint' });
  const gipsoplit = await post(employeeA.browser, '/api/v1/companies', { name: 'Gipsoplit' });
  const knauf = await post(employeeB.browser, '/api/v1/companies', { name: 'Knauf' });
  const ivan = await post(employeeA.browser, '/api/v1/contacts', {
    firstName: 'Ivan',
    lastName: 'Petrov',
    companies: [{ companyId: gipsoplit.id }],
  });
  const olga = await post(employeeB.browser, '/api/v1/contacts', { firstName: 'Olga', companies: [{ companyId: knauf.id }] });
  const knaufCase: TCase = await post(employeeB.browser, '/api/v1/cases', {
    subject: 'Knauf delivery late',
    typeId: type.id,
    channel: 'phone',
    companyId: knauf.id,
    contactId: olga.id,
  });
  const ivanPortal = await portalCustomer(t, { workspaceId, contactId: ivan.id, email: 'ivan@gipsoplit.test' });
  const olgaPortal = await portalCustomer(t, { workspaceId, contactId: olga.id, email: 'olga@knauf.test' });
  return { ...bakery, workspaceId, type, gipsoplit, knauf, ivan, olga, knaufCase, ivanPortal, olgaPortal };
}

const count = async (table: string) =>
  Number((await t.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)).rows[0]?.n);

describe('cases in the portal', () => {
  it('a customer opens a case with a file, staff reply and resolve, the customer replies and rates', async () => {
    const s = await setup();
    const { ivanPortal, employeeA } = s;
    const options = (await ivanPortal.request({ method: 'GET', url: '/api/portal/case-options' })).json();
    expect(options.types).toEqual([{ id: s.type.id, name: 'Complaint' }]);
    expect(options.companies).toEqual([{ id: s.gipsoplit.id, name: 'Gipsoplit' }]);

    const opened = await ivanPortal.request({
      method: 'POST',
      url: '/api/portal/cases',
      payload: { subject: 'Cracked boards', description: 'Three boards arrived cracked.' },
    });
    expect(opened.statusCode).toBe(201);
    const created: TPortalCase = opened.json();
    expect(created).toMatchObject({ subject: 'Cracked boards', status: 'assigned', company: { id: s.gipsoplit.id } });
    expect(created.number).toMatch(/^C-\d{4}-\d{5}$/);
    expect(created).not.toHaveProperty('owner');

    // No routing rule: the company's account manager (Elio, who created it) has the case and is told.
    const staffView: TCase = await get(employeeA.browser, `/api/v1/cases/${created.id}`);
    expect(staffView).toMatchObject({ channel: 'portal', owner: { id: employeeA.user.id }, contact: { id: s.ivan.id }, createdBy: null });
    expect(staffView.sla.policy).toBeNull();
    const notices = await t.db.execute<{ kind: string }>(
      sql`SELECT kind FROM notification WHERE user_id = ${employeeA.user.id} AND case_id = ${created.id}`,
    );
    expect(notices.rows).toEqual([{ kind: 'case_assigned' }]);

    const file = await upload(ivanPortal, created.id, { name: 'photo.pdf', type: 'application/pdf', content: PDF });
    expect(file.statusCode).toBe(201);
    expect(file.json()).toMatchObject({ fileName: 'photo.pdf', contentType: 'application/pdf', fromCustomer: true });
    const program = await upload(ivanPortal, created.id, { name: 'fix.exe', type: 'application/octet-stream', content: 'MZ' });
    expect(program.statusCode).toBe(415);
    const staffFiles = await get(employeeA.browser, `/api/v1/attachments?entityType=case&entityId=${created.id}`);
    expect(staffFiles.data).toHaveLength(1);

    const url = `/api/v1/cases/${created.id}`;
    await post(employeeA.browser, `${url}/messages`, { kind: 'note', body: 'Internal: the supplier is to blame' });
    await post(employeeA.browser, `${url}/messages`, { kind: 'reply', channel: 'portal', body: 'We will replace them.' });
    await employeeA.browser.request({ method: 'POST', url: `${url}/transitions`, payload: { to: 'waiting_customer' } });

    const seen = await ivanPortal.request({ method: 'GET', url: `/api/portal/cases/${created.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('supplier is to blame');
    const waiting: TPortalCase = seen.json();
    expect(waiting).toMatchObject({ status: 'waiting_customer', waitingForYou: true, mayReply: true, mayRate: false });
    expect(waiting.messages).toEqual([
      expect.objectContaining({ kind: 'reply', body: 'We will replace them.', authorName: 'Elio', mine: false }),
    ]);
    expect(waiting.files).toEqual([expect.objectContaining({ fileName: 'photo.pdf', fromCustomer: true })]);
    const download = await ivanPortal.request({
      method: 'GET',
      url: `/api/portal/cases/${created.id}/attachments/${waiting.files[0]?.id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const replied = await ivanPortal.request({
      method: 'POST',
      url: `/api/portal/cases/${created.id}/messages`,
      payload: { body: 'Thanks, when?' },
    });
    expect(replied.statusCode).toBe(201);
    expect(replied.json()).toMatchObject({ status: 'in_progress', waitingForYou: false });
    expect(replied.json().messages.at(-1)).toMatchObject({
      kind: 'customer',
      body: 'Thanks, when?',
      authorName: 'Ivan Petrov',
      mine: true,
    });
    const afterReply: TCase = await get(employeeA.browser, url);
    expect(afterReply.status).toBe('in_progress');
    expect(afterReply.messages.at(-1)).toMatchObject({ kind: 'customer', body: 'Thanks, when?', author: { name: 'Ivan Petrov' } });
    expect(afterReply.history.some((h) => h.changes.some((c) => c.field === 'status' && c.new === 'in_progress'))).toBe(true);
    // The responsible person is told that the customer wrote.
    const told = await t.db.execute<{ kind: string; title: string }>(
      sql`SELECT kind, title FROM notification WHERE user_id = ${employeeA.user.id} AND case_id = ${created.id} ORDER BY created_at`,
    );
    expect(told.rows.map((n) => n.kind)).toEqual(['case_assigned', 'case_customer_replied']);
    expect(told.rows[1]?.title).toBe(`${created.number} ${created.subject}`);

    const early = await ivanPortal.request({ method: 'POST', url: `/api/portal/cases/${created.id}/rating`, payload: { satisfaction: 4 } });
    expect(early.statusCode).toBe(409);
    const resolved = await employeeA.browser.request({
      method: 'POST',
      url: `${url}/transitions`,
      payload: { to: 'resolved', resolution: 'New boards delivered', verdict: 'founded' },
    });
    expect(resolved.statusCode).toBe(200);
    const done: TPortalCase = (await ivanPortal.request({ method: 'GET', url: `/api/portal/cases/${created.id}` })).json();
    expect(done).toMatchObject({ status: 'resolved', resolution: 'New boards delivered', verdict: 'founded', mayRate: true });
    const rated = await ivanPortal.request({
      method: 'POST',
      url: `/api/portal/cases/${created.id}/rating`,
      payload: { satisfaction: 5, comment: 'Quick' },
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ satisfaction: { score: 5, comment: 'Quick' }, mayRate: false });
    const again = await ivanPortal.request({ method: 'POST', url: `/api/portal/cases/${created.id}/rating`, payload: { satisfaction: 1 } });
    expect(again.statusCode).toBe(409);
    expect((await get(employeeA.browser, url)).satisfaction).toMatchObject({ score: 5, comment: 'Quick' });

    const list = (await ivanPortal.request({ method: 'GET', url: '/api/portal/cases' })).json();
    expect(list.data.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect(list.data[0]).toMatchObject({ status: 'resolved', type: { name: 'Complaint' } });
    expect((await ivanPortal.request({ method: 'GET', url: '/api/portal/cases?state=open' })).json().data).toEqual([]);
    expect((await ivanPortal.request({ method: 'GET', url: '/api/portal/cases?state=closed' })).json().data).toHaveLength(1);

    // A reply to a resolved case reopens it; a closed case takes none.
    const reopened = await ivanPortal.request({
      method: 'POST',
      url: `/api/portal/cases/${created.id}/messages`,
      payload: { body: 'One more is cracked' },
    });
    expect(reopened.json().status).toBe('reopened');
  });

  it('routes a portal case by the routing rules, and pages the list newest first', async () => {
    const s = await setup();
    await post(s.owner, '/api/v1/case-routing-rules', { name: 'Portal to Bea', channel: 'portal', userId: s.employeeB.user.id });
    const ids: string[] = [];
    for (const subject of ['First', 'Second', 'Third']) {
      const response = await s.ivanPortal.request({ method: 'POST', url: '/api/portal/cases', payload: { subject, description: 'Text' } });
      ids.push(response.json().id);
    }
    const routed: TCase = await get(s.employeeB.browser, `/api/v1/cases/${ids[0]}`);
    expect(routed.owner?.id).toBe(s.employeeB.user.id);
    const first = (await s.ivanPortal.request({ method: 'GET', url: '/api/portal/cases?limit=2' })).json();
    expect(first.data.map((c: { subject: string }) => c.subject)).toEqual(['Third', 'Second']);
    const second = (await s.ivanPortal.request({ method: 'GET', url: `/api/portal/cases?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second).toMatchObject({ data: [{ subject: 'First' }], nextCursor: null });
  });

  it('never shows another company’s case, its files or its rating; anonymous and staff sessions open nothing', async () => {
    const s = await setup();
    const { ivanPortal, olgaPortal, knaufCase } = s;
    const mine = (
      await ivanPortal.request({ method: 'POST', url: '/api/portal/cases', payload: { subject: 'Mine', description: 'x' } })
    ).json();
    const file = (await upload(ivanPortal, mine.id, { name: 'a.pdf', type: 'application/pdf', content: PDF })).json();
    await s.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/cases/${mine.id}/transitions`,
      payload: { to: 'resolved', resolution: 'Done', verdict: 'founded' },
    });
    const before = await count('case_message');
    for (const [method, url, payload] of [
      ['GET', `/api/portal/cases/${mine.id}`],
      ['GET', `/api/portal/cases/${mine.id}/attachments/${file.id}`],
      ['POST', `/api/portal/cases/${mine.id}/rating`, { satisfaction: 1 }],
      ['POST', `/api/portal/cases/${mine.id}/messages`, { body: 'spam' }],
    ] as const) {
      const response = await olgaPortal.request({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, url).toBe(404);
    }
    expect((await upload(olgaPortal, mine.id, { name: 'b.pdf', type: 'application/pdf', content: PDF })).statusCode).toBe(404);
    expect(await count('case_message')).toBe(before);
    expect((await get(s.employeeA.browser, `/api/v1/cases/${mine.id}`)).satisfaction).toBeNull();
    // Olga sees her company's case registered by staff; Ivan does not.
    expect((await olgaPortal.request({ method: 'GET', url: '/api/portal/cases' })).json().data.map((c: { id: string }) => c.id)).toEqual([
      knaufCase.id,
    ]);
    expect((await ivanPortal.request({ method: 'GET', url: `/api/portal/cases/${knaufCase.id}` })).statusCode).toBe(404);

    // Another workspace's customer.
    const { admin } = await makeWorkspace(t, { workspaceName: 'Elsewhere' });
    const stranger = await signIn(t, admin.email);
    const far = await post(stranger, '/api/v1/contacts', { firstName: 'Far' });
    const farPortal = await portalCustomer(t, { workspaceId: stranger.session.user.workspace.id, contactId: far.id, email: 'far@x.test' });
    expect((await farPortal.request({ method: 'GET', url: `/api/portal/cases/${mine.id}` })).statusCode).toBe(404);
    expect((await farPortal.request({ method: 'GET', url: '/api/portal/cases' })).json().data).toEqual([]);

    // Nobody signed in, or a staff session: 401.
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/cases' })).statusCode).toBe(401);
    expect((await s.owner.request({ method: 'GET', url: `/api/portal/cases/${mine.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/kb/search?q=x' })).statusCode).toBe(401);
  });

  it('shuts the portal for a contact of a company whose portal access is off', async () => {
    const s = await setup();
    expect((await s.ivanPortal.request({ method: 'GET', url: '/api/portal/cases' })).statusCode).toBe(200);
    await t.db.execute(sql`UPDATE company SET portal_access = false WHERE id = ${s.gipsoplit.id}`);
    const shut = await s.ivanPortal.request({ method: 'POST', url: '/api/portal/cases', payload: { subject: 'x', description: 'y' } });
    expect(shut.statusCode).toBe(401);
    expect((await s.ivanPortal.request({ method: 'GET', url: '/api/portal/cases' })).statusCode).toBe(401);
  });

  it('refuses bad input with problem+json naming the fields, and writes nothing', async () => {
    const s = await setup();
    const { ivanPortal } = s;
    const cases = await count('support_case');
    const refused = async (url: string, payload: Record<string, unknown>, status: number, path?: string) => {
      const response = await ivanPortal.request({ method: 'POST', url, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (path) expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await refused('/api/portal/cases', { subject: '', description: 'x' }, 400, 'subject');
    await refused('/api/portal/cases', { subject: 'x', description: 'y', companyId: s.knauf.id }, 400, 'companyId');
    await refused('/api/portal/cases', { subject: 'x', description: 'y', typeId: s.knauf.id }, 400, 'typeId');
    await refused('/api/portal/cases', { subject: 'x', description: 'y', orderId: s.knauf.id }, 400, 'orderId');
    await refused('/api/portal/cases', { subject: 'x', description: 'y', ownerId: s.employeeB.user.id }, 400);
    expect(await count('support_case')).toBe(cases);

    const mine = (
      await ivanPortal.request({ method: 'POST', url: '/api/portal/cases', payload: { subject: 'Mine', description: 'x' } })
    ).json();
    const messages = await count('case_message');
    await refused(`/api/portal/cases/${mine.id}/messages`, { body: '   ' }, 400, 'body');
    await refused(`/api/portal/cases/${mine.id}/rating`, { satisfaction: 6 }, 400, 'satisfaction');
    await refused(`/api/portal/cases/${mine.id}/rating`, { satisfaction: 3 }, 409);
    expect(await count('case_message')).toBe(messages);
    const noCsrf = await ivanPortal.request({
      method: 'POST',
      url: `/api/portal/cases/${mine.id}/messages`,
      payload: { body: 'hi' },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await ivanPortal.request({ method: 'GET', url: '/api/portal/cases?cursor=nonsense' })).statusCode).toBe(400);
  });
});

describe('the help centre in the portal', () => {
  it('finds public articles by a stemmed word, never internal ones, and takes "was this helpful"', async () => {
    const s = await setup();
    const write = (values: Record<string, unknown>) =>
      post(s.employeeA.browser, '/api/v1/kb-articles', {
        body: '<p>Plasterboard sheets are stored flat.</p>',
        language: 'en',
        audience: 'public',
        ...values,
      });
    const open = await write({ title: 'Storing plasterboard' });
    const internal = await write({
      title: 'Plasterboard supplier margins',
      audience: 'internal',
      body: '<p>Plasterboard is stored by margin.</p>',
    });
    const found = await s.ivanPortal.request({ method: 'GET', url: '/api/portal/kb/search?q=stores&language=en' });
    expect(found.statusCode).toBe(200);
    expect(found.json().data.map((a: { id: string }) => a.id)).toEqual([open.id]);
    expect(found.json().data[0].headline).toContain('<mark>');
    const broad = (await s.ivanPortal.request({ method: 'GET', url: '/api/portal/kb/search?q=plasterboard' })).json();
    expect(broad.data.map((a: { id: string }) => a.id)).toEqual([open.id]);
    // A request's subject as a customer writes it: every word is not in the article, some are.
    const subject = encodeURIComponent('Our new plasterboard arrived warped, how should it be kept?');
    const strict = (await s.ivanPortal.request({ method: 'GET', url: `/api/portal/kb/search?q=${subject}` })).json();
    expect(strict.data).toEqual([]);
    const suggested = (await s.ivanPortal.request({ method: 'GET', url: `/api/portal/kb/search?q=${subject}&match=any` })).json();
    expect(suggested.data.map((a: { id: string }) => a.id)).toEqual([open.id]);
    const newest = (await s.ivanPortal.request({ method: 'GET', url: '/api/portal/kb/search' })).json();
    expect(newest.data.map((a: { id: string }) => a.id)).toEqual([open.id]);

    expect((await s.ivanPortal.request({ method: 'GET', url: `/api/portal/kb/articles/${open.id}` })).json().title).toBe(
      'Storing plasterboard',
    );
    expect((await s.ivanPortal.request({ method: 'GET', url: `/api/portal/kb/articles/${internal.id}` })).statusCode).toBe(404);
    const feedback = { method: 'POST' as const, url: `/api/portal/kb/articles/${open.id}/feedback`, payload: { helpful: true } };
    expect((await s.ivanPortal.request(feedback)).statusCode).toBe(204);
    expect((await s.ivanPortal.request(feedback)).statusCode).toBe(204);
    expect((await s.olgaPortal.request(feedback)).statusCode).toBe(204);
    expect((await get(s.employeeA.browser, `/api/v1/kb-articles/${open.id}`)).helpfulYes).toBe(2);
    const refused = await s.ivanPortal.request({ ...feedback, url: `/api/portal/kb/articles/${internal.id}/feedback` });
    expect(refused.statusCode).toBe(404);
  });
});
