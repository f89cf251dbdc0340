import http from 'node:http';
import type { Readable } from 'node:stream';
import { ZCompanyListQuery, ZContactListQuery } from '@clientela/contract';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';
import { actorOfUser } from '../auth/actor.ts';
import { companiesInOrder } from '../companies/index.ts';
import { contactsInOrder } from '../contacts/index.ts';
import { STREAMED_EXPORTS_MAX } from './exports.routes.ts';
import { type ExportRequest, exportRecords } from './exports.service.ts';
import { openInOrder } from './read-in-order.ts';

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

  it("reads a list longer than a batch: every record once, in the list's order, only what the person may see", async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    // Inserted in the opposite order of their names, with live and deleted ones of other people between.
    await t.pool.query(
      `INSERT INTO company (workspace_id, name, owner_id, unit_id, deleted_at)
       SELECT $1, 'Forno ' || lpad((2600 - i)::text, 4, '0') || CASE WHEN i % 2 = 0 THEN ' A' ELSE ' B' END,
              CASE WHEN i % 2 = 0 THEN $2::uuid ELSE $3::uuid END, CASE WHEN i % 2 = 0 THEN $4::uuid ELSE $5::uuid END,
              CASE WHEN i % 50 = 0 THEN now() END
       FROM generate_series(1, 2500) AS i`,
      [workspaceId, b.employeeA.user.id, b.employeeB.user.id, b.shopA.id, b.shopB.id],
    );
    const expected = (owner: 'A' | 'B' | 'both') =>
      Array.from({ length: 2500 }, (_, k) => k + 1)
        .filter((i) => i % 50 !== 0 && (owner === 'both' || (owner === 'A') === (i % 2 === 0)))
        .map((i) => `Forno ${String(2600 - i).padStart(4, '0')} ${i % 2 === 0 ? 'A' : 'B'}`)
        .sort();
    const names = async (browser: Browser, query: string) =>
      csvRows((await browser.request({ method: 'GET', url: `/api/v1/exports/companies?columns=name&${query}` })).body).slice(1);
    expect(await names(b.employeeA.browser, 'sort=name')).toEqual(expected('A'));
    expect(await names(b.managerA.browser, 'sort=-name')).toEqual(expected('A').reverse());
    expect(await names(b.employeeB.browser, 'sort=name')).toEqual(expected('B'));

    const response = await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?format=xlsx&columns=name&sort=name' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells = Array.from({ length: (sheet?.rowCount ?? 1) - 1 }, (_, i) => sheet?.getRow(i + 2).getCell(1).value);
    expect(cells).toEqual(expected('both'));
  });

  it('reads each record as the API shows it, a batch at a time', async () => {
    const b = await makeBakery(t);
    const group = await post(b.owner, '/api/v1/company-groups', { name: 'Gruppo Rossi' });
    await post(b.owner, '/api/v1/custom-fields', { entity: 'company', key: 'credit', label: 'Credit', type: 'money', currency: 'EUR' });
    const full = await post(b.owner, '/api/v1/companies', {
      name: 'Forno Rossi',
      legalName: 'Forno Rossi S.r.l.',
      website: 'https://forno.example',
      relationships: ['client', 'partner'],
      status: 'active',
      class: 'A',
      city: 'Roma',
      phones: [{ label: 'orders', value: '+39 06 1234 5678' }],
      emails: [{ label: '', value: 'info@forno.example' }],
      groupId: group.id,
      tags: ['vip'],
      notes: 'Rye',
      custom: { credit: 1500.5 },
    });
    const bare = await post(b.owner, '/api/v1/companies', { name: 'Bar Sport' });
    const contact = await post(b.owner, '/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Neri',
      birthday: '1980-03-14',
      companies: [{ companyId: full.id, role: 'Buyer' }],
    });
    const actor = await actorOfUser(t.db, b.owner.session.user.workspace.id, b.owner.session.user.id);
    if (!actor) throw new Error('no actor');
    const ctx = { db: t.db, actor };
    const read = async <T>(opened: { total: number; batches: () => AsyncGenerator<T[]> }) => {
      const batches: T[][] = [];
      for await (const batch of opened.batches()) batches.push(batch);
      return { total: opened.total, batches };
    };
    const companies = await read(await openInOrder(t.db, await companiesInOrder(ctx, ZCompanyListQuery.parse({ sort: 'name' })), 1));
    const shown = async (url: string) => (await b.owner.request({ method: 'GET', url })).json();
    expect(companies).toEqual({
      total: 2,
      batches: [[await shown(`/api/v1/companies/${bare.id}`)], [await shown(`/api/v1/companies/${full.id}`)]],
    });
    const contacts = await read(await openInOrder(t.db, await contactsInOrder(ctx, ZContactListQuery.parse({})), 10));
    expect(contacts).toEqual({ total: 1, batches: [[await shown(`/api/v1/contacts/${contact.id}`)]] });
  });

  describe('a download read slowly or given up', () => {
    /** 2,500 companies with notes that do not compress away, so that an unread file fills up. */
    async function bakeryWithLongNotes() {
      const b = await makeBakery(t);
      const workspaceId = b.owner.session.user.workspace.id;
      await t.pool.query(
        `INSERT INTO company (workspace_id, name, owner_id, notes)
         SELECT $1, 'Forno ' || lpad(i::text, 4, '0'), $2, (SELECT string_agg(md5(i || '.' || j), ' ') FROM generate_series(1, 120) AS j)
         FROM generate_series(1, 2500) AS i`,
        [workspaceId, b.owner.session.user.id],
      );
      const actor = await actorOfUser(t.db, workspaceId, b.owner.session.user.id);
      if (!actor) throw new Error('no actor');
      return { db: t.db, actor };
    }
    const request = (format: 'csv' | 'xlsx', onProgress?: ExportRequest['onProgress']): ExportRequest => ({
      resource: 'companies',
      format,
      columns: 'name,notes',
      query: { sort: 'name' },
      locale: 'en',
      timeZone: 'Europe/Rome',
      ...(onProgress ? { onProgress } : {}),
    });
    const snapshotsOpen = async () =>
      (
        await t.pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL
             AND backend_type = 'client backend'`,
        )
      ).rows[0].n as number;
    const settled = () => new Promise((resolve) => setTimeout(resolve, 300));
    const bytesOf = async (stream: Readable) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    };

    it('an XLSX file nobody reads stops reading rows, then ends whole once read', async () => {
      const ctx = await bakeryWithLongNotes();
      const progress: number[] = [];
      const file = await exportRecords(
        ctx,
        request('xlsx', async (written) => {
          progress.push(written);
        }),
      );
      // exceljs does not wait for the reader: without the export holding rows back, all would soon be read.
      for (let i = 0; i < 40 && progress.at(-1) !== 2500; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(progress.at(-1)).toBeLessThan(2500);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await bytesOf(file.stream)) as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]?.rowCount).toBe(2501);
      expect(progress.at(-1)).toBe(2500);
      expect(await snapshotsOpen()).toBe(0);
    });

    it('a download given up gives its database connection back', async () => {
      const ctx = await bakeryWithLongNotes();
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await exportRecords(ctx, request(format));
        await settled();
        expect(await snapshotsOpen()).toBe(1);
        for await (const _chunk of file.stream) break;
        for (let i = 0; i < 50 && (await snapshotsOpen()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await snapshotsOpen()).toBe(0);
      }
    });

    it('lets only a few direct downloads stream at once, and frees their places when they end', async () => {
      const b = await makeBakery(t);
      await t.pool.query(
        `INSERT INTO company (workspace_id, name, owner_id, notes)
         SELECT $1, 'Forno ' || lpad(i::text, 4, '0'), $2, (SELECT string_agg(md5(i || '.' || j), ' ') FROM generate_series(1, 120) AS j)
         FROM generate_series(1, 6000) AS i`,
        [b.owner.session.user.workspace.id, b.owner.session.user.id],
      );
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as { port: number };
      const url = '/api/v1/exports/companies?format=csv&columns=name,notes';
      // Readers that take the headers and then nothing: each file (~24 MB) stays on its way.
      const stalled = await Promise.all(
        Array.from(
          { length: STREAMED_EXPORTS_MAX },
          () =>
            new Promise<http.IncomingMessage>((resolve, reject) => {
              http
                .get({ host: '127.0.0.1', port, path: url, headers: { cookie: b.owner.cookie } }, (response) => {
                  response.pause();
                  resolve(response);
                })
                .on('error', reject);
            }),
        ),
      );
      expect(stalled.map((response) => response.statusCode)).toEqual(stalled.map(() => 200));
      const refused = await b.owner.request({ method: 'GET', url });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('too_many_requests');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      for (const response of stalled) response.destroy();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await b.owner.request({ method: 'GET', url: '/api/v1/exports/companies?format=csv&columns=name&filter[status]=lost' }))
          .statusCode;
      }
      expect(status).toBe(200);
    });
  });
});
