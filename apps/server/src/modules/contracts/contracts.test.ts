import { describe, expect, it } from 'vitest';
import { get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('contracts', () => {
  it('lists contracts expiring soon and expired ones, and will not end one a binding agreement is about until it was seen', async () => {
    const { managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const gazette = await post(employeeA.browser, '/api/v1/companies', { name: 'Gazzetta di Quartiere' });
    const slot = await post(employeeA.browser, '/api/v1/contracts', {
      number: 'ADV-2026/7',
      subject: 'Ad slot page 3, Fridays',
      companyId: gazette.id,
      startDate: isoDay(-365),
      endDate: isoDay(-2),
      value: '5200.00',
      currency: 'EUR',
      renewal: 'to_renegotiate',
    });
    expect(slot).toMatchObject({
      company: { id: gazette.id, name: 'Gazzetta di Quartiere' },
      value: '5200.00',
      currency: 'EUR',
      bindingAgreements: 0,
    });
    const bread = await post(employeeA.browser, '/api/v1/contracts', {
      number: 'SUP-11',
      subject: 'Daily bread',
      companyId: gazette.id,
      endDate: isoDay(20),
    });
    await post(employeeA.browser, '/api/v1/contracts', { number: 'SUP-12', subject: 'Cakes', companyId: gazette.id, endDate: isoDay(200) });
    await post(employeeA.browser, '/api/v1/contracts', { number: 'SUP-13', subject: 'Open-ended', companyId: gazette.id });
    // By end date, two at a time: the open-ended one comes last.
    const byEnd: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(employeeA.browser, `/api/v1/contracts?sort=endDate&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      byEnd.push(...page.data.map((c: { number: string }) => c.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(byEnd).toEqual(['ADV-2026/7', 'SUP-11', 'SUP-12', 'SUP-13']);
    const soon = await get(employeeA.browser, '/api/v1/contracts?filter[expiringWithin]=30');
    expect(soon.data.map((c: { id: string }) => c.id)).toEqual([bread.id]);
    expect((await get(employeeA.browser, '/api/v1/contracts?filter[expired]=true')).data.map((c: { id: string }) => c.id)).toEqual([
      slot.id,
    ]);

    // Elio agrees by word to renew; the agreement is about the contract.
    const promise = await post(employeeA.browser, '/api/v1/agreements', {
      title: 'Renew the Friday slot for 2027',
      companyId: gazette.id,
      contractId: slot.id,
      resource: 'Ad slot page 3, Fridays',
    });
    expect(promise.contract).toEqual({ id: slot.id, number: 'ADV-2026/7', subject: 'Ad slot page 3, Fridays' });
    expect((await get(managerA.browser, `/api/v1/contracts/${slot.id}`)).bindingAgreements).toBe(1);
    expect((await get(managerA.browser, `/api/v1/contracts/${slot.id}/agreements`)).data.map((a: { id: string }) => a.id)).toEqual([
      promise.id,
    ]);

    // While he travels, his manager tries to end the expired contract: she is shown the agreement first.
    const refused = await managerA.browser.request({ method: 'PATCH', url: `/api/v1/contracts/${slot.id}`, payload: { renewal: 'ended' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'binding_agreements', errors: [{ path: `agreements.${promise.id}` }] });
    expect((await get(managerA.browser, `/api/v1/contracts/${slot.id}`)).renewal).toBe('to_renegotiate');
    const ended = await managerA.browser.request({
      method: 'PATCH',
      url: `/api/v1/contracts/${slot.id}`,
      payload: { renewal: 'ended', acknowledgedAgreementIds: [promise.id] },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().renewal).toBe('ended');
    expect((await get(employeeA.browser, '/api/v1/contracts?filter[expired]=true')).total).toBe(0);

    // A contract is seen by whoever may read its company: not by a colleague who may not, nor by another shop.
    expect((await employeeA2.browser.request({ method: 'GET', url: `/api/v1/contracts/${bread.id}` })).statusCode).toBe(404);
    expect(
      (await employeeA2.browser.request({ method: 'PATCH', url: `/api/v1/contracts/${bread.id}`, payload: { subject: 'x' } })).statusCode,
    ).toBe(404);
    expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/contracts/${bread.id}` })).statusCode).toBe(404);
    expect((await get(employeeB.browser, '/api/v1/contracts')).total).toBe(0);
    expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/contracts/${slot.id}/agreements` })).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const mine = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const beas = await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' });
    await post(employeeA.browser, '/api/v1/contracts', { number: 'C-1', subject: 'Bread', companyId: mine.id });
    const cases: [Record<string, unknown>, string, number][] = [
      [{ number: 'C-1', subject: 'Same number', companyId: mine.id }, 'number', 409],
      [{ number: '', subject: 'x', companyId: mine.id }, 'number', 400],
      [{ number: 'C-2', subject: 'x', companyId: beas.id }, 'companyId', 400],
      [{ number: 'C-2', subject: 'x', companyId: mine.id, startDate: '2026-05-10', endDate: '2026-05-01' }, 'endDate', 400],
      [{ number: 'C-2', subject: 'x', companyId: mine.id, value: '12,50', currency: 'EUR' }, 'value', 400],
      [{ number: 'C-2', subject: 'x', companyId: mine.id, value: '12.50' }, 'currency', 400],
      [{ number: 'C-2', subject: 'x', companyId: mine.id, value: '12.50', currency: 'euro' }, 'currency', 400],
      [{ number: 'C-2', subject: 'x', companyId: mine.id, renewal: 'maybe' }, 'renewal', 400],
      [{ number: 'C-2', subject: 'x', companyId: mine.id, responsibleId: mine.id }, 'responsibleId', 400],
    ];
    for (const [payload, path, status] of cases) {
      const response = await employeeA.browser.request({ method: 'POST', url: '/api/v1/contracts', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(owner, '/api/v1/contracts')).total).toBe(1);
  });
});
