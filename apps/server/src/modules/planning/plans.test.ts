import type { TPlanGrid } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const put = (browser: Browser, payload: unknown) => browser.request({ method: 'PUT', url: '/api/v1/plans', payload: payload as object });
const grid = (browser: Browser, query: string): Promise<TPlanGrid> => get(browser, `/api/v1/plans?${query}`);
const cells = (g: TPlanGrid) => g.rows.map((row) => [row.name, row.months, row.total, row.editable]);

describe('sales plans', () => {
  it('saves a grid in one request, deletes emptied cells, and reads it back by year with its totals', async () => {
    const b = await makeBakery(t);
    const saved = await put(b.owner, {
      kind: 'unit',
      rows: [
        { targetId: b.shopA.id, months: { '2026-01': '1000.50', '2026-03': '2000' } },
        { targetId: b.shopB.id, months: { '2026-02': '300.25', '2027-01': '99' } },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ saved: 4, deleted: 0 });
    const year = await grid(b.owner, 'kind=unit&year=2026');
    expect(year).toMatchObject({ kind: 'unit', from: '2026-01', to: '2026-12', baseCurrency: 'EUR', canEdit: true });
    expect(year.months).toHaveLength(12);
    expect(cells(year)).toEqual([
      ['Via Milano', { '2026-02': '300.25' }, '300.25', true],
      ['Via Roma', { '2026-01': '1000.50', '2026-03': '2000.00' }, '3000.50', true],
    ]);
    expect(year.totals).toEqual({ months: { '2026-01': '1000.50', '2026-02': '300.25', '2026-03': '2000.00' }, total: '3300.75' });

    // An emptied cell deletes its plan; months left out stay; a range may cross years.
    expect(
      (await put(b.owner, { kind: 'unit', rows: [{ targetId: b.shopA.id, months: { '2026-01': null, '2026-03': '2500.00' } }] })).json(),
    ).toEqual({
      saved: 1,
      deleted: 1,
    });
    const range = await grid(b.owner, 'kind=unit&from=2026-03&to=2027-02');
    expect(range.months[0]).toBe('2026-03');
    expect(cells(range)).toEqual([
      ['Via Milano', { '2027-01': '99.00' }, '99.00', true],
      ['Via Roma', { '2026-03': '2500.00' }, '2500.00', true],
    ]);

    // The whole company is one row without a target.
    expect((await put(b.owner, { kind: 'total', rows: [{ targetId: null, months: { '2026-06': '12000' } }] })).statusCode).toBe(200);
    expect(cells(await grid(b.owner, 'kind=total&year=2026'))).toEqual([[null, { '2026-06': '12000.00' }, '12000.00', true]]);
  });

  it('refuses bad cells and unknown targets, naming them, and writes nothing', async () => {
    const b = await makeBakery(t);
    const first = { targetId: b.shopA.id, months: { '2026-01': '100' } };
    const before = await grid(b.owner, 'kind=unit&year=2026');
    for (const [path, row, status] of [
      ['rows.1.months.2026-13', { targetId: b.shopB.id, months: { '2026-13': '5' } }, 400],
      ['rows.1.months.2026-03', { targetId: b.shopB.id, months: { '2026-03': '-5' } }, 400],
      ['rows.1.months.2026-03', { targetId: b.shopB.id, months: { '2026-03': '1.005' } }, 400],
      ['rows.1.targetId', { targetId: b.employeeA.user.id, months: { '2026-03': '5' } }, 400],
      ['rows.1.targetId', { targetId: null, months: { '2026-03': '5' } }, 400],
      ['rows.1.targetId', { targetId: b.shopA.id, months: { '2026-03': '5' } }, 400],
    ] as const) {
      const response = await put(b.owner, { kind: 'unit', rows: [first, row] });
      expect(response.statusCode, path).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('validation_failed');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const total = await put(b.owner, { kind: 'total', rows: [{ targetId: b.shopA.id, months: { '2026-01': '1' } }] });
    expect(total.json().errors).toEqual([{ path: 'rows.0.targetId', message: 'The whole company has no target' }]);
    expect((await put(b.owner, { kind: 'region', rows: [first] })).statusCode).toBe(400);
    expect((await put(b.owner, { kind: 'unit', rows: [] })).statusCode).toBe(400);
    // More months in one row than a save may carry (each would be a parameter of one statement).
    const decade = (start: number) =>
      Object.fromEntries(
        Array.from({ length: 121 }, (_, i) => [`${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, '1']),
      );
    const tooLong = await put(b.owner, { kind: 'total', rows: [{ targetId: null, months: decade(2000) }] });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors.map((e: { path: string }) => e.path)).toContain('rows.0.months');
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/plans?kind=unit&year=2026&from=2026-01' })).statusCode).toBe(400);
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/plans?kind=unit&from=2026-01&to=2029-01' })).statusCode).toBe(400);
    expect(await grid(b.owner, 'kind=unit&year=2026')).toEqual(before);
    expect(before.rows).toEqual([]);
  });

  it('lets managers set their unit’s and their people’s plans only, employees read what concerns them, other workspaces nothing', async () => {
    const b = await makeBakery(t);
    const manager = b.managerA.browser;
    const elio = b.employeeA.browser;
    const milk = await post(b.owner, '/api/v1/products', { name: 'Milk' });
    const hotel = await post(elio, '/api/v1/companies', { name: 'Hotel Nord' });
    await put(b.owner, { kind: 'total', rows: [{ targetId: null, months: { '2026-01': '9000' } }] });
    await put(b.owner, { kind: 'product', rows: [{ targetId: milk.id, months: { '2026-01': '50' } }] });
    await put(b.owner, { kind: 'company', rows: [{ targetId: hotel.id, months: { '2026-01': '70' } }] });

    // The manager sets their shop and its people, not the other shop, its people or the whole company.
    const own = await put(manager, {
      kind: 'owner',
      rows: [
        { targetId: b.employeeA.user.id, months: { '2026-01': '100' } },
        { targetId: b.employeeA2.user.id, months: { '2026-01': '200' } },
      ],
    });
    expect(own.json()).toEqual({ saved: 2, deleted: 0 });
    expect((await put(manager, { kind: 'unit', rows: [{ targetId: b.shopA.id, months: { '2026-01': '300' } }] })).statusCode).toBe(200);
    const refused = await put(manager, {
      kind: 'owner',
      rows: [
        { targetId: b.employeeA.user.id, months: { '2026-02': '1' } },
        { targetId: b.employeeB.user.id, months: { '2026-02': '1' } },
      ],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', errors: [{ path: 'rows.1.targetId' }] });
    expect((await put(manager, { kind: 'unit', rows: [{ targetId: b.shopB.id, months: { '2026-01': '1' } }] })).statusCode).toBe(403);
    expect((await put(manager, { kind: 'total', rows: [{ targetId: null, months: { '2026-01': '1' } }] })).statusCode).toBe(403);
    expect((await put(manager, { kind: 'product', rows: [{ targetId: milk.id, months: { '2026-01': '1' } }] })).statusCode).toBe(403);
    // Nothing of the refused grid was written: Elio's February is still empty.
    await put(b.owner, { kind: 'owner', rows: [{ targetId: b.employeeB.user.id, months: { '2026-01': '400' } }] });
    const managerView = await grid(manager, 'kind=owner&year=2026');
    expect(cells(managerView)).toEqual([
      ['Elio', { '2026-01': '100.00' }, '100.00', true],
      ['Ezio', { '2026-01': '200.00' }, '200.00', true],
    ]);
    expect(managerView.canEdit).toBe(true);
    expect((await grid(b.owner, 'kind=owner&year=2026')).rows.map((r) => r.name)).toEqual(['Bea', 'Elio', 'Ezio']);
    expect((await get(manager, '/api/v1/plans/targets?kind=unit')).data.map((u: { name: string }) => u.name)).toEqual(['Via Roma']);
    expect((await get(manager, '/api/v1/plans/targets?kind=owner')).data.map((u: { name: string }) => u.name)).toEqual([
      'Elio',
      'Ezio',
      'Marta',
    ]);
    expect((await get(manager, '/api/v1/plans/targets?kind=owner&q=EZ')).data.map((u: { name: string }) => u.name)).toEqual(['Ezio']);

    // The employee reads their own plan, their shop's, the whole company's and their customer's; sets none.
    expect((await put(elio, { kind: 'owner', rows: [{ targetId: b.employeeA.user.id, months: { '2026-01': '1' } }] })).statusCode).toBe(
      403,
    );
    const elioOwners = await grid(elio, 'kind=owner&year=2026');
    expect(cells(elioOwners)).toEqual([['Elio', { '2026-01': '100.00' }, '100.00', false]]);
    expect(elioOwners.canEdit).toBe(false);
    expect(cells(await grid(elio, 'kind=unit&year=2026'))).toEqual([['Via Roma', { '2026-01': '300.00' }, '300.00', false]]);
    expect((await grid(elio, 'kind=total&year=2026')).totals.total).toBe('9000.00');
    expect((await grid(elio, 'kind=company&year=2026')).rows.map((r) => r.name)).toEqual(['Hotel Nord']);
    expect((await grid(b.employeeB.browser, 'kind=company&year=2026')).rows).toEqual([]);
    expect((await grid(b.employeeB.browser, 'kind=unit&year=2026')).rows).toEqual([]);
    expect((await get(elio, '/api/v1/plans/targets?kind=owner')).data).toEqual([]);
    expect((await get(elio, '/api/v1/plans/targets?kind=owner&action=read')).data.map((u: { name: string }) => u.name)).toEqual(['Elio']);

    // Another workspace sees none of it and cannot plan for its targets.
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    for (const kind of ['total', 'unit', 'owner', 'product', 'company'])
      expect((await grid(stranger, `kind=${kind}&year=2026`)).rows).toEqual([]);
    const foreign = await put(stranger, { kind: 'unit', rows: [{ targetId: b.shopA.id, months: { '2026-01': '1' } }] });
    expect(foreign.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'rows.0.targetId', message: 'No such unit' }] });
    expect((await get(stranger, '/api/v1/plans/targets?kind=unit')).data).toEqual([]);
    expect(cells(await grid(b.owner, 'kind=unit&year=2026'))).toEqual([['Via Roma', { '2026-01': '300.00' }, '300.00', true]]);
  });

  it('offers a reader the targets they may plan for even when hundreds of others come first by name', async () => {
    const b = await makeBakery(t);
    const ws = b.owner.session.user.workspace.id;
    // 250 customers of the other shop, all named before Elio's one customer.
    await t.db.execute(sql`INSERT INTO company (workspace_id, name, owner_id, unit_id)
      SELECT ${ws}::uuid, 'Aaa ' || lpad(n::text, 3, '0'), ${b.employeeB.user.id}::uuid, ${b.shopB.id}::uuid FROM generate_series(1, 250) n`);
    await post(b.employeeA.browser, '/api/v1/companies', { name: 'Zanzibar Hotel' });
    const read = await get(b.employeeA.browser, '/api/v1/plans/targets?kind=company&action=read');
    expect(read.data.map((c: { name: string }) => c.name)).toEqual(['Zanzibar Hotel']);
    // The admin sees the first twenty by name.
    const all = await get(b.owner, '/api/v1/plans/targets?kind=company&action=read');
    expect(all.data).toHaveLength(20);
    expect(all.data[0].name).toBe('Aaa 001');
  });
});
