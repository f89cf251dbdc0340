import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const status = async (browser: Browser, method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
  (await browser.request({ method, url, payload })).statusCode;

const ids = (list: { data: { id: string }[] }) => list.data.map((row) => row.id);

describe('sharing a record with a person or a unit', () => {
  it('opens a company to a person for reading, to a unit for changing, and closes it again', async () => {
    const b = await makeBakery(t);
    const bea = b.employeeB.browser;
    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const url = `/api/v1/companies/${company.id}`;

    // Owned by Elio: Bea (another shop, an employee) neither lists, counts nor opens it.
    const before = await get(bea, '/api/v1/companies');
    expect(ids(before)).not.toContain(company.id);
    expect(before.total).toBe(0);
    expect(await status(bea, 'GET', url)).toBe(404);

    // Bea cannot share what she cannot see, nor list its shares.
    const payload = { entity: 'companies', recordId: company.id, userId: b.employeeB.user.id, access: 'read' };
    expect(await status(bea, 'POST', '/api/v1/record-shares', payload)).toBe(404);
    expect(await status(bea, 'GET', `/api/v1/record-shares?entity=companies&recordId=${company.id}`)).toBe(404);

    // Elio shares it with Bea for reading: she lists, counts and opens it, but may not change it.
    const share = await post(b.employeeA.browser, '/api/v1/record-shares', payload);
    expect(share).toMatchObject({ entity: 'companies', userId: b.employeeB.user.id, unitId: null, name: 'Bea', access: 'read' });
    expect(share.createdByName).toBe('Elio');
    const shared = await get(bea, '/api/v1/companies');
    expect(ids(shared)).toEqual([company.id]);
    expect(shared.total).toBe(1);
    expect(await status(bea, 'GET', url)).toBe(200);
    expect(await status(bea, 'PATCH', url, { name: 'Forno Bea' })).toBe(403);
    // Reading it does not let her share it onward.
    expect(await status(bea, 'POST', '/api/v1/record-shares', { ...payload, access: 'update' })).toBe(403);
    // Shares never widen delete.
    expect(await status(bea, 'DELETE', url)).toBe(403);

    // Shared for changing with Bea's shop: Bea and a colleague of her shop change it.
    const colleagueEmail = uniqueEmail('bruno');
    await post(b.owner, '/api/v1/users', {
      email: colleagueEmail,
      name: 'Bruno',
      password: PASSWORD,
      role: 'employee',
      unitId: b.shopB.id,
    });
    const bruno = await signIn(t, colleagueEmail);
    const unitShare = await post(b.employeeA.browser, '/api/v1/record-shares', {
      entity: 'companies',
      recordId: company.id,
      unitId: b.shopB.id,
      access: 'update',
    });
    expect(unitShare).toMatchObject({ unitId: b.shopB.id, userId: null, name: 'Via Milano', access: 'update' });
    expect(await status(bea, 'PATCH', url, { name: 'Forno Bea' })).toBe(200);
    expect(await status(bruno, 'PATCH', url, { name: 'Forno Bruno' })).toBe(200);
    expect((await get(bruno, '/api/v1/companies')).total).toBe(1);

    // Who may change it sees its shares; sharing with the same target again changes the access.
    const again = await post(bea, '/api/v1/record-shares', { ...payload, access: 'update' });
    expect(again.id).toBe(share.id);
    const listed = await get(b.employeeA.browser, `/api/v1/record-shares?entity=companies&recordId=${company.id}`);
    expect(listed.data.map((s: { name: string; access: string }) => [s.name, s.access])).toEqual([
      ['Bea', 'update'],
      ['Via Milano', 'update'],
    ]);

    // Removing both shares closes it again.
    expect(await status(b.employeeA.browser, 'DELETE', `/api/v1/record-shares/${share.id}`)).toBe(204);
    expect(await status(b.employeeA.browser, 'DELETE', `/api/v1/record-shares/${unitShare.id}`)).toBe(204);
    expect(await status(bea, 'GET', url)).toBe(404);
    expect((await get(bea, '/api/v1/companies')).total).toBe(0);
    expect(await status(b.employeeA.browser, 'DELETE', `/api/v1/record-shares/${share.id}`)).toBe(404);
  });

  it('refuses people and units of another workspace, unknown entities and a missing target', async () => {
    const b = await makeBakery(t);
    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const { admin: stranger } = await makeWorkspace(t, { email: uniqueEmail('stranger') });
    const elsewhere = await signIn(t, stranger.email);
    const foreignUnit = await post(elsewhere, '/api/v1/units', { name: 'Altrove' });
    const share = (payload: Record<string, unknown>) =>
      b.employeeA.browser.request({
        method: 'POST',
        url: '/api/v1/record-shares',
        payload: { entity: 'companies', recordId: company.id, ...payload },
      });

    const foreignUser = await share({ userId: stranger.id });
    expect(foreignUser.statusCode).toBe(400);
    expect(foreignUser.headers['content-type']).toContain('application/problem+json');
    expect(foreignUser.json().errors).toEqual([expect.objectContaining({ path: 'userId' })]);
    expect((await share({ unitId: foreignUnit.id })).statusCode).toBe(400);
    expect((await share({})).statusCode).toBe(400);
    expect((await share({ userId: b.employeeB.user.id, unitId: b.shopB.id })).statusCode).toBe(400);
    expect((await share({ entity: 'products', userId: b.employeeB.user.id })).statusCode).toBe(400);
    expect(await status(b.employeeA.browser, 'GET', `/api/v1/record-shares?entity=invoices&recordId=${company.id}`)).toBe(400);
    // Another workspace cannot reach the record, nor its shares.
    expect(
      await status(elsewhere, 'POST', '/api/v1/record-shares', { entity: 'companies', recordId: company.id, userId: stranger.id }),
    ).toBe(404);
    const kept = await post(b.employeeA.browser, '/api/v1/record-shares', {
      entity: 'companies',
      recordId: company.id,
      userId: b.employeeB.user.id,
    });
    expect(await status(elsewhere, 'DELETE', `/api/v1/record-shares/${kept.id}`)).toBe(404);
    expect((await get(b.employeeA.browser, `/api/v1/record-shares?entity=companies&recordId=${company.id}`)).data).toHaveLength(1);
  });

  it('opens a deal and a case the same way', async () => {
    const b = await makeBakery(t);
    const bea = b.employeeB.browser;
    const deal = await post(b.employeeA.browser, '/api/v1/deals', { title: 'Wedding cake' });
    expect(await status(bea, 'GET', `/api/v1/deals/${deal.id}`)).toBe(404);
    expect(ids(await get(bea, '/api/v1/deals'))).not.toContain(deal.id);
    const dealShare = await post(b.employeeA.browser, '/api/v1/record-shares', {
      entity: 'deals',
      recordId: deal.id,
      userId: b.employeeB.user.id,
      access: 'read',
    });
    const seen = await bea.request({ method: 'GET', url: `/api/v1/deals/${deal.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().mayChange).toBe(false);
    expect(ids(await get(bea, '/api/v1/deals'))).toContain(deal.id);
    expect(await status(bea, 'PATCH', `/api/v1/deals/${deal.id}`, { title: 'Bea cake' })).toBe(403);
    await post(b.employeeA.browser, '/api/v1/record-shares', {
      entity: 'deals',
      recordId: deal.id,
      userId: b.employeeB.user.id,
      access: 'update',
    });
    expect((await get(bea, `/api/v1/deals/${deal.id}`)).mayChange).toBe(true);
    expect(await status(bea, 'PATCH', `/api/v1/deals/${deal.id}`, { title: 'Bea cake' })).toBe(200);
    expect(await status(bea, 'DELETE', `/api/v1/deals/${deal.id}`)).toBe(403);
    expect(await status(b.employeeA.browser, 'DELETE', `/api/v1/record-shares/${dealShare.id}`)).toBe(204);
    expect(await status(bea, 'GET', `/api/v1/deals/${deal.id}`)).toBe(404);

    // Every employee reads every case; only its responsible person changes it, unless it is shared for changing.
    const question = await post(b.owner, '/api/v1/case-types', { name: 'Question', kind: 'question' });
    const customer = await post(b.owner, '/api/v1/companies', { name: 'Caffè Centrale' });
    const c = await post(b.employeeA.browser, '/api/v1/cases', {
      subject: 'Gluten free?',
      typeId: question.id,
      channel: 'phone',
      companyId: customer.id,
    });
    expect(await status(bea, 'PATCH', `/api/v1/cases/${c.id}`, { subject: 'Mine?' })).toBe(403);
    await post(b.employeeA.browser, '/api/v1/record-shares', { entity: 'cases', recordId: c.id, unitId: b.shopB.id, access: 'update' });
    expect(await status(bea, 'PATCH', `/api/v1/cases/${c.id}`, { subject: 'Gluten free, asked again' })).toBe(200);
    expect(await status(b.employeeA2.browser, 'PATCH', `/api/v1/cases/${c.id}`, { subject: 'Not mine' })).toBe(403);
  });
});
