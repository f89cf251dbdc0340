import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { type PortalBrowser, portalCustomer } from '../../test/portal-harness.ts';
import { QUESTIONS_PER_HOUR } from './question-write.ts';

const t = useTestApp();
const BASE = '/api/portal/community-questions';

/** A bakery with two customer companies, a signed-in customer at each, and a customer of another workspace. */
async function community() {
  const bakery = await makeBakery(t);
  const { owner } = bakery;
  const ws: string = owner.session.user.workspace.id;
  const customer = async (firstName: string, companyName: string, email: string) => {
    const company = await post(owner, '/api/v1/companies', { name: companyName });
    const contact = await post(owner, '/api/v1/contacts', {
      firstName,
      lastName: 'Secretsurname',
      companies: [{ companyId: company.id }],
      emails: [{ label: 'work', value: email }],
    });
    return { company, contact, portal: await portalCustomer(t, { workspaceId: ws, contactId: contact.id, email }) };
  };
  const alba = await customer('Alba', 'Aurora', 'alba@aurora.test');
  const bruno = await customer('Bruno', 'Borea', 'bruno@borea.test');
  const other = await makeWorkspace(t, { workspaceName: 'Other bakery' });
  const otherOwner = await signIn(t, other.admin.email);
  const otherContact = await post(otherOwner, '/api/v1/contacts', { firstName: 'Olga', lastName: 'Other' });
  const stranger = await portalCustomer(t, {
    workspaceId: otherOwner.session.user.workspace.id,
    contactId: otherContact.id,
    email: 'olga@other.test',
  });
  return { ...bakery, ws, alba, bruno, stranger, otherOwner, slug: owner.session.user.workspace.slug as string };
}

const send = (who: PortalBrowser, url: string, payload?: Record<string, unknown>) =>
  who.request({ method: payload ? 'POST' : 'GET', url, ...(payload ? { payload } : {}) });

describe('community questions', () => {
  it('a customer asks, another company answers, the asker accepts and staff promote it to a public article', async () => {
    const { alba, bruno, owner, slug } = await community();
    const asked = await send(alba.portal, BASE, { title: 'How do I store rye flour?', body: 'It gets damp in winter.' });
    expect(asked.statusCode).toBe(201);
    const question = asked.json();
    expect(question).toMatchObject({ title: 'How do I store rye flour?', mine: true, author: { name: 'Alba', companyName: 'Aurora' } });
    expect(asked.body).not.toContain('alba@aurora.test');
    expect(asked.body).not.toContain('Secretsurname');
    expect(question).not.toHaveProperty('hidden');

    const answered = await send(bruno.portal, `${BASE}/${question.id}/answers`, { body: 'Keep it in sealed bins above the floor.' });
    expect(answered.statusCode).toBe(201);
    const answer = answered.json().answers[0];
    expect(answer).toMatchObject({ author: { name: 'Bruno', companyName: 'Borea' }, accepted: false });
    expect(answered.json().mine).toBe(false);

    // Bruno did not ask: he may not accept.
    const refused = await send(bruno.portal, `${BASE}/${question.id}/accept`, { answerId: answer.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    const notYet = await owner.request({ method: 'POST', url: `/api/v1/community-questions/${question.id}/promote`, payload: {} });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().code).toBe('no_accepted_answer');

    const staffAnswer = await post(owner, `/api/v1/community-questions/${question.id}/answers`, { body: 'We agree: a dry shelf.' });
    expect(staffAnswer.answers[1]).toMatchObject({ author: { staff: true, companyName: null } });

    const accepted = await send(alba.portal, `${BASE}/${question.id}/accept`, { answerId: answer.id });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ acceptedAnswerId: answer.id });
    expect(accepted.json().answers[0]).toMatchObject({ id: answer.id, accepted: true });

    const list = (await send(alba.portal, `${BASE}?q=rye`)).json();
    expect(list).toMatchObject({ total: 1, data: [{ id: question.id, answerCount: 2, accepted: true, promoted: false }] });
    expect((await send(alba.portal, `${BASE}?q=wheat`)).json()).toEqual({ data: [], total: 0 });

    const promoted = await owner.request({
      method: 'POST',
      url: `/api/v1/community-questions/${question.id}/promote`,
      payload: { language: 'en' },
    });
    expect(promoted.statusCode).toBe(201);
    const { articleId } = promoted.json();
    const article = (await owner.request({ method: 'GET', url: `/api/v1/kb-articles/${articleId}` })).json();
    expect(article).toMatchObject({ title: 'How do I store rye flour?', audience: 'public', status: 'published' });
    expect(article.body).toContain('sealed bins');
    const found = (await t.app.inject({ method: 'GET', url: `/api/v1/public/kb/${slug}/articles?q=sealed bins` })).json();
    expect(found.data.map((a: { id: string }) => a.id)).toContain(articleId);
    expect((await send(alba.portal, `${BASE}/${question.id}`)).json().article).toEqual({
      id: articleId,
      title: 'How do I store rye flour?',
    });

    const twice = await owner.request({ method: 'POST', url: `/api/v1/community-questions/${question.id}/promote`, payload: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_promoted');
  });

  it('hides what staff hide from the portal, and only managers and admins moderate', async () => {
    const { alba, bruno, owner, managerA, employeeA } = await community();
    const question = (await send(alba.portal, BASE, { title: 'Delivery on Sundays?' })).json();
    const answer = (await send(bruno.portal, `${BASE}/${question.id}/answers`, { body: 'Buy our cheap flour at spam.example' })).json()
      .answers[0];

    const queue = (await managerA.browser.request({ method: 'GET', url: '/api/v1/community-questions/moderation-queue' })).json();
    expect(queue.data.map((i: { kind: string; id: string }) => [i.kind, i.id])).toEqual([
      ['question', question.id],
      ['answer', answer.id],
    ]);
    const employeeHides = await employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/community-answers/${answer.id}/review`,
      payload: { hidden: true },
    });
    expect(employeeHides.statusCode).toBe(403);
    expect((await employeeA.browser.request({ method: 'GET', url: '/api/v1/community-questions/moderation-queue' })).statusCode).toBe(403);
    // Employees may still answer.
    await post(employeeA.browser, `/api/v1/community-questions/${question.id}/answers`, { body: 'Not on Sundays, sorry.' });

    const hid = await managerA.browser.request({
      method: 'POST',
      url: `/api/v1/community-answers/${answer.id}/review`,
      payload: { hidden: true },
    });
    expect(hid.statusCode).toBe(204);
    const seen = (await send(alba.portal, `${BASE}/${question.id}`)).json();
    expect(seen.answers.map((a: { id: string }) => a.id)).not.toContain(answer.id);
    expect(JSON.stringify(seen)).not.toContain('spam.example');
    expect((await send(alba.portal, BASE)).json().data[0].answerCount).toBe(1);
    // Staff still see it, marked hidden.
    const staffView = (await owner.request({ method: 'GET', url: `/api/v1/community-questions/${question.id}` })).json();
    expect(staffView.answers.find((a: { id: string }) => a.id === answer.id)).toMatchObject({ hidden: true });

    const approved = await owner.request({
      method: 'POST',
      url: `/api/v1/community-questions/${question.id}/review`,
      payload: { hidden: false },
    });
    expect(approved.json()).toMatchObject({ hidden: false, reviewedAt: expect.any(String) });
    const hiddenQuestion = await managerA.browser.request({
      method: 'POST',
      url: `/api/v1/community-questions/${question.id}/review`,
      payload: { hidden: true },
    });
    expect(hiddenQuestion.statusCode).toBe(200);
    expect((await send(alba.portal, `${BASE}/${question.id}`)).statusCode).toBe(404);
    expect((await send(alba.portal, BASE)).json()).toEqual({ data: [], total: 0 });
    expect((await send(bruno.portal, `${BASE}/${question.id}/answers`, { body: 'Still here?' })).statusCode).toBe(404);
    const hiddenList = (await owner.request({ method: 'GET', url: '/api/v1/community-questions?filter=hidden' })).json();
    expect(hiddenList.data.map((q: { id: string }) => q.id)).toEqual([question.id]);
    const left = (await managerA.browser.request({ method: 'GET', url: '/api/v1/community-questions/moderation-queue' })).json();
    expect(left.data.map((i: { id: string }) => i.id)).not.toContain(question.id);
  });

  it('shows nothing to another workspace, nobody anonymous, and refuses a staff session in the portal', async () => {
    const { alba, stranger, owner } = await community();
    const question = (await send(alba.portal, BASE, { title: 'Gluten-free options?' })).json();
    expect((await send(stranger, `${BASE}/${question.id}`)).statusCode).toBe(404);
    expect((await send(stranger, `${BASE}/${question.id}/answers`, { body: 'Hello' })).statusCode).toBe(404);
    expect((await send(stranger, BASE)).json()).toEqual({ data: [], total: 0 });
    expect((await t.app.inject({ method: 'GET', url: BASE })).statusCode).toBe(401);
    expect((await owner.request({ method: 'GET', url: BASE })).statusCode).toBe(401);
    expect((await alba.portal.request({ method: 'GET', url: '/api/v1/community-questions' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/community-questions' })).statusCode).toBe(401);
  });

  it("keeps another workspace's staff out of the questions", async () => {
    const { alba, bruno, otherOwner } = await community();
    const question = (await send(alba.portal, BASE, { title: 'Gluten-free options?' })).json();
    const answer = (await send(bruno.portal, `${BASE}/${question.id}/answers`, { body: 'Yes, two kinds.' })).json().answers[0];
    await send(alba.portal, `${BASE}/${question.id}/accept`, { answerId: answer.id });
    const url = `/api/v1/community-questions/${question.id}`;
    expect((await otherOwner.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await otherOwner.request({ method: 'POST', url: `${url}/review`, payload: { hidden: true } })).statusCode).toBe(404);
    expect((await otherOwner.request({ method: 'POST', url: `${url}/promote`, payload: {} })).statusCode).toBe(404);
    const hide = { method: 'POST' as const, url: `/api/v1/community-answers/${answer.id}/review`, payload: { hidden: true } };
    expect((await otherOwner.request(hide)).statusCode).toBe(404);
    expect((await otherOwner.request({ method: 'GET', url: '/api/v1/community-questions' })).json()).toEqual({ data: [], total: 0 });
    expect((await otherOwner.request({ method: 'GET', url: '/api/v1/community-questions/moderation-queue' })).json()).toEqual({ data: [] });
    // Nothing changed for the customers.
    expect((await send(alba.portal, `${BASE}/${question.id}`)).json()).toMatchObject({ acceptedAnswerId: answer.id, article: null });
  });

  it('refuses bad input with the fields named, writing nothing', async () => {
    const { alba, bruno, ws } = await community();
    const short = await send(alba.portal, BASE, { title: 'Hi' });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.json().errors).toEqual([expect.objectContaining({ path: 'title' })]);
    const question = (await send(alba.portal, BASE, { title: 'Which oven temperature?' })).json();
    const empty = await send(bruno.portal, `${BASE}/${question.id}/answers`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    const wrong = await send(alba.portal, `${BASE}/${question.id}/accept`, { answerId: crypto.randomUUID() });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ path: 'answerId' })]);
    const { rows } = await t.db.execute<{ q: number; a: number }>(sql`SELECT
      (SELECT count(*)::int FROM community_question WHERE workspace_id = ${ws}) AS q,
      (SELECT count(*)::int FROM community_answer WHERE workspace_id = ${ws}) AS a`);
    expect(rows[0]).toEqual({ q: 1, a: 0 });
  });

  it('limits how many questions a customer asks in an hour', async () => {
    const { alba, bruno } = await community();
    for (let i = 0; i < QUESTIONS_PER_HOUR; i += 1)
      expect((await send(alba.portal, BASE, { title: `Question number ${i}` })).statusCode).toBe(201);
    const tooMany = await send(alba.portal, BASE, { title: 'One question too many' });
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().code).toBe('too_many_posts');
    // Another customer is not held back.
    expect((await send(bruno.portal, BASE, { title: 'My first question' })).statusCode).toBe(201);
  });
});
