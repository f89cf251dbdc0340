import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { bootstrapFromEnvironment } from './bootstrap.ts';

const t = useTestApp();

describe('first start', () => {
  it('asks for a workspace, creates it with its admin signed in, then refuses a second one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });

    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { workspaceName: '', name: 'Olga', email: 'not-an-email', password: 'short', timeZone: 'Nowhere/Land' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'password', 'timeZone', 'workspaceName']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        workspaceName: 'Пекарня Ольги',
        name: 'Ольга Иванова',
        email: 'olga@example.test',
        password: 'long enough password',
        locale: 'ru',
        timeZone: 'Europe/Moscow',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ role: 'admin', locale: 'ru', workspace: { name: 'Пекарня Ольги', slug: 'pekarnya-olgi' } });
    const cookie = created.cookies.find((c) => c.name === 'clientela_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { clientela_session: cookie?.value ?? '' } });
    expect(me.json().name).toBe('Ольга Иванова');

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { workspaceName: 'Hostile', name: 'Eve', email: 'eve@example.test', password: 'long enough password' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('setup_already_done');
  });

  it('skips the bootstrap variables once a workspace exists', async () => {
    const result = await bootstrapFromEnvironment(t.db, {
      adminEmail: 'late@example.test',
      adminPassword: 'long enough password',
      adminName: 'Late',
      workspaceName: 'Late Co',
    });
    expect(result).toBe('skipped');
  });
});
