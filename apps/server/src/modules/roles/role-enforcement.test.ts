import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

type Bakery = Awaited<ReturnType<typeof makeBakery>>;

/** Gives a person of the bakery a defined role and signs them in again. */
async function withRole(b: Bakery, person: Bakery['employeeA'], role: Record<string, unknown>): Promise<Browser> {
  const created = await post(b.owner, '/api/v1/roles', { name: `Role ${Math.random()}`, ...role });
  const assigned = await b.owner.request({ method: 'PATCH', url: `/api/v1/users/${person.user.id}`, payload: { roleId: created.id } });
  expect(assigned.statusCode).toBe(200);
  return signIn(t, person.user.email);
}

const NO_EXPORT = Object.fromEntries(
  ['companies', 'contacts', 'deals', 'leads', 'cases', 'analytics', 'sales'].map((r) => [r, { export: 'none' }]),
);

describe('a defined role is enforced', () => {
  it('answers 403 on every export path to a role without the export right, while a plain employee still exports', async () => {
    const b = await makeBakery(t);
    const restricted = await withRole(b, b.employeeA, { baseRole: 'employee', permissions: NO_EXPORT });
    const plain = b.employeeA2.browser;
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: { enum?: string[] } }[] }>>;
    };
    // Every path naming exports, and every GET offering `format=xlsx`, without ids of records to invent.
    const requests: { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> }[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      const url = path.replace(/^\/api\/v1/, '/api/v1');
      if (path.includes('export') && operations.get && path.includes('{resource}')) {
        for (const resource of ['companies', 'contacts', 'products'])
          requests.push({ method: 'GET', url: url.replace('{resource}', resource) });
      } else if (path.includes('export') && operations.post) {
        for (const resource of ['companies', 'contacts', 'products']) requests.push({ method: 'POST', url, payload: { resource } });
      }
      const xlsx = operations.get?.parameters?.some((p) => p.name === 'format' && p.schema?.enum?.includes('xlsx'));
      if (xlsx && !path.includes('{') && !path.includes('import')) requests.push({ method: 'GET', url: `${url}?format=xlsx` });
    }
    requests.push({
      method: 'POST',
      url: '/api/v1/reports/builder/run?format=xlsx',
      payload: { entity: 'companies', groupBy: 'status', thenBy: 'class' },
    });
    expect(requests.filter((r) => r.url.includes('/reports/')).length).toBeGreaterThan(3);
    for (const request of requests) {
      const response = await restricted.request(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    const allowed = await plain.request({ method: 'GET', url: '/api/v1/exports/companies' });
    expect(allowed.statusCode).toBe(200);
    const job = await plain.request({ method: 'POST', url: '/api/v1/exports', payload: { resource: 'contacts' } });
    expect(job.statusCode).toBe(202);
    expect((await plain.request({ method: 'GET', url: '/api/v1/reports/funnel?format=xlsx' })).statusCode).not.toBe(403);
  });

  it('refuses the file of an export job once its author has lost the export right', async () => {
    const b = await makeBakery(t);
    const started = await b.employeeA.browser.request({ method: 'POST', url: '/api/v1/exports', payload: { resource: 'contacts' } });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    let status = job.status;
    for (let i = 0; i < 100 && status !== 'done'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await get(b.employeeA.browser, `/api/v1/exports/jobs/${job.id}`)).status;
    }
    expect(status).toBe('done');
    expect((await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}/file` })).statusCode).toBe(200);
    const restricted = await withRole(b, b.employeeA, { baseRole: 'employee', permissions: NO_EXPORT });
    const refused = await restricted.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}/file` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
  });

  it('narrows the companies a role reads to its own: lists, counts, record pages and search follow', async () => {
    const b = await makeBakery(t);
    const mine = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const manager = await post(b.managerA.browser, '/api/v1/companies', { name: 'Forno Marta' });
    const narrowed = await withRole(b, b.managerA, { baseRole: 'manager', permissions: { companies: { read: 'own' } } });
    const list = await get(narrowed, '/api/v1/companies');
    expect(list.data.map((c: { id: string }) => c.id)).toEqual([manager.id]);
    expect(list.total).toBe(1);
    expect((await narrowed.request({ method: 'GET', url: `/api/v1/companies/${mine.id}` })).statusCode).toBe(404);
    const hits = (await get(narrowed, '/api/v1/search?q=Forno')).data.map((h: { id: string }) => h.id);
    expect(hits).not.toContain(mine.id);
    expect(hits).toContain(manager.id);
    // The plain manager of the same shop still sees both.
    const other = await withRole(b, b.employeeA2, { baseRole: 'manager' });
    expect((await get(other, '/api/v1/companies')).total).toBe(2);
  });

  it('narrows the leads a role reads: lists, counts, record pages and matches follow, and a share opens one again', async () => {
    const b = await makeBakery(t);
    const mine = await post(b.managerA.browser, '/api/v1/leads', { firstName: 'Marta', lastName: 'Lead', email: 'marta@lead.test' });
    const elios = await post(b.employeeA.browser, '/api/v1/leads', { firstName: 'Elio', lastName: 'Lead', email: 'elio@lead.test' });
    const own = await withRole(b, b.managerA, { baseRole: 'manager', permissions: { leads: { read: 'own' } } });
    const list = await get(own, '/api/v1/leads');
    expect(list.data.map((l: { id: string }) => l.id)).toEqual([mine.id]);
    expect(list.total).toBe(1);
    expect((await own.request({ method: 'GET', url: `/api/v1/leads/${elios.id}` })).statusCode).toBe(404);
    expect((await own.request({ method: 'GET', url: `/api/v1/leads/${elios.id}/matches` })).statusCode).toBe(404);
    expect((await own.request({ method: 'GET', url: `/api/v1/leads/${mine.id}` })).statusCode).toBe(200);

    // Reading nothing: no lead at all, until one is shared with the person.
    const none = await withRole(b, b.employeeA2, { baseRole: 'employee', permissions: { leads: { read: 'none' } } });
    expect((await get(none, '/api/v1/leads')).total).toBe(0);
    expect((await none.request({ method: 'GET', url: `/api/v1/leads/${elios.id}` })).statusCode).toBe(404);
    await post(b.employeeA.browser, '/api/v1/record-shares', {
      entity: 'leads',
      recordId: elios.id,
      userId: b.employeeA2.user.id,
      access: 'read',
    });
    const shared = await get(none, '/api/v1/leads');
    expect(shared.data.map((l: { id: string }) => l.id)).toEqual([elios.id]);
    expect((await none.request({ method: 'GET', url: `/api/v1/leads/${elios.id}` })).statusCode).toBe(200);
    // A share for reading is not one for changing.
    const patch = await none.request({ method: 'PATCH', url: `/api/v1/leads/${elios.id}`, payload: { city: 'Roma' } });
    expect(patch.statusCode).toBe(403);
  });

  it('narrows the cases a role reads: lists, counts, case pages, files and statistics follow, and a share opens one again', async () => {
    const b = await makeBakery(t);
    const type = await post(b.owner, '/api/v1/case-types', { name: 'Complaint', kind: 'complaint' });
    const customer = await post(b.owner, '/api/v1/companies', { name: 'Gipsoplit' });
    const newCase = (ownerId: string, subject: string) =>
      post(b.owner, '/api/v1/cases', { subject, typeId: type.id, channel: 'phone', companyId: customer.id, ownerId, unitId: b.shopA.id });
    const martas = await newCase(b.managerA.user.id, 'Marta case');
    const elios = await newCase(b.employeeA.user.id, 'Elio case');
    const own = await withRole(b, b.managerA, { baseRole: 'manager', permissions: { cases: { read: 'own' } } });
    const list = await get(own, '/api/v1/cases');
    expect(list.data.map((c: { id: string }) => c.id)).toEqual([martas.id]);
    expect(list.total).toBe(1);
    const opened = (id: string, who = own) => who.request({ method: 'GET', url: `/api/v1/cases/${id}` });
    expect((await opened(elios.id)).statusCode).toBe(404);
    expect((await opened(martas.id)).statusCode).toBe(200);
    expect((await own.request({ method: 'GET', url: `/api/v1/attachments?entityType=case&entityId=${elios.id}` })).statusCode).toBe(404);
    // Statistics count only the cases the role reaches; the plain owner counts both.
    expect((await get(own, '/api/v1/case-statistics')).current.received).toBe(1);
    expect((await get(b.owner, '/api/v1/case-statistics')).current.received).toBe(2);

    // Reading nothing: no case at all, until one is shared with the person.
    const none = await withRole(b, b.employeeA2, { baseRole: 'employee', permissions: { cases: { read: 'none' } } });
    expect((await get(none, '/api/v1/cases')).total).toBe(0);
    expect((await opened(elios.id, none)).statusCode).toBe(404);
    await post(b.owner, '/api/v1/record-shares', { entity: 'cases', recordId: elios.id, userId: b.employeeA2.user.id, access: 'read' });
    expect((await get(none, '/api/v1/cases')).data.map((c: { id: string }) => c.id)).toEqual([elios.id]);
    expect((await opened(elios.id, none)).statusCode).toBe(200);
  });

  it("widens an employee's deals to all: lists, counts and record pages follow", async () => {
    const b = await makeBakery(t);
    const beas = await post(b.employeeB.browser, '/api/v1/deals', { title: 'Bea deal' });
    await post(b.employeeA2.browser, '/api/v1/deals', { title: 'Ezio deal' });
    expect((await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/deals/${beas.id}` })).statusCode).toBe(404);
    const widened = await withRole(b, b.employeeA, { baseRole: 'employee', permissions: { deals: { read: 'all' } } });
    const list = await get(widened, '/api/v1/deals');
    expect(list.total).toBe(2);
    expect(list.data.map((d: { title: string }) => d.title).sort()).toEqual(['Bea deal', 'Ezio deal']);
    expect((await widened.request({ method: 'GET', url: `/api/v1/deals/${beas.id}` })).statusCode).toBe(200);
    // Reading is not changing: update keeps the employee's own scope.
    const patch = await widened.request({ method: 'PATCH', url: `/api/v1/deals/${beas.id}`, payload: { title: 'Mine now' } });
    expect(patch.statusCode).toBe(403);
  });

  it('refuses handing a record to another owner without the assign right, one by one or in bulk', async () => {
    const b = await makeBakery(t);
    const company = await post(b.managerA.browser, '/api/v1/companies', { name: 'Pasticceria' });
    const noAssign = await withRole(b, b.managerA, { baseRole: 'manager', permissions: { companies: { assign: 'none' } } });
    const moved = await noAssign.request({
      method: 'PATCH',
      url: `/api/v1/companies/${company.id}`,
      payload: { ownerId: b.employeeA.user.id },
    });
    expect(moved.statusCode).toBe(403);
    const renamed = await noAssign.request({
      method: 'PATCH',
      url: `/api/v1/companies/${company.id}`,
      payload: { name: 'Pasticceria Roma' },
    });
    expect(renamed.statusCode).toBe(200);
    const bulk = await noAssign.request({
      method: 'POST',
      url: '/api/v1/companies/bulk',
      payload: { ids: [company.id], action: { type: 'assignOwner', ownerId: b.employeeA.user.id } },
    });
    expect(bulk.statusCode).toBe(403);
    expect(JSON.stringify(await get(b.owner, `/api/v1/companies/${company.id}`))).not.toContain(b.employeeA.user.id);
  });
});
