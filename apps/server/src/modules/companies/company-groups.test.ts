import { describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function owner() {
  const { admin } = await makeWorkspace(t);
  return signIn(t, admin.email);
}

describe('client groups (linked legal entities)', () => {
  it('links a parent and a subsidiary into a group, visible on each member and on the group', async () => {
    const browser = await owner();
    const holding = await post(browser, '/api/v1/companies', { name: 'Rossi Holding' });
    const shop = await post(browser, '/api/v1/companies', { name: 'Rossi Retail', city: 'Roma' });
    const group = await post(browser, '/api/v1/company-groups', { name: 'Gruppo Rossi' });
    const parent = await browser.request({ method: 'PATCH', url: `/api/v1/companies/${holding.id}`, payload: { groupId: group.id } });
    expect(parent.json().group).toEqual({ id: group.id, name: 'Gruppo Rossi' });
    const child = await browser.request({
      method: 'PATCH',
      url: `/api/v1/companies/${shop.id}`,
      payload: { groupId: group.id, parentCompanyId: holding.id },
    });
    expect(child.statusCode).toBe(200);
    expect(child.json()).toMatchObject({ group: { id: group.id }, parentCompanyId: holding.id });

    const page = (await browser.request({ method: 'GET', url: `/api/v1/company-groups/${group.id}` })).json();
    expect(page).toMatchObject({ name: 'Gruppo Rossi', memberCount: 2 });
    expect(page.members).toEqual([
      expect.objectContaining({ name: 'Rossi Holding', parentCompanyId: null }),
      expect.objectContaining({ name: 'Rossi Retail', parentCompanyId: holding.id, city: 'Roma' }),
    ]);
    const members = (await browser.request({ method: 'GET', url: `/api/v1/companies?filter[groupId]=${group.id}` })).json();
    expect(members.total).toBe(2);
    const list = (await browser.request({ method: 'GET', url: '/api/v1/company-groups' })).json();
    expect(list.data).toEqual([expect.objectContaining({ name: 'Gruppo Rossi', memberCount: 2 })]);
  });

  it('refuses a company as its own parent, a parent outside the group and a cycle, naming the field', async () => {
    const browser = await owner();
    const group = await post(browser, '/api/v1/company-groups', { name: 'G' });
    const a = await post(browser, '/api/v1/companies', { name: 'A', groupId: group.id });
    const b = await post(browser, '/api/v1/companies', { name: 'B', groupId: group.id, parentCompanyId: a.id });
    const outsider = await post(browser, '/api/v1/companies', { name: 'Outsider' });

    const self = await browser.request({ method: 'PATCH', url: `/api/v1/companies/${a.id}`, payload: { parentCompanyId: a.id } });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toEqual([{ path: 'parentCompanyId', message: 'A company cannot be its own parent' }]);
    const cycle = await browser.request({ method: 'PATCH', url: `/api/v1/companies/${a.id}`, payload: { parentCompanyId: b.id } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].path).toBe('parentCompanyId');
    const foreignParent = await browser.request({
      method: 'PATCH',
      url: `/api/v1/companies/${b.id}`,
      payload: { parentCompanyId: outsider.id },
    });
    expect(foreignParent.statusCode).toBe(400);
    const noGroup = await browser.request({ method: 'PATCH', url: `/api/v1/companies/${outsider.id}`, payload: { groupId: b.id } });
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.json().errors).toEqual([{ path: 'groupId', message: 'No such group' }]);
    const newSelfParent = await browser.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: { name: 'C', parentCompanyId: a.id },
    });
    expect(newSelfParent.statusCode).toBe(400);
    expect(
      (await browser.request({ method: 'GET', url: '/api/v1/companies?q=C' })).json().data.map((c: { name: string }) => c.name),
    ).not.toContain('C');
    expect((await browser.request({ method: 'GET', url: `/api/v1/companies/${a.id}` })).json().parentCompanyId).toBeNull();
  });

  it('checks a new subsidiary after the right to create, and writes nothing when its parent is refused', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const email = uniqueEmail();
    const other = await post(browser, '/api/v1/users', { email, name: 'Emp', password: PASSWORD });
    const employee = await signIn(t, email);
    const group = await post(browser, '/api/v1/company-groups', { name: 'G' });
    const elsewhere = await post(browser, '/api/v1/company-groups', { name: 'H' });
    const parent = await post(browser, '/api/v1/companies', { name: 'Parent', groupId: elsewhere.id });
    // An employee may not create for someone else: that answer comes first, and says nothing of the parent's group.
    const forAdmin = await employee.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: { name: 'Sub', groupId: group.id, parentCompanyId: parent.id, ownerId: admin.id },
    });
    expect(forAdmin.statusCode).toBe(403);
    const wrongGroup = await browser.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: { name: 'Sub', groupId: group.id, parentCompanyId: parent.id, ownerId: other.id },
    });
    expect(wrongGroup.statusCode).toBe(400);
    expect(wrongGroup.json().errors).toEqual([{ path: 'parentCompanyId', message: 'The parent must be a company of the same group' }]);
    expect((await browser.request({ method: 'GET', url: '/api/v1/companies?q=sub' })).json().total).toBe(0);
    const right = await browser.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: { name: 'Sub', groupId: elsewhere.id, parentCompanyId: parent.id },
    });
    expect(right.statusCode).toBe(201);
    const history = (await browser.request({ method: 'GET', url: `/api/v1/companies/${right.json().id}/history` })).json().data;
    expect(history[0].changes).toEqual(expect.arrayContaining([{ field: 'parentCompanyId', old: null, new: parent.id }]));
  });

  it('leaving a group frees the subsidiaries; dissolving it keeps the companies', async () => {
    const browser = await owner();
    const group = await post(browser, '/api/v1/company-groups', { name: 'G' });
    const a = await post(browser, '/api/v1/companies', { name: 'A', groupId: group.id });
    const b = await post(browser, '/api/v1/companies', { name: 'B', groupId: group.id, parentCompanyId: a.id });
    await browser.request({ method: 'PATCH', url: `/api/v1/companies/${a.id}`, payload: { groupId: null } });
    expect((await browser.request({ method: 'GET', url: `/api/v1/companies/${b.id}` })).json()).toMatchObject({
      parentCompanyId: null,
      group: { id: group.id },
    });
    expect((await browser.request({ method: 'DELETE', url: `/api/v1/company-groups/${group.id}` })).statusCode).toBe(204);
    expect((await browser.request({ method: 'GET', url: `/api/v1/companies/${b.id}` })).json().group).toBeNull();
  });

  it('lets employees see groups but not shape them, and shows them only members they may see', async () => {
    const browser = await owner();
    const email = uniqueEmail();
    await browser.request({ method: 'POST', url: '/api/v1/users', payload: { email, name: 'Emp', password: PASSWORD } });
    const employee = await signIn(t, email);
    const group = await post(browser, '/api/v1/company-groups', { name: 'G' });
    await post(browser, '/api/v1/companies', { name: 'Admin’s', groupId: group.id });
    const mine = await post(employee, '/api/v1/companies', { name: 'Mine' });
    expect(
      (await employee.request({ method: 'PATCH', url: `/api/v1/companies/${mine.id}`, payload: { groupId: group.id } })).statusCode,
    ).toBe(200);
    const seen = (await employee.request({ method: 'GET', url: `/api/v1/company-groups/${group.id}` })).json();
    expect(seen.members.map((m: { name: string }) => m.name)).toEqual(['Mine']);
    expect(seen.memberCount).toBe(2);
    expect((await employee.request({ method: 'POST', url: '/api/v1/company-groups', payload: { name: 'X' } })).statusCode).toBe(403);
    expect((await employee.request({ method: 'DELETE', url: `/api/v1/company-groups/${group.id}` })).statusCode).toBe(403);
  });
});
