import { afterAll, describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { type PortalBrowser, portalCustomer } from '../../test/portal-harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { IDEAS_PER_HOUR } from './portal-ideas.service.ts';

/** A real SMTP server on loopback that keeps what it receives. */
const smtp = await startSmtpCapture();
const { received } = smtp;
const mail = smtp.mailSettings('Bakery Rossi <crm@bakery.test>');
afterAll(() => smtp.close());

const t = useTestApp({ mail, publicUrl: 'https://crm.example.test' });
const PORTAL = '/api/portal/ideas';
const STAFF = '/api/v1/ideas';

/** A bakery with customers at two companies (looked after by employee A), and a customer of another workspace. */
async function ideasWorld() {
  const bakery = await makeBakery(t);
  const { owner, employeeA } = bakery;
  const ws: string = owner.session.user.workspace.id;
  let seq = 0;
  const customer = async (firstName: string, companyName: string, language: 'en' | 'ru' | 'it' = 'en') => {
    seq += 1;
    const email = `${firstName.toLowerCase()}.${seq}@${companyName.toLowerCase()}.test`;
    const company = await post(owner, '/api/v1/companies', { name: companyName, ownerId: employeeA.user.id });
    const contact = await post(owner, '/api/v1/contacts', {
      firstName,
      lastName: 'Secretsurname',
      ownerId: employeeA.user.id,
      companies: [{ companyId: company.id }],
      emails: [{ label: 'work', value: email }],
    });
    return { company, contact, email, portal: await portalCustomer(t, { workspaceId: ws, contactId: contact.id, email, language }) };
  };
  const alba = await customer('Alba', 'Aurora', 'it');
  const bruno = await customer('Bruno', 'Borea');
  const other = await makeWorkspace(t, { workspaceName: 'Other bakery' });
  const otherOwner = await signIn(t, other.admin.email);
  const otherContact = await post(otherOwner, '/api/v1/contacts', { firstName: 'Olga', lastName: 'Other' });
  const stranger = await portalCustomer(t, {
    workspaceId: otherOwner.session.user.workspace.id,
    contactId: otherContact.id,
    email: 'olga@other.test',
  });
  return { ...bakery, ws, alba, bruno, customer, stranger, otherOwner };
}

const portal = (who: PortalBrowser, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
  who.request({ method, url, ...(payload ? { payload } : {}) });
const staff = (who: Browser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
  who.request({ method, url, ...(payload ? { payload } : {}) });

async function postIdea(who: PortalBrowser, title = 'Gluten-free rye loaf') {
  const response = await portal(who, 'POST', PORTAL, { title, body: 'For customers who cannot eat wheat.' });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json();
}

describe('ideas in the portal', () => {
  it('a customer posts, a customer of another company votes once, unvotes, and the count follows', async () => {
    const { alba, bruno } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    expect(idea).toMatchObject({ status: 'new', voteCount: 0, mine: true, voted: false, author: { name: 'Alba · Aurora', staff: false } });
    expect(JSON.stringify(idea)).not.toContain(alba.email);
    expect(JSON.stringify(idea)).not.toContain('Secretsurname');

    const voted = await portal(bruno.portal, 'POST', `${PORTAL}/${idea.id}/vote`);
    expect(voted.json()).toEqual({ voted: true, voteCount: 1 });
    const again = await portal(bruno.portal, 'POST', `${PORTAL}/${idea.id}/vote`);
    expect(again.json()).toEqual({ voted: true, voteCount: 1 });

    const list = (await portal(bruno.portal, 'GET', `${PORTAL}?sort=top`)).json();
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({ id: idea.id, voteCount: 1, voted: true, mine: false });

    const unvoted = await portal(bruno.portal, 'DELETE', `${PORTAL}/${idea.id}/vote`);
    expect(unvoted.json()).toEqual({ voted: false, voteCount: 0 });
    const unvotedAgain = await portal(bruno.portal, 'DELETE', `${PORTAL}/${idea.id}/vote`);
    expect(unvotedAgain.json()).toEqual({ voted: false, voteCount: 0 });
  });

  it('counts votes sent at once by many customers exactly', async () => {
    const { alba, customer } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    const voters = await Promise.all(['Carla', 'Dario', 'Elena', 'Fabio', 'Gina', 'Ugo'].map((name) => customer(name, `Co${name}`)));
    const answers = await Promise.all(
      voters.flatMap((v) => [portal(v.portal, 'POST', `${PORTAL}/${idea.id}/vote`), portal(v.portal, 'POST', `${PORTAL}/${idea.id}/vote`)]),
    );
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    const read = (await portal(alba.portal, 'GET', `${PORTAL}/${idea.id}`)).json();
    expect(read.voteCount).toBe(6);
    await Promise.all(voters.slice(0, 4).map((v) => portal(v.portal, 'DELETE', `${PORTAL}/${idea.id}/vote`)));
    expect((await portal(alba.portal, 'GET', `${PORTAL}/${idea.id}`)).json().voteCount).toBe(2);
  });

  it('comments show oldest first; a hidden idea disappears from the portal and cannot be voted for', async () => {
    const { alba, bruno, owner } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    const first = await portal(bruno.portal, 'POST', `${PORTAL}/${idea.id}/comments`, { body: 'Yes please' });
    expect(first.statusCode).toBe(201);
    expect(first.json().author).toEqual({ name: 'Bruno · Borea', staff: false });
    await portal(alba.portal, 'POST', `${PORTAL}/${idea.id}/comments`, { body: 'Thanks!' });
    const detail = (await portal(bruno.portal, 'GET', `${PORTAL}/${idea.id}`)).json();
    expect(detail.comments.map((c: { body: string }) => c.body)).toEqual(['Yes please', 'Thanks!']);
    expect(detail.commentCount).toBe(2);

    // Staff hide the first comment: customers no longer see it, nor count it.
    const queue = (await staff(owner, 'GET', `${STAFF}/moderation-queue`)).json();
    expect(queue.ideas.map((i: { id: string }) => i.id)).toEqual([idea.id]);
    expect(queue.comments).toHaveLength(2);
    expect((await staff(owner, 'POST', `/api/v1/idea-comments/${first.json().id}/review`, { hidden: true })).statusCode).toBe(200);
    const afterHide = (await portal(bruno.portal, 'GET', `${PORTAL}/${idea.id}`)).json();
    expect(afterHide.comments.map((c: { body: string }) => c.body)).toEqual(['Thanks!']);
    expect(afterHide.commentCount).toBe(1);

    const hidden = await staff(owner, 'POST', `${STAFF}/${idea.id}/review`, { hidden: true });
    expect(hidden.json()).toMatchObject({ hidden: true });
    expect(hidden.json().reviewedAt).not.toBeNull();
    expect((await staff(owner, 'GET', `${STAFF}/moderation-queue`)).json().ideas).toHaveLength(0);
    expect((await portal(bruno.portal, 'GET', PORTAL)).json()).toMatchObject({ data: [], total: 0 });
    expect((await portal(bruno.portal, 'GET', `${PORTAL}/${idea.id}`)).statusCode).toBe(404);
    expect((await portal(bruno.portal, 'POST', `${PORTAL}/${idea.id}/vote`)).statusCode).toBe(404);
    expect((await portal(bruno.portal, 'POST', `${PORTAL}/${idea.id}/comments`, { body: 'Hm' })).statusCode).toBe(404);
    // Staff still see it.
    expect((await staff(owner, 'GET', `${STAFF}?hidden=true`)).json().data.map((i: { id: string }) => i.id)).toEqual([idea.id]);
  });

  it('sorts by votes or by date, filters by status and words, and pages with a cursor', async () => {
    const { alba, bruno } = await ideasWorld();
    const older = await postIdea(alba.portal, 'Sourdough workshop');
    const newer = await postIdea(alba.portal, 'Delivery on Sundays');
    await portal(bruno.portal, 'POST', `${PORTAL}/${older.id}/vote`);
    const ids = async (query: string) =>
      (await portal(bruno.portal, 'GET', `${PORTAL}?${query}`)).json().data.map((i: { id: string }) => i.id);
    expect(await ids('sort=top')).toEqual([older.id, newer.id]);
    expect(await ids('sort=new')).toEqual([newer.id, older.id]);
    expect(await ids('q=sunday')).toEqual([newer.id]);
    expect(await ids('status=planned')).toEqual([]);
    const page = (await portal(bruno.portal, 'GET', `${PORTAL}?sort=new&limit=1`)).json();
    expect(page.data.map((i: { id: string }) => i.id)).toEqual([newer.id]);
    expect(await ids(`sort=new&limit=1&cursor=${page.nextCursor}`)).toEqual([older.id]);
  });

  it('refuses bad input with problem+json and writes nothing, and limits posting per hour', async () => {
    const { alba, bruno } = await ideasWorld();
    const bad = await portal(alba.portal, 'POST', PORTAL, { title: 'ab' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].path).toBe('title');
    const extra = await portal(alba.portal, 'POST', PORTAL, { title: 'Fine title', authorUserId: alba.contact.id });
    expect(extra.statusCode).toBe(400);
    expect((await portal(alba.portal, 'GET', PORTAL)).json().total).toBe(0);
    expect((await portal(alba.portal, 'GET', `${PORTAL}?cursor=nonsense`)).statusCode).toBe(400);

    const posts = await Promise.all(
      Array.from({ length: IDEAS_PER_HOUR + 2 }, (_, n) => portal(alba.portal, 'POST', PORTAL, { title: `Idea number ${n}` })),
    );
    expect(posts.filter((p) => p.statusCode === 201)).toHaveLength(IDEAS_PER_HOUR);
    const refused = posts.filter((p) => p.statusCode === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.json().code).toBe('too_many_posts');
    // Another customer still may post.
    expect((await portal(bruno.portal, 'POST', PORTAL, { title: 'My own idea' })).statusCode).toBe(201);
  });

  it('another workspace and anonymous visitors see nothing; staff sessions do not open the portal API', async () => {
    const { alba, stranger, owner, otherOwner } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    expect((await portal(stranger, 'GET', PORTAL)).json().total).toBe(0);
    expect((await portal(stranger, 'GET', `${PORTAL}/${idea.id}`)).statusCode).toBe(404);
    expect((await portal(stranger, 'POST', `${PORTAL}/${idea.id}/vote`)).statusCode).toBe(404);
    expect((await portal(stranger, 'POST', `${PORTAL}/${idea.id}/comments`, { body: 'Hi' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: PORTAL })).statusCode).toBe(401);
    expect((await owner.request({ method: 'GET', url: PORTAL })).statusCode).toBe(401);
    expect((await staff(otherOwner, 'GET', `${STAFF}/${idea.id}`)).statusCode).toBe(404);
    expect((await staff(otherOwner, 'PATCH', `${STAFF}/${idea.id}`, { status: 'planned' })).statusCode).toBe(404);
    // A portal session does not open the staff API.
    expect((await alba.portal.request({ method: 'GET', url: STAFF })).statusCode).toBe(401);
  });
});

describe('ideas for staff', () => {
  it('a manager sets planned with an answer: the portal shows it and the author gets an e-mail in their language', async () => {
    const { alba, bruno, managerA } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    const patched = await staff(managerA.browser, 'PATCH', `${STAFF}/${idea.id}`, {
      status: 'planned',
      answer: 'Coming in spring <b>2027</b>',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      status: 'planned',
      answer: 'Coming in spring <b>2027</b>',
      answeredBy: { id: managerA.user.id },
    });
    const seen = (await portal(bruno.portal, 'GET', `${PORTAL}/${idea.id}`)).json();
    expect(seen).toMatchObject({ status: 'planned', answer: 'Coming in spring <b>2027</b>' });
    expect(seen.answeredAt).not.toBeNull();

    const told = received.filter((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address === alba.email);
    expect(told).toHaveLength(1);
    expect(told[0]?.subject).toBe('La tua idea «Gluten-free rye loaf» ha una risposta');
    expect(told[0]?.text).toContain('pianificata');
    expect(told[0]?.html).toContain('Coming in spring &lt;b&gt;2027&lt;/b&gt;');
    expect(told[0]?.text).toContain(`https://crm.example.test/portal/`);
  });

  it('an employee reads but cannot set a status nor moderate', async () => {
    const { alba, employeeA } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    expect((await staff(employeeA.browser, 'GET', `${STAFF}/${idea.id}`)).statusCode).toBe(200);
    const refused = await staff(employeeA.browser, 'PATCH', `${STAFF}/${idea.id}`, { status: 'done' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await staff(employeeA.browser, 'POST', `${STAFF}/${idea.id}/review`, { hidden: true })).statusCode).toBe(403);
    expect((await staff(employeeA.browser, 'GET', `${STAFF}/moderation-queue`)).statusCode).toBe(403);
    const after = (await staff(employeeA.browser, 'GET', `${STAFF}/${idea.id}`)).json();
    expect(after).toMatchObject({ status: 'new', hidden: false, reviewedAt: null });
    // Employees may comment; staff comments need no review.
    const comment = await post(employeeA.browser, `${STAFF}/${idea.id}/comments`, { body: 'We are looking at it' });
    expect(comment).toMatchObject({ author: { staff: { id: employeeA.user.id } }, hidden: false });
    expect(comment.reviewedAt).not.toBeNull();
  });

  it('bad updates are refused with the fields named and change nothing', async () => {
    const { alba, owner } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    const bad = await staff(owner, 'PATCH', `${STAFF}/${idea.id}`, { status: 'shipped', answer: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('status');
    expect((await staff(owner, 'PATCH', `${STAFF}/${idea.id}`, {})).statusCode).toBe(400);
    expect((await staff(owner, 'GET', `${STAFF}/${idea.id}`)).json()).toMatchObject({ status: 'new', answer: null });
    expect((await staff(owner, 'PATCH', `${STAFF}/00000000-0000-4000-8000-000000000000`, { status: 'done' })).statusCode).toBe(404);
  });

  it('the customers who want an idea are named to staff who may read them, "another customer" to the others', async () => {
    const { alba, bruno, employeeA, employeeB, owner } = await ideasWorld();
    const idea = await postIdea(alba.portal);
    await portal(bruno.portal, 'POST', `${PORTAL}/${idea.id}/vote`);

    const forA = (await staff(employeeA.browser, 'GET', `${STAFF}/${idea.id}`)).json();
    expect(forA.supporters).toEqual([
      expect.objectContaining({
        role: 'author',
        readable: true,
        contact: { id: alba.contact.id, name: 'Alba Secretsurname' },
        company: { id: alba.company.id, name: 'Aurora' },
      }),
      expect.objectContaining({
        role: 'voter',
        readable: true,
        contact: { id: bruno.contact.id, name: 'Bruno Secretsurname' },
        company: { id: bruno.company.id, name: 'Borea' },
      }),
    ]);
    expect(forA.author.company).toEqual({ id: alba.company.id, name: 'Aurora' });

    const forB = await staff(employeeB.browser, 'GET', `${STAFF}/${idea.id}`);
    expect(forB.json().supporters).toEqual([
      expect.objectContaining({ role: 'author', readable: false, contact: null, company: null }),
      expect.objectContaining({ role: 'voter', readable: false, contact: null, company: null }),
    ]);
    expect(forB.body).not.toContain('Aurora');
    expect(forB.body).not.toContain('Borea');

    const list = (await staff(owner, 'GET', `${STAFF}?unreviewed=true`)).json();
    expect(list.data[0]).toMatchObject({ id: idea.id, voteCount: 1, author: { company: { name: 'Aurora' } } });
  });

  it('describes the ideas API in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/ideas',
      '/api/v1/ideas/{id}',
      '/api/v1/idea-comments/{id}/review',
      '/api/portal/ideas',
      '/api/portal/ideas/{id}/vote',
    ]) {
      expect(document.paths[path], path).toBeTruthy();
    }
  });
});
