import { describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function admin() {
  const made = await makeWorkspace(t);
  return signIn(t, made.admin.email);
}

describe('organisational units', () => {
  it('builds a tree of branches and departments with member counts', async () => {
    const browser = await admin();
    const shop = (await browser.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Via Roma shop' } })).json();
    const sales = await browser.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Sales', parentId: shop.id } });
    expect(sales.statusCode).toBe(201);
    await browser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: uniqueEmail(), name: 'Seller', password: PASSWORD, unitId: sales.json().id },
    });
    const list = (await browser.request({ method: 'GET', url: '/api/v1/units' })).json();
    expect(list.data).toEqual([
      expect.objectContaining({ name: 'Sales', parentId: shop.id, memberCount: 1 }),
      expect.objectContaining({ name: 'Via Roma shop', parentId: null, memberCount: 0 }),
    ]);
  });

  it('refuses to move a unit below itself (409 unit_cycle)', async () => {
    const browser = await admin();
    const top = (await browser.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Top' } })).json();
    const child = (await browser.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Child', parentId: top.id } })).json();
    const cycle = await browser.request({ method: 'PATCH', url: `/api/v1/units/${top.id}`, payload: { parentId: child.id } });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().code).toBe('unit_cycle');
    const self = await browser.request({ method: 'PATCH', url: `/api/v1/units/${top.id}`, payload: { parentId: top.id } });
    expect(self.statusCode).toBe(409);
    expect((await browser.request({ method: 'GET', url: `/api/v1/units/${top.id}` })).json().parentId).toBeNull();
  });

  it('deletes only empty leaves', async () => {
    const browser = await admin();
    const top = (await browser.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Top' } })).json();
    const leaf = (await browser.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Leaf', parentId: top.id } })).json();
    const withChildren = await browser.request({ method: 'DELETE', url: `/api/v1/units/${top.id}` });
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().code).toBe('unit_has_children');
    const user = await browser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: uniqueEmail(), name: 'Member', password: PASSWORD, unitId: leaf.id },
    });
    const withMembers = await browser.request({ method: 'DELETE', url: `/api/v1/units/${leaf.id}` });
    expect(withMembers.statusCode).toBe(409);
    expect(withMembers.json().code).toBe('unit_in_use');
    await browser.request({ method: 'PATCH', url: `/api/v1/users/${user.json().id}`, payload: { unitId: null } });
    expect((await browser.request({ method: 'DELETE', url: `/api/v1/units/${leaf.id}` })).statusCode).toBe(204);
    expect((await browser.request({ method: 'DELETE', url: `/api/v1/units/${top.id}` })).statusCode).toBe(204);
    expect((await browser.request({ method: 'GET', url: '/api/v1/units' })).json().total).toBe(0);
  });

  it('lets employees read the chart but not change it', async () => {
    const browser = await admin();
    const email = uniqueEmail();
    await browser.request({ method: 'POST', url: '/api/v1/users', payload: { email, name: 'Emp', password: PASSWORD } });
    const employee = await signIn(t, email);
    expect((await employee.request({ method: 'GET', url: '/api/v1/units' })).statusCode).toBe(200);
    const create = await employee.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Mine' } });
    expect(create.statusCode).toBe(403);
  });
});
