import { describe, expect, it } from 'vitest';
import { get, makeBakery, makeWorkspace, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('defined roles', () => {
  it('lets an admin define, change and delete a role; others get 403', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const role = await post(owner, '/api/v1/roles', {
      name: 'Cashier',
      baseRole: 'employee',
      permissions: { companies: { read: 'own', export: 'none' } },
      fieldRules: { companies: { creditLimit: 'hidden' } },
    });
    expect(role).toMatchObject({ name: 'Cashier', baseRole: 'employee', description: null, userCount: 0 });
    const changed = await owner.request({
      method: 'PATCH',
      url: `/api/v1/roles/${role.id}`,
      payload: { description: 'Till only', permissions: { companies: { read: 'all' } } },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ description: 'Till only', permissions: { companies: { read: 'all' } } });
    expect((await get(owner, '/api/v1/roles')).data.map((r: { name: string }) => r.name)).toEqual(['Cashier']);
    const duplicate = await owner.request({ method: 'POST', url: '/api/v1/roles', payload: { name: 'cashier', baseRole: 'manager' } });
    expect(duplicate.statusCode).toBe(409);
    for (const browser of [managerA.browser, employeeA.browser]) {
      expect((await browser.request({ method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(403);
      expect((await browser.request({ method: 'GET', url: '/api/v1/roles/catalogue' })).statusCode).toBe(403);
      expect((await browser.request({ method: 'POST', url: '/api/v1/roles', payload: { name: 'X', baseRole: 'admin' } })).statusCode).toBe(
        403,
      );
      expect((await browser.request({ method: 'DELETE', url: `/api/v1/roles/${role.id}` })).statusCode).toBe(403);
    }
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/roles/${role.id}` })).statusCode).toBe(204);
    expect((await owner.request({ method: 'GET', url: `/api/v1/roles/${role.id}` })).statusCode).toBe(404);
  });

  it('refuses unknown resources, actions, scopes and fields with the path', async () => {
    const { owner } = await makeBakery(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ permissions: { spaceships: { read: 'all' } } }, 'permissions.spaceships'],
      [{ permissions: { companies: { fly: 'all' } } }, 'permissions.companies.fly'],
      [{ permissions: { companies: { read: 'galaxy' } } }, 'permissions.companies.read'],
      [{ fieldRules: { companies: { shoeSize: 'hidden' } } }, 'fieldRules.companies.shoeSize'],
      [{ fieldRules: { companies: { creditLimit: 'blurred' } } }, 'fieldRules.companies.creditLimit'],
      [{ permissions: { users: { update: 'all' } } }, 'permissions.users'],
    ];
    for (const [extra, path] of cases) {
      const response = await owner.request({
        method: 'POST',
        url: '/api/v1/roles',
        payload: { name: 'Odd', baseRole: 'employee', ...extra },
      });
      expect(response.statusCode, path).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(owner, '/api/v1/roles')).data).toEqual([]);
  });

  it('offers the registered resources, protectable fields and custom fields in the catalogue', async () => {
    const { owner } = await makeBakery(t);
    await post(owner, '/api/v1/custom-fields', { entity: 'company', key: 'loyalty', label: 'Loyalty', type: 'text' });
    const catalogue = await get(owner, '/api/v1/roles/catalogue');
    const companies = catalogue.resources.find((r: { resource: string }) => r.resource === 'companies');
    expect(companies.actions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['read', 'create', 'update', 'delete']),
    );
    expect(companies.actions[0].scopes).toEqual(['none', 'own', 'unit_only', 'unit', 'all']);
    expect(catalogue.resources.map((r: { resource: string }) => r.resource)).not.toContain('users');
    expect(catalogue.fields.companies).toEqual(expect.arrayContaining(['creditLimit', 'custom.loyalty']));
    expect(catalogue.fields.deals).toContain('amount');
  });

  it('assigns a role to a user, sets the base role, reflects it in /me, and blocks deleting it while held', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const role = await post(owner, '/api/v1/roles', {
      name: 'Senior seller',
      baseRole: 'manager',
      permissions: { deals: { read: 'all' }, companies: { export: 'none' } },
      fieldRules: { deals: { amount: 'read_only' } },
    });
    const assigned = await owner.request({ method: 'PATCH', url: `/api/v1/users/${employeeA.user.id}`, payload: { roleId: role.id } });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ roleId: role.id, role: 'manager' });
    const me = await get(employeeA.browser, '/api/v1/me');
    expect(me.roleId).toBe(role.id);
    expect(me.permissions.deals.read).toBe('all');
    expect(me.permissions.companies.export).toBe('none');
    expect(me.fieldRules).toEqual({ deals: { amount: 'read_only' } });
    const session = await get(employeeA.browser, '/api/v1/auth/session');
    expect(session.user.fieldRules).toEqual({ deals: { amount: 'read_only' } });
    const relogged = await signIn(t, employeeA.user.email);
    expect(relogged.session.user.permissions.deals?.read).toBe('all');
    expect((await get(owner, `/api/v1/roles/${role.id}`)).userCount).toBe(1);

    const held = await owner.request({ method: 'DELETE', url: `/api/v1/roles/${role.id}` });
    expect(held.statusCode).toBe(409);
    expect(held.json().code).toBe('in_use');

    const back = await owner.request({
      method: 'PATCH',
      url: `/api/v1/users/${employeeA.user.id}`,
      payload: { roleId: null, role: 'employee' },
    });
    expect(back.json()).toMatchObject({ roleId: null, role: 'employee' });
    const plain = await get(employeeA.browser, '/api/v1/me');
    expect(plain.fieldRules).toEqual({});
    expect(plain.permissions.companies.read).toBe('own');
    expect(plain.permissions.companies.export).toBe('own');
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/roles/${role.id}` })).statusCode).toBe(204);
  });

  it('creates a user with a defined role, and refuses a role of another workspace', async () => {
    const { owner } = await makeBakery(t);
    const other = await makeWorkspace(t, { workspaceName: 'Elsewhere' });
    const stranger = await signIn(t, other.admin.email);
    const foreign = await post(stranger, '/api/v1/roles', { name: 'Foreign', baseRole: 'admin' });
    const refused = await owner.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: uniqueEmail(), name: 'Ugo', password: PASSWORD, roleId: foreign.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('roleId');
    const mine = await post(owner, '/api/v1/roles', { name: 'Baker', baseRole: 'employee' });
    const created = await post(owner, '/api/v1/users', {
      email: uniqueEmail(),
      name: 'Ugo',
      password: PASSWORD,
      roleId: mine.id,
      role: 'admin',
    });
    expect(created).toMatchObject({ roleId: mine.id, role: 'employee' });
    expect((await owner.request({ method: 'GET', url: `/api/v1/roles/${foreign.id}` })).statusCode).toBe(404);
  });
});
