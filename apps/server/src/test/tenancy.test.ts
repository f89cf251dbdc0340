import { describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD, signIn, uniqueEmail, useTestApp } from './harness.ts';

const t = useTestApp();

/** Two companies on one installation: nothing of one may reach the other. */
describe('workspace isolation', () => {
  async function twoWorkspaces() {
    const a = await makeWorkspace(t, { workspaceName: 'Alpha Bakery' });
    const b = await makeWorkspace(t, { workspaceName: 'Beta Furniture' });
    const adminA = await signIn(t, a.admin.email);
    const adminB = await signIn(t, b.admin.email);
    const unitB = (await adminB.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Beta Warehouse' } })).json();
    const userB = (
      await adminB.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: uniqueEmail('beta'), name: 'Zebedeo Betti', password: PASSWORD, unitId: unitB.id },
      })
    ).json();
    const tokenB = (await adminB.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'B token' } })).json();
    return { adminA, unitB, userB, tokenB, b };
  }

  it('answers 404 for records of another workspace, by id', async () => {
    const { adminA, unitB, userB, tokenB, b } = await twoWorkspaces();
    for (const url of [`/api/v1/users/${userB.id}`, `/api/v1/users/${b.admin.id}`, `/api/v1/units/${unitB.id}`]) {
      const response = await adminA.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    const writes = [
      { method: 'PATCH' as const, url: `/api/v1/users/${userB.id}`, payload: { role: 'admin' } },
      { method: 'PATCH' as const, url: `/api/v1/units/${unitB.id}`, payload: { name: 'Taken' } },
      { method: 'DELETE' as const, url: `/api/v1/units/${unitB.id}` },
      { method: 'DELETE' as const, url: `/api/v1/api-tokens/${tokenB.id}` },
    ];
    for (const write of writes) {
      const response = await adminA.request(write);
      expect(response.statusCode, `${write.method} ${write.url}`).toBe(404);
    }
    const adminB = await signIn(t, b.admin.email);
    expect((await adminB.request({ method: 'GET', url: `/api/v1/users/${userB.id}` })).json()).toMatchObject({
      role: 'employee',
      active: true,
    });
    expect((await adminB.request({ method: 'GET', url: `/api/v1/units/${unitB.id}` })).json().name).toBe('Beta Warehouse');
  });

  it('never lists records of another workspace', async () => {
    const { adminA } = await twoWorkspaces();
    const users = (await adminA.request({ method: 'GET', url: '/api/v1/users?limit=200' })).json();
    expect(users.total).toBe(1);
    expect(users.data.map((u: { name: string }) => u.name)).toEqual(['Anna Rossi']);
    expect((await adminA.request({ method: 'GET', url: '/api/v1/users?q=Zebedeo' })).json().total).toBe(0);
    expect((await adminA.request({ method: 'GET', url: '/api/v1/units' })).json().total).toBe(0);
    expect((await adminA.request({ method: 'GET', url: '/api/v1/api-tokens' })).json().total).toBe(0);
  });

  it('never finds records of another workspace in search', async () => {
    const { adminA } = await twoWorkspaces();
    await adminA.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Alpha Warehouse' } });
    const hits = (await adminA.request({ method: 'GET', url: '/api/v1/search?q=Warehouse' })).json().data;
    expect(hits.map((h: { title: string }) => h.title)).toEqual(['Alpha Warehouse']);
    expect((await adminA.request({ method: 'GET', url: '/api/v1/search?q=Zebedeo' })).json().data).toEqual([]);
  });

  it('finds people and units of the own workspace, fuzzily', async () => {
    const a = await makeWorkspace(t);
    const admin = await signIn(t, a.admin.email);
    await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: uniqueEmail(), name: 'Giuseppe Verdi', password: PASSWORD },
    });
    const hits = (await admin.request({ method: 'GET', url: '/api/v1/search?q=Guiseppe' })).json().data;
    expect(hits[0]).toMatchObject({ type: 'user', title: 'Giuseppe Verdi' });
    const empty = await admin.request({ method: 'GET', url: '/api/v1/search?q=' });
    expect(empty.statusCode).toBe(400);
  });

  it("keeps another workspace's activities, agreements, contracts, files, tasks and calendar out of reach, even of an admin", async () => {
    const { adminA, b } = await twoWorkspaces();
    const adminB = await signIn(t, b.admin.email);
    const made = async (url: string, payload: Record<string, unknown>) => (await adminB.request({ method: 'POST', url, payload })).json();
    const company = await made('/api/v1/companies', { name: 'Beta Sofas' });
    const call = await made('/api/v1/activities', {
      type: 'meeting',
      subject: 'Beta secret meeting',
      companyIds: [company.id],
      occurredAt: new Date().toISOString(),
    });
    const agreement = await made('/api/v1/agreements', { title: 'Beta secret discount', companyId: company.id, resource: 'Beta showroom' });
    const contract = await made('/api/v1/contracts', { number: 'B-1', subject: 'Beta supply', companyId: company.id });
    const task = await made('/api/v1/tasks', { title: 'Beta secret delivery', assigneeId: b.admin.id, companyIds: [company.id] });
    const form = new FormData();
    form.append('entityType', 'company');
    form.append('entityId', company.id);
    form.append('file', new Blob(['beta secret'], { type: 'text/plain' }), 'beta-secret.txt');
    const body = new Response(form);
    const file = (
      await adminB.request({
        method: 'POST',
        url: '/api/v1/attachments',
        payload: Buffer.from(await body.arrayBuffer()),
        headers: { 'content-type': body.headers.get('content-type') as string },
      })
    ).json();
    for (const url of [
      `/api/v1/activities/${call.id}`,
      `/api/v1/agreements/${agreement.id}`,
      `/api/v1/contracts/${contract.id}`,
      `/api/v1/contracts/${contract.id}/agreements`,
      `/api/v1/companies/${company.id}/timeline`,
      `/api/v1/attachments/${file.id}/file`,
      `/api/v1/attachments?entityType=company&entityId=${company.id}`,
      `/api/v1/tasks/${task.id}`,
    ]) {
      expect((await adminA.request({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    for (const write of [
      { method: 'PATCH' as const, url: `/api/v1/activities/${call.id}`, payload: { subject: 'x' } },
      { method: 'PATCH' as const, url: `/api/v1/agreements/${agreement.id}`, payload: { status: 'cancelled' } },
      { method: 'PATCH' as const, url: `/api/v1/contracts/${contract.id}`, payload: { renewal: 'ended' } },
      { method: 'DELETE' as const, url: `/api/v1/attachments/${file.id}` },
      { method: 'POST' as const, url: '/api/v1/activities', payload: { type: 'note', companyIds: [company.id] } },
      { method: 'PATCH' as const, url: `/api/v1/tasks/${task.id}`, payload: { title: 'x' } },
      { method: 'POST' as const, url: `/api/v1/tasks/${task.id}/transitions`, payload: { to: 'declined', reason: 'x' } },
      { method: 'POST' as const, url: '/api/v1/tasks', payload: { title: 'x', assigneeId: b.admin.id } },
    ]) {
      expect([400, 404], `${write.method} ${write.url}`).toContain((await adminA.request(write)).statusCode);
    }
    for (const url of ['/api/v1/activities', '/api/v1/agreements', '/api/v1/contracts', '/api/v1/tasks']) {
      expect((await adminA.request({ method: 'GET', url })).json().total, url).toBe(0);
    }
    const week = `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
    expect((await adminA.request({ method: 'GET', url: `/api/v1/calendar?${week}&scope=company` })).json().data).toEqual([]);
    for (const q of ['Beta secret', 'showroom', 'beta-secret']) {
      expect((await adminA.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` })).json().data, q).toEqual([]);
    }
    expect((await adminB.request({ method: 'GET', url: `/api/v1/agreements/${agreement.id}` })).json().status).toBe('agreed');
  });
});
