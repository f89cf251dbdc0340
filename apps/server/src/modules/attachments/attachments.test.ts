import { ATTACHMENT_MAX_BYTES } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

/** A multipart body as a browser builds it: the record's fields first, then the file. */
async function upload(browser: Browser, fields: Record<string, string>, file: { name: string; type: string; content: Buffer | string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file.content], { type: file.type }), file.name);
  const body = new Response(form);
  return browser.request({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';

describe('attachments', () => {
  it('keeps a file with its record: listed, downloaded intact, PDF inline, SVG and HTML only as downloads', async () => {
    const { employeeA } = await makeBakery(t);
    const cafe = await post(employeeA.browser, '/api/v1/companies', { name: 'Caffè Centrale' });
    const response = await upload(
      employeeA.browser,
      { entityType: 'company', entityId: cafe.id },
      { name: 'contratto 2026.pdf', type: 'application/pdf', content: PDF },
    );
    expect(response.statusCode).toBe(201);
    const pdf = response.json();
    expect(pdf).toMatchObject({
      entityType: 'company',
      entityId: cafe.id,
      fileName: 'contratto 2026.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const listed = (
      await employeeA.browser.request({ method: 'GET', url: `/api/v1/attachments?entityType=company&entityId=${cafe.id}` })
    ).json();
    expect(listed.data.map((a: { id: string }) => a.id)).toEqual([pdf.id]);
    const download = await employeeA.browser.request({ method: 'GET', url: `/api/v1/attachments/${pdf.id}/file` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^inline; filename="contratto 2026.pdf"/);

    for (const [name, type, content] of [
      ['logo.svg', 'image/svg+xml', SVG],
      ['page.html', 'text/html', '<html><body><script>alert(1)</script></body></html>'],
      ['pretending.png', 'image/png', SVG],
    ] as const) {
      const stored = (await upload(employeeA.browser, { entityType: 'company', entityId: cafe.id }, { name, type, content })).json();
      const file = await employeeA.browser.request({ method: 'GET', url: `/api/v1/attachments/${stored.id}/file` });
      expect(file.headers['content-type'], name).toBe('application/octet-stream');
      expect(file.headers['content-disposition'], name).toMatch(/^attachment; /);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-security-policy']).toContain('sandbox');
    }
  });

  it('refuses files to those who may not read the record, by id, through a linked record, and in search', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const elios = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const beas = await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' });
    const secret = (
      await upload(
        employeeA.browser,
        { entityType: 'company', entityId: elios.id },
        { name: 'price-list-elio.pdf', type: 'application/pdf', content: PDF },
      )
    ).json();
    // A visit about both bakeries: each of them reaches its file through their own company.
    const visit = await post(owner, '/api/v1/activities', { type: 'visit', companyIds: [elios.id, beas.id] });
    const minutes = (
      await upload(
        owner,
        { entityType: 'activity', entityId: visit.id },
        { name: 'visit-minutes.pdf', type: 'application/pdf', content: PDF },
      )
    ).json();
    // An agreement with Elio's company: Bea sees the promise, not its files.
    const promise = await post(employeeA.browser, '/api/v1/agreements', { title: 'Discount', companyId: elios.id });
    const signed = (
      await upload(
        employeeA.browser,
        { entityType: 'agreement', entityId: promise.id },
        { name: 'signed-discount.pdf', type: 'application/pdf', content: PDF },
      )
    ).json();
    const contract = await post(employeeA.browser, '/api/v1/contracts', { number: 'E-1', subject: 'Bread', companyId: elios.id });
    const scan = (
      await upload(
        employeeA.browser,
        { entityType: 'contract', entityId: contract.id },
        { name: 'contract-scan.pdf', type: 'application/pdf', content: PDF },
      )
    ).json();

    for (const id of [secret.id, signed.id, scan.id]) {
      expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/attachments/${id}/file` })).statusCode).toBe(404);
      expect((await employeeB.browser.request({ method: 'DELETE', url: `/api/v1/attachments/${id}` })).statusCode).toBe(404);
    }
    for (const [type, id] of [
      ['company', elios.id],
      ['agreement', promise.id],
      ['contract', contract.id],
    ]) {
      expect(
        (await employeeB.browser.request({ method: 'GET', url: `/api/v1/attachments?entityType=${type}&entityId=${id}` })).statusCode,
      ).toBe(404);
      const added = await upload(
        employeeB.browser,
        { entityType: type as string, entityId: id as string },
        { name: 'x.pdf', type: 'application/pdf', content: PDF },
      );
      expect(added.statusCode).toBe(400);
      expect(added.json().errors[0].path).toBe('entityId');
    }
    expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/attachments/${minutes.id}/file` })).statusCode).toBe(200);
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/attachments/${minutes.id}/file` })).statusCode).toBe(200);

    const hitsOf = async (browser: Browser, q: string) =>
      (await browser.request({ method: 'GET', url: `/api/v1/search?q=${q}` }))
        .json()
        .data.filter((h: { type: string }) => h.type === 'attachment');
    expect(await hitsOf(employeeB.browser, 'price-list')).toEqual([]);
    expect(await hitsOf(employeeB.browser, 'signed')).toEqual([]);
    expect((await hitsOf(employeeB.browser, 'minutes')).map((h: { id: string }) => h.id)).toEqual([minutes.id]);
    expect((await hitsOf(employeeA.browser, 'price-list')).map((h: { id: string }) => h.id)).toEqual([secret.id]);

    // Only who uploaded, their unit's manager or an admin removes a file.
    expect((await employeeB.browser.request({ method: 'DELETE', url: `/api/v1/attachments/${minutes.id}` })).statusCode).toBe(403);
    expect((await employeeA.browser.request({ method: 'DELETE', url: `/api/v1/attachments/${secret.id}` })).statusCode).toBe(204);
    expect((await employeeA.browser.request({ method: 'GET', url: `/api/v1/attachments/${secret.id}/file` })).statusCode).toBe(404);
  });

  it('refuses bad uploads with a clear error and keeps nothing', async () => {
    const { employeeA } = await makeBakery(t);
    const cafe = await post(employeeA.browser, '/api/v1/companies', { name: 'Caffè Centrale' });
    const target = { entityType: 'company', entityId: cafe.id };
    const cases: [Record<string, string>, { name: string; type: string; content: Buffer | string }, number, string][] = [
      [{ entityId: cafe.id }, { name: 'a.pdf', type: 'application/pdf', content: PDF }, 400, 'entityType'],
      [{ entityType: 'deal', entityId: cafe.id }, { name: 'a.pdf', type: 'application/pdf', content: PDF }, 400, 'entityType'],
      [{ entityType: 'contact', entityId: cafe.id }, { name: 'a.pdf', type: 'application/pdf', content: PDF }, 400, 'entityId'],
      [
        target,
        { name: 'setup.exe', type: 'application/octet-stream', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) },
        415,
        'file',
      ],
      [target, { name: 'run.sh', type: 'text/plain', content: 'rm -rf /' }, 415, 'file'],
      [target, { name: 'empty.txt', type: 'text/plain', content: '' }, 400, 'file'],
      [target, { name: 'huge.bin', type: 'application/octet-stream', content: Buffer.alloc(ATTACHMENT_MAX_BYTES + 1) }, 413, 'file'],
    ];
    for (const [fields, file, status, path] of cases) {
      const response = await upload(employeeA.browser, fields, file);
      expect(response.statusCode, file.name).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(
      (await employeeA.browser.request({ method: 'GET', url: `/api/v1/attachments?entityType=company&entityId=${cafe.id}` })).json().data,
    ).toEqual([]);
  });

  it('keeps files on a task for those who take part in it, and from nobody else', async () => {
    const { owner, shopA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    // Bea sends shop A's queue a task: its members and Bea read it; nobody else.
    const task = await post(employeeB.browser, '/api/v1/tasks', { title: 'Test two air conditioners', queueUnitId: shopA.id });
    const added = await upload(
      employeeB.browser,
      { entityType: 'task', entityId: task.id },
      { name: 'scheda tecnica.pdf', type: 'application/pdf', content: PDF },
    );
    expect(added.statusCode).toBe(201);
    const file = added.json();
    const list = `/api/v1/attachments?entityType=task&entityId=${task.id}`;
    for (const member of [employeeA, employeeA2]) {
      expect((await member.browser.request({ method: 'GET', url: list })).json().data.map((a: { id: string }) => a.id)).toEqual([file.id]);
      expect((await member.browser.request({ method: 'GET', url: `/api/v1/attachments/${file.id}/file` })).statusCode).toBe(200);
    }
    // A member adds the test report too.
    expect(
      (
        await upload(
          employeeA.browser,
          { entityType: 'task', entityId: task.id },
          { name: 'report.pdf', type: 'application/pdf', content: PDF },
        )
      ).statusCode,
    ).toBe(201);
    // A colleague of a third shop, and a person of another workspace, get nothing: not the list, the file, nor a way to add one.
    const shopC = await post(owner, '/api/v1/units', { name: 'Via Napoli' });
    const email = uniqueEmail('carla');
    await post(owner, '/api/v1/users', { email, name: 'Carla', password: PASSWORD, role: 'employee', unitId: shopC.id });
    const carla = await signIn(t, email);
    const other = await makeBakery(t);
    for (const stranger of [carla, other.employeeA.browser]) {
      expect((await stranger.request({ method: 'GET', url: `/api/v1/attachments/${file.id}/file` })).statusCode).toBe(404);
      expect((await stranger.request({ method: 'GET', url: list })).statusCode).toBe(404);
      const refused = await upload(
        stranger,
        { entityType: 'task', entityId: task.id },
        { name: 'x.pdf', type: 'application/pdf', content: PDF },
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].path).toBe('entityId');
    }
  });
});
