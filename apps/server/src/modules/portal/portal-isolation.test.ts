import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { type PortalBrowser, portalCustomer } from '../../test/portal-harness.ts';

// Issue 12's isolation: every portal route, found in the OpenAPI document rather than listed by
// hand, refuses anonymous callers, staff sessions and staff API tokens; a portal session opens no
// staff route; customer A reads nothing of company B nor any staff-only field through any portal
// read. Staff-only values are planted as canaries and looked for in every answer.

const t = useTestApp();

const CANARY = {
  note: 'CANARY-INTERNAL-NOTE',
  companyNotes: 'CANARY-COMPANY-NOTES',
  otherSubject: 'CANARY-OTHER-COMPANY-CASE',
  otherOrder: 'CANARY-OTHER-COMPANY-ORDER',
  internalArticle: 'CANARY-INTERNAL-ARTICLE',
  otherContact: 'CANARY-OTHER-CONTACT',
  staffEmail: 'canary-staff',
};

/** Portal routes a visitor may call without a session: signing in and out, and the portal's look. */
const PUBLIC = /^\/api\/portal\/(auth\/(login|logout|magic-link|link|password-reset)|branding)(\/|$)/;

type Route = { method: string; path: string };

function portalRoutes(): Route[] {
  const document = (t.app as unknown as { swagger: () => { paths: Record<string, Record<string, unknown>> } }).swagger();
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/portal/')) continue;
    for (const method of Object.keys(operations)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) routes.push({ method: method.toUpperCase(), path });
    }
  }
  return routes;
}

const inject = (route: Route, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: route.method as 'GET',
    url,
    headers,
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
  });

async function world() {
  const bakery = await makeBakery(t);
  const { owner, employeeA } = bakery;
  await t.db.execute(sql`UPDATE app_user SET email = ${`${CANARY.staffEmail}-${Date.now()}@example.test`}
    WHERE workspace_id = ${owner.session.user.workspace.id} AND id = ${employeeA.user.id}`);
  const type = await post(owner, '/api/v1/case-types', { name: 'Question', kind: 'question' });
  const companyA = await post(owner, '/api/v1/companies', { name: 'Forno Aurora', notes: CANARY.companyNotes });
  const companyB = await post(owner, '/api/v1/companies', { name: 'Pasticceria Borea' });
  const contactA = await post(owner, '/api/v1/contacts', {
    firstName: 'Alba',
    lastName: 'Aurora',
    companies: [{ companyId: companyA.id }],
    emails: [{ label: 'work', value: 'alba@aurora.test' }],
  });
  const contactB = await post(owner, '/api/v1/contacts', {
    firstName: 'Bruno',
    lastName: CANARY.otherContact,
    companies: [{ companyId: companyB.id }],
    emails: [{ label: 'work', value: 'bruno@borea.test' }],
  });
  const caseA = await post(owner, '/api/v1/cases', {
    subject: 'Flour arrived wet',
    typeId: type.id,
    channel: 'phone',
    companyId: companyA.id,
    contactId: contactA.id,
  });
  const caseB = await post(owner, '/api/v1/cases', {
    subject: CANARY.otherSubject,
    typeId: type.id,
    channel: 'phone',
    companyId: companyB.id,
    contactId: contactB.id,
  });
  await post(owner, `/api/v1/cases/${caseA.id}/messages`, { kind: 'note', body: CANARY.note });
  await post(owner, `/api/v1/cases/${caseA.id}/messages`, { kind: 'reply', body: 'A new sack is on its way.', channel: 'phone' });
  const article = await post(owner, '/api/v1/kb-articles', {
    title: 'Storing flour',
    body: '<p>Keep flour in a dry place.</p>',
    language: 'en',
    audience: 'public',
  });
  await post(owner, '/api/v1/kb-articles', {
    title: `${CANARY.internalArticle} flour`,
    body: '<p>Flour margins are 40 %.</p>',
    language: 'en',
    audience: 'internal',
  });
  const ws = owner.session.user.workspace.id;
  const fileA = await attach(owner, caseA.id, 'photo of the sack.txt');
  const fileB = await attach(owner, caseB.id, `${CANARY.otherSubject}.txt`);
  const order = async (companyId: string, number: string, notes: string | null) =>
    (
      await t.db.execute<{ id: string }>(sql`
        INSERT INTO sales_order (workspace_id, number, company_id, ordered_on, currency, notes, created_by_id)
        VALUES (${ws}, ${number}, ${companyId}, current_date, 'EUR', ${notes}, ${owner.session.user.id}) RETURNING id`)
    ).rows[0]?.id as string;
  const quote = async (companyId: string, number: string, status: string) =>
    (
      await t.db.execute<{ id: string }>(sql`
        INSERT INTO quote (workspace_id, number, status, company_id, language, issued_on, currency, created_by_id)
        VALUES (${ws}, ${number}, ${status}, ${companyId}, 'en', current_date, 'EUR', ${owner.session.user.id}) RETURNING id`)
    ).rows[0]?.id as string;
  const orderA = await order(companyA.id, 'O-A-1', null);
  const orderB = await order(companyB.id, 'O-B-1', CANARY.otherOrder);
  const quoteA = await quote(companyA.id, 'Q-A-1', 'sent');
  const quoteB = await quote(companyB.id, 'Q-B-1', 'sent');
  const customerA = await portalCustomer(t, { workspaceId: ws, contactId: contactA.id, email: 'alba@aurora.test' });
  const customerB = await portalCustomer(t, { workspaceId: ws, contactId: contactB.id, email: 'bruno@borea.test' });
  const idea = (
    await t.db.execute<{ id: string }>(sql`
      INSERT INTO idea (workspace_id, title, author_portal_user_id, contact_id, company_id)
      VALUES (${ws}, 'Bigger sacks', ${customerA.portalUserId}, ${contactA.id}, ${companyA.id}) RETURNING id`)
  ).rows[0]?.id as string;
  const question = (
    await t.db.execute<{ id: string }>(sql`
      INSERT INTO community_question (workspace_id, title, author_portal_user_id, contact_id, company_id)
      VALUES (${ws}, 'How long does rye flour keep?', ${customerA.portalUserId}, ${contactA.id}, ${companyA.id}) RETURNING id`)
  ).rows[0]?.id as string;
  return { ...bakery, ws, fileA, fileB, caseA, caseB, orderA, orderB, quoteA, quoteB, article, idea, question, customerA, customerB };
}

type World = Awaited<ReturnType<typeof world>>;

/** Attaches a small text file to a case through the staff route, as a browser uploads it. */
async function attach(browser: Browser, caseId: string, name: string): Promise<string> {
  const form = new FormData();
  form.append('entityType', 'case');
  form.append('entityId', caseId);
  form.append('file', new Blob(['the sack was wet'], { type: 'text/plain' }), name);
  const body = new Response(form);
  const response = await browser.request({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
  if (response.statusCode !== 201) throw new Error(`attachment: ${response.body}`);
  return response.json().id;
}

/** The URL of a route with customer A's own records in its parameters; undefined when a parameter is unknown. */
function ownUrl(path: string, w: World): string | undefined {
  const ids: [RegExp, string][] = [
    [/\/attachments\/\{[^}]+\}/, `/attachments/${w.fileA}`],
    [/\/cases\/\{[^}]+\}/, `/cases/${w.caseA.id}`],
    [/\/orders\/\{[^}]+\}/, `/orders/${w.orderA}`],
    [/\/quotes\/\{[^}]+\}/, `/quotes/${w.quoteA}`],
    [/\/ideas\/\{[^}]+\}/, `/ideas/${w.idea}`],
    [/\/community-questions\/\{[^}]+\}/, `/community-questions/${w.question}`],
    [/\/kb\/articles\/\{[^}]+\}/, `/kb/articles/${w.article.id}`],
  ];
  let url = path;
  for (const [pattern, value] of ids) url = url.replace(pattern, value);
  return url.includes('{') ? undefined : url;
}

/** The same URL with company B's record where the route names a record of a company. */
function otherCompanyUrl(path: string, w: World): string | undefined {
  const ids: [RegExp, string][] = [
    [/\/cases\/\{[^}]+\}\/attachments\/\{[^}]+\}/, `/cases/${w.caseB.id}/attachments/${w.fileB}`],
    [/\/cases\/\{[^}]+\}/, `/cases/${w.caseB.id}`],
    [/\/orders\/\{[^}]+\}/, `/orders/${w.orderB}`],
    [/\/quotes\/\{[^}]+\}/, `/quotes/${w.quoteB}`],
  ];
  for (const [pattern, value] of ids) if (pattern.test(path)) return ownUrl(path.replace(pattern, value), w);
  return undefined;
}

const withPortal = (customer: PortalBrowser) => ({ cookie: customer.cookie, 'x-csrf-token': customer.csrfToken });
const withStaff = (browser: Browser) => ({ cookie: browser.cookie, 'x-csrf-token': browser.csrfToken });

describe('portal isolation', () => {
  it('every portal route refuses anonymous callers, staff sessions and staff API tokens', async () => {
    const w = await world();
    const routes = portalRoutes();
    // The portal's parts are all there: a route that vanished from the document would escape the checks.
    for (const part of [
      '/api/portal/me',
      '/api/portal/cases',
      '/api/portal/orders',
      '/api/portal/ideas',
      '/api/portal/community-questions',
    ]) {
      expect(
        routes.some((r) => r.path === part),
        part,
      ).toBe(true);
    }
    const token = (await w.owner.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'Portal probe' } })).json().secret;
    const failures: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC.test(r.path))) {
      const url = ownUrl(route.path, w) ?? route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const [who, headers] of [
        ['anonymous', {}],
        ['staff session', withStaff(w.owner)],
        ['staff API token', { authorization: `Bearer ${token}` }],
      ] as const) {
        const response = await inject(route, url, headers);
        if (response.statusCode !== 401) failures.push(`${who} ${route.method} ${url}: ${response.statusCode}`);
        else expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(failures).toEqual([]);
  });

  it('a portal session opens no staff route', async () => {
    const w = await world();
    for (const url of [
      '/api/v1/me',
      '/api/v1/companies',
      '/api/v1/contacts',
      '/api/v1/cases',
      `/api/v1/cases/${w.caseA.id}`,
      '/api/v1/kb-articles',
      '/api/v1/ideas',
      '/api/v1/community-questions',
      '/api/v1/portal-users',
      '/api/v1/orders',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: withPortal(w.customerA) });
      expect(response.statusCode, url).toBe(401);
    }
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: withPortal(w.customerA),
      payload: { name: 'Sneaky' },
    });
    expect(write.statusCode).toBe(401);
  });

  it('customer A reads nothing of company B and no staff-only field through any portal read', async () => {
    const w = await world();
    const reads = portalRoutes().filter((r) => r.method === 'GET' && !PUBLIC.test(r.path));
    const unknown: string[] = [];
    const leaks: string[] = [];
    const crossings: string[] = [];
    for (const route of reads) {
      const url = ownUrl(route.path, w);
      if (!url) {
        unknown.push(route.path);
        continue;
      }
      // The customer's own personal-data download may hold everything about them, not other people's.
      const query = route.path.includes('/kb/') ? '?q=flour' : '';
      const response = await inject(route, `${url}${query}`, withPortal(w.customerA));
      if (response.statusCode >= 500) leaks.push(`${url}: ${response.statusCode}`);
      for (const canary of Object.values(CANARY)) {
        if (response.body.includes(canary)) leaks.push(`${url} shows ${canary}`);
      }
      const other = otherCompanyUrl(route.path, w);
      if (other) {
        const crossed = await inject(route, other, withPortal(w.customerA));
        if (crossed.statusCode !== 404) crossings.push(`${other}: ${crossed.statusCode}`);
      }
    }
    // A route whose parameters this test cannot fill must be taught here, not skipped.
    expect(unknown).toEqual([]);
    expect(leaks).toEqual([]);
    expect(crossings).toEqual([]);
    // Writes on company B's records answer 404 as well.
    for (const [url, payload] of [
      [`/api/portal/cases/${w.caseB.id}/messages`, { body: 'Hello from A' }],
      [`/api/portal/cases/${w.caseB.id}/rating`, { satisfaction: 1 }],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url, headers: withPortal(w.customerA), payload });
      expect(response.statusCode, url).toBe(404);
    }
    const messages = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_message WHERE workspace_id = ${w.ws} AND case_id = ${w.caseB.id}`,
    );
    expect(messages.rows[0]?.n).toBe(0);
  });

  it("another workspace's customer sees none of this workspace's ideas, questions, articles or cases", async () => {
    const w = await world();
    const other = await world();
    for (const url of [
      `/api/portal/ideas/${w.idea}`,
      `/api/portal/community-questions/${w.question}`,
      `/api/portal/kb/articles/${w.article.id}`,
      `/api/portal/cases/${w.caseA.id}`,
      `/api/portal/orders/${w.orderA}`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: withPortal(other.customerA) });
      expect(response.statusCode, url).toBe(404);
    }
    const ideas = await t.app.inject({ method: 'GET', url: '/api/portal/ideas', headers: withPortal(other.customerA) });
    expect(ideas.body).not.toContain(w.idea);
  });
});
