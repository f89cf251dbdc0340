import { describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function adminOfNewWorkspace() {
  const made = await makeWorkspace(t);
  return { ...made, browser: await signIn(t, made.admin.email) };
}

describe('users', () => {
  it('an admin creates a user with a role and a unit; the user can sign in', async () => {
    const { browser } = await adminOfNewWorkspace();
    const unit = (await browser.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Second shop' } })).json();
    const email = uniqueEmail('marco');
    const created = await browser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, name: 'Marco Bianchi', password: PASSWORD, role: 'manager', unitId: unit.id, locale: 'it' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email, name: 'Marco Bianchi', role: 'manager', unitId: unit.id, locale: 'it', active: true });
    const marco = await signIn(t, email);
    expect(marco.session.user.role).toBe('manager');
  });

  it('rejects workspace_id and other unknown fields: no mass assignment', async () => {
    const other = await makeWorkspace(t);
    const { browser } = await adminOfNewWorkspace();
    const response = await browser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: uniqueEmail(),
        name: 'Intruder',
        password: PASSWORD,
        workspaceId: other.workspace.id,
        workspace_id: other.workspace.id,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['workspaceId', 'workspace_id']);
    const list = await browser.request({ method: 'GET', url: '/api/v1/users?q=Intruder' });
    expect(list.json().total).toBe(0);
  });

  it('does not let a user raise their own role through the profile', async () => {
    const { browser } = await adminOfNewWorkspace();
    const email = uniqueEmail();
    await browser.request({ method: 'POST', url: '/api/v1/users', payload: { email, name: 'Emp', password: PASSWORD } });
    const employee = await signIn(t, email);
    const response = await employee.request({ method: 'PATCH', url: '/api/v1/me', payload: { role: 'admin' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'role', message: 'Unknown field' }]);
    expect((await employee.request({ method: 'GET', url: '/api/v1/me' })).json().role).toBe('employee');
  });

  it('lets only admins create and change users (403 for others)', async () => {
    const { browser, admin } = await adminOfNewWorkspace();
    const email = uniqueEmail();
    await browser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, name: 'Manager', password: PASSWORD, role: 'manager' },
    });
    const manager = await signIn(t, email);
    const create = await manager.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: uniqueEmail(), name: 'X', password: PASSWORD },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('forbidden');
    const promote = await manager.request({ method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { role: 'employee' } });
    expect(promote.statusCode).toBe(403);
    expect((await manager.request({ method: 'GET', url: '/api/v1/users' })).json().total).toBe(2);
  });

  it('answers a duplicate e-mail with 409 email_taken and the field', async () => {
    const { browser, admin } = await adminOfNewWorkspace();
    const response = await browser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: admin.email.toUpperCase(), name: 'Twin', password: PASSWORD },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'email_taken', errors: [{ path: 'email' }] });
  });

  it('keeps the last active admin: demoting or deactivating them is refused', async () => {
    const { browser, admin } = await adminOfNewWorkspace();
    const demote = await browser.request({ method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { role: 'manager' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_admin');
    const deactivate = await browser.request({ method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { active: false } });
    expect(deactivate.statusCode).toBe(409);
    expect((await browser.request({ method: 'GET', url: '/api/v1/me' })).json()).toMatchObject({ role: 'admin', active: true });
  });

  it('rejects a unit of another workspace and weak passwords, writing nothing', async () => {
    const other = await makeWorkspace(t);
    const otherAdmin = await signIn(t, other.admin.email);
    const foreignUnit = (await otherAdmin.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Foreign' } })).json();
    const { browser } = await adminOfNewWorkspace();
    const email = uniqueEmail();
    const foreign = await browser.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, name: 'A', password: PASSWORD, unitId: foreignUnit.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ path: 'unitId', message: 'No such unit' }]);
    const weak = await browser.request({ method: 'POST', url: '/api/v1/users', payload: { email, name: 'A', password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('password');
    expect((await browser.request({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent(email)}` })).json().total).toBe(0);
  });

  it('pages with a cursor, sorts and filters', async () => {
    const { browser } = await adminOfNewWorkspace();
    for (const name of ['Bruno', 'Carla', 'Dario', 'Elena', 'Fabio']) {
      await browser.request({ method: 'POST', url: '/api/v1/users', payload: { email: uniqueEmail(name), name, password: PASSWORD } });
    }
    const first = (await browser.request({ method: 'GET', url: '/api/v1/users?limit=2&sort=name' })).json();
    expect(first.total).toBe(6);
    expect(first.data.map((u: { name: string }) => u.name)).toEqual(['Anna Rossi', 'Bruno']);
    const second = (await browser.request({ method: 'GET', url: `/api/v1/users?limit=2&sort=name&cursor=${first.nextCursor}` })).json();
    expect(second.data.map((u: { name: string }) => u.name)).toEqual(['Carla', 'Dario']);
    const third = (await browser.request({ method: 'GET', url: `/api/v1/users?limit=2&sort=name&cursor=${second.nextCursor}` })).json();
    expect(third.data.map((u: { name: string }) => u.name)).toEqual(['Elena', 'Fabio']);
    expect(third.nextCursor).toBeNull();

    const desc = (await browser.request({ method: 'GET', url: '/api/v1/users?limit=3&sort=-createdAt' })).json();
    expect(desc.data.map((u: { name: string }) => u.name)).toEqual(['Fabio', 'Elena', 'Dario']);
    const next = (await browser.request({ method: 'GET', url: `/api/v1/users?limit=3&sort=-createdAt&cursor=${desc.nextCursor}` })).json();
    expect(next.data.map((u: { name: string }) => u.name)).toEqual(['Carla', 'Bruno', 'Anna Rossi']);

    const admins = (await browser.request({ method: 'GET', url: '/api/v1/users?filter[role]=admin' })).json();
    expect(admins.data.map((u: { name: string }) => u.name)).toEqual(['Anna Rossi']);
    const searched = (await browser.request({ method: 'GET', url: '/api/v1/users?q=ari' })).json();
    expect(searched.data.map((u: { name: string }) => u.name)).toEqual(['Dario']);
  });

  it('answers bad list parameters with 400 and the parameter', async () => {
    const { browser } = await adminOfNewWorkspace();
    const badSort = await browser.request({ method: 'GET', url: '/api/v1/users?sort=passwordHash' });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().errors[0].path).toBe('sort');
    const badLimit = await browser.request({ method: 'GET', url: '/api/v1/users?limit=5000' });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().errors[0].path).toBe('limit');
    const badCursor = await browser.request({ method: 'GET', url: '/api/v1/users?cursor=garbage' });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe('cursor');
  });

  it('changes the own password: the old one stops working, other sessions end', async () => {
    const { admin, browser } = await adminOfNewWorkspace();
    const otherDevice = await signIn(t, admin.email);
    const wrong = await browser.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'nope', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'currentPassword', message: 'Wrong password' }]);
    const changed = await browser.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await browser.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await otherDevice.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    await expect(signIn(t, admin.email)).rejects.toThrow(/401/);
    await signIn(t, admin.email, 'a brand new passphrase');
  });

  it('remembers the language and time zone per user, and rejects unknown ones', async () => {
    const { browser } = await adminOfNewWorkspace();
    const ok = await browser.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'ru', timeZone: 'Europe/Moscow' } });
    expect(ok.json()).toMatchObject({ locale: 'ru', timeZone: 'Europe/Moscow' });
    const bad = await browser.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'de', timeZone: 'Mars/Olympus' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['locale', 'timeZone']);
    expect((await browser.request({ method: 'GET', url: '/api/v1/me' })).json()).toMatchObject({ locale: 'ru', timeZone: 'Europe/Moscow' });
  });
});
