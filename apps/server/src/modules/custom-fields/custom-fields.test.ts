import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { type Browser, makeWorkspace, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function admin() {
  const { admin } = await makeWorkspace(t);
  return signIn(t, admin.email);
}

const bread = {
  entity: 'contact',
  key: 'preferred_bread',
  label: 'Preferred bread',
  type: 'select',
  options: [
    { value: 'rye', label: 'Rye' },
    { value: 'ciabatta', label: 'Ciabatta' },
  ],
};

describe('custom fields', () => {
  it('an admin adds "Preferred bread"; contacts hold it, lists filter by it, the history shows it', async () => {
    const browser = await admin();
    const field = await post(browser, '/api/v1/custom-fields', bread);
    expect(field).toMatchObject({ key: 'preferred_bread', type: 'select', required: false });
    const giulia = await post(browser, '/api/v1/contacts', { firstName: 'Giulia', custom: { preferred_bread: 'rye' } });
    await post(browser, '/api/v1/contacts', { firstName: 'Marco', custom: { preferred_bread: 'ciabatta' } });
    expect(giulia.custom).toEqual({ preferred_bread: 'rye' });
    const rye = (await browser.request({ method: 'GET', url: '/api/v1/contacts?filter[custom.preferred_bread]=rye' })).json();
    expect(rye.data.map((c: { name: string }) => c.name)).toEqual(['Giulia']);
    await browser.request({ method: 'PATCH', url: `/api/v1/contacts/${giulia.id}`, payload: { custom: { preferred_bread: 'ciabatta' } } });
    const history = (await browser.request({ method: 'GET', url: `/api/v1/contacts/${giulia.id}/history` })).json().data;
    expect(history[1].changes).toEqual([{ field: 'custom.preferred_bread', old: 'rye', new: 'ciabatta' }]);
    const fields = (await browser.request({ method: 'GET', url: '/api/v1/custom-fields?entity=contact' })).json();
    expect(fields.data.map((f: { key: string }) => f.key)).toEqual(['preferred_bread']);
  });

  it('deleting a field takes its values off the records and out of saved views; the history keeps them', async () => {
    const browser = await admin();
    const field = await post(browser, '/api/v1/custom-fields', bread);
    const giulia = await post(browser, '/api/v1/contacts', { firstName: 'Giulia', custom: { preferred_bread: 'rye' } });
    const view = await post(browser, '/api/v1/views', {
      entity: 'contact',
      name: 'Rye',
      query: { 'filter[custom.preferred_bread]': 'rye', 'filter[status]': 'new' },
      columns: ['name', 'custom.preferred_bread'],
    });
    expect((await browser.request({ method: 'DELETE', url: `/api/v1/custom-fields/${field.id}` })).statusCode).toBe(204);

    expect((await browser.request({ method: 'GET', url: `/api/v1/contacts/${giulia.id}` })).json().custom).toEqual({});
    const kept = (await browser.request({ method: 'GET', url: `/api/v1/views/${view.id}` })).json();
    expect(kept).toMatchObject({ query: { 'filter[status]': 'new' }, columns: ['name'] });
    const history = (await browser.request({ method: 'GET', url: `/api/v1/contacts/${giulia.id}/history` })).json().data;
    expect(history[0].changes).toContainEqual({ field: 'custom.preferred_bread', old: null, new: 'rye' });

    // Made again under the same key, of another type, the field starts empty.
    await post(browser, '/api/v1/custom-fields', { entity: 'contact', key: 'preferred_bread', label: 'Bread', type: 'number' });
    expect((await browser.request({ method: 'GET', url: `/api/v1/contacts/${giulia.id}` })).json().custom).toEqual({});
    expect((await browser.request({ method: 'DELETE', url: `/api/v1/custom-fields/${field.id}` })).statusCode).toBe(404);
  });

  it('checks every value: unknown field, unknown option, wrong type, required', async () => {
    const browser = await admin();
    await post(browser, '/api/v1/custom-fields', bread);
    await post(browser, '/api/v1/custom-fields', {
      entity: 'company',
      key: 'credit_limit',
      label: 'Credit limit',
      type: 'money',
      currency: 'EUR',
    });
    await post(browser, '/api/v1/custom-fields', {
      entity: 'company',
      key: 'vat_checked',
      label: 'VAT checked',
      type: 'boolean',
      required: true,
    });
    const badContact = await browser.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { firstName: 'X', custom: { preferred_bread: 'baguette', shoe_size: 42 } },
    });
    expect(badContact.statusCode).toBe(400);
    expect(badContact.json().errors).toEqual([
      { path: 'custom.preferred_bread', message: 'Not one of the options' },
      { path: 'custom.shoe_size', message: 'No such custom field' },
    ]);
    const badCompany = await browser.request({
      method: 'POST',
      url: '/api/v1/companies',
      payload: { name: 'Y', custom: { credit_limit: '1000' } },
    });
    expect(badCompany.statusCode).toBe(400);
    expect(badCompany.json().errors).toEqual([
      { path: 'custom.credit_limit', message: 'Expected a number' },
      { path: 'custom.vat_checked', message: 'Required' },
    ]);
    const good = await post(browser, '/api/v1/companies', { name: 'Z', custom: { credit_limit: 5000, vat_checked: true } });
    expect(good.custom).toEqual({ credit_limit: 5000, vat_checked: true });
    const list = (await browser.request({ method: 'GET', url: '/api/v1/companies?filter[custom.credit_limit]=5000' })).json();
    expect(list.total).toBe(1);
    const unknownFilter = await browser.request({ method: 'GET', url: '/api/v1/companies?filter[custom.nope]=1' });
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().errors[0].path).toBe('filter[custom.nope]');
    expect((await browser.request({ method: 'GET', url: '/api/v1/contacts' })).json().total).toBe(0);
  });

  it('refuses bad definitions and lets only admins define fields', async () => {
    const browser = await admin();
    const noOptions = await browser.request({ method: 'POST', url: '/api/v1/custom-fields', payload: { ...bread, options: [] } });
    expect(noOptions.statusCode).toBe(400);
    expect(noOptions.json().errors[0].path).toBe('options');
    const badKey = await browser.request({ method: 'POST', url: '/api/v1/custom-fields', payload: { ...bread, key: 'Preferred Bread' } });
    expect(badKey.json().errors[0].path).toBe('key');
    const noCurrency = await browser.request({
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: { entity: 'company', key: 'limit', label: 'Limit', type: 'money' },
    });
    expect(noCurrency.json().errors[0].path).toBe('currency');
    await post(browser, '/api/v1/custom-fields', bread);
    const twice = await browser.request({ method: 'POST', url: '/api/v1/custom-fields', payload: bread });
    expect(twice.statusCode).toBe(409);

    const email = uniqueEmail();
    await browser.request({ method: 'POST', url: '/api/v1/users', payload: { email, name: 'Mgr', password: PASSWORD, role: 'manager' } });
    const manager = await signIn(t, email);
    expect((await manager.request({ method: 'GET', url: '/api/v1/custom-fields' })).json().total).toBe(1);
    expect((await manager.request({ method: 'POST', url: '/api/v1/custom-fields', payload: { ...bread, key: 'other' } })).statusCode).toBe(
      403,
    );
  });
});

/** A second server process on the same database: its own pool, and so its own memory of custom fields. */
async function secondServer() {
  const { db, pool } = createDatabase(t.url, 3);
  const app = await buildApp({ db, ping: async () => {}, logLevel: 'silent' });
  return {
    /** The browser's request, sent to this server instead. */
    as: (browser: Browser) => (options: InjectOptions) =>
      app.inject({ ...options, headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken } } as InjectOptions),
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

describe('the custom fields a new company is checked against', () => {
  it('a field created, changed or deleted, on this server, on another or in the database, counts from the very next create', async () => {
    const other = await secondServer();
    try {
      const { workspace, admin } = await makeWorkspace(t);
      const browser = await signIn(t, admin.email);
      const here = browser.request;
      const there = other.as(browser);
      const create = (send: typeof here, payload: Record<string, unknown>) => send({ method: 'POST', url: '/api/v1/companies', payload });
      const errors = async (send: typeof here, payload: Record<string, unknown>) => {
        const response = await create(send, payload);
        expect(response.statusCode).toBe(400);
        return response.json().errors;
      };
      const created = async (send: typeof here, payload: Record<string, unknown>) => {
        const response = await create(send, payload);
        expect(response.statusCode, response.body).toBe(201);
        return response.json();
      };
      // Both servers read the workspace's company fields, none yet, and keep them.
      await created(here, { name: 'Before' });
      await created(there, { name: 'Before' });

      const tier = await post(browser, '/api/v1/custom-fields', {
        entity: 'company',
        key: 'tier',
        label: 'Tier',
        type: 'select',
        required: true,
        options: [
          { value: 'gold', label: 'Gold' },
          { value: 'silver', label: 'Silver' },
        ],
      });
      for (const send of [here, there]) {
        expect(await errors(send, { name: 'No tier' })).toEqual([{ path: 'custom.tier', message: 'Required' }]);
        expect((await created(send, { name: 'Gold', custom: { tier: 'gold' } })).custom).toEqual({ tier: 'gold' });
      }

      // Changed on the other server: an option goes, another comes.
      const changed = await there({
        method: 'PATCH',
        url: `/api/v1/custom-fields/${tier.id}`,
        payload: {
          options: [
            { value: 'gold', label: 'Gold' },
            { value: 'bronze', label: 'Bronze' },
          ],
        },
      });
      expect(changed.statusCode).toBe(200);
      for (const send of [here, there]) {
        expect(await errors(send, { name: 'Silver', custom: { tier: 'silver' } })).toEqual([
          { path: 'custom.tier', message: 'Not one of the options' },
        ]);
        await created(send, { name: 'Bronze', custom: { tier: 'bronze' } });
      }

      // Changed in the database, as an import adding an option does.
      await t.pool.query(`UPDATE custom_field SET required = false WHERE workspace_id = $1 AND id = $2`, [workspace.id, tier.id]);
      for (const send of [here, there]) await created(send, { name: 'Tier optional' });

      expect((await here({ method: 'DELETE', url: `/api/v1/custom-fields/${tier.id}` })).statusCode).toBe(204);
      for (const send of [there, here]) {
        expect(await errors(send, { name: 'Tier gone', custom: { tier: 'gold' } })).toEqual([
          { path: 'custom.tier', message: 'No such custom field' },
        ]);
        expect((await created(send, { name: 'After' })).custom).toEqual({});
      }

      // A write refused for out-of-date fields left nothing behind; every company has its one history entry.
      const written = await t.pool.query<{ name: string; entries: number }>(
        `SELECT c.name, (SELECT count(*)::int FROM record_change r WHERE r.workspace_id = c.workspace_id AND r.entity_id = c.id) AS entries
         FROM company c WHERE c.workspace_id = $1 ORDER BY c.created_at, c.name`,
        [workspace.id],
      );
      expect(written.rows.map((row) => row.name).sort()).toEqual(
        ['After', 'After', 'Before', 'Before', 'Bronze', 'Bronze', 'Gold', 'Gold', 'Tier optional', 'Tier optional'].sort(),
      );
      expect(written.rows.every((row) => row.entries === 1)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
