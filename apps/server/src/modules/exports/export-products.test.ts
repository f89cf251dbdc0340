import type { TImport, TProduct } from '@clientela/contract';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

/** The rows of a CSV answer (no quoted line breaks in these tests). */
function csvRows(body: string): string[] {
  expect(body.startsWith('\ufeff')).toBe(true);
  return body.slice(1).trimEnd().split(/\r?\n/);
}

/** A small catalogue: two price lists, a category, a product with both prices, an inactive service with one. */
async function catalogue(owner: Browser) {
  await owner.request({ method: 'PUT', url: '/api/v1/currencies', payload: { currencies: ['USD'] } });
  const retail = await post(owner, '/api/v1/price-lists', { name: 'Retail', currency: 'EUR' });
  const export_ = await post(owner, '/api/v1/price-lists', { name: 'Export', currency: 'USD' });
  const bread = await post(owner, '/api/v1/products/categories', { name: 'Bread' });
  await post(owner, '/api/v1/products', {
    sku: 'RYE-1',
    name: 'Rye loaf',
    description: 'Dark, with seeds',
    categoryId: bread.id,
    unit: 'pcs',
    vatRate: '10',
    prices: [
      { priceListId: retail.id, price: '3.50' },
      { priceListId: export_.id, price: '4.25' },
    ],
  });
  await post(owner, '/api/v1/products', {
    sku: 'DEL-1',
    name: 'Delivery',
    kind: 'service',
    unit: 'visit',
    vatRate: '22',
    active: false,
    prices: [{ priceListId: retail.id, price: '1250.00' }],
  });
  return { retail, export_, bread };
}

async function finishedJob(browser: Browser, id: string) {
  let job = (await browser.request({ method: 'GET', url: `/api/v1/exports/jobs/${id}` })).json();
  for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = (await browser.request({ method: 'GET', url: `/api/v1/exports/jobs/${id}` })).json();
  }
  return job;
}

function multipart(entity: string, fileName: string, content: Buffer) {
  const boundary = '----clientela-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\n${entity}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function importFile(browser: Browser, fileName: string, content: Buffer): Promise<TImport> {
  const uploaded = await browser.request({ method: 'POST', url: '/api/v1/imports', ...multipart('product', fileName, content) });
  expect(uploaded.statusCode).toBe(201);
  const imp: TImport = uploaded.json();
  expect((await browser.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run` })).statusCode).toBe(202);
  for (let i = 0; i < 200; i += 1) {
    const current = (await browser.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).json<TImport>();
    if (current.status === 'done' || current.status === 'failed') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

/** The catalogue as the API lists it, without what differs between workspaces (ids, times). */
async function catalogueOf(browser: Browser) {
  const list: { data: TProduct[] } = await get(browser, '/api/v1/products?sort=name&limit=200');
  return list.data.map((p) => ({
    sku: p.sku,
    name: p.name,
    description: p.description,
    kind: p.kind,
    category: p.category?.name ?? null,
    unit: p.unit,
    vatRate: p.vatRate,
    active: p.active,
    prices: p.prices.map((price) => [price.priceListName, price.currency, price.price]),
  }));
}

describe('product exports', () => {
  it("writes the catalogue with a price column per price list, headed in the user's language, with the list's filters", async () => {
    const b = await makeBakery(t);
    await catalogue(b.owner);
    const all = await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/exports/products?format=csv' });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers['content-disposition']).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csvRows(all.body)).toEqual([
      'SKU,Name,Category,Kind,Unit,VAT rate,Active,Description,Price: Retail (EUR),Price: Export (USD)',
      'DEL-1,Delivery,,Service,visit,22,No,,1250,',
      'RYE-1,Rye loaf,Bread,Product,pcs,10,Yes,"Dark, with seeds",3.5,4.25',
    ]);
    // The products list's filters and search.
    const active = await b.owner.request({ method: 'GET', url: '/api/v1/exports/products?filter[active]=true&columns=sku,name' });
    expect(csvRows(active.body)).toEqual(['SKU,Name', 'RYE-1,Rye loaf']);
    const found = await b.owner.request({ method: 'GET', url: '/api/v1/exports/products?q=del&columns=name' });
    expect(csvRows(found.body)).toEqual(['Name', 'Delivery']);

    await b.owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'ru' } });
    const russian = await b.owner.request({ method: 'GET', url: '/api/v1/exports/products?filter[kind]=service' });
    expect(csvRows(russian.body)).toEqual([
      'Артикул,Наименование,Категория,Тип,Единица измерения,Ставка НДС,Активен,Описание,Цена: Retail (EUR),Цена: Export (USD)',
      'DEL-1,Delivery,,Услуга,visit,22,Нет,,1250,',
    ]);
  });

  it('writes an XLSX workbook with typed cells, as a job with progress', async () => {
    const b = await makeBakery(t);
    const { retail } = await catalogue(b.owner);
    const started = await b.managerA.browser.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { resource: 'products', format: 'xlsx', columns: `name,vatRate,price.${retail.id}`, query: { sort: '-name' } },
    });
    expect(started.statusCode).toBe(202);
    const job = await finishedJob(b.managerA.browser, started.json().id);
    expect(job).toMatchObject({ resource: 'products', status: 'done', total: 2, processed: 2 });
    const file = await b.managerA.browser.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}/file` });
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Name', 'VAT rate', 'Price: Retail (EUR)']);
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Rye loaf', 10, 3.5]);
    expect(sheet?.getRow(3).values).toEqual([undefined, 'Delivery', 22, 1250]);
    expect(sheet?.getRow(3).getCell(3).numFmt).toContain('EUR');
    // Someone else does not get the file.
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}/file` })).statusCode).toBe(404);
  });

  it("refuses people not signed in, vCards, unknown columns and filters; another workspace's products never appear", async () => {
    const b = await makeBakery(t);
    const { retail } = await catalogue(b.owner);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/products' })).statusCode).toBe(401);
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    await post(stranger, '/api/v1/products', { name: 'Their own loaf' });
    expect(csvRows((await stranger.request({ method: 'GET', url: '/api/v1/exports/products?columns=name' })).body)).toEqual([
      'Name',
      'Their own loaf',
    ]);
    // Another workspace's price list is no column here.
    const foreign = await stranger.request({ method: 'GET', url: `/api/v1/exports/products?columns=name,price.${retail.id}` });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ path: 'columns.1', message: 'No such column' }]);
    const started = await stranger.request({ method: 'POST', url: '/api/v1/exports', payload: { resource: 'products', query: {} } });
    const job = await finishedJob(stranger, started.json().id);
    const file = await stranger.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}/file` });
    expect(file.body).toContain('Their own loaf');
    expect(file.body).not.toContain('Rye loaf');
    expect((await b.owner.request({ method: 'GET', url: `/api/v1/exports/jobs/${job.id}` })).statusCode).toBe(404);

    expect((await b.owner.request({ method: 'GET', url: '/api/v1/exports/products?format=vcf' })).json().errors).toEqual([
      { path: 'format', message: 'Contacts only' },
    ]);
    const filter = await b.owner.request({ method: 'GET', url: '/api/v1/exports/products?filter[kind]=robot' });
    expect(filter.statusCode).toBe(400);
    expect(filter.json().errors[0].path).toBe('filter[kind]');
    const bad = await b.owner.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { resource: 'products', columns: 'name,salary' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'columns.1', message: 'No such column' }]);
  });

  it('reads back through the product import: the file maps itself and gives the same catalogue, as CSV in English and XLSX in Russian', async () => {
    for (const [locale, format] of [
      ['en', 'csv'],
      ['ru', 'xlsx'],
    ] as const) {
      const source = await makeBakery(t);
      await source.owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale } });
      await catalogue(source.owner);
      const file = await source.owner.request({ method: 'GET', url: `/api/v1/exports/products?format=${format}` });

      // Another workspace with the same price lists (they are named in the file) and no products.
      const { admin } = await makeWorkspace(t);
      const target = await signIn(t, admin.email);
      await target.request({ method: 'PUT', url: '/api/v1/currencies', payload: { currencies: ['USD'] } });
      await post(target, '/api/v1/price-lists', { name: 'Retail', currency: 'EUR' });
      await post(target, '/api/v1/price-lists', { name: 'Export', currency: 'USD' });
      const imported = await importFile(target, `products.${format}`, file.rawPayload);
      expect(imported.mapping.columns.map((c) => c.field?.replace(/^price\..*/, 'price.<list>'))).toEqual([
        'sku',
        'name',
        'category',
        'kind',
        'unit',
        'vatRate',
        'active',
        'description',
        'price.<list>',
        'price.<list>',
      ]);
      expect(imported.counts).toMatchObject({ created: 2, rejected: 0, modified: 0 });
      expect(await catalogueOf(target)).toEqual(await catalogueOf(source.owner));

      // The same file into its own workspace changes nothing.
      const again = await importFile(source.owner, `products.${format}`, file.rawPayload);
      expect(again.counts).toMatchObject({ created: 0, updated: 2, rejected: 0 });
      expect(await catalogueOf(source.owner)).toEqual(await catalogueOf(target));
    }
  });
});
