import type {
  TPortalHome,
  TPortalOrderDetail,
  TPortalOrderList,
  TPortalQuoteDetail,
  TPortalQuoteList,
  TPortalSurveys,
} from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { type PortalBrowser, portalCustomer } from '../../test/portal-harness.ts';

const t = useTestApp();

const json = async (browser: PortalBrowser, url: string) => {
  const response = await browser.request({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

const workspaceOf = async (contactId: string): Promise<string> =>
  (await t.pool.query('SELECT workspace_id FROM contact WHERE id = $1', [contactId])).rows[0].workspace_id;

/**
 * A bakery selling to two hotels: the Volga (whose buyer Irina uses the portal) and the Neva.
 * Each has an order and a sent quote; the Volga also has a draft quote still being written.
 */
async function setup() {
  const bakery = await makeBakery(t);
  const seller = bakery.employeeA;
  const list = await post(bakery.managerA.browser, '/api/v1/price-lists', { name: 'Wholesale', currency: 'EUR' });
  const rye = await post(bakery.managerA.browser, '/api/v1/products', {
    sku: 'RYE-800',
    name: 'Rye loaf 800 g',
    vatRate: '10',
    prices: [{ priceListId: list.id, price: '3.35' }],
  });
  const company = (name: string) => post(seller.browser, '/api/v1/companies', { name });
  const volga = await company('Hotel Volga');
  const neva = await company('Hotel Neva');
  const contact = (firstName: string, companyId: string) =>
    post(seller.browser, '/api/v1/contacts', {
      firstName,
      lastName: 'Petrova',
      companies: [{ companyId }],
      emails: [{ label: 'work', value: `${firstName.toLowerCase()}.${companyId.slice(0, 6)}@hotel.test` }],
    });
  const irina = await contact('Irina', volga.id);
  const olga = await contact('Olga', neva.id);
  const lines = [{ productId: rye.id, quantity: '120' }];
  const order = (companyId: string) => post(seller.browser, '/api/v1/orders', { companyId, priceListId: list.id, lines });
  const volgaOrder = await order(volga.id);
  const nevaOrder = await order(neva.id);
  const quote = (companyId: string) =>
    post(seller.browser, '/api/v1/quotes', { companyId, priceListId: list.id, language: 'en', validUntil: '2099-12-31', lines });
  const send = async (browser: Browser, id: string) => {
    const response = await browser.request({ method: 'POST', url: `/api/v1/quotes/${id}/status`, payload: { status: 'sent' } });
    expect(response.statusCode).toBe(200);
  };
  const volgaQuote = await quote(volga.id);
  await send(seller.browser, volgaQuote.id);
  const volgaDraft = await quote(volga.id);
  const nevaQuote = await quote(neva.id);
  await send(seller.browser, nevaQuote.id);
  const workspaceId = await workspaceOf(irina.id);
  const customer = await portalCustomer(t, { workspaceId, contactId: irina.id, email: 'irina@hotel.test' });
  return { ...bakery, seller, volga, neva, irina, olga, volgaOrder, nevaOrder, volgaQuote, volgaDraft, nevaQuote, workspaceId, customer };
}

describe('the portal: orders and quotes', () => {
  it("shows the customer their company's orders with lines, and another company's order as not found", async () => {
    const s = await setup();
    const list = await json(s.customer, '/api/portal/orders');
    expect(list.status).toBe(200);
    const orders = list.body as TPortalOrderList;
    expect(orders.total).toBe(1);
    expect(orders.data.map((o) => o.id)).toEqual([s.volgaOrder.id]);
    expect(orders.data[0]).toMatchObject({
      number: s.volgaOrder.number,
      status: 'new',
      company: { id: s.volga.id, name: 'Hotel Volga' },
      currency: 'EUR',
      net: '402.00',
      vat: '40.20',
      total: '442.20',
      invoiced: '0.00',
      paid: '0.00',
    });
    // Nothing of staff's: owner, unit, credit override, notes.
    expect(Object.keys(orders.data[0] ?? {})).not.toContain('owner');
    expect(Object.keys(orders.data[0] ?? {})).not.toContain('creditOverride');

    const one = await json(s.customer, `/api/portal/orders/${s.volgaOrder.id}`);
    expect(one.status).toBe(200);
    const detail = one.body as TPortalOrderDetail;
    expect(detail.lines).toEqual([
      {
        position: 0,
        name: 'Rye loaf 800 g',
        sku: 'RYE-800',
        quantity: '120.000',
        unit: 'pcs',
        unitPrice: '3.35',
        discountPercent: '0.00',
        vatRate: '10.00',
        total: '442.20',
      },
    ]);

    const other = await json(s.customer, `/api/portal/orders/${s.nevaOrder.id}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('not_found');
    expect((await json(s.customer, '/api/portal/orders/not-a-uuid')).status).toBe(404);
  }, 60_000);

  it('pages the orders newest first with a cursor', async () => {
    const s = await setup();
    const later = await post(s.seller.browser, '/api/v1/orders', {
      companyId: s.volga.id,
      currency: 'EUR',
      lines: [{ description: 'Delivery', quantity: '1', unitPrice: '10.00' }],
    });
    const first = (await json(s.customer, '/api/portal/orders?limit=1')).body as TPortalOrderList;
    expect(first.total).toBe(2);
    expect(first.data.map((o) => o.id)).toEqual([later.id]);
    expect(first.nextCursor).toBeTruthy();
    const second = (await json(s.customer, `/api/portal/orders?limit=1&cursor=${first.nextCursor}`)).body as TPortalOrderList;
    expect(second.data.map((o) => o.id)).toEqual([s.volgaOrder.id]);
    expect(second.nextCursor).toBeNull();
    expect((await json(s.customer, '/api/portal/orders?cursor=nonsense')).status).toBe(400);
  }, 60_000);

  it('shows quotes sent to the company, never a draft nor another company’s, and gives the sent one as PDF', async () => {
    const s = await setup();
    const list = (await json(s.customer, '/api/portal/quotes')).body as TPortalQuoteList;
    expect(list.data.map((q) => q.id)).toEqual([s.volgaQuote.id]);
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({ status: 'sent', validUntil: '2099-12-31', total: '442.20', version: 1 });

    const one = await json(s.customer, `/api/portal/quotes/${s.volgaQuote.id}`);
    expect(one.status).toBe(200);
    const detail = one.body as TPortalQuoteDetail;
    expect(detail.lines.map((l) => [l.name, l.quantity, l.total])).toEqual([['Rye loaf 800 g', '120.000', '442.20']]);
    expect(detail.pdfUrl).toBe(`/api/portal/quotes/${s.volgaQuote.id}/pdf`);

    const pdf = await s.customer.request({ method: 'GET', url: detail.pdfUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    for (const id of [s.volgaDraft.id, s.nevaQuote.id]) {
      expect((await json(s.customer, `/api/portal/quotes/${id}`)).status).toBe(404);
      expect((await s.customer.request({ method: 'GET', url: `/api/portal/quotes/${id}/pdf` })).statusCode).toBe(404);
    }

    // Once accepted it stays visible, with its new status.
    await s.seller.browser.request({ method: 'POST', url: `/api/v1/quotes/${s.volgaQuote.id}/status`, payload: { status: 'accepted' } });
    expect(((await json(s.customer, `/api/portal/quotes/${s.volgaQuote.id}`)).body as TPortalQuoteDetail).status).toBe('accepted');
  }, 60_000);

  it('hides everything of a company whose portal access is switched off', async () => {
    const s = await setup();
    // Irina also buys for the Neva; while the Neva has no portal access, its documents stay hidden.
    await t.pool.query('INSERT INTO contact_company (workspace_id, contact_id, company_id) VALUES ($1, $2, $3)', [
      s.workspaceId,
      s.irina.id,
      s.neva.id,
    ]);
    await t.pool.query('UPDATE company SET portal_access = false WHERE id = $1', [s.neva.id]);
    expect(((await json(s.customer, '/api/portal/orders')).body as TPortalOrderList).data.map((o) => o.id)).toEqual([s.volgaOrder.id]);
    expect((await json(s.customer, `/api/portal/quotes/${s.nevaQuote.id}`)).status).toBe(404);
    await t.pool.query('UPDATE company SET portal_access = true WHERE id = $1', [s.neva.id]);
    expect(((await json(s.customer, '/api/portal/orders')).body as TPortalOrderList).total).toBe(2);
  }, 60_000);
});

describe('the portal: surveys, the manager and the first page', () => {
  it('lists a survey waiting for the contact until it is answered through the public survey page', async () => {
    const s = await setup();
    const survey = await post(s.owner, '/api/v1/surveys', {
      name: 'After delivery',
      title: { en: 'How was the delivery?', it: 'Com’è andata la consegna?' },
      questions: [{ id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?', it: 'Ci consiglierebbe?' } }],
    });
    await t.pool.query(`UPDATE survey SET status = 'open' WHERE id = $1`, [survey.id]);
    const invite = async (contactId: string, status: string) =>
      (
        await t.pool.query(
          `INSERT INTO survey_invitation (workspace_id, survey_id, contact_id, language, email, status, sent_at)
           VALUES ($1, $2, $3, 'it', 'x@hotel.test', $4, now()) RETURNING token`,
          [s.workspaceId, survey.id, contactId, status],
        )
      ).rows[0].token as string;
    const token = await invite(s.irina.id, 'sent');
    await invite(s.olga.id, 'sent');

    const before = (await json(s.customer, '/api/portal/surveys')).body as TPortalSurveys;
    expect(before.waiting).toEqual([{ title: 'How was the delivery?', sentAt: expect.any(String), answeredAt: null, link: `/s/${token}` }]);
    expect(before.answered).toEqual([]);
    expect(((await json(s.customer, '/api/portal/home')).body as TPortalHome).surveys.map((v) => v.link)).toEqual([`/s/${token}`]);
    // In the customer's own language when the survey speaks it.
    await t.pool.query(`UPDATE portal_user SET language = 'it' WHERE id = $1`, [s.customer.portalUserId]);
    expect(((await json(s.customer, '/api/portal/surveys')).body as TPortalSurveys).waiting[0]?.title).toBe('Com’è andata la consegna?');
    await t.pool.query(`UPDATE portal_user SET language = 'en' WHERE id = $1`, [s.customer.portalUserId]);

    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${token}`,
      payload: { language: 'en', answers: { nps: 9 } },
    });
    expect(answer.statusCode).toBe(201);

    const after = (await json(s.customer, '/api/portal/surveys')).body as TPortalSurveys;
    expect(after.waiting).toEqual([]);
    expect(after.answered).toEqual([
      { title: 'How was the delivery?', sentAt: expect.any(String), answeredAt: expect.any(String), link: `/s/${token}` },
    ]);
    expect(((await json(s.customer, '/api/portal/home')).body as TPortalHome).surveys).toEqual([]);
  }, 60_000);

  it('does not list an invitation never sent, nor one of a closed survey', async () => {
    const s = await setup();
    const survey = await post(s.owner, '/api/v1/surveys', {
      name: 'Closed one',
      title: { en: 'Old survey' },
      questions: [{ id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?' } }],
    });
    await t.pool.query(`UPDATE survey SET status = 'closed' WHERE id = $1`, [survey.id]);
    await t.pool.query(
      `INSERT INTO survey_invitation (workspace_id, survey_id, contact_id, language, status, sent_at) VALUES ($1, $2, $3, 'en', 'sent', now())`,
      [s.workspaceId, survey.id, s.irina.id],
    );
    const unsent = await post(s.owner, '/api/v1/surveys', {
      name: 'Never sent',
      title: { en: 'No consent' },
      questions: [{ id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?' } }],
    });
    await t.pool.query(`UPDATE survey SET status = 'open' WHERE id = $1`, [unsent.id]);
    await t.pool.query(
      `INSERT INTO survey_invitation (workspace_id, survey_id, contact_id, language, status) VALUES ($1, $2, $3, 'en', 'skipped_no_email')`,
      [s.workspaceId, unsent.id, s.irina.id],
    );
    expect((await json(s.customer, '/api/portal/surveys')).body).toEqual({ waiting: [], answered: [] });
  }, 60_000);

  it('shows the dedicated manager only with that relationship style', async () => {
    const s = await setup();
    const owner = (await t.pool.query('SELECT owner_id FROM company WHERE id = $1', [s.volga.id])).rows[0].owner_id;
    expect(owner).toBe(s.seller.user.id);
    expect((await json(s.customer, '/api/portal/manager')).body).toBeNull();

    await t.pool.query(`UPDATE company SET relationship_style = 'self_service' WHERE id = $1`, [s.volga.id]);
    expect((await json(s.customer, '/api/portal/manager')).body).toBeNull();

    await t.pool.query(`UPDATE company SET relationship_style = 'dedicated_manager' WHERE id = $1`, [s.volga.id]);
    const manager = await json(s.customer, '/api/portal/manager');
    expect(manager.status).toBe(200);
    expect(manager.body).toEqual({
      name: 'Elio',
      email: s.seller.user.email,
      phone: null,
      company: { id: s.volga.id, name: 'Hotel Volga' },
    });
    expect(((await json(s.customer, '/api/portal/home')).body as TPortalHome).manager?.name).toBe('Elio');

    // Another company's dedicated manager is not this customer's.
    await t.pool.query(`UPDATE company SET relationship_style = 'personal' WHERE id = $1`, [s.volga.id]);
    await t.pool.query(`UPDATE company SET relationship_style = 'dedicated_manager' WHERE id = $1`, [s.neva.id]);
    expect((await json(s.customer, '/api/portal/manager')).body).toBeNull();
  }, 60_000);

  it("puts the company's open cases, those waiting for the customer, the latest three and the orders on the first page", async () => {
    const s = await setup();
    const type = await post(s.owner, '/api/v1/case-types', { name: 'Question', kind: 'question' });
    const newCase = (subject: string, companyId: string) =>
      post(s.seller.browser, '/api/v1/cases', { subject, typeId: type.id, channel: 'phone', companyId });
    const first = await newCase('Late delivery', s.volga.id);
    const second = await newCase('Wrong invoice', s.volga.id);
    const third = await newCase('Stale bread', s.volga.id);
    const fourth = await newCase('Missing box', s.volga.id);
    await newCase('Neva’s own trouble', s.neva.id);
    await t.pool.query(`UPDATE support_case SET status = 'waiting_customer' WHERE id = $1`, [second.id]);
    await t.pool.query(`UPDATE support_case SET status = 'closed' WHERE id = $1`, [first.id]);

    const home = await json(s.customer, '/api/portal/home');
    expect(home.status).toBe(200);
    const body = home.body as TPortalHome;
    expect(body.cases.open).toBe(3);
    expect(body.cases.waitingForYou).toBe(1);
    expect(body.cases.latest.map((c) => c.subject)).toEqual(['Missing box', 'Stale bread', 'Wrong invoice']);
    expect(body.cases.latest[2]).toMatchObject({ id: second.id, number: second.number, status: 'waiting_customer' });
    expect(body.cases.latest.map((c) => c.id)).not.toContain(first.id);
    expect(body.cases.latest[0]?.id).toBe(fourth.id);
    expect(third.id).toBeTruthy();
    expect(body.orders.map((o) => o.id)).toEqual([s.volgaOrder.id]);
    expect(body.manager).toBeNull();
  }, 60_000);
});

describe('the portal documents’ gate', () => {
  const urls = (s: Awaited<ReturnType<typeof setup>>) => [
    '/api/portal/home',
    '/api/portal/orders',
    `/api/portal/orders/${s.volgaOrder.id}`,
    '/api/portal/quotes',
    `/api/portal/quotes/${s.volgaQuote.id}`,
    `/api/portal/quotes/${s.volgaQuote.id}/pdf`,
    '/api/portal/surveys',
    '/api/portal/manager',
  ];

  it('are described in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/portal/home',
        '/api/portal/orders',
        '/api/portal/orders/{id}',
        '/api/portal/quotes',
        '/api/portal/quotes/{id}',
        '/api/portal/quotes/{id}/pdf',
        '/api/portal/surveys',
        '/api/portal/manager',
      ]),
    );
  });

  it('refuses anonymous visitors and staff sessions', async () => {
    const s = await setup();
    for (const url of urls(s)) {
      const anonymous = await t.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      const staff = await s.seller.browser.request({ method: 'GET', url });
      expect(staff.statusCode, url).toBe(401);
      expect(staff.json().code, url).toBe('unauthenticated');
    }
  }, 60_000);

  it("never shows one workspace's documents to another workspace's customer", async () => {
    const s = await setup();
    const other = await makeBakery(t);
    const company = await post(other.employeeA.browser, '/api/v1/companies', { name: 'Hotel Volga' });
    const contact = await post(other.employeeA.browser, '/api/v1/contacts', { firstName: 'Irina', companies: [{ companyId: company.id }] });
    const stranger = await portalCustomer(t, {
      workspaceId: await workspaceOf(contact.id),
      contactId: contact.id,
      email: 'irina@other.test',
    });
    expect(((await json(stranger, '/api/portal/orders')).body as TPortalOrderList).data).toEqual([]);
    expect(((await json(stranger, '/api/portal/quotes')).body as TPortalQuoteList).data).toEqual([]);
    expect((await json(stranger, `/api/portal/orders/${s.volgaOrder.id}`)).status).toBe(404);
    expect((await json(stranger, `/api/portal/quotes/${s.volgaQuote.id}`)).status).toBe(404);
    expect((await stranger.request({ method: 'GET', url: `/api/portal/quotes/${s.volgaQuote.id}/pdf` })).statusCode).toBe(404);
    const home = (await json(stranger, '/api/portal/home')).body as TPortalHome;
    expect(home).toEqual({ cases: { open: 0, waitingForYou: 0, latest: [] }, orders: [], surveys: [], manager: null });
  }, 60_000);
});
