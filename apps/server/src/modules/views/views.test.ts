import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function post(browser: Browser, url: string, payload: unknown, status = 201) {
  const response = await browser.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
  if (response.statusCode !== status) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

const names = (list: { data: { name: string }[] }) => list.data.map((c) => c.name).sort();

describe('saved views', () => {
  it('saves a filtered, sorted list with columns; the owner sees a private view, everyone a shared one', async () => {
    const b = await makeBakery(t);
    const mine = await post(b.employeeA.browser, '/api/v1/views', {
      entity: 'company',
      name: 'Active in Roma',
      query: { 'filter[status]': 'active', 'filter[city]': 'Roma', sort: '-updatedAt' },
      columns: ['name', 'city', 'status', 'owner'],
    });
    expect(mine).toMatchObject({
      entity: 'company',
      name: 'Active in Roma',
      shared: false,
      owner: { id: b.employeeA.user.id, name: 'Elio' },
      query: { 'filter[status]': 'active', 'filter[city]': 'Roma', sort: '-updatedAt' },
      columns: ['name', 'city', 'status', 'owner'],
      editable: true,
    });
    const shared = await post(b.managerA.browser, '/api/v1/views', {
      entity: 'company',
      name: 'Dormant',
      shared: true,
      query: { 'filter[status]': 'dormant' },
    });

    const seenBy = async (browser: Browser) =>
      names((await browser.request({ method: 'GET', url: '/api/v1/views?filter[entity]=company' })).json());
    expect(await seenBy(b.employeeA.browser)).toEqual(['Active in Roma', 'Dormant']);
    expect(await seenBy(b.employeeB.browser)).toEqual(['Dormant']);
    expect((await b.employeeB.browser.request({ method: 'GET', url: `/api/v1/views/${mine.id}` })).statusCode).toBe(404);
    expect(await seenBy(b.owner)).toEqual(['Dormant']);

    // A shared view is changed by its owner or an admin, not by the others who use it.
    const byEmployee = await b.employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/views/${shared.id}`,
      payload: { name: 'Mine now' },
    });
    expect(byEmployee.statusCode).toBe(403);
    const list = (await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/views?filter[entity]=company' })).json();
    expect(list.data.find((v: { id: string }) => v.id === shared.id).editable).toBe(false);
    const byAdmin = await b.owner.request({ method: 'PATCH', url: `/api/v1/views/${shared.id}`, payload: { name: 'Sleeping clients' } });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().name).toBe('Sleeping clients');
    expect((await b.employeeB.browser.request({ method: 'DELETE', url: `/api/v1/views/${mine.id}` })).statusCode).toBe(404);
    expect((await b.employeeA.browser.request({ method: 'DELETE', url: `/api/v1/views/${mine.id}` })).statusCode).toBe(204);
    expect(await seenBy(b.employeeA.browser)).toEqual(['Sleeping clients']);
  });

  it('refuses a query or columns the list would not take, naming each, and saves nothing', async () => {
    const b = await makeBakery(t);
    const bad = await b.owner.request({
      method: 'POST',
      url: '/api/v1/views',
      payload: {
        entity: 'contact',
        name: 'Bad',
        query: { 'filter[status]': 'sleeping', 'filter[custom.bread]': 'rye', cursor: 'x' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['query.cursor', 'query.filter[status]', 'query.filter[custom.bread]']));
    const unknown = await b.owner.request({
      method: 'POST',
      url: '/api/v1/views',
      payload: { entity: 'contact', name: 'Bad', query: { 'filter[colour]': 'red' } },
    });
    expect(unknown.json().errors).toEqual([{ path: 'query.filter[colour]', message: 'Unknown field' }]);
    await post(b.owner, '/api/v1/custom-fields', { entity: 'contact', key: 'spent', label: 'Spent', type: 'money', currency: 'EUR' });
    const sortAndNumber = await b.owner.request({
      method: 'POST',
      url: '/api/v1/views',
      payload: { entity: 'contact', name: 'Bad', query: { sort: '-colour', 'filter[custom.spent]': 'a lot' } },
    });
    expect(sortAndNumber.statusCode).toBe(400);
    expect(sortAndNumber.json().errors.map((e: { path: string }) => e.path)).toEqual(['query.sort', 'query.filter[custom.spent]']);
    const columns = await b.owner.request({
      method: 'POST',
      url: '/api/v1/views',
      payload: { entity: 'contact', name: 'Bad', columns: ['name', 'shoeSize', 'name', 'custom.bread'] },
    });
    expect(columns.statusCode).toBe(400);
    expect(columns.json().errors.map((e: { path: string }) => e.path)).toEqual(['columns.1', 'columns.2', 'columns.3']);
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/views' })).json().data).toEqual([]);
    // A number filter on a value of another type (left by an older field) matches nothing and fails nothing.
    await t.pool.query(
      `INSERT INTO contact (workspace_id, first_name, last_name, custom) SELECT workspace_id, 'Old', 'Value', '{"spent": "rye"}' FROM app_user WHERE id = $1`,
      [b.owner.session.user.id],
    );
    const stale = await b.owner.request({ method: 'GET', url: '/api/v1/contacts?filter[custom.spent]=5' });
    expect(stale.statusCode).toBe(200);
    expect(stale.json().total).toBe(0);

    // Once the custom field exists, the same filter and column are fine.
    await post(b.owner, '/api/v1/custom-fields', { entity: 'contact', key: 'bread', label: 'Preferred bread', type: 'text' });
    const good = await post(b.owner, '/api/v1/views', {
      entity: 'contact',
      name: 'Rye lovers',
      query: { 'filter[custom.bread]': 'rye' },
      columns: ['name', 'custom.bread'],
    });
    expect(good.columns).toEqual(['name', 'custom.bread']);
  });

  it('keeps views inside their workspace', async () => {
    const b = await makeBakery(t);
    const view = await post(b.owner, '/api/v1/views', { entity: 'company', name: 'Everyone', shared: true });
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect((await stranger.request({ method: 'GET', url: '/api/v1/views' })).json().data).toEqual([]);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/views/${view.id}` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'DELETE', url: `/api/v1/views/${view.id}` })).statusCode).toBe(404);
  });
});

describe('static lists', () => {
  it('is built from a filter and by hand, and shows each person only the members they may see', async () => {
    const b = await makeBakery(t);
    const make = (browser: Browser, name: string, extra: Record<string, unknown> = {}) =>
      post(browser, '/api/v1/companies', { name, status: 'active', city: 'Roma', ...extra });
    const alfa = await make(b.employeeA.browser, 'Alfa');
    const beta = await make(b.employeeA2.browser, 'Beta');
    const gamma = await make(b.employeeB.browser, 'Gamma');
    await make(b.employeeB.browser, 'Delta', { city: 'Milano' });
    await make(b.owner, 'Epsilon', { status: 'lost' });

    const list = await post(b.owner, '/api/v1/lists', { entity: 'company', name: 'New collection', shared: true });
    const fromFilter = await post(
      b.owner,
      `/api/v1/lists/${list.id}/members`,
      { query: { 'filter[status]': 'active', 'filter[city]': 'Roma' } },
      200,
    );
    expect(fromFilter).toEqual({ changed: 3, memberCount: 3 });
    const members = async (browser: Browser) =>
      names((await browser.request({ method: 'GET', url: `/api/v1/companies?filter[listId]=${list.id}` })).json());
    expect(await members(b.owner)).toEqual(['Alfa', 'Beta', 'Gamma']);
    expect(await members(b.managerA.browser)).toEqual(['Alfa', 'Beta']);
    expect(await members(b.employeeA.browser)).toEqual(['Alfa']);
    const count = async (browser: Browser) =>
      (await browser.request({ method: 'GET', url: `/api/v1/lists/${list.id}` })).json().memberCount;
    expect(await count(b.owner)).toBe(3);
    expect(await count(b.employeeA.browser)).toBe(1);

    // By hand: adding again changes nothing; removing takes one out.
    expect(await post(b.owner, `/api/v1/lists/${list.id}/members`, { ids: [alfa.id, gamma.id] }, 200)).toEqual({
      changed: 0,
      memberCount: 3,
    });
    expect(await post(b.owner, `/api/v1/lists/${list.id}/members/remove`, { ids: [beta.id] }, 200)).toEqual({
      changed: 1,
      memberCount: 2,
    });
    expect(await members(b.owner)).toEqual(['Alfa', 'Gamma']);

    // A shared list is read by all, changed by its owner (or an admin).
    const byEmployee = await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/lists/${list.id}/members`,
      payload: { ids: [alfa.id] },
    });
    expect(byEmployee.statusCode).toBe(403);
  });

  it("refuses records the person cannot see, lists of other records and others' private lists", async () => {
    const b = await makeBakery(t);
    const alfa = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Alfa' });
    const gamma = await post(b.employeeB.browser, '/api/v1/companies', { name: 'Gamma' });
    const own = await post(b.employeeA.browser, '/api/v1/lists', { entity: 'company', name: 'Mine' });

    const hidden = await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/lists/${own.id}/members`,
      payload: { ids: [alfa.id, gamma.id] },
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().errors).toEqual([{ path: 'ids.1', message: 'No such company' }]);
    expect((await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/lists/${own.id}` })).json().memberCount).toBe(0);

    // Another's private list does not exist for them, even as a filter.
    expect((await b.employeeB.browser.request({ method: 'GET', url: `/api/v1/lists/${own.id}` })).statusCode).toBe(404);
    const asFilter = await b.employeeB.browser.request({ method: 'GET', url: `/api/v1/companies?filter[listId]=${own.id}` });
    expect(asFilter.statusCode).toBe(400);
    expect(asFilter.json().errors).toEqual([{ path: 'filter[listId]', message: 'No such list' }]);
    // A company list is no contact filter.
    const wrongEntity = await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/contacts?filter[listId]=${own.id}` });
    expect(wrongEntity.statusCode).toBe(400);

    const badQuery = await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/lists/${own.id}/members`,
      payload: { query: { 'filter[status]': 'sleeping' } },
    });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0].path).toBe('query.filter[status]');
  });
});

describe('bulk actions', () => {
  it('sets a status, adds and removes a tag, assigns an owner and adds to a list, with a history entry per record', async () => {
    const b = await makeBakery(t);
    const a = await post(b.managerA.browser, '/api/v1/companies', { name: 'Alfa', status: 'new', tags: ['horeca'] });
    const c = await post(b.managerA.browser, '/api/v1/companies', { name: 'Beta', status: 'active' });
    const bulk = (payload: unknown) =>
      b.managerA.browser.request({ method: 'POST', url: '/api/v1/companies/bulk', payload: payload as Record<string, unknown> });

    const status = await bulk({ ids: [a.id, c.id], action: { type: 'setStatus', status: 'active' } });
    expect(status.json()).toEqual({ changed: 1 });
    expect((await bulk({ ids: [a.id, c.id], action: { type: 'addTag', tag: 'collection-2027' } })).json()).toEqual({ changed: 2 });
    expect((await bulk({ ids: [a.id, c.id], action: { type: 'removeTag', tag: 'horeca' } })).json()).toEqual({ changed: 1 });
    expect((await bulk({ ids: [a.id], action: { type: 'assignOwner', ownerId: b.employeeA.user.id } })).json()).toEqual({ changed: 1 });

    const alfa = (await b.managerA.browser.request({ method: 'GET', url: `/api/v1/companies/${a.id}` })).json();
    expect(alfa).toMatchObject({ status: 'active', tags: ['collection-2027'], owner: { id: b.employeeA.user.id } });
    const history = (await b.managerA.browser.request({ method: 'GET', url: `/api/v1/companies/${a.id}/history` })).json().data;
    expect(history.map((h: { changes: { field: string }[] }) => h.changes.map((ch) => ch.field))).toEqual([
      expect.any(Array),
      ['status'],
      ['tags'],
      ['tags'],
      ['ownerId'],
    ]);

    const list = await post(b.managerA.browser, '/api/v1/lists', { entity: 'company', name: 'Best' });
    expect((await bulk({ ids: [a.id, c.id], action: { type: 'addToList', listId: list.id } })).json()).toEqual({ changed: 2 });
    // At most 50 tags a record: one that is full is named, and no record gets the tag.
    const full = await post(b.managerA.browser, '/api/v1/companies', {
      name: 'Full',
      tags: Array.from({ length: 50 }, (_, i) => `t${i}`),
    });
    const tooMany = await bulk({ ids: [a.id, full.id], action: { type: 'addTag', tag: 'one-more' } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([{ path: 'ids.1', message: 'Already has 50 tags' }]);
    expect((await b.managerA.browser.request({ method: 'GET', url: `/api/v1/companies/${a.id}` })).json().tags).not.toContain('one-more');
    const contactList = await post(b.managerA.browser, '/api/v1/lists', { entity: 'contact', name: 'People' });
    const wrong = await bulk({ ids: [a.id], action: { type: 'addToList', listId: contactList.id } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('listId');
  });

  it('is all or nothing: a record out of reach is named, and no record changes', async () => {
    const b = await makeBakery(t);
    const mine = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Mine', status: 'new' });
    const colleagues = await post(b.employeeA2.browser, '/api/v1/companies', { name: 'Colleague', status: 'new' });
    const otherShop = await post(b.employeeB.browser, '/api/v1/companies', { name: 'Other shop', status: 'new' });

    const unseen = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/companies/bulk',
      payload: { ids: [mine.id, colleagues.id], action: { type: 'setStatus', status: 'lost' } },
    });
    expect(unseen.statusCode).toBe(404);
    expect(unseen.json().errors).toEqual([{ path: 'ids.1', message: 'No such company' }]);

    // An employee may not hand their record to a colleague: it would leave their reach.
    const givenAway = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/companies/bulk',
      payload: { ids: [mine.id], action: { type: 'assignOwner', ownerId: b.employeeA2.user.id } },
    });
    expect(givenAway.statusCode).toBe(403);
    expect(givenAway.json().errors).toEqual([{ path: 'ids.0', message: 'You may not change this record' }]);
    // The manager sees the whole shop, not the other one.
    const byManager = await b.managerA.browser.request({
      method: 'POST',
      url: '/api/v1/companies/bulk',
      payload: { ids: [mine.id, otherShop.id], action: { type: 'setStatus', status: 'lost' } },
    });
    expect(byManager.statusCode).toBe(404);

    expect((await b.owner.request({ method: 'GET', url: `/api/v1/companies/${mine.id}` })).json().owner.id).toBe(b.employeeA.user.id);
    for (const id of [mine.id, colleagues.id, otherShop.id]) {
      const company = (await b.owner.request({ method: 'GET', url: `/api/v1/companies/${id}` })).json();
      expect(company.status).toBe('new');
    }

    const badAction = await b.owner.request({
      method: 'POST',
      url: '/api/v1/companies/bulk',
      payload: { ids: [mine.id], action: { type: 'setStatus', status: 'sleeping' } },
    });
    expect(badAction.statusCode).toBe(400);
    const noIds = await b.owner.request({
      method: 'POST',
      url: '/api/v1/companies/bulk',
      payload: { ids: [], action: { type: 'addTag', tag: 'x' } },
    });
    expect(noIds.statusCode).toBe(400);
    const ghostOwner = await b.owner.request({
      method: 'POST',
      url: '/api/v1/contacts/bulk',
      payload: { ids: [mine.id], action: { type: 'assignOwner', ownerId: mine.id } },
    });
    expect(ghostOwner.statusCode).toBe(400);
    expect(ghostOwner.json().errors[0].path).toBe('ownerId');
  });

  it('works on contacts too, and only inside the workspace', async () => {
    const b = await makeBakery(t);
    const anna = await post(b.employeeA.browser, '/api/v1/contacts', { firstName: 'Anna', lastName: 'Neri' });
    const done = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/contacts/bulk',
      payload: { ids: [anna.id], action: { type: 'addTag', tag: 'birthday-gift' } },
    });
    expect(done.json()).toEqual({ changed: 1 });
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    const across = await stranger.request({
      method: 'POST',
      url: '/api/v1/contacts/bulk',
      payload: { ids: [anna.id], action: { type: 'setStatus', status: 'lost' } },
    });
    expect(across.statusCode).toBe(404);
    const after = (await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/contacts/${anna.id}` })).json();
    expect(after).toMatchObject({ status: 'new', tags: ['birthday-gift'] });
  });
});
