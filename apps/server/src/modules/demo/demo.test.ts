import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../test/harness.ts';
import { loadDemoWorkspace } from './demo.service.ts';

const t = useTestApp();

describe('demo workspace', () => {
  it.each(['ru', 'it', 'en'] as const)('loads a living bakery in %s that its people can sign in to', async (locale) => {
    const result = await loadDemoWorkspace(t.db, {
      locale,
      customers: 24,
      password: 'demo password 1',
      emailDomain: `${locale}.demo.test`,
    });
    expect(result.logins.map((l) => l.role)).toEqual(['admin', 'manager', 'employee', 'employee']);
    const owner = await signIn(t, result.logins[0]?.email ?? '', 'demo password 1');
    const contacts = (await owner.request({ method: 'GET', url: '/api/v1/contacts?limit=5' })).json();
    expect(contacts.total).toBe(24);
    expect(contacts.data[0].custom.preferred_bread).toMatch(/^bread_/);
    expect((await owner.request({ method: 'GET', url: '/api/v1/companies' })).json().total).toBe(8);
    expect((await owner.request({ method: 'GET', url: '/api/v1/units' })).json().total).toBe(2);
    const employee = await signIn(t, result.logins[2]?.email ?? '', 'demo password 1');
    const own = (await employee.request({ method: 'GET', url: '/api/v1/contacts?limit=1' })).json();
    expect(own.total).toBe(12);
    expect(owner.session.user.locale).toBe(locale);
    // A shared view and a shared list to start from, seen by the whole team.
    const views = (await employee.request({ method: 'GET', url: '/api/v1/views?filter[entity]=contact' })).json().data;
    expect(views).toHaveLength(1);
    const lists = (await owner.request({ method: 'GET', url: '/api/v1/lists' })).json().data;
    expect(lists).toHaveLength(1);
    const best = (await owner.request({ method: 'GET', url: `/api/v1/contacts?filter[listId]=${lists[0].id}` })).json();
    expect(best.total).toBe(lists[0].memberCount);
    for (const member of best.data) expect(member).toMatchObject({ class: 'A', status: 'active' });
    // A relationship history with each business client: activities, a contract, an agreement.
    const company = (await owner.request({ method: 'GET', url: '/api/v1/companies?sort=name&limit=1' })).json().data[0];
    const timeline = (await owner.request({ method: 'GET', url: `/api/v1/companies/${company.id}/timeline` })).json().data;
    expect(new Set(timeline.map((item: { kind: string }) => item.kind))).toEqual(new Set(['activity', 'agreement', 'system']));
    expect(company.lastContactAt).not.toBeNull();
    expect((await owner.request({ method: 'GET', url: '/api/v1/contracts' })).json().total).toBe(8);
    expect((await owner.request({ method: 'GET', url: '/api/v1/contracts?filter[expired]=true' })).json().total).toBe(1);
    expect((await owner.request({ method: 'GET', url: '/api/v1/agreements?filter[binding]=true' })).json().total).toBe(8);
    // Sales: the breads in a price list, a deal with each business client (two won, one lost), a sent proposal, a confirmed order.
    expect((await owner.request({ method: 'GET', url: '/api/v1/products' })).json().total).toBe(8);
    expect((await owner.request({ method: 'GET', url: '/api/v1/deals' })).json().total).toBe(8);
    expect((await owner.request({ method: 'GET', url: '/api/v1/deals?filter[status]=won' })).json().total).toBe(2);
    expect((await owner.request({ method: 'GET', url: '/api/v1/deals?filter[status]=lost' })).json().total).toBe(1);
    expect((await owner.request({ method: 'GET', url: '/api/v1/quotes?filter[status]=sent' })).json().total).toBe(1);
    const order = (await owner.request({ method: 'GET', url: '/api/v1/orders' })).json().data[0];
    expect(order.status).toBe('confirmed');
    expect(order.lines).toHaveLength(1);
    // Its proposals carry the bakery's letterhead.
    const settings = (await owner.request({ method: 'GET', url: '/api/v1/workspace' })).json();
    expect(settings).toMatchObject({ email: `info@${locale}.demo.test`, hasLogo: false });
    expect(settings.legalName).toBeTruthy();
    expect(settings.taxNumber).toBeTruthy();
  });
});
