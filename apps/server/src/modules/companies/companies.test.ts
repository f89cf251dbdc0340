import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

type Company = { id: string; name: string };

async function create(browser: Browser, payload: Record<string, unknown>): Promise<Company> {
  const response = await browser.request({ method: 'POST', url: '/api/v1/companies', payload });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
  return response.json();
}

const bakery = () => makeBakery(t);

const names = (list: { data: { name: string }[] }) => list.data.map((c) => c.name).sort();

describe('companies', () => {
  it('creates a company with phones, e-mails and tags; the creator owns it in their unit', async () => {
    const b = await bakery();
    const response = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: {
        name: 'Caffè Centrale',
        taxNumber: 'IT01234567890',
        relationships: ['client', 'partner'],
        status: 'active',
        city: 'Roma',
        phones: [{ label: 'orders', value: '+39 06 1234 5678' }],
        emails: [{ label: 'office', value: 'Info@CaffeCentrale.example' }],
        tags: ['horeca'],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Caffè Centrale',
      relationships: ['client', 'partner'],
      status: 'active',
      class: null,
      owner: { id: b.employeeA.user.id, name: 'Elio' },
      unitId: b.shopA.id,
      phones: [{ label: 'orders', value: '+39 06 1234 5678' }],
      tags: ['horeca'],
    });
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const b = await bakery();
    const bad = await b.owner.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: {
        name: 'X',
        status: 'sleeping',
        emails: [{ value: 'not-an-email' }],
        phones: [{ value: 'call me' }],
        workspaceId: b.shopA.id,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['emails.0.value', 'phones.0.value', 'status', 'workspaceId']);
    const foreignOwner = await b.owner.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Y', ownerId: b.shopA.id } });
    expect(foreignOwner.statusCode).toBe(400);
    expect(foreignOwner.json().errors).toEqual([{ path: 'ownerId', message: 'No such user' }]);
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/companies' })).json().total).toBe(0);
  });

  it('scopes every read: employees their own, managers their branch, admins all', async () => {
    const b = await bakery();
    await create(b.employeeA.browser, { name: 'Elio Customer' });
    await create(b.employeeA2.browser, { name: 'Ezio Customer' });
    const beas = await create(b.employeeB.browser, { name: 'Bea Customer' });
    await create(b.managerA.browser, { name: 'Marta Customer' });

    const list = async (who: Browser, query = '') => (await who.request({ method: 'GET', url: `/api/v1/companies${query}` })).json();
    expect(names(await list(b.employeeA.browser))).toEqual(['Elio Customer']);
    expect((await list(b.employeeA.browser)).total).toBe(1);
    expect(names(await list(b.managerA.browser))).toEqual(['Elio Customer', 'Ezio Customer', 'Marta Customer']);
    expect(names(await list(b.owner))).toEqual(['Bea Customer', 'Elio Customer', 'Ezio Customer', 'Marta Customer']);

    for (const outsider of [b.employeeA.browser, b.managerA.browser]) {
      expect((await outsider.request({ method: 'GET', url: `/api/v1/companies/${beas.id}` })).statusCode).toBe(404);
      expect((await outsider.request({ method: 'PATCH', url: `/api/v1/companies/${beas.id}`, payload: { name: 'Mine' } })).statusCode).toBe(
        404,
      );
      expect((await outsider.request({ method: 'GET', url: `/api/v1/companies/${beas.id}/history` })).statusCode).toBe(404);
      const hits = (await outsider.request({ method: 'GET', url: '/api/v1/search?q=Bea%20Customer' })).json().data;
      expect(hits.filter((h: { id: string }) => h.id === beas.id)).toEqual([]);
      expect((await list(outsider, '?q=Bea')).total).toBe(0);
    }
    expect((await b.employeeB.browser.request({ method: 'GET', url: `/api/v1/companies/${beas.id}` })).statusCode).toBe(200);
  });

  it('does not let an employee hand a customer to someone else or delete it', async () => {
    const b = await bakery();
    const mine = await create(b.employeeA.browser, { name: 'Forno Amico' });
    const giveAway = await b.employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/companies/${mine.id}`,
      payload: { ownerId: b.employeeB.user.id },
    });
    expect(giveAway.statusCode).toBe(403);
    expect((await b.employeeA.browser.request({ method: 'DELETE', url: `/api/v1/companies/${mine.id}` })).statusCode).toBe(403);
    const createForOther = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: { name: 'Not mine', ownerId: b.employeeB.user.id },
    });
    expect(createForOther.statusCode).toBe(403);
    const manager = await b.managerA.browser.request({
      method: 'PATCH',
      url: `/api/v1/companies/${mine.id}`,
      payload: { ownerId: b.employeeA2.user.id },
    });
    expect(manager.statusCode).toBe(200);
    expect(manager.json().owner.name).toBe('Ezio');
  });

  it('filters by status, city, relationship and tag, and pages with a cursor', async () => {
    const b = await bakery();
    await create(b.owner, { name: 'Alfa', status: 'active', city: 'Roma', tags: ['vip'] });
    await create(b.owner, { name: 'Beta', status: 'active', city: 'roma', relationships: ['supplier'] });
    await create(b.owner, { name: 'Gamma', status: 'lost', city: 'Roma' });
    await create(b.owner, { name: 'Delta', status: 'active', city: 'Milano' });
    const get = async (query: string) => (await b.owner.request({ method: 'GET', url: `/api/v1/companies${query}` })).json();
    expect(names(await get('?filter[status]=active&filter[city]=Roma'))).toEqual(['Alfa', 'Beta']);
    expect(names(await get('?filter[relationship]=supplier'))).toEqual(['Beta']);
    expect(names(await get('?filter[tag]=vip'))).toEqual(['Alfa']);
    const first = await get('?limit=3&sort=-name');
    expect(first.data.map((c: Company) => c.name)).toEqual(['Gamma', 'Delta', 'Beta']);
    const rest = await get(`?limit=3&sort=-name&cursor=${first.nextCursor}`);
    expect(rest.data.map((c: Company) => c.name)).toEqual(['Alfa']);
    expect(rest.nextCursor).toBeNull();
    const bad = await b.owner.request({ method: 'GET', url: '/api/v1/companies?filter[status]=sleeping' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('filter[status]');
  });

  it('finds a company by a phone typed in another format, by e-mail and with a typo', async () => {
    const b = await bakery();
    await create(b.owner, {
      name: 'Пекарня Хлебушек',
      phones: [{ label: 'mobile', value: '+7 (912) 345-67-89' }],
      emails: [{ label: '', value: 'zakaz@hlebushek.example' }],
    });
    await create(b.owner, { name: 'Panificio Rossi', notes: 'Compra sempre i cornetti integrali' });
    const search = async (q: string) =>
      (await b.owner.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` }))
        .json()
        .data.map((h: { title: string }) => h.title);
    expect(await search('8 912 345 67 89')).toEqual(['Пекарня Хлебушек']);
    expect(await search('9123456789')).toEqual(['Пекарня Хлебушек']);
    expect(await search('ZAKAZ@hlebushek')).toEqual(['Пекарня Хлебушек']);
    expect(await search('Panifico Rosi')).toEqual(['Panificio Rossi']);
    // One word, mistyped, of a longer name.
    expect(await search('Panifcio')).toEqual(['Panificio Rossi']);
    expect(await search('cornetto')).toEqual(['Panificio Rossi']);
    const listed = (await b.owner.request({ method: 'GET', url: '/api/v1/companies?q=%2B7%20912%20345' })).json();
    expect(names(listed)).toEqual(['Пекарня Хлебушек']);
  });

  it('keeps a change history of every field, visible to whoever may read the company', async () => {
    const b = await bakery();
    const company = await create(b.employeeA.browser, { name: 'Bar Sport', status: 'new' });
    await b.employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/companies/${company.id}`,
      payload: { status: 'active', city: 'Roma' },
    });
    await b.managerA.browser.request({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, payload: { class: 'A' } });
    await b.managerA.browser.request({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, payload: { class: 'A' } });
    const history = (await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/companies/${company.id}/history` })).json().data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['created', 'updated', 'updated']);
    // The creation lists what the company started with, the tables' defaults included.
    expect(history[0]).toMatchObject({ actor: { name: 'Elio' } });
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', old: null, new: 'Bar Sport' },
        { field: 'relationships', old: null, new: ['client'] },
        { field: 'status', old: null, new: 'new' },
        { field: 'ownerId', old: null, new: b.employeeA.user.id },
      ]),
    );
    expect(history[1]).toMatchObject({
      actor: { name: 'Elio' },
      changes: [
        { field: 'status', old: 'new', new: 'active' },
        { field: 'city', old: null, new: 'Roma' },
      ],
    });
    expect(history[2]).toMatchObject({ actor: { name: 'Marta' }, changes: [{ field: 'class', old: null, new: 'A' }] });
  });

  it('deletes softly: gone from lists and search, history kept', async () => {
    const b = await bakery();
    const company = await create(b.owner, { name: 'Chiuso per sempre' });
    expect((await b.owner.request({ method: 'DELETE', url: `/api/v1/companies/${company.id}` })).statusCode).toBe(204);
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/companies/${company.id}` })).statusCode).toBe(404);
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/companies' })).json().total).toBe(0);
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/search?q=Chiuso' })).json().data).toEqual([]);
    const rows = await t.pool.query('SELECT action FROM record_change WHERE entity_id = $1 ORDER BY at', [company.id]);
    expect(rows.rows.map((r) => r.action)).toEqual(['created', 'deleted']);
  });

  it('refuses to delete a unit that still has customers', async () => {
    const b = await bakery();
    await create(b.owner, { name: 'In shop B', unitId: b.shopB.id, ownerId: null });
    await b.owner.request({ method: 'PATCH', url: `/api/v1/users/${b.employeeB.user.id}`, payload: { unitId: null } });
    const response = await b.owner.request({ method: 'DELETE', url: `/api/v1/units/${b.shopB.id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('unit_in_use');
  });
});

describe('large lists', () => {
  it('pages by time through records stamped in the same instant, each record once', async () => {
    const { admin, workspace } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    // One statement: every row gets the same now(), with its microseconds.
    await t.pool.query(`INSERT INTO company (workspace_id, name, owner_id) SELECT $1, 'Same ' || i, $2 FROM generate_series(1, 9) AS i`, [
      workspace.id,
      admin.id,
    ]);
    for (const sort of ['createdAt', '-createdAt', 'updatedAt', '-updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = '';
      for (let pages = 0; cursor !== null && pages < 10; pages++) {
        const page: { data: { id: string }[]; nextCursor: string | null } = (
          await browser.request({ method: 'GET', url: `/api/v1/companies?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}` })
        ).json();
        seen.push(...page.data.map((c) => c.id));
        cursor = page.nextCursor;
      }
      expect({ sort, count: seen.length, unique: new Set(seen).size }).toEqual({ sort, count: 9, unique: 9 });
    }
  });

  it('counts exactly up to the cap and estimates beyond it, saying so', async () => {
    const { admin, workspace } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    await t.pool.query(
      `INSERT INTO company (workspace_id, name, status, owner_id)
       SELECT $1, 'Bulk ' || i, CASE WHEN i <= 5 THEN 'lost' ELSE 'active' END, $2 FROM generate_series(1, 1500) AS i`,
      [workspace.id, admin.id],
    );
    await t.pool.query('ANALYZE company');
    const all = (await browser.request({ method: 'GET', url: '/api/v1/companies?limit=10' })).json();
    expect(all.totalIsEstimate).toBe(true);
    expect(all.total).toBeGreaterThan(1000);
    expect(all.data).toHaveLength(10);
    // A search matching more than the cap still gives the first page in the list's order.
    const searchedAll = (await browser.request({ method: 'GET', url: '/api/v1/companies?limit=10&q=bulk' })).json();
    expect(searchedAll.totalIsEstimate).toBe(true);
    expect(searchedAll.data.map((c: { name: string }) => c.name)).toEqual(all.data.map((c: { name: string }) => c.name));
    const lost = (await browser.request({ method: 'GET', url: '/api/v1/companies?filter[status]=lost' })).json();
    expect(lost).toMatchObject({ total: 5 });
    expect(lost.totalIsEstimate).toBeUndefined();

    // Walking a search that matches more than the cap reaches every record once.
    const walked: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { data: { id: string }[]; nextCursor: string | null } = (
        await browser.request({ method: 'GET', url: `/api/v1/companies?limit=200&q=bulk${cursor ? `&cursor=${cursor}` : ''}` })
      ).json();
      walked.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(walked).toHaveLength(1500);
    expect(new Set(walked).size).toBe(1500);

    // A small workspace beside the large one gets its own exact number, not a table-wide guess.
    const small = await makeWorkspace(t);
    await t.pool.query(
      `INSERT INTO company (workspace_id, name, status, owner_id)
       SELECT $1, 'Small ' || i, 'active', $2 FROM generate_series(1, 60) AS i`,
      [small.workspace.id, small.admin.id],
    );
    await t.pool.query('ANALYZE company');
    const smallBrowser = await signIn(t, small.admin.email);
    const page = (await smallBrowser.request({ method: 'GET', url: '/api/v1/companies?limit=50&filter[status]=active' })).json();
    expect(page).toMatchObject({ total: 60 });
    expect(page.totalIsEstimate).toBeUndefined();
    // The same total on the next page, and for a search (counted apart from its page).
    const next = (
      await smallBrowser.request({ method: 'GET', url: `/api/v1/companies?limit=50&filter[status]=active&cursor=${page.nextCursor}` })
    ).json();
    expect(next).toMatchObject({ total: 60 });
    expect(next.data).toHaveLength(10);
    const searched = (await smallBrowser.request({ method: 'GET', url: '/api/v1/companies?limit=50&q=small' })).json();
    expect(searched).toMatchObject({ total: 60 });
    expect(searched.data).toHaveLength(50);
    const searchedNext = (
      await smallBrowser.request({ method: 'GET', url: `/api/v1/companies?limit=50&q=small&cursor=${searched.nextCursor}` })
    ).json();
    expect(searchedNext).toMatchObject({ total: 60, nextCursor: null });
    expect(searchedNext.data).toHaveLength(10);
  });
});
