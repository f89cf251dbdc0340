import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TImport, TImportPreview, TImportProblem } from '@clientela/contract';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';
import { runImport } from './run.ts';

const t = useTestApp({ jobs: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5, onError: (error) => console.error(error) } });

const here = path.dirname(fileURLToPath(import.meta.url));
const ACCOUNTS = path.resolve(here, '../../test/fixtures/maven-crm-accounts.csv');

/** A multipart body as a browser sends it: the entity field, then the file. */
function multipart(entity: string | null, fileName: string, content: Buffer) {
  const boundary = '----clientela-test-boundary';
  const parts: Buffer[] = [];
  if (entity !== null) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\n${entity}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(browser: Browser, entity: string | null, fileName: string, content: Buffer) {
  const { payload, headers } = multipart(entity, fileName, content);
  return browser.request({ method: 'POST', url: '/api/v1/imports', payload, headers });
}

async function uploaded(browser: Browser, entity: string, fileName: string, content: Buffer): Promise<TImport> {
  const response = await upload(browser, entity, fileName, content);
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function finished(browser: Browser, id: string): Promise<TImport> {
  for (let i = 0; i < 200; i += 1) {
    const current = (await browser.request({ method: 'GET', url: `/api/v1/imports/${id}` })).json<TImport>();
    if (current.status === 'done' || current.status === 'failed' || current.status === 'cancelled') return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not finish');
}

async function run(browser: Browser, id: string): Promise<TImport> {
  const response = await browser.request({ method: 'POST', url: `/api/v1/imports/${id}/run` });
  expect(response.statusCode).toBe(202);
  return finished(browser, id);
}

async function problems(browser: Browser, id: string): Promise<TImportProblem[]> {
  return (await browser.request({ method: 'GET', url: `/api/v1/imports/${id}/problems?limit=200` })).json().data;
}

const sum = (i: TImport) => i.counts.created + i.counts.updated + i.counts.skipped + i.counts.rejected;

describe('imports', () => {
  it('imports the Maven accounts: 85 companies, the groups of subsidiary_of, and the misspelt sector as the user chooses', async () => {
    const b = await makeBakery(t);
    const sectors = [
      'technology',
      'medical',
      'retail',
      'software',
      'services',
      'marketing',
      'finance',
      'entertainment',
      'employment',
      'telecommunications',
    ];
    const field = await b.owner.request({
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: { entity: 'company', key: 'sector', label: 'Sector', type: 'select', options: sectors.map((s) => ({ value: s, label: s })) },
    });
    expect(field.statusCode).toBe(201);
    await b.owner.request({
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: { entity: 'company', key: 'employees', label: 'Employees', type: 'number' },
    });

    const file = fs.readFileSync(ACCOUNTS);
    const imp = await uploaded(b.owner, 'company', 'accounts.csv', file);
    expect(imp).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', rowCount: 85, status: 'mapping' });
    expect(imp.headers).toEqual(['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of']);
    // Suggested from the headers and the custom fields' keys.
    expect(imp.mapping.columns.map((c) => c.field)).toEqual([
      'name',
      'custom.sector',
      null,
      null,
      'custom.employees',
      'region',
      'parentCompany',
    ]);

    const preview = (await b.owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}/preview` })).json<TImportPreview>();
    expect(preview.rows).toHaveLength(20);
    const acme = preview.rows[0];
    expect(acme?.cells[0]).toBe('Acme Corporation');
    expect(acme?.problems).toContainEqual(expect.objectContaining({ code: 'unknown_value', column: 1, value: 'technolgy' }));
    expect(preview.unknownValues).toEqual([
      expect.objectContaining({ field: 'custom.sector', value: 'technolgy', count: 12, suggestion: 'technology' }),
    ]);

    // The user takes the suggestion: the value is corrected, and each corrected row is reported.
    const mapping = { ...imp.mapping, values: { 'custom.sector': { technolgy: { action: 'use', value: 'technology' } } } };
    const saved = await b.owner.request({ method: 'PUT', url: `/api/v1/imports/${imp.id}/mapping`, payload: mapping });
    expect(saved.statusCode).toBe(200);
    const done = await run(b.owner, imp.id);
    expect(done.counts).toEqual({ created: 85, updated: 0, skipped: 0, rejected: 0, modified: 12 });
    expect(done.processed).toBe(85);

    const tech = (await b.owner.request({ method: 'GET', url: '/api/v1/companies?filter[custom.sector]=technology&limit=100' })).json();
    expect(tech.total).toBe(12);
    const list = (await b.owner.request({ method: 'GET', url: '/api/v1/companies?q=Bluth%20Company' })).json();
    const bluth = list.data[0];
    expect(bluth).toMatchObject({ name: 'Bluth Company', region: 'United States', custom: { sector: 'technology', employees: 3027 } });
    expect(bluth.group).toEqual({ id: expect.any(String), name: 'Acme Corporation' });
    const group = (await b.owner.request({ method: 'GET', url: `/api/v1/companies?filter[groupId]=${bluth.group.id}&limit=50` })).json();
    expect(group.data.map((c: { name: string }) => c.name).sort()).toEqual([
      'Acme Corporation',
      'Bluth Company',
      'Codehow',
      'Donquadtech',
      'Iselectrics',
    ]);
    const acmeRecord = group.data.find((c: { name: string }) => c.name === 'Acme Corporation');
    expect(group.data.find((c: { name: string }) => c.name === 'Codehow').parentCompanyId).toBe(acmeRecord.id);
    const reported = await problems(b.owner, imp.id);
    expect(reported.filter((p) => p.code === 'value_corrected')).toHaveLength(12);

    // The same file again: every row is found in the base and skipped; nothing doubles.
    const again = await uploaded(b.owner, 'company', 'accounts.csv', file);
    const second = await run(b.owner, again.id);
    expect(second.counts).toMatchObject({ created: 0, skipped: 85 });
    const all = (await b.owner.request({ method: 'GET', url: '/api/v1/companies?limit=1' })).json();
    expect(all.total).toBe(85);
  });

  it('keeps an unknown value as written when the user says so: the choice field learns it', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    await owner.request({
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: {
        entity: 'company',
        key: 'sector',
        label: 'Sector',
        type: 'select',
        options: [{ value: 'technology', label: 'Technology' }],
      },
    });
    const imp = await uploaded(owner, 'company', 'sectors.csv', Buffer.from('Name,Sector\nAlfa,technolgy\nBeta,Technology\n'));
    await owner.request({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/mapping`,
      payload: { ...imp.mapping, values: { 'custom.sector': { technolgy: { action: 'keep' } } } },
    });
    const done = await run(owner, imp.id);
    expect(done.counts.created).toBe(2);
    const fields = (await owner.request({ method: 'GET', url: '/api/v1/custom-fields?entity=company' })).json();
    expect(fields.data[0].options.map((o: { value: string }) => o.value)).toEqual(['technology', 'technolgy']);
    const alfa = (await owner.request({ method: 'GET', url: '/api/v1/companies?q=Alfa' })).json().data[0];
    expect(alfa.custom.sector).toBe('technolgy');
  });

  it('leaves out a website that is not a web address, and reports it with its line', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const content = Buffer.from('Name,Website\nAlfa,https://alfa.example\nBeta,javascript:alert(1)\nGamma,gamma.example\n');
    const imp = await uploaded(owner, 'company', 'sites.csv', content);
    expect(imp.mapping.columns.map((c: { field: string | null }) => c.field)).toEqual(['name', 'website']);
    const done = await run(owner, imp.id);
    expect(done.counts.created).toBe(3);
    expect(await problems(owner, imp.id)).toEqual([
      expect.objectContaining({ line: 3, field: 'website', code: 'invalid_website', value: 'javascript:alert(1)' }),
    ]);
    const sites = (await owner.request({ method: 'GET', url: '/api/v1/companies?sort=name' })).json().data;
    expect(sites.map((c: { name: string; website: string | null }) => [c.name, c.website])).toEqual([
      ['Alfa', 'https://alfa.example'],
      ['Beta', null],
      ['Gamma', 'gamma.example'],
    ]);
  });

  it('imports a Windows-1251 CSV of messy contacts: every row accounted for, values normalised, problems reported', async () => {
    const { admin } = await makeWorkspace(t, { locale: 'ru' });
    const owner = await signIn(t, admin.email);
    const text = [
      'ФИО;Телефон;E-mail;Город;Статус',
      'Иванов Иван Иванович;8 (912) 345-67-89;Ivan@Example.RU;Москва;активный',
      '  иванов   иван иванович ;+7 912 345 67 89;;Москва;',
      ';;;;',
      'Петрова Анна;912-000-11;anna(at)mail;Казань;спящий',
      ';+7 999 111 22 33;no.name@example.ru;;',
      'Сидоров Пётр;+7 (495) 123-45-67;petr@example.ru;Москва;ушёл',
      '',
    ].join('\r\n');
    const content = iconv.encode(text, 'windows-1251');
    const imp = await uploaded(owner, 'contact', 'клиенты.csv', content);
    expect(imp).toMatchObject({ encoding: 'windows-1251', delimiter: ';', rowCount: 6 });
    expect(imp.headers[0]).toBe('ФИО');
    expect(imp.mapping.columns.map((c) => c.field)).toEqual(['fullName', 'phones', 'emails', 'city', 'status']);
    const done = await run(owner, imp.id);
    // 6 rows: 3 created, the repeated Ivanov and the empty line skipped, the nameless row rejected.
    expect(done.counts).toMatchObject({ created: 3, skipped: 2, rejected: 1 });
    expect(sum(done)).toBe(imp.rowCount);
    const reported = await problems(owner, imp.id);
    const byLine = (line: number) => reported.filter((p) => p.line === line).map((p) => p.code);
    expect(byLine(3)).toEqual(['duplicate_in_file']);
    expect(byLine(4)).toEqual(['empty_row']);
    expect(byLine(5)).toEqual(expect.arrayContaining(['invalid_phone', 'invalid_email']));
    expect(byLine(6)).toEqual(['required_missing']);
    expect(byLine(7)).toEqual(['unknown_value']);
    const ivan = (await owner.request({ method: 'GET', url: '/api/v1/contacts?q=Иванов' })).json();
    expect(ivan.total).toBe(1);
    expect(ivan.data[0]).toMatchObject({
      firstName: 'Иван Иванович',
      lastName: 'Иванов',
      city: 'Москва',
      status: 'active',
      phones: [{ label: '', value: '+79123456789' }],
      emails: [{ label: '', value: 'ivan@example.ru' }],
    });

    const report = await owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}/report?format=csv` });
    expect(report.statusCode).toBe(200);
    const lines = report.body.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('Строка,Результат,Столбец,Проблема,Значение в файле,Сохранённое значение,ФИО,Телефон,E-mail,Город,Статус');
    expect(lines.some((l) => l.startsWith('6,Отклонена,,Не заполнено обязательное значение'))).toBe(true);
  });

  it('imports a messy XLSX: phones in mixed formats, people repeated with other case and spacing, empty lines', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['First name', 'Last name', 'Mobile', 'Email', 'City', 'Birthday']);
    sheet.addRow(['Anna', 'Rossi', '+39 333 123 4567', 'anna.rossi@example.it', 'Milano', new Date(Date.UTC(1980, 4, 4))]);
    sheet.addRow(['ANNA ', ' rossi', '0039 333 1234567', '', 'milano', '']);
    sheet.getRow(5).values = ['Marco', 'Bianchi', '333-765 4321', 'MARCO@EXAMPLE.IT', 'Torino', '31.12.1975'];
    sheet.getRow(6).values = ['Luca', 'Verdi', '12', 'luca@', 'Roma', 'yesterday'];
    sheet.getRow(7).values = ['Marco', 'Bianchi', '', 'marco@example.it', 'Torino', ''];
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const imp = await uploaded(owner, 'contact', 'people.xlsx', content);
    expect(imp).toMatchObject({ format: 'xlsx', rowCount: 6 });
    expect(imp.mapping.columns.map((c) => c.field)).toEqual(['firstName', 'lastName', 'phones', 'emails', 'city', 'birthday']);
    expect(imp.mapping.columns[2]?.label).toBe('mobile');
    await owner.request({ method: 'PUT', url: `/api/v1/imports/${imp.id}/mapping`, payload: { ...imp.mapping, defaultCountry: 'IT' } });
    const done = await run(owner, imp.id);
    expect(done.counts).toMatchObject({ created: 3, skipped: 3, rejected: 0 });
    expect(sum(done)).toBe(6);
    const reported = await problems(owner, imp.id);
    expect(reported.filter((p) => p.line === 3)).toEqual([
      expect.objectContaining({ code: 'duplicate_in_file', repeatsLine: 2, stored: null }),
    ]);
    expect(reported.filter((p) => p.line === 4).map((p) => p.code)).toEqual(['empty_row']);
    expect(reported.filter((p) => p.line === 6).map((p) => p.code)).toEqual(['invalid_phone', 'invalid_email', 'invalid_date']);
    expect(reported.filter((p) => p.line === 7).map((p) => p.code)).toEqual(['duplicate_in_file']);
    const marco = (await owner.request({ method: 'GET', url: '/api/v1/contacts?q=Bianchi' })).json().data[0];
    expect(marco).toMatchObject({
      birthday: '1975-12-31',
      phones: [{ label: 'mobile', value: '+393337654321' }],
      emails: [{ value: 'marco@example.it' }],
    });
    const anna = (await owner.request({ method: 'GET', url: '/api/v1/contacts?q=Rossi' })).json().data[0];
    expect(anna).toMatchObject({ birthday: '1980-05-04', phones: [{ value: '+393331234567' }] });
  });

  it('updates the existing record instead when the user chooses so, adding phones and filling empty fields', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const existing = (
      await owner.request({
        method: 'POST',
        url: '/api/v1/contacts',
        payload: { firstName: 'Anna', lastName: 'Rossi', emails: [{ label: '', value: 'anna@example.it' }] },
      })
    ).json();
    const imp = await uploaded(
      owner,
      'contact',
      'update.csv',
      Buffer.from('Name,Email,Phone,City\nAnna Rossi,ANNA@example.it,+39 333 1234567,Milano\n'),
    );
    await owner.request({ method: 'PUT', url: `/api/v1/imports/${imp.id}/mapping`, payload: { ...imp.mapping, duplicates: 'update' } });
    const done = await run(owner, imp.id);
    expect(done.counts).toMatchObject({ created: 0, updated: 1 });
    const after = (await owner.request({ method: 'GET', url: `/api/v1/contacts/${existing.id}` })).json();
    expect(after).toMatchObject({ city: 'Milano', phones: [{ value: '+393331234567' }], emails: [{ value: 'anna@example.it' }] });
    const history = (await owner.request({ method: 'GET', url: `/api/v1/contacts/${existing.id}/history` })).json();
    expect(history.data.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['created', 'updated']));
  });

  it('meets a repeated person across chunks and after a stop: the repeat names the first line, updates its record, and the run resumes exactly once', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const workspaceId = owner.session.user.workspace.id;
    // 300 rows in chunks of 100. Line 152 repeats line 12, written before the stop; line 252 repeats
    // line 122 with a phone, decided while the chunk of line 122 may still be in its transaction.
    const lines = ['Name,Email,Phone'];
    for (let i = 0; i < 300; i += 1) {
      if (i === 150) lines.push('CUSTOMER 10,C10@EXAMPLE.COM,');
      else if (i === 250) lines.push('Customer 120,c120@example.com,+39 333 1234567');
      else lines.push(`Customer ${i},c${i}@example.com,`);
    }
    const imp = await uploaded(owner, 'contact', 'repeats.csv', Buffer.from(lines.join('\n')));
    await owner.request({ method: 'PUT', url: `/api/v1/imports/${imp.id}/mapping`, payload: { ...imp.mapping, duplicates: 'update' } });
    // Queued without a job, then run by hand: stopped after its first chunk, as if its process stopped.
    await t.pool.query(`UPDATE data_import SET status = 'queued' WHERE id = $1`, [imp.id]);
    let checks = 0;
    await runImport(t.db, workspaceId, imp.id, () => ++checks > 2);
    const stopped = (await owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).json<TImport>();
    expect(stopped).toMatchObject({ status: 'running', processed: 100 });
    await runImport(t.db, workspaceId, imp.id);
    const done = await finished(owner, imp.id);
    expect(done.counts).toMatchObject({ created: 298, updated: 2, skipped: 0, rejected: 0 });
    const repeats = (await problems(owner, imp.id)).filter((p) => p.code === 'duplicate_in_file');
    expect(repeats.map((p) => [p.line, p.repeatsLine, p.outcome])).toEqual([
      [152, 12, 'update'],
      [252, 122, 'update'],
    ]);
    const stored = await t.pool.query('SELECT count(*)::int AS n FROM contact WHERE workspace_id = $1', [workspaceId]);
    expect(stored.rows[0].n).toBe(298);
    // The record of line 122 took the phone of line 252 and keeps its history.
    const first = repeats[1]?.recordId as string;
    const record = (await owner.request({ method: 'GET', url: `/api/v1/contacts/${first}` })).json();
    expect(record).toMatchObject({ name: 'Customer 120', phones: [{ value: '+393331234567' }] });
    const history = (await owner.request({ method: 'GET', url: `/api/v1/contacts/${first}/history` })).json();
    expect(history.data.map((h: { action: string }) => h.action)).toEqual(['created', 'updated']);
  });

  it('reads vCard 3 and 4 files', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Rossi;Anna;;;',
      'FN:Anna Rossi',
      'TITLE:Buyer',
      'TEL;TYPE=CELL:+39 333 123 4567',
      'EMAIL;TYPE=INTERNET:Anna@Example.com',
      'ADR;TYPE=WORK:;;Via Roma 1;Milano;;20100;Italy',
      'BDAY:1980-05-04',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ivan Petrov',
      'N:Petrov;Ivan;;;',
      'TEL;VALUE=uri;TYPE=work:tel:+7-912-345-6789',
      'END:VCARD',
      '',
    ].join('\r\n');
    const imp = await uploaded(owner, 'contact', 'contacts.vcf', Buffer.from(vcf));
    expect(imp).toMatchObject({ format: 'vcard', rowCount: 2 });
    const done = await run(owner, imp.id);
    expect(done.counts.created).toBe(2);
    const anna = (await owner.request({ method: 'GET', url: '/api/v1/contacts?q=Rossi' })).json().data[0];
    expect(anna).toMatchObject({ firstName: 'Anna', lastName: 'Rossi', position: 'Buyer', city: 'Milano', birthday: '1980-05-04' });
    expect(anna.emails).toEqual([{ label: '', value: 'anna@example.com' }]);
  });

  it('never makes a second copy: the same file uploaded twice at once is one import, run twice or by two workers runs once', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const lines = ['Name,Email'];
    for (let i = 0; i < 2500; i += 1) lines.push(`Customer ${i},customer${i}@example.com`);
    const content = Buffer.from(lines.join('\n'));
    const [first, second] = await Promise.all([
      upload(owner, 'contact', 'many.csv', content),
      upload(owner, 'contact', 'many.csv', content),
    ]);
    const ids = [first.json().id, second.json().id];
    expect(ids[0]).toBe(ids[1]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    const id = ids[0] as string;
    const runs = await Promise.all([1, 2, 3].map(() => owner.request({ method: 'POST', url: `/api/v1/imports/${id}/run` })));
    expect(runs.map((r) => r.statusCode)).toEqual([202, 202, 202]);
    // Two more "processes" take the same import while the job runs it.
    await Promise.all([runImport(t.db, owner.session.user.workspace.id, id), runImport(t.db, owner.session.user.workspace.id, id)]);
    const done = await finished(owner, id);
    expect(done.counts).toMatchObject({ created: 2500, skipped: 0 });
    const stored = await t.pool.query('SELECT count(*)::int AS n FROM contact WHERE workspace_id = $1', [owner.session.user.workspace.id]);
    expect(stored.rows[0].n).toBe(2500);
    // The mapping of an import that ran cannot change any more.
    const late = await owner.request({ method: 'PUT', url: `/api/v1/imports/${id}/mapping`, payload: done.mapping });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('import_not_editable');
  });

  it('refuses bad input with a clear problem and keeps nothing', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const empty = await upload(owner, 'company', 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('unreadable_file');
    const binary = await upload(owner, 'company', 'photo.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    expect(binary.statusCode).toBe(422);
    const noEntity = await upload(owner, null, 'a.csv', Buffer.from('Name\nA\n'));
    expect(noEntity.statusCode).toBe(400);
    expect(noEntity.json().errors).toEqual([expect.objectContaining({ path: 'entity' })]);
    const json = await owner.request({ method: 'POST', url: '/api/v1/imports', payload: { entity: 'company' } });
    expect(json.statusCode).toBe(415);
    const list = (await owner.request({ method: 'GET', url: '/api/v1/imports' })).json();
    expect(list.total).toBe(0);

    const imp = await uploaded(owner, 'company', 'a.csv', Buffer.from('Name,Colour\nA,red\n'));
    const wrong = await owner.request({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/mapping`,
      payload: { columns: [{ field: 'name' }, { field: 'colour' }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'columns.1.field', message: 'Unknown field' }]);
    const twice = await owner.request({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/mapping`,
      payload: { columns: [{ field: 'name' }, { field: 'name' }] },
    });
    expect(twice.statusCode).toBe(400);
    const short = await owner.request({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/mapping`,
      payload: { columns: [{ field: 'name' }] },
    });
    expect(short.statusCode).toBe(400);
    const after = (await owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).json();
    expect(after.mapping.columns).toEqual(imp.mapping.columns);
  });

  it('keeps imports to their people: others see 404, records go only where the importer may put them', async () => {
    const b = await makeBakery(t);
    const managerEmail = b.managerA.user.email;
    const content = Buffer.from(`Name,Responsible\nForno Elio,${b.employeeA.user.email}\nForno Bea,${b.employeeB.user.email}\n`);
    const imp = await uploaded(b.employeeA.browser, 'company', 'mine.csv', content);
    expect(imp.mapping.columns.map((c) => c.field)).toEqual(['name', 'owner']);
    // Another employee, or anyone in another workspace, does not see it; an admin does.
    expect((await b.employeeA2.browser.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).statusCode).toBe(404);
    expect((await b.employeeA2.browser.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run` })).statusCode).toBe(404);
    const other = await makeWorkspace(t);
    const stranger = await signIn(t, other.admin.email);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/imports/${imp.id}/problems` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/imports/${imp.id}/report` })).statusCode).toBe(404);
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).statusCode).toBe(200);
    void managerEmail;

    const done = await run(b.employeeA.browser, imp.id);
    expect(done.counts.created).toBe(2);
    // An employee may not give a customer to someone else: Bea's row goes to the importer, reported.
    const reported = await problems(b.employeeA.browser, imp.id);
    expect(reported).toEqual([expect.objectContaining({ line: 3, code: 'unknown_owner', outcome: 'create' })]);
    const mine = (await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/companies' })).json();
    expect(mine.data.map((c: { name: string; owner: { id: string } }) => [c.name, c.owner.id])).toEqual([
      ['Forno Bea', b.employeeA.user.id],
      ['Forno Elio', b.employeeA.user.id],
    ]);
    // A duplicate the importer may not read is reported without naming it.
    const hidden = await b.owner.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Segreto', taxNumber: 'IT 0123' } });
    expect(hidden.statusCode).toBe(201);
    const again = await uploaded(b.employeeB.browser, 'company', 'dup.csv', Buffer.from('Name,VAT\nAltro nome,IT0123\n'));
    const preview = (
      await b.employeeB.browser.request({ method: 'GET', url: `/api/v1/imports/${again.id}/preview` })
    ).json<TImportPreview>();
    expect(preview.rows[0]).toMatchObject({ outcome: 'skip', duplicateOf: null });
    expect(preview.rows[0]?.problems).toEqual([expect.objectContaining({ code: 'duplicate_in_base', recordId: null })]);
  });

  it('saves a mapping as a template and applies it to a file with the same headers', async () => {
    const { admin } = await makeWorkspace(t);
    const owner = await signIn(t, admin.email);
    const template = await owner.request({
      method: 'POST',
      url: '/api/v1/import-templates',
      payload: {
        entity: 'company',
        name: 'Shop export',
        columns: [
          { header: 'Ragione', field: 'name' },
          { header: 'Zona', field: 'city' },
        ],
      },
    });
    expect(template.statusCode).toBe(201);
    const imp = await uploaded(owner, 'company', 'shop.csv', Buffer.from('Ragione,Zona\nForno,Roma\n'));
    expect(imp.mapping.columns).toEqual([{ field: 'name' }, { field: 'city' }]);
    const bad = await owner.request({
      method: 'POST',
      url: '/api/v1/import-templates',
      payload: { entity: 'company', name: 'Bad', columns: [{ header: 'X', field: 'nope' }] },
    });
    expect(bad.statusCode).toBe(400);
    const list = (await owner.request({ method: 'GET', url: '/api/v1/import-templates?entity=company' })).json();
    expect(list.data.map((x: { name: string }) => x.name)).toEqual(['Shop export']);
  });

  it("offers the workspace's default phone country, which only an admin sets", async () => {
    const b = await makeBakery(t);
    expect((await b.owner.request({ method: 'GET', url: '/api/v1/workspace' })).json().defaultCountry).toBeNull();
    const denied = await b.managerA.browser.request({ method: 'PATCH', url: '/api/v1/workspace', payload: { defaultCountry: 'RU' } });
    expect(denied.statusCode).toBe(403);
    const unknown = await b.owner.request({ method: 'PATCH', url: '/api/v1/workspace', payload: { defaultCountry: 'XX' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'defaultCountry', message: 'Unknown country' }]);
    const set = await b.owner.request({ method: 'PATCH', url: '/api/v1/workspace', payload: { defaultCountry: 'IT' } });
    expect(set.json()).toMatchObject({ defaultCountry: 'IT' });
    const imp = await uploaded(b.employeeA.browser, 'contact', 'phones.csv', Buffer.from('Name,Phone\nAnna Rossi,02 1234 5678\n'));
    expect(imp.mapping.defaultCountry).toBe('IT');
    await run(b.employeeA.browser, imp.id);
    const anna = (await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/contacts?q=Rossi' })).json().data[0];
    expect(anna.phones).toEqual([{ label: '', value: '+390212345678' }]);
  });
});
