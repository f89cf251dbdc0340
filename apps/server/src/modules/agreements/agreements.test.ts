import { describe, expect, it } from 'vitest';
import { get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('agreements', () => {
  it('records a promise about a resource that binds everyone: listed company-wide, found by search, customer named only to its readers', async () => {
    const { owner, managerA, employeeA, employeeB } = await makeBakery(t);
    const gazette = await post(employeeA.browser, '/api/v1/companies', { name: 'Gazzetta di Quartiere' });
    const anna = await post(employeeA.browser, '/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Verdi',
      companies: [{ companyId: gazette.id }],
    });
    const response = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/agreements',
      payload: {
        title: 'Keep our ad on page 3 every Friday',
        details: 'Agreed by phone with Anna; price as last year',
        contactId: anna.id,
        resource: 'Ad slot page 3, Fridays',
        validUntil: isoDay(90),
      },
    });
    expect(response.statusCode).toBe(201);
    const slot = response.json();
    expect(slot).toMatchObject({
      status: 'agreed',
      contact: { id: anna.id, name: 'Anna Verdi' },
      agreedBy: { id: employeeA.user.id, name: 'Elio' },
      agreedOn: isoDay(0),
      binding: true,
      customerHidden: false,
      contract: null,
    });
    // On the company's list (made with its contact) and in the company-wide list.
    expect(
      (await get(employeeA.browser, `/api/v1/agreements?filter[companyId]=${gazette.id}`)).data.map((a: { id: string }) => a.id),
    ).toEqual([slot.id]);
    // Bea, in the other shop, cannot read the newspaper, but sees the slot is promised, and finds it by search.
    const seenByBea = await get(employeeB.browser, '/api/v1/agreements?filter[binding]=true');
    expect(seenByBea.data).toEqual([expect.objectContaining({ id: slot.id, contact: null, company: null, customerHidden: true })]);
    const hits = await get(employeeB.browser, `/api/v1/search?q=${encodeURIComponent('page 3')}`);
    expect(hits.data).toContainEqual({
      type: 'agreement',
      id: slot.id,
      title: 'Keep our ad on page 3 every Friday',
      subtitle: 'Ad slot page 3, Fridays',
    });
    expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/agreements?filter[companyId]=${gazette.id}` })).statusCode).toBe(
      404,
    );
    expect((await get(employeeB.browser, '/api/v1/agreements?filter[resource]=PAGE 3')).total).toBe(1);
    expect((await get(employeeB.browser, '/api/v1/agreements?q=price as last')).total).toBe(1);

    // Only who agreed, their shop's manager or an admin changes it; each reader is told so.
    expect((await get(employeeB.browser, `/api/v1/agreements/${slot.id}`)).mayChange).toBe(false);
    expect(await get(employeeA.browser, `/api/v1/agreements/${slot.id}`)).toMatchObject({ mayChange: true, mayDelete: false });
    expect(await get(managerA.browser, `/api/v1/agreements/${slot.id}`)).toMatchObject({ mayChange: true, mayDelete: true });
    const byBea = await employeeB.browser.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${slot.id}`,
      payload: { status: 'cancelled' },
    });
    expect(byBea.statusCode).toBe(403);
    const broken = await managerA.browser.request({ method: 'PATCH', url: `/api/v1/agreements/${slot.id}`, payload: { status: 'broken' } });
    expect(broken.json()).toMatchObject({ status: 'broken', binding: false });
    expect((await get(owner, '/api/v1/agreements?filter[binding]=true')).total).toBe(0);
    expect((await get(owner, '/api/v1/agreements?filter[status]=broken,cancelled')).total).toBe(1);
    // Past its date, an agreement no longer binds.
    const old = await post(owner, '/api/v1/agreements', {
      title: 'Summer discount',
      companyId: gazette.id,
      agreedOn: isoDay(-60),
      validUntil: isoDay(-1),
    });
    expect(old.binding).toBe(false);
    expect((await employeeB.browser.request({ method: 'DELETE', url: `/api/v1/agreements/${old.id}` })).statusCode).toBe(403);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/agreements/${old.id}` })).statusCode).toBe(204);
    expect((await owner.request({ method: 'GET', url: `/api/v1/agreements/${old.id}` })).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const mine = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const beas = await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' });
    const beasContract = await post(employeeB.browser, '/api/v1/contracts', { number: 'B-1', subject: 'Cakes', companyId: beas.id });
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'No customer' }, 'companyId'],
      [{ title: '', companyId: mine.id }, 'title'],
      [{ title: 'x', companyId: mine.id, status: 'maybe' }, 'status'],
      [{ title: 'x', companyId: mine.id, agreedOn: '2026-05-10', validUntil: '2026-05-01' }, 'validUntil'],
      [{ title: 'x', companyId: mine.id, agreedOn: '10/05/2026' }, 'agreedOn'],
      [{ title: 'x', companyId: beas.id }, 'companyId'],
      [{ title: 'x', companyId: mine.id, contactId: mine.id }, 'contactId'],
      [{ title: 'x', companyId: mine.id, agreedById: mine.id }, 'agreedById'],
      [{ title: 'x', companyId: mine.id, contractId: beasContract.id }, 'contractId'],
    ];
    for (const [payload, path] of cases) {
      const response = await employeeA.browser.request({ method: 'POST', url: '/api/v1/agreements', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(owner, '/api/v1/agreements')).total).toBe(0);
    expect((await owner.request({ method: 'GET', url: '/api/v1/agreements?filter[status]=maybe' })).statusCode).toBe(400);
  });

  it('is made in a deal of the same company that the person may read', async () => {
    const { employeeA, employeeB } = await makeBakery(t);
    const hotel = await post(employeeA.browser, '/api/v1/companies', { name: 'Hotel Bellavista' });
    const cafe = await post(employeeA.browser, '/api/v1/companies', { name: 'Caffè Centrale' });
    const deal = await post(employeeA.browser, '/api/v1/deals', { title: 'Breakfast bread', companyId: hotel.id });
    const kiosk = await post(employeeB.browser, '/api/v1/companies', { name: 'Edicola Bea' });
    const record = (browser: typeof employeeA.browser, payload: Record<string, unknown>) =>
      browser.request({ method: 'POST', url: '/api/v1/agreements', payload });

    // Another company than the deal's, or a deal the person may not read: 400 naming the deal, nothing recorded.
    for (const [browser, companyId] of [
      [employeeA.browser, cafe.id],
      [employeeB.browser, kiosk.id],
    ] as const) {
      const refused = await record(browser, { title: 'Free delivery', companyId, dealId: deal.id });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'dealId' }] });
    }
    expect((await get(employeeA.browser, '/api/v1/agreements')).total).toBe(0);

    const agreement = await post(employeeA.browser, '/api/v1/agreements', { title: 'Free delivery', companyId: hotel.id, dealId: deal.id });
    expect(agreement.deal).toEqual({ id: deal.id, title: 'Breakfast bread' });
    // Moving it to another company than the deal's is refused; dropping the deal is not.
    const patch = (payload: Record<string, unknown>) =>
      employeeA.browser.request({ method: 'PATCH', url: `/api/v1/agreements/${agreement.id}`, payload });
    expect((await patch({ companyId: cafe.id })).json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'dealId' }] });
    expect((await patch({ companyId: cafe.id, dealId: null })).json()).toMatchObject({ company: { id: cafe.id }, deal: null });
    // Bea reads the agreement without the deal, which she may not see.
    await patch({ companyId: hotel.id, dealId: deal.id });
    expect((await get(employeeB.browser, `/api/v1/agreements/${agreement.id}`)).deal).toBeNull();
  });
});
