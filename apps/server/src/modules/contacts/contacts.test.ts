import { describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function workspace() {
  const { admin } = await makeWorkspace(t);
  const owner = await signIn(t, admin.email);
  const email = uniqueEmail('emp');
  await owner.request({ method: 'POST', url: '/api/v1/users', payload: { email, name: 'Elio', password: PASSWORD, role: 'employee' } });
  return { owner, employee: await signIn(t, email) };
}

describe('contacts', () => {
  it('creates a regular with birthday, preferences and the companies they work for', async () => {
    const { owner } = await workspace();
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè Centrale' });
    const hotel = await post(owner, '/api/v1/companies', { name: 'Hotel Roma' });
    const response = await owner.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: {
        firstName: 'Giulia',
        lastName: 'Bianchi',
        position: 'Buyer',
        birthday: '1985-03-14',
        preferredChannel: 'phone',
        preferences: 'Rye bread, no sugar; cornetti on Sundays',
        personalEvents: 'Daughter graduated in June',
        phones: [{ label: 'mobile', value: '+39 333 123 4567' }],
        companies: [
          { companyId: cafe.id, role: 'buyer' },
          { companyId: hotel.id, role: 'owner' },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Giulia Bianchi',
      birthday: '1985-03-14',
      preferredChannel: 'phone',
      companies: [
        { id: cafe.id, name: 'Caffè Centrale', role: 'buyer' },
        { id: hotel.id, name: 'Hotel Roma', role: 'owner' },
      ],
    });
    const atCafe = (await owner.request({ method: 'GET', url: `/api/v1/contacts?filter[companyId]=${cafe.id}` })).json();
    expect(atCafe.data.map((c: { name: string }) => c.name)).toEqual(['Giulia Bianchi']);
    const march = (await owner.request({ method: 'GET', url: '/api/v1/contacts?filter[birthdayMonth]=3' })).json();
    expect(march.total).toBe(1);
    expect((await owner.request({ method: 'GET', url: '/api/v1/contacts?filter[birthdayMonth]=4' })).json().total).toBe(0);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const { owner } = await workspace();
    const other = await makeWorkspace(t);
    const foreign = await post(await signIn(t, other.admin.email), '/api/v1/companies', { name: 'Foreign' });
    const noName = await owner.request({ method: 'POST', url: '/api/v1/contacts', payload: { firstName: ' ', position: 'X' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors).toEqual([{ path: 'lastName', message: 'A first or a last name is needed' }]);
    const bad = await owner.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { firstName: 'A', birthday: '1985-02-30', preferredChannel: 'pigeon', emails: [{ value: 'nope' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['birthday', 'emails.0.value', 'preferredChannel']);
    const foreignLink = await owner.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { firstName: 'A', companies: [{ companyId: foreign.id, role: 'spy' }] },
    });
    expect(foreignLink.statusCode).toBe(400);
    expect(foreignLink.json().errors).toEqual([{ path: 'companies.0.companyId', message: 'No such company' }]);
    expect((await owner.request({ method: 'GET', url: '/api/v1/contacts' })).json().total).toBe(0);
  });

  it('keeps employees to their own contacts and hides companies they may not see', async () => {
    const { owner, employee } = await workspace();
    const ownersCompany = await post(owner, '/api/v1/companies', { name: 'Owner Only Srl' });
    const mine = await post(employee, '/api/v1/contacts', { firstName: 'Mia' });
    const theirs = await post(owner, '/api/v1/contacts', { firstName: 'Theo' });
    await owner.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${mine.id}`,
      payload: { companies: [{ companyId: ownersCompany.id, role: 'cook' }] },
    });

    const list = (await employee.request({ method: 'GET', url: '/api/v1/contacts' })).json();
    expect(list.data.map((c: { name: string }) => c.name)).toEqual(['Mia']);
    expect(list.data[0].companies).toEqual([]);
    expect((await employee.request({ method: 'GET', url: `/api/v1/contacts/${mine.id}` })).json().companies).toEqual([]);
    expect((await employee.request({ method: 'GET', url: `/api/v1/contacts/${theirs.id}` })).statusCode).toBe(404);
    expect((await employee.request({ method: 'GET', url: '/api/v1/search?q=Theo' })).json().data).toEqual([]);
    expect((await owner.request({ method: 'GET', url: `/api/v1/contacts/${mine.id}` })).json().companies).toEqual([
      { id: ownersCompany.id, name: 'Owner Only Srl', role: 'cook' },
    ]);
  });

  it('records changes of fields and of company links in the history', async () => {
    const { owner } = await workspace();
    const cafe = await post(owner, '/api/v1/companies', { name: 'Caffè' });
    const contact = await post(owner, '/api/v1/contacts', { firstName: 'Ugo' });
    await owner.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      payload: { lastName: 'Neri', companies: [{ companyId: cafe.id, role: 'barista' }] },
    });
    const blank = await owner.request({ method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, payload: { firstName: '', lastName: '' } });
    expect(blank.statusCode).toBe(400);
    const history = (await owner.request({ method: 'GET', url: `/api/v1/contacts/${contact.id}/history` })).json().data;
    expect(history).toHaveLength(2);
    expect(history[1].changes).toEqual([
      { field: 'lastName', old: '', new: 'Neri' },
      { field: 'companies', old: null, new: ['Caffè (barista)'] },
    ]);
    expect((await owner.request({ method: 'GET', url: `/api/v1/contacts/${contact.id}` })).json().name).toBe('Ugo Neri');
  });

  it('puts the contact named exactly what was typed first, even among hundreds of other matches', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    await t.pool.query(
      `INSERT INTO contact (workspace_id, first_name, last_name, owner_id)
       SELECT $1, 'Giulia', 'Namesake ' || i, $2 FROM generate_series(1, 400) i`,
      [admin.workspaceId, admin.id],
    );
    const exact = await post(owner, '/api/v1/contacts', { firstName: 'Giulia' });
    const hits = (await owner.request({ method: 'GET', url: '/api/v1/search?q=giulia' })).json().data;
    expect(hits).toHaveLength(20);
    expect(hits[0]).toMatchObject({ type: 'contact', id: exact.id, title: 'Giulia' });
    expect(hits.slice(1).every((hit: { title: string }) => hit.title.startsWith('Giulia Namesake'))).toBe(true);
  });

  it("finds an employee's own contact despite a typo, and nobody else's", async () => {
    const { owner, employee } = await workspace();
    await post(employee, '/api/v1/contacts', { firstName: 'Giuseppina', lastName: 'Verdi' });
    await post(owner, '/api/v1/contacts', { firstName: 'Giuseppina', lastName: 'Rossi' });
    const titles = async (who: typeof owner) =>
      (await who.request({ method: 'GET', url: '/api/v1/search?q=Guiseppina' })).json().data.map((hit: { title: string }) => hit.title);
    expect(await titles(employee)).toEqual(['Giuseppina Verdi']);
    expect((await titles(owner)).sort()).toEqual(['Giuseppina Rossi', 'Giuseppina Verdi']);
  });

  it('is found by a phone number typed in another format', async () => {
    const { owner } = await workspace();
    await post(owner, '/api/v1/contacts', { firstName: 'Ольга', lastName: 'Петрова', phones: [{ label: '', value: '8 (916) 555-12-34' }] });
    const hits = (await owner.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('+7 916 555 1234')}` })).json().data;
    expect(hits).toEqual([expect.objectContaining({ type: 'contact', title: 'Ольга Петрова' })]);
    const listed = (await owner.request({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent('916-555-12')}` })).json();
    expect(listed.total).toBe(1);
  });
});
