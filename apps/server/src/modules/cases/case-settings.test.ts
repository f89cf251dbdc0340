import type { TCaseType } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('case types', () => {
  it('lists types with categories and usage for everyone; admins alone create, change and delete them', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const refused = await managerA.browser.request({ method: 'POST', url: '/api/v1/case-types', payload: { name: 'Delivery' } });
    expect(refused.statusCode).toBe(403);
    const type: TCaseType = await post(owner, '/api/v1/case-types', {
      name: 'Product complaint',
      categories: [{ name: 'Quality' }, { name: 'Packaging', position: 5 }],
    });
    expect(type).toMatchObject({ kind: 'complaint', active: true, cases: 0 });
    expect(type.categories.map((c) => c.name)).toEqual(['Quality', 'Packaging']);
    const listed = await get(employeeA.browser, '/api/v1/case-types');
    expect(listed.data).toHaveLength(1);

    const company = await post(owner, '/api/v1/companies', { name: 'Gipsoplit' });
    const [quality, packaging] = type.categories;
    await post(employeeA.browser, '/api/v1/cases', {
      subject: 'Cracks',
      typeId: type.id,
      categoryId: packaging?.id,
      channel: 'phone',
      companyId: company.id,
    });
    // Replace: Quality kept and renamed, Packaging (used) deactivated, Storage added.
    const patched = await owner.request({
      method: 'PATCH',
      url: `/api/v1/case-types/${type.id}`,
      payload: { kind: 'request', categories: [{ id: quality?.id, name: 'Product quality' }, { name: 'Storage' }] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after: TCaseType = patched.json();
    expect(after).toMatchObject({ kind: 'request', cases: 1 });
    expect(after.categories.map((c) => [c.name, c.active]).sort()).toEqual([
      ['Packaging', false],
      ['Product quality', true],
      ['Storage', true],
    ]);
    expect(after.categories.find((c) => c.name === 'Product quality')?.id).toBe(quality?.id);
    // Dropped again without cases: removed.
    const storage = after.categories.find((c) => c.name === 'Storage');
    const trimmed: TCaseType = (
      await owner.request({
        method: 'PATCH',
        url: `/api/v1/case-types/${type.id}`,
        payload: { categories: [{ id: quality?.id, name: 'Q' }] },
      })
    ).json();
    expect(trimmed.categories.map((c) => c.id)).not.toContain(storage?.id);

    const inUse = await owner.request({ method: 'DELETE', url: `/api/v1/case-types/${type.id}` });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('in_use');
    const spare: TCaseType = await post(owner, '/api/v1/case-types', { name: 'Spare', kind: 'question' });
    expect((await employeeA.browser.request({ method: 'DELETE', url: `/api/v1/case-types/${spare.id}` })).statusCode).toBe(403);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/case-types/${spare.id}` })).statusCode).toBe(204);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/case-types/${spare.id}` })).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and another workspace’s type', async () => {
    const { owner } = await makeBakery(t);
    const other = await makeBakery(t);
    const type: TCaseType = await post(owner, '/api/v1/case-types', { name: 'Question', kind: 'question' });
    const bad = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>, path: string) => {
      const response = await owner.request({ method, url, payload });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await bad('POST', '/api/v1/case-types', { name: '' }, 'name');
    await bad('POST', '/api/v1/case-types', { name: 'Other', kind: 'rant' }, 'kind');
    await bad('POST', '/api/v1/case-types', { name: 'question' }, 'name');
    await bad('POST', '/api/v1/case-types', { name: 'Two', categories: [{ name: 'A' }, { name: 'a' }] }, 'categories.1.name');
    await bad('PATCH', `/api/v1/case-types/${type.id}`, { categories: [{ id: other.shopA.id, name: 'X' }] }, 'categories.0.id');
    const types = await get(owner, '/api/v1/case-types');
    expect(types.data.map((x: TCaseType) => x.name)).toEqual(['Question']);
    const foreign = await other.owner.request({ method: 'PATCH', url: `/api/v1/case-types/${type.id}`, payload: { name: 'Mine' } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('routing rules', () => {
  it('are kept in order by admins; their references must exist in the workspace and the person be active', async () => {
    const { owner, managerA, employeeA, employeeB, shopA, shopB } = await makeBakery(t);
    const other = await makeBakery(t);
    const type: TCaseType = await post(owner, '/api/v1/case-types', { name: 'Complaint', categories: [{ name: 'Quality' }] });
    const second = await post(owner, '/api/v1/case-routing-rules', { name: 'Second', position: 2, unitId: shopB.id });
    const first = await post(owner, '/api/v1/case-routing-rules', {
      name: 'First',
      position: 1,
      typeId: type.id,
      categoryId: type.categories[0]?.id,
      customerClass: 'A',
      channel: 'email',
      unitId: shopA.id,
      userId: employeeA.user.id,
    });
    expect(first).toMatchObject({
      type: { id: type.id, name: 'Complaint' },
      category: { name: 'Quality' },
      unit: { name: 'Via Roma' },
      user: { id: employeeA.user.id },
      process: null,
    });
    const listed = await get(employeeA.browser, '/api/v1/case-routing-rules');
    expect(listed.data.map((r: { id: string }) => r.id)).toEqual([first.id, second.id]);
    expect(
      (await managerA.browser.request({ method: 'POST', url: '/api/v1/case-routing-rules', payload: { name: 'x', unitId: shopA.id } }))
        .statusCode,
    ).toBe(403);
    const bad = async (payload: Record<string, unknown>, path: string) => {
      const response = await owner.request({ method: 'POST', url: '/api/v1/case-routing-rules', payload: { name: 'Bad', ...payload } });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await bad({}, 'unitId');
    await bad({ unitId: other.shopA.id }, 'unitId');
    await bad({ userId: other.employeeA.user.id }, 'userId');
    await bad({ unitId: shopA.id, userId: employeeB.user.id }, 'userId');
    await bad({ unitId: shopA.id, typeId: other.shopA.id }, 'typeId');
    await bad({ unitId: shopA.id, categoryId: shopA.id }, 'categoryId');
    await bad({ unitId: shopA.id, productId: shopA.id }, 'productId');
    await bad({ processDefinitionId: shopA.id }, 'processDefinitionId');
    await bad({ unitId: shopA.id, customerClass: 'D' }, 'customerClass');
    await owner.request({ method: 'PATCH', url: `/api/v1/users/${employeeB.user.id}`, payload: { active: false } });
    await bad({ userId: employeeB.user.id }, 'userId');

    const moved = await owner.request({ method: 'PATCH', url: `/api/v1/case-routing-rules/${second.id}`, payload: { position: 0 } });
    expect(moved.json().position).toBe(0);
    const badPatch = await owner.request({ method: 'PATCH', url: `/api/v1/case-routing-rules/${second.id}`, payload: { unitId: null } });
    expect(badPatch.statusCode).toBe(400);
    expect((await get(owner, '/api/v1/case-routing-rules')).data.map((r: { id: string }) => r.id)).toEqual([second.id, first.id]);
    expect((await other.owner.request({ method: 'DELETE', url: `/api/v1/case-routing-rules/${first.id}` })).statusCode).toBe(404);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/case-routing-rules/${first.id}` })).statusCode).toBe(204);
    expect((await get(owner, '/api/v1/case-routing-rules')).data).toHaveLength(1);
  });
});
