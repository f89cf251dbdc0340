import type { TAuditEvent, TAuditEventList, TImport } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, PASSWORD, post, signIn, useTestApp } from '../../test/harness.ts';
import { pruneAuditEvents } from './prune-audit-events.ts';

const t = useTestApp();

const log = async (browser: Browser, query = ''): Promise<TAuditEventList> => {
  const response = await browser.request({ method: 'GET', url: `/api/v1/audit-log${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const events = async (browser: Browser, action: string): Promise<TAuditEvent[]> => (await log(browser, `?action=${action}&limit=200`)).data;

/** A multipart upload of a small companies file, as the browser sends it. */
function companiesFile(csv: string) {
  const boundary = '----audit-test';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\ncompany\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="shops.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the audit log', () => {
  it('records sign-ins that worked and failed, and sign-outs, with the address and browser; no password is kept', async () => {
    const { admin } = await makeWorkspace(t);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: 'not the password at all' },
      headers: { 'user-agent': 'AuditTest/1.0' },
    });
    expect(wrong.statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.test', password: PASSWORD },
    });
    expect(unknown.statusCode).toBe(401);
    const owner = await signIn(t, admin.email);
    const failed = await events(owner, 'auth.login_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ actorName: admin.email, actorId: admin.id, outcome: 'failure', userAgent: 'AuditTest/1.0' });
    expect(failed[0]?.ip).toBeTruthy();
    const logins = await events(owner, 'auth.login');
    expect(logins[0]).toMatchObject({ actorKind: 'user', actorId: admin.id, actorName: 'Anna Rossi', outcome: 'success' });
    const everything = JSON.stringify(await log(owner, '?limit=200'));
    expect(everything).not.toContain('not the password at all');
    expect(everything).not.toContain('nobody@example.test');

    expect((await owner.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    const again = await signIn(t, admin.email);
    expect(await events(again, 'auth.logout')).toEqual([expect.objectContaining({ actorId: admin.id })]);
  });

  it('records refusals, deletions, exports, imports, merges and role changes, and is for admins only', async () => {
    const b = await makeBakery(t);
    const employeeId = b.employeeA.user.id;

    // A refusal: an employee tries to read the audit log itself.
    const refused = await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/audit-log' });
    expect(refused.statusCode).toBe(403);
    expect(
      (await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/audit-log/00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(403);
    const denied = await events(b.owner, 'access.denied');
    expect(denied[0]).toMatchObject({ actorId: employeeId, outcome: 'denied', request: expect.stringContaining('GET /api/v1/audit-log') });

    // A deletion.
    const doomed = await post(b.owner, '/api/v1/companies', { name: 'Forno Chiuso' });
    expect((await b.owner.request({ method: 'DELETE', url: `/api/v1/companies/${doomed.id}` })).statusCode).toBeLessThan(300);
    expect(await events(b.owner, 'delete')).toEqual([expect.objectContaining({ entity: 'companies', recordId: doomed.id })]);

    // Exports: a streamed file and an xlsx one.
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?format=csv' })).statusCode).toBe(200);
    const exports = await events(b.owner, 'export');
    expect(exports).toEqual([expect.objectContaining({ entity: 'companies', details: expect.objectContaining({ format: 'csv' }) })]);

    // An import started, and its report downloaded.
    const upload = await b.owner.request({ method: 'POST', url: '/api/v1/imports', ...companiesFile('name\nPanificio Alba\n') });
    expect(upload.statusCode, upload.body).toBe(201);
    const imported = upload.json<TImport>();
    expect((await b.owner.request({ method: 'POST', url: `/api/v1/imports/${imported.id}/run` })).statusCode).toBe(202);
    for (let i = 0; i < 100; i += 1) {
      const status = (await get(b.owner, `/api/v1/imports/${imported.id}`)).status;
      if (status === 'done' || status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await events(b.owner, 'import')).toEqual([expect.objectContaining({ entity: 'imports', recordId: imported.id })]);
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/imports/${imported.id}/report` })).statusCode).toBe(200);
    expect((await events(b.owner, 'export'))[0]).toMatchObject({ entity: 'imports', recordId: imported.id });

    // A merge and its undoing.
    const survivor = await post(b.owner, '/api/v1/companies', { name: 'Panificio Sole' });
    const twin = await post(b.owner, '/api/v1/companies', { name: 'Panificio Sole srl' });
    const merge = await post(b.owner, '/api/v1/merges', { entity: 'company', survivorId: survivor.id, mergedIds: [twin.id] });
    expect((await b.owner.request({ method: 'POST', url: `/api/v1/merges/${merge.id}/undo` })).statusCode).toBe(200);
    const merges = await events(b.owner, 'merge');
    expect(merges).toHaveLength(2);
    expect(merges[1]).toMatchObject({ entity: 'company', recordId: survivor.id, details: { undo: false, mergedIds: [twin.id] } });
    expect(merges[0]).toMatchObject({ details: { undo: true, mergeId: merge.id } });

    // A role change, with both sides.
    const patched = await b.owner.request({ method: 'PATCH', url: `/api/v1/users/${employeeId}`, payload: { role: 'manager' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const changes = await events(b.owner, 'role.change');
    expect(changes[0]).toMatchObject({
      entity: 'users',
      recordId: employeeId,
      details: { before: { role: 'employee' }, after: { role: 'manager' } },
    });
    // Creating a person with a role is recorded too, without their password.
    expect(changes.some((c) => c.entity === 'users' && c.details.after && (c.details.after as { role?: string }).role === 'employee')).toBe(
      true,
    );
    expect(JSON.stringify(changes)).not.toContain(PASSWORD);

    // One event read alone; filters by several actions, outcome, person and text.
    const one = await b.owner.request({ method: 'GET', url: `/api/v1/audit-log/${merges[0]?.id}` });
    expect(one.json()).toMatchObject({ id: merges[0]?.id, action: 'merge' });
    const several = await log(b.owner, '?action=merge&action=delete');
    expect(several.total).toBe(3);
    expect(several.data.every((e) => e.action === 'merge' || e.action === 'delete')).toBe(true);
    expect((await log(b.owner, `?outcome=denied&actor=${employeeId}`)).total).toBe(2);
    expect((await log(b.owner, `?q=${doomed.id}`)).data.map((e) => e.action)).toEqual(['delete']);
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/audit-log?action=nonsense' })).statusCode).toBe(400);
  });

  it('records every request made with an API token, naming the token but never its secret', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const token = await post(owner, '/api/v1/api-tokens', { name: 'Nightly sync' });
    const bearer = { authorization: `Bearer ${token.secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: bearer })).statusCode).toBe(200);
    const used = await events(owner, 'token.use');
    expect(used).toHaveLength(2);
    expect(used[0]).toMatchObject({
      actorKind: 'token',
      actorId: admin.id,
      request: 'GET /api/v1/contacts',
      details: { tokenId: token.id, tokenName: 'Nightly sync', status: 200 },
    });
    expect(JSON.stringify(await log(owner, '?limit=200'))).not.toContain(token.secret);
  });

  it('pages newest first, reads days in the reader time zone, and keeps workspaces apart', async () => {
    const { admin, workspace } = (await makeWorkspace(t)) as unknown as { admin: { id: string; email: string }; workspace: { id: string } };
    const other = await makeWorkspace(t);
    for (const [at, action] of [
      ['2026-03-01T23:30:00Z', 'delete'], // 2 March in Rome
      ['2026-03-01T12:00:00Z', 'export'],
      ['2026-02-27T12:00:00Z', 'import'],
    ] as const) {
      await t.pool.query(`INSERT INTO audit_event (workspace_id, at, actor_kind, action) VALUES ($1, $2, 'system', $3)`, [
        workspace.id,
        at,
        action,
      ]);
    }
    const owner = await signIn(t, admin.email);
    const first = await log(owner, '?limit=2&to=2026-03-31');
    expect(first.data.map((e) => e.action)).toEqual(['delete', 'export']);
    expect(first.total).toBe(3);
    const second = await log(owner, `?limit=2&to=2026-03-31&cursor=${first.nextCursor}`);
    expect(second.data.map((e) => e.action)).toEqual(['import']);
    expect(second.nextCursor).toBeNull();
    expect((await log(owner, '?from=2026-03-02&to=2026-03-02')).data.map((e) => e.action)).toEqual(['delete']);
    expect((await owner.request({ method: 'GET', url: '/api/v1/audit-log?cursor=bogus' })).statusCode).toBe(400);

    const stranger = await signIn(t, other.admin.email);
    expect((await log(stranger, '?to=2026-03-31')).total).toBe(0);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/audit-log/${first.data[0]?.id}` })).statusCode).toBe(404);
  });

  it('cannot be changed through the application nor in SQL', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const [event] = (await log(owner)).data;
    if (!event) throw new Error('no event');
    for (const method of ['PATCH', 'DELETE', 'PUT'] as const) {
      const response = await owner.request({ method, url: `/api/v1/audit-log/${event.id}`, payload: { action: 'nothing' } });
      expect([404, 405]).toContain(response.statusCode);
    }
    expect(
      (await owner.request({ method: 'POST', url: '/api/v1/audit-log', payload: { action: 'nothing' } })).statusCode,
    ).toBeGreaterThanOrEqual(404);
    await expect(t.pool.query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [event.id])).rejects.toThrow(/cannot be changed/);
    expect((await owner.request({ method: 'GET', url: `/api/v1/audit-log/${event.id}` })).json()).toEqual(event);
  });

  it('keeps events as long as the workspace says, which admins set between 30 and 3650 days', async () => {
    const b = await makeBakery(t);
    const settings = await get(b.owner, '/api/v1/workspace');
    expect(settings.auditRetentionDays).toBe(365);
    for (const days of [29, 3651]) {
      const response = await b.owner.request({ method: 'PATCH', url: '/api/v1/workspace', payload: { auditRetentionDays: days } });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
    expect(
      (await b.managerA.browser.request({ method: 'PATCH', url: '/api/v1/workspace', payload: { auditRetentionDays: 60 } })).statusCode,
    ).toBe(403);
    const saved = await b.owner.request({ method: 'PATCH', url: '/api/v1/workspace', payload: { auditRetentionDays: 90 } });
    expect(saved.json().auditRetentionDays).toBe(90);

    const workspaceId = settings.id;
    const other = (await makeWorkspace(t)) as unknown as { workspace: { id: string } };
    const now = new Date('2026-06-01T00:00:00Z');
    for (const [id, daysAgo] of [
      [workspaceId, 91],
      [workspaceId, 89],
      [other.workspace.id, 91],
    ] as const) {
      await t.pool.query(
        `INSERT INTO audit_event (workspace_id, at, actor_kind, action) VALUES ($1, $2::timestamptz - make_interval(days => $3), 'system', 'old')`,
        [id, now.toISOString(), daysAgo],
      );
    }
    expect(await pruneAuditEvents(t.db, now)).toBeGreaterThanOrEqual(1);
    const left = await t.pool.query(`SELECT workspace_id FROM audit_event WHERE action = 'old' ORDER BY workspace_id`);
    expect(left.rows.filter((row) => row.workspace_id === workspaceId)).toHaveLength(1);
    // The other workspace keeps a year.
    expect(left.rows.filter((row) => row.workspace_id === other.workspace.id)).toHaveLength(1);
  });
});
