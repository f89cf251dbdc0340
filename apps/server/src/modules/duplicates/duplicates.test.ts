import type { TDuplicatePair, TMerge } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function post(browser: Browser, url: string, payload: unknown) {
  const response = await browser.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
  if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function pairs(browser: Browser, entity: string): Promise<TDuplicatePair[]> {
  const response = await browser.request({ method: 'GET', url: `/api/v1/duplicates?entity=${entity}` });
  expect(response.statusCode).toBe(200);
  return response.json().data;
}

const names = (list: TDuplicatePair[]) => list.map((p) => [p.a.name, p.b.name].sort().join(' + ')).sort();

describe('duplicates', () => {
  it('finds probable pairs by e-mail, phone in any format, tax number and name in the same city; a dismissed pair leaves', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    await post(owner, '/api/v1/companies', { name: 'Forno Rossi', city: 'Roma', emails: [{ label: '', value: 'ordini@fornorossi.it' }] });
    await post(owner, '/api/v1/companies', { name: 'Panificio Rossi S.r.l.', emails: [{ label: '', value: 'ORDINI@fornorossi.it' }] });
    await post(owner, '/api/v1/companies', { name: 'Bar Sport', city: 'Milano', phones: [{ label: '', value: '+39 02 1234 5678' }] });
    await post(owner, '/api/v1/companies', { name: 'Sport Bar', phones: [{ label: '', value: '0039 (02) 12345678' }] });
    await post(owner, '/api/v1/companies', { name: 'Alfa', taxNumber: 'IT 01234567890' });
    await post(owner, '/api/v1/companies', { name: 'Alfa Group', taxNumber: 'it01234567890' });
    await post(owner, '/api/v1/companies', { name: 'Caffè  Centrale', city: 'Torino' });
    await post(owner, '/api/v1/companies', { name: 'caffè centrale', city: 'torino' });
    await post(owner, '/api/v1/companies', { name: 'Caffè Centrale', city: 'Napoli' });
    const found = await pairs(owner, 'company');
    expect(names(found)).toEqual([
      'Alfa + Alfa Group',
      'Bar Sport + Sport Bar',
      'Caffè  Centrale + caffè centrale',
      'Forno Rossi + Panificio Rossi S.r.l.',
    ]);
    expect(found.find((p) => p.a.name.startsWith('Alfa'))?.reasons).toEqual(['tax_number']);
    expect(found.find((p) => p.a.name.includes('Sport'))?.reasons).toEqual(['phone']);

    const alfa = found.find((p) => p.a.name.startsWith('Alfa')) as TDuplicatePair;
    const dismissed = await owner.request({
      method: 'POST',
      url: '/api/v1/duplicates/dismiss',
      payload: { entity: 'company', ids: [alfa.b.id, alfa.a.id] },
    });
    expect(dismissed.statusCode).toBe(204);
    expect(names(await pairs(owner, 'company'))).not.toContain('Alfa + Alfa Group');
    const bad = await owner.request({
      method: 'POST',
      url: '/api/v1/duplicates/dismiss',
      payload: { entity: 'company', ids: [alfa.a.id, alfa.a.id] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('warns before creating: same e-mail, or a name alike in the same city, among records the person may see', async () => {
    const b = await makeBakery(t);
    const mine = await post(b.employeeA.browser, '/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Rossi',
      city: 'Milano',
      emails: [{ label: '', value: 'anna@example.it' }],
    });
    await post(b.employeeB.browser, '/api/v1/contacts', {
      firstName: 'Marco',
      lastName: 'Bianchi',
      city: 'Roma',
      emails: [{ label: '', value: 'marco@example.it' }],
    });
    const check = async (browser: Browser, payload: Record<string, unknown>) => {
      const response = await browser.request({
        method: 'POST',
        url: '/api/v1/duplicates/check',
        payload: { entity: 'contact', ...payload },
      });
      expect(response.statusCode).toBe(200);
      return response.json().data as { record: { id: string; name: string }; reasons: string[] }[];
    };
    expect(await check(b.employeeA.browser, { firstName: 'Ana', lastName: 'Rossi', city: 'milano' })).toEqual([
      expect.objectContaining({ record: expect.objectContaining({ id: mine.id }), reasons: ['similar_name_city'] }),
    ]);
    expect(await check(b.employeeA.browser, { firstName: 'X', lastName: 'Y', emails: ['ANNA@example.it'] })).toEqual([
      expect.objectContaining({ reasons: ['email'] }),
    ]);
    // Another employee's contact is not shown; the admin sees it.
    expect(await check(b.employeeA.browser, { emails: ['marco@example.it'] })).toEqual([]);
    expect(await check(b.owner, { emails: ['marco@example.it'] })).toHaveLength(1);
    // Editing a record does not find itself.
    expect(await check(b.employeeA.browser, { emails: ['anna@example.it'], exceptId: mine.id })).toEqual([]);
  });
});

describe('merges', () => {
  it('merges two companies: chosen values, joined phones, contacts, list memberships and history move; undo puts it all back', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const keep = await post(owner, '/api/v1/companies', {
      name: 'Forno Rossi',
      city: 'Roma',
      phones: [{ label: 'shop', value: '+39 06 1111 2222' }],
      tags: ['horeca'],
    });
    const gone = await post(owner, '/api/v1/companies', {
      name: 'Forno Rossi S.r.l.',
      legalName: 'Forno Rossi S.r.l.',
      taxNumber: 'IT01234567890',
      city: 'Roma',
      phones: [{ label: 'office', value: '+39 06 3333 4444' }],
      emails: [{ label: '', value: 'ordini@fornorossi.it' }],
      tags: ['vip'],
    });
    await owner.request({ method: 'PATCH', url: `/api/v1/companies/${gone.id}`, payload: { notes: 'Pays on time' } });
    const anna = await post(owner, '/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Rossi',
      companies: [{ companyId: gone.id, role: 'Buyer' }],
    });
    const list = await post(owner, '/api/v1/lists', { entity: 'company', name: 'Christmas', shared: true });
    await owner.request({ method: 'POST', url: `/api/v1/lists/${list.id}/members`, payload: { ids: [gone.id] } });

    const response = await owner.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'company', survivorId: keep.id, mergedIds: [gone.id], values: { name: gone.id } },
    });
    expect(response.statusCode).toBe(201);
    const merge = response.json<TMerge>();
    expect(merge).toMatchObject({ survivorId: keep.id, mergedIds: [gone.id], mergedNames: ['Forno Rossi S.r.l.'], undoneAt: null });
    expect(merge.moved).toMatchObject({ links: 1, listMembers: 1 });
    expect(merge.moved.history).toBeGreaterThanOrEqual(2);

    const survivor = (await owner.request({ method: 'GET', url: `/api/v1/companies/${keep.id}` })).json();
    expect(survivor).toMatchObject({
      name: 'Forno Rossi S.r.l.',
      legalName: 'Forno Rossi S.r.l.',
      taxNumber: 'IT01234567890',
      notes: 'Pays on time',
      tags: ['horeca', 'vip'],
      emails: [{ label: '', value: 'ordini@fornorossi.it' }],
    });
    expect(survivor.phones.map((p: { value: string }) => p.value)).toEqual(['+39 06 1111 2222', '+39 06 3333 4444']);
    expect((await owner.request({ method: 'GET', url: `/api/v1/companies/${gone.id}` })).statusCode).toBe(404);
    const annaNow = (await owner.request({ method: 'GET', url: `/api/v1/contacts/${anna.id}` })).json();
    expect(annaNow.companies).toEqual([expect.objectContaining({ id: keep.id, role: 'Buyer' })]);
    const members = (await owner.request({ method: 'GET', url: `/api/v1/companies?filter[listId]=${list.id}` })).json();
    expect(members.data.map((c: { id: string }) => c.id)).toEqual([keep.id]);
    const history = (await owner.request({ method: 'GET', url: `/api/v1/companies/${keep.id}/history` })).json().data;
    expect(history.filter((h: { action: string }) => h.action === 'created')).toHaveLength(2);
    expect(history.at(-1).changes).toContainEqual({ field: 'mergedFrom', old: null, new: ['Forno Rossi S.r.l.'] });
    expect((await owner.request({ method: 'GET', url: `/api/v1/merges?recordId=${keep.id}` })).json().data).toHaveLength(1);

    const undone = await owner.request({ method: 'POST', url: `/api/v1/merges/${merge.id}/undo` });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().undoneAt).not.toBeNull();
    const back = (await owner.request({ method: 'GET', url: `/api/v1/companies/${keep.id}` })).json();
    expect(back).toMatchObject({ name: 'Forno Rossi', legalName: null, taxNumber: null, notes: null, tags: ['horeca'], emails: [] });
    expect(back.phones).toEqual([{ label: 'shop', value: '+39 06 1111 2222' }]);
    const restored = (await owner.request({ method: 'GET', url: `/api/v1/companies/${gone.id}` })).json();
    expect(restored).toMatchObject({ name: 'Forno Rossi S.r.l.', notes: 'Pays on time' });
    const annaBack = (await owner.request({ method: 'GET', url: `/api/v1/contacts/${anna.id}` })).json();
    expect(annaBack.companies).toEqual([expect.objectContaining({ id: gone.id, role: 'Buyer' })]);
    const goneHistory = (await owner.request({ method: 'GET', url: `/api/v1/companies/${gone.id}/history` })).json().data;
    expect(goneHistory[0].action).toBe('created');
    const again = await owner.request({ method: 'POST', url: `/api/v1/merges/${merge.id}/undo` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('merge_already_undone');

    // Merged again: the survivor takes the other's own history, not the entries of the first merge and its undo.
    const second = await owner.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'company', survivorId: keep.id, mergedIds: [gone.id] },
    });
    expect(second.statusCode).toBe(201);
    const after = (await owner.request({ method: 'GET', url: `/api/v1/companies/${keep.id}/history` })).json().data;
    expect(after.flatMap((h: { changes: { field: string }[] }) => h.changes.map((c) => c.field))).not.toContain('mergedInto');
  });

  it('merges contacts with their company links; refuses what the person may not do and changes nothing', async () => {
    const b = await makeBakery(t);
    const company = await post(b.owner, '/api/v1/companies', { name: 'Bar Centrale' });
    const first = await post(b.owner, '/api/v1/contacts', {
      firstName: 'Marco',
      lastName: 'Neri',
      emails: [{ label: '', value: 'marco@example.it' }],
    });
    const second = await post(b.owner, '/api/v1/contacts', {
      firstName: 'Marco',
      lastName: 'Neri',
      birthday: '1980-02-03',
      companies: [{ companyId: company.id, role: 'Owner' }],
    });
    const elios = await post(b.employeeA.browser, '/api/v1/contacts', { firstName: 'Elio', lastName: 'Uno' });
    const elios2 = await post(b.employeeA.browser, '/api/v1/contacts', { firstName: 'Elio', lastName: 'Due' });

    // An employee may not delete, so may not merge even their own records.
    const employee = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'contact', survivorId: elios.id, mergedIds: [elios2.id] },
    });
    expect(employee.statusCode).toBe(403);
    // Someone else's records are not found.
    const unseen = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'contact', survivorId: elios.id, mergedIds: [first.id] },
    });
    expect(unseen.statusCode).toBe(404);
    expect(unseen.json().errors).toEqual([{ path: 'mergedIds.0', message: 'No such record' }]);
    const badField = await b.owner.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'contact', survivorId: first.id, mergedIds: [second.id], values: { salary: second.id, birthday: company.id } },
    });
    expect(badField.statusCode).toBe(400);
    expect(
      badField
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['values.birthday', 'values.salary']);
    const self = await b.owner.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'contact', survivorId: first.id, mergedIds: [first.id] },
    });
    expect(self.statusCode).toBe(400);
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/contacts/${second.id}` })).statusCode).toBe(200);

    const merged = await b.owner.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { entity: 'contact', survivorId: first.id, mergedIds: [second.id] },
    });
    expect(merged.statusCode).toBe(201);
    const marco = (await b.owner.request({ method: 'GET', url: `/api/v1/contacts/${first.id}` })).json();
    expect(marco).toMatchObject({ birthday: '1980-02-03', emails: [{ value: 'marco@example.it' }] });
    expect(marco.companies).toEqual([expect.objectContaining({ id: company.id, role: 'Owner' })]);
    const other = await makeWorkspace(t);
    const stranger = await signIn(t, other.admin.email);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/merges/${merged.json().id}` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'POST', url: `/api/v1/merges/${merged.json().id}/undo` })).statusCode).toBe(404);
  });
});
