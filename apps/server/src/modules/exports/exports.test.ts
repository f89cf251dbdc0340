import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function post(browser: Browser, url: string, payload: unknown) {
  const response = await browser.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
  if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The rows of a CSV answer (no quoted line breaks in these tests). */
function csvRows(body: string): string[] {
  expect(body.startsWith('\ufeff')).toBe(true);
  return body.slice(1).trimEnd().split(/\r?\n/);
}

describe('exports', () => {
  it("writes the matching companies with the chosen columns, custom fields included, headed in the user's language", async () => {
    const b = await makeBakery(t);
    await post(b.owner, '/api/v1/custom-fields', {
      entity: 'company',
      key: 'credit',
      label: 'Credit limit',
      type: 'money',
      currency: 'EUR',
    });
    await post(b.owner, '/api/v1/custom-fields', {
      entity: 'company',
      key: 'delivery',
      label: 'Delivery day',
      type: 'select',
      options: [
        { value: 'mon', label: 'Monday' },
        { value: 'fri', label: 'Friday' },
      ],
    });
    await post(b.owner, '/api/v1/companies', {
      name: 'Caffè Centrale',
      status: 'active',
      city: 'Roma',
      phones: [{ label: 'orders', value: '+39 06 1234 5678' }],
      tags: ['horeca', 'vip'],
      custom: { credit: 1500.5, delivery: 'fri' },
    });
    await post(b.owner, '/api/v1/companies', { name: '=HYPERLINK("http://evil.example")', status: 'active', city: 'Roma' });
    await post(b.owner, '/api/v1/companies', { name: 'Bar Sport', status: 'lost', city: 'Roma' });

    const response = await b.owner.request({
      method: 'GET',
      url: '/api/v1/exports/companies?format=csv&columns=name,status,phones,tags,custom.credit,custom.delivery&filter[status]=active&sort=name',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="companies-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csvRows(response.body)).toEqual([
      'Name,Status,Phones,Tags,Credit limit,Delivery day',
      // A cell a spreadsheet would run as a formula is neutralised.
      `"'=HYPERLINK(""http://evil.example"")",Active,,,,`,
      'Caffè Centrale,Active,orders: +39 06 1234 5678,"horeca, vip",1500.5,Friday',
    ]);

    await b.owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'ru' } });
    const russian = await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?columns=name,status,city&filter[status]=lost' });
    expect(csvRows(russian.body)).toEqual(['Название,Статус,Город', 'Bar Sport,Потерян,Roma']);
    expect(russian.headers['content-disposition']).toContain("filename*=UTF-8''%D0%BA%D0%BE%D0%BC%D0%BF%D0%B0%D0%BD%D0%B8%D0%B8-");
  });

  it('contains only what the person may see: an employee their own, a manager their shop', async () => {
    const b = await makeBakery(t);
    await post(b.employeeA.browser, '/api/v1/contacts', { firstName: 'Anna', lastName: 'Neri' });
    await post(b.employeeA2.browser, '/api/v1/contacts', { firstName: 'Bruno', lastName: 'Verdi' });
    await post(b.employeeB.browser, '/api/v1/contacts', { firstName: 'Carla', lastName: 'Bianchi' });
    const names = async (browser: Browser) =>
      csvRows((await browser.request({ method: 'GET', url: '/api/v1/exports/contacts?columns=name' })).body).slice(1);
    expect(await names(b.employeeA.browser)).toEqual(['Anna Neri']);
    expect(await names(b.managerA.browser)).toEqual(['Anna Neri', 'Bruno Verdi']);
    expect(await names(b.owner)).toEqual(['Anna Neri', 'Bruno Verdi', 'Carla Bianchi']);

    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect(await names(stranger)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/contacts' })).statusCode).toBe(401);
  });

  it('writes an XLSX file with typed cells, every page of a long list', async () => {
    const b = await makeBakery(t);
    for (let start = 0; start < 230; start += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, 230 - start) }, (_, i) =>
          post(b.owner, '/api/v1/contacts', {
            firstName: 'Person',
            lastName: String(start + i).padStart(3, '0'),
            birthday: '1980-03-14',
          }),
        ),
      );
    }
    const response = await b.owner.request({ method: 'GET', url: '/api/v1/exports/contacts?format=xlsx&columns=name,birthday,createdAt' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(231);
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Name', 'Birthday', 'Created']);
    expect(sheet?.getRow(2).getCell(1).value).toBe('Person 000');
    expect(sheet?.getRow(231).getCell(1).value).toBe('Person 229');
    expect(sheet?.getRow(2).getCell(2).value).toEqual(new Date('1980-03-14T00:00:00Z'));
    expect(sheet?.getRow(2).getCell(3).value).toBeInstanceOf(Date);
  });

  it('neutralises a custom field label that reads like a formula', async () => {
    const b = await makeBakery(t);
    await post(b.owner, '/api/v1/custom-fields', { entity: 'company', key: 'sneaky', label: '=1+2', type: 'text' });
    await post(b.owner, '/api/v1/companies', { name: 'Forno', custom: { sneaky: '@SUM(A1)' } });
    const response = await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?columns=name,custom.sneaky' });
    expect(csvRows(response.body)).toEqual(["Name,'=1+2", "Forno,'@SUM(A1)"]);
  });

  it('refuses unknown columns, filters and formats, naming them', async () => {
    const b = await makeBakery(t);
    const columns = await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?columns=name,salary' });
    expect(columns.statusCode).toBe(400);
    expect(columns.headers['content-type']).toContain('application/problem+json');
    expect(columns.json().errors).toEqual([{ path: 'columns.1', message: 'No such column' }]);
    const filter = await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?filter[status]=sleeping' });
    expect(filter.statusCode).toBe(400);
    expect(filter.json().errors[0].path).toBe('filter[status]');
    const format = await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?format=pdf' });
    expect(format.statusCode).toBe(400);
    expect(format.json().errors[0].path).toBe('format');
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/exports/deals' })).statusCode).toBe(400);
  });

  it('writes contacts as vCard 4.0 cards that read back, only the ones the person may see; companies are refused', async () => {
    const b = await makeBakery(t);
    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Forno; Rossi' });
    await post(b.employeeA.browser, '/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Rossi',
      position: 'Buyer',
      city: 'Milano',
      birthday: '1980-05-04',
      phones: [{ label: 'cell', value: '+39 333 123 4567' }],
      emails: [{ label: '', value: 'anna@example.it' }],
      tags: ['vip', 'horeca'],
      notes: 'Likes rye, and seeds',
      companies: [{ companyId: company.id, role: '' }],
    });
    await post(b.employeeB.browser, '/api/v1/contacts', { firstName: 'Bea', lastName: 'Hidden' });
    const response = await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/exports/contacts?format=vcf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/vcard');
    expect(response.headers['content-disposition']).toMatch(/\.vcf"/);
    const parsed = ICAL.parse(response.body);
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((jcard: unknown) => new ICAL.Component(jcard as never));
    expect(cards).toHaveLength(1);
    const card = cards[0] as InstanceType<typeof ICAL.Component>;
    expect(card.getFirstPropertyValue('fn')).toBe('Anna Rossi');
    expect(card.getFirstPropertyValue('n')).toEqual(['Rossi', 'Anna', '', '', '']);
    expect(card.getFirstPropertyValue('tel')).toBe('+39 333 123 4567');
    expect(card.getFirstProperty('tel')?.getParameter('type')).toBe('cell');
    expect(card.getFirstPropertyValue('email')).toBe('anna@example.it');
    expect(card.getFirstPropertyValue('title')).toBe('Buyer');
    expect(card.getFirstPropertyValue('org')).toBe('Forno; Rossi');
    expect(String(card.getFirstPropertyValue('bday'))).toBe('1980-05-04');
    expect(card.getFirstPropertyValue('note')).toBe('Likes rye, and seeds');
    expect(card.getFirstProperty('categories')?.getValues()).toEqual(['vip', 'horeca']);
    const companies = await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?format=vcf' });
    expect(companies.statusCode).toBe(400);
    expect(companies.json().errors).toEqual([{ path: 'format', message: 'Contacts only' }]);
  });

  it('writes a large export as a job with progress; only its author fetches the file; a bad query makes no job', async () => {
    const b = await makeBakery(t);
    for (let i = 0; i < 30; i += 1)
      await post(b.employeeA.browser, '/api/v1/companies', { name: `Forno ${String(i).padStart(2, '0')}`, city: 'Roma' });
    await post(b.employeeB.browser, '/api/v1/companies', { name: 'Forno Bea', city: 'Roma' });
    const started = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { resource: 'companies', format: 'csv', columns: 'name,city', query: { 'filter[city]': 'Roma', sort: 'name' } },
    });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({ resource: 'companies', format: 'csv', processed: 0 });
    expect(['queued', 'running', 'done']).toContain(job.status);
    let current = job;
    for (let i = 0; i < 100 && current.status !== 'done' && current.status !== 'failed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = (await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}` })).json();
    }
    expect(current).toMatchObject({ status: 'done', total: 30, processed: 30, error: null });
    expect(current.size).toBeGreaterThan(100);
    const file = await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/\.csv"/);
    const rows = csvRows(file.body);
    expect(rows).toHaveLength(31);
    expect(rows[1]).toBe('Forno 00,Roma');
    expect(rows.join('\n')).not.toContain('Forno Bea');
    // Someone else, even an admin, does not get another person's file.
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}/file` })).statusCode).toBe(404);
    expect((await b.employeeA2.browser.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}` })).statusCode).toBe(404);
    const bad = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { resource: 'companies', columns: 'name,salary', query: {} },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'columns.1', message: 'No such column' }]);
  });
});
