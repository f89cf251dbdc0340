import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const TAX = 'IT-SECRET-TAX-77123';
const BIRTHDAY = '1971-04-23';
const CUSTOM = 'secret-margin-0.37';

/**
 * A bakery whose employee Elio holds a role based on employee that hides companies' tax numbers,
 * contacts' birthdays and the companies' `margin` custom field, and makes deals' amounts read-only.
 */
async function bakeryWithRules() {
  const b = await makeBakery(t);
  await post(b.owner, '/api/v1/custom-fields', { entity: 'company', key: 'margin', label: 'Margin', type: 'text' });
  const company = await post(b.owner, '/api/v1/companies', {
    name: 'Forno Bianchi',
    taxNumber: TAX,
    ownerId: b.employeeA.user.id,
    custom: { margin: CUSTOM },
  });
  const contact = await post(b.owner, '/api/v1/contacts', {
    firstName: 'Lucia',
    lastName: 'Bianchi',
    birthday: BIRTHDAY,
    ownerId: b.employeeA.user.id,
  });
  const deal = await post(b.owner, '/api/v1/deals', {
    title: 'Weekly bread',
    companyId: company.id,
    amount: '1200.00',
    currency: 'EUR',
    ownerId: b.employeeA.user.id,
  });
  // The owner changes the tax number once, so the history holds an old and a new value.
  await b.owner.request({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, payload: { taxNumber: `${TAX}-2` } });
  const workspaceId = b.owner.session.user.workspace.id;
  const fieldRules = {
    companies: { taxNumber: 'hidden', 'custom.margin': 'hidden' },
    contacts: { birthday: 'hidden' },
    deals: { amount: 'read_only' },
  };
  const role = await t.pool.query<{ id: string }>(
    `INSERT INTO role (workspace_id, name, base_role, field_rules) VALUES ($1, 'Counter staff', 'employee', $2) RETURNING id`,
    [workspaceId, JSON.stringify(fieldRules)],
  );
  await t.pool.query('UPDATE app_user SET role_id = $1 WHERE workspace_id = $2 AND id = $3', [
    role.rows[0]?.id,
    workspaceId,
    b.employeeA.user.id,
  ]);
  const elio = await signIn(t, b.employeeA.user.email);
  return { ...b, elio, company, contact, deal, workspaceId, roleId: role.rows[0]?.id as string };
}

const text = async (browser: Browser, url: string) => {
  const response = await browser.request({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.body;
};

const secrets = [TAX, BIRTHDAY, CUSTOM];
const expectNoSecret = (body: string) => {
  for (const secret of secrets) expect(body).not.toContain(secret);
};

describe('field rules of a defined role', () => {
  it('leaves hidden fields out of records, lists, search and history, and keeps the rest', async () => {
    const b = await bakeryWithRules();
    const record = await get(b.elio, `/api/v1/companies/${b.company.id}`);
    expect(record.name).toBe('Forno Bianchi');
    expect('taxNumber' in record).toBe(false);
    expect(record.custom).toEqual({});
    const contact = await get(b.elio, `/api/v1/contacts/${b.contact.id}`);
    expect(contact.firstName).toBe('Lucia');
    expect('birthday' in contact).toBe(false);
    // A read-only field stays visible.
    expect((await get(b.elio, `/api/v1/deals/${b.deal.id}`)).amount).toBe('1200.00');

    for (const url of [
      `/api/v1/companies/${b.company.id}`,
      '/api/v1/companies',
      `/api/v1/companies/${b.company.id}/history`,
      '/api/v1/contacts',
      `/api/v1/contacts/${b.contact.id}`,
      `/api/v1/contacts/${b.contact.id}/history`,
      '/api/v1/search?q=Bianchi',
    ]) {
      expectNoSecret(await text(b.elio, url));
    }
    // Searching by a hidden value finds nothing (it would tell whose value it is).
    expect((await get(b.elio, `/api/v1/search?q=${TAX}`)).data).toEqual([]);
    expect((await get(b.owner, `/api/v1/search?q=${TAX}`)).data.map((hit: { id: string }) => hit.id)).toEqual([b.company.id]);
    const history = await get(b.elio, `/api/v1/companies/${b.company.id}/history`);
    expect(history.data.length).toBeGreaterThan(0);
    expect(history.data.flatMap((entry: { changes: { field: string }[] }) => entry.changes.map((c) => c.field))).not.toContain('taxNumber');
  });

  it('drops hidden columns from CSV and XLSX exports and hidden values from vCards', async () => {
    const b = await bakeryWithRules();
    const csv = await text(b.elio, '/api/v1/exports/companies?format=csv');
    expect(csv).toContain('Forno Bianchi');
    expectNoSecret(csv);
    // Naming a hidden column does not bring it back.
    expectNoSecret(await text(b.elio, '/api/v1/exports/companies?format=csv&columns=name,taxNumber,custom.margin'));
    const xlsx = await b.elio.request({ method: 'GET', url: '/api/v1/exports/companies?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells).toContain('Forno Bianchi');
    for (const secret of secrets) expect(cells.join('|')).not.toContain(secret);
    const vcf = await text(b.elio, '/api/v1/exports/contacts?format=vcf');
    expect(vcf).toContain('Lucia');
    expect(vcf).not.toContain('1971');
    expectNoSecret(await text(b.elio, '/api/v1/exports/contacts?format=xlsx'));
  });

  it('refuses writes to hidden and read-only fields with 403 field_read_only naming them, and changes nothing', async () => {
    const b = await bakeryWithRules();
    const attempts = [
      { url: `/api/v1/companies/${b.company.id}`, method: 'PATCH', payload: { taxNumber: 'NEW', city: 'Roma' }, path: 'taxNumber' },
      { url: `/api/v1/companies/${b.company.id}`, method: 'PATCH', payload: { custom: { margin: 'x' } }, path: 'custom.margin' },
      { url: `/api/v1/contacts/${b.contact.id}`, method: 'PATCH', payload: { birthday: '1980-01-01' }, path: 'birthday' },
      { url: `/api/v1/deals/${b.deal.id}`, method: 'PATCH', payload: { amount: '9.00', title: 'Changed' }, path: 'amount' },
      // The unchanged value is refused as well: a form leaves locked fields out.
      { url: `/api/v1/deals/${b.deal.id}`, method: 'PATCH', payload: { amount: '1200.00' }, path: 'amount' },
      { url: '/api/v1/companies', method: 'POST', payload: { name: 'New', taxNumber: 'T-1' }, path: 'taxNumber' },
      { url: '/api/v1/deals', method: 'POST', payload: { title: 'New', amount: '5.00' }, path: 'amount' },
    ] as const;
    for (const attempt of attempts) {
      const response = await b.elio.request({ method: attempt.method, url: attempt.url, payload: attempt.payload });
      expect(response.statusCode, response.body).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('field_read_only');
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([attempt.path]);
    }
    const company = await get(b.owner, `/api/v1/companies/${b.company.id}`);
    expect(company.taxNumber).toBe(`${TAX}-2`);
    expect(company.city).toBeNull();
    expect(company.custom).toEqual({ margin: CUSTOM });
    expect((await get(b.owner, `/api/v1/contacts/${b.contact.id}`)).birthday).toBe(BIRTHDAY);
    const deal = await get(b.owner, `/api/v1/deals/${b.deal.id}`);
    expect(deal.amount).toBe('1200.00');
    expect(deal.title).toBe('Weekly bread');
    expect((await get(b.owner, '/api/v1/companies?q=New')).data).toEqual([]);
    // Fields without rules still change.
    const allowed = await b.elio.request({ method: 'PATCH', url: `/api/v1/deals/${b.deal.id}`, payload: { title: 'Daily bread' } });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().amount).toBe('1200.00');
  });

  it('refuses an import mapping that fills a locked field', async () => {
    const b = await bakeryWithRules();
    const csv = 'Name,Tax number\nForno Verdi,IT-999\n';
    const boundary = 'fieldrules';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\ncompany\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="companies.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const upload = await b.elio.request({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const id = upload.json().id;
    const mapping = await b.elio.request({
      method: 'PUT',
      url: `/api/v1/imports/${id}/mapping`,
      payload: { columns: [{ field: 'name' }, { field: 'taxNumber' }] },
    });
    expect(mapping.statusCode, mapping.body).toBe(403);
    expect(mapping.json().code).toBe('field_read_only');
    expect(mapping.json().errors).toEqual([{ path: 'columns.1.field', message: expect.any(String) }]);
    const skipping = await b.elio.request({
      method: 'PUT',
      url: `/api/v1/imports/${id}/mapping`,
      payload: { columns: [{ field: 'name' }, { field: null }] },
    });
    expect(skipping.statusCode, skipping.body).toBe(200);
  });

  it('refuses amount reports when deal amounts are hidden, and hides the credit limit and line discounts', async () => {
    const b = await bakeryWithRules();
    await t.pool.query('UPDATE role SET field_rules = $1 WHERE workspace_id = $2 AND id = $3', [
      JSON.stringify({ deals: { amount: 'hidden' }, companies: { creditLimit: 'hidden' }, sales: { discountPercent: 'hidden' } }),
      b.workspaceId,
      b.roleId,
    ]);
    const elio = await signIn(t, b.employeeA.user.email);
    const deal = await get(elio, `/api/v1/deals/${b.deal.id}`);
    expect('amount' in deal).toBe(false);
    expect('amountBase' in deal).toBe(false);
    expect(await text(elio, '/api/v1/deals')).not.toContain('1200');
    expect(await text(elio, `/api/v1/pipelines/${b.deal.pipelineId}/board`)).not.toContain('1200');

    const sum = await elio.request({
      method: 'POST',
      url: '/api/v1/reports/builder/run',
      payload: { entity: 'deals', groupBy: 'stage', measure: 'sum' },
    });
    expect(sum.statusCode, sum.body).toBe(403);
    expect(sum.json().code).toBe('field_hidden');
    const count = await elio.request({
      method: 'POST',
      url: '/api/v1/reports/builder/run',
      payload: { entity: 'deals', groupBy: 'stage', measure: 'count' },
    });
    expect(count.statusCode, count.body).toBe(200);
    for (const url of ['/api/v1/reports/sales?groupBy=month', '/api/v1/reports/won-lost?groupBy=month', '/api/v1/reports/funnel']) {
      const response = await elio.request({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(403);
      expect(response.json().code).toBe('field_hidden');
    }

    await b.owner.request({ method: 'PUT', url: `/api/v1/credit/companies/${b.company.id}`, payload: { limit: '5000.00' } });
    const credit = await get(elio, `/api/v1/credit/companies/${b.company.id}`);
    expect('limit' in credit).toBe(false);
    expect(credit.exposure).toBeDefined();
    expect((await get(b.owner, `/api/v1/credit/companies/${b.company.id}`)).limit).toBe('5000.00');
    const write = await elio.request({ method: 'PUT', url: `/api/v1/credit/companies/${b.company.id}`, payload: { limit: '1.00' } });
    expect(write.statusCode).toBe(403);

    const quote = await elio.request({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: {
        companyId: b.company.id,
        currency: 'EUR',
        lines: [{ description: 'Rye', quantity: '2', unitPrice: '3.00', discountPercent: '7' }],
      },
    });
    expect(quote.statusCode, quote.body).toBe(403);
    expect(quote.json().errors[0].path).toBe('lines.0.discountPercent');
    const made = await elio.request({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: { companyId: b.company.id, currency: 'EUR', lines: [{ description: 'Rye', quantity: '2', unitPrice: '3.00' }] },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect('discountPercent' in made.json().lines[0]).toBe(false);
    expect('discountPercent' in (await get(b.owner, `/api/v1/quotes/${made.json().id}`)).lines[0]).toBe(true);
  });

  it('shows an admin everything', async () => {
    const b = await bakeryWithRules();
    const record = await get(b.owner, `/api/v1/companies/${b.company.id}`);
    expect(record.taxNumber).toBe(`${TAX}-2`);
    expect(record.custom).toEqual({ margin: CUSTOM });
    expect((await get(b.owner, `/api/v1/contacts/${b.contact.id}`)).birthday).toBe(BIRTHDAY);
    expect(await text(b.owner, `/api/v1/companies/${b.company.id}/history`)).toContain(TAX);
    expect(await text(b.owner, '/api/v1/exports/companies?format=csv')).toContain(TAX);
  });
});
