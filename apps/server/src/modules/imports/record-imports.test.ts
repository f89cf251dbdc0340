import fs from 'node:fs';
import type { TImport, TImportPreview, TImportProblem, TPipeline } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, useTestApp } from '../../test/harness.ts';
import { suggestMapping } from './fields.ts';
import { runImport } from './run.ts';

const t = useTestApp();

/** The Maven CRM sample data set, kept unchanged in the repository's test data. */
const DATASET = new URL('../../../../../test-data/maven-crm/', import.meta.url);
const maven = (name: string) => fs.readFileSync(new URL(name, DATASET));

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

const upload = (browser: Browser, entity: string, fileName: string, content: Buffer) =>
  browser.request({ method: 'POST', url: '/api/v1/imports', ...multipart(entity, fileName, content) });

async function uploaded(browser: Browser, entity: string, fileName: string, content: Buffer): Promise<TImport> {
  const response = await upload(browser, entity, fileName, content);
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function run(browser: Browser, id: string): Promise<TImport> {
  expect((await browser.request({ method: 'POST', url: `/api/v1/imports/${id}/run` })).statusCode).toBe(202);
  for (let i = 0; i < 600; i += 1) {
    const current = (await browser.request({ method: 'GET', url: `/api/v1/imports/${id}` })).json<TImport>();
    if (current.status === 'done' || current.status === 'failed' || current.status === 'cancelled') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function allProblems(browser: Browser, id: string): Promise<TImportProblem[]> {
  const all: TImportProblem[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: TImportProblem[]; nextCursor: string | null } = (
      await browser.request({ method: 'GET', url: `/api/v1/imports/${id}/problems?limit=200${cursor ? `&cursor=${cursor}` : ''}` })
    ).json();
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const count = async (query: ReturnType<typeof sql>) => Number((await t.db.execute<{ n: number }>(query)).rows[0]?.n ?? 0);
const fields = (imp: TImport) => imp.mapping.columns.map((c) => c.field);

describe('imports of products, people and deals', () => {
  it('imports the Maven data set: products, sales teams, accounts, then 8,800 opportunities, and maps GTXPro afterwards', async () => {
    const b = await makeBakery(t);
    const ws = b.owner.session.user.workspace.id;

    // Only admins import people.
    expect((await upload(b.employeeA.browser, 'user', 'sales_teams.csv', maven('sales_teams.csv'))).statusCode).toBe(403);
    expect((await upload(b.managerA.browser, 'user', 'sales_teams.csv', maven('sales_teams.csv'))).statusCode).toBe(403);
    expect((await upload(b.employeeA.browser, 'product', 'products.csv', maven('products.csv'))).statusCode).toBe(403);

    const products = await uploaded(b.owner, 'product', 'products.csv', maven('products.csv'));
    expect(fields(products)).toEqual(['name', 'category', 'price']);
    expect((await run(b.owner, products.id)).counts).toMatchObject({ created: 7, rejected: 0 });
    expect(await count(sql`SELECT count(*)::int AS n FROM product_category WHERE workspace_id = ${ws}`)).toBe(3);
    expect(
      await count(sql`SELECT p.price::int AS n FROM product_price p JOIN product x ON x.id = p.product_id AND x.workspace_id = p.workspace_id
        JOIN price_list l ON l.id = p.price_list_id AND l.workspace_id = p.workspace_id AND l.is_default
        WHERE p.workspace_id = ${ws} AND x.name = 'GTK 500'`),
    ).toBe(26768);
    // The same file again updates the products, never doubles them.
    const again = await uploaded(b.owner, 'product', 'products.csv', maven('products.csv'));
    expect((await run(b.owner, again.id)).counts).toMatchObject({ created: 0, updated: 7 });
    expect(await count(sql`SELECT count(*)::int AS n FROM product WHERE workspace_id = ${ws}`)).toBe(7);

    const teams = await uploaded(b.owner, 'user', 'sales_teams.csv', maven('sales_teams.csv'));
    expect(fields(teams)).toEqual(['name', 'manager', 'unit']);
    expect((await run(b.owner, teams.id)).counts).toMatchObject({ created: 35, rejected: 0 });
    const people = await t.db.execute<{ name: string; role: string; active: boolean; email: string; unit: string }>(sql`
      SELECT u.name, u.role, u.active, u.email, n.name AS unit FROM app_user u JOIN unit n ON n.workspace_id = u.workspace_id AND n.id = u.unit_id
      WHERE u.workspace_id = ${ws} AND u.email LIKE '%@import.invalid'`);
    expect(people.rows).toHaveLength(41);
    expect(people.rows.find((p) => p.name === 'Cara Losch')).toEqual({
      name: 'Cara Losch',
      role: 'manager',
      active: false,
      email: 'cara.losch@import.invalid',
      unit: 'East',
    });
    expect(people.rows.find((p) => p.name === 'Moses Frase')).toMatchObject({ role: 'employee', unit: 'Central', active: false });
    // Imported people cannot sign in.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'moses.frase@import.invalid', password: '' },
    });
    expect(login.statusCode).toBeGreaterThanOrEqual(400);
    const teamsAgain = await uploaded(b.owner, 'user', 'sales_teams.csv', maven('sales_teams.csv'));
    expect((await run(b.owner, teamsAgain.id)).counts).toMatchObject({ created: 0 });
    expect(await count(sql`SELECT count(*)::int AS n FROM app_user WHERE workspace_id = ${ws} AND email LIKE '%@import.invalid'`)).toBe(41);

    const accounts = await uploaded(b.owner, 'company', 'accounts.csv', maven('accounts.csv'));
    expect((await run(b.owner, accounts.id)).counts).toMatchObject({ created: 85 });

    const pipeline = await uploaded(b.owner, 'deal', 'sales_pipeline.csv', maven('sales_pipeline.csv'));
    expect(fields(pipeline)).toEqual(['title', 'owner', 'product', 'company', 'stage', 'engagedOn', 'closeOn', 'amount']);
    // The template remembers the columns and, later, the values.
    const template = await b.owner.request({
      method: 'POST',
      url: '/api/v1/import-templates',
      payload: {
        entity: 'deal',
        name: 'Maven pipeline',
        columns: pipeline.headers.map((header, i) => ({ header, field: fields(pipeline)[i] ?? null })),
      },
    });
    expect(template.statusCode).toBe(201);

    const preview = (await b.owner.request({ method: 'GET', url: `/api/v1/imports/${pipeline.id}/preview` })).json<TImportPreview>();
    const gtxPro = (await t.db.execute<{ id: string }>(sql`SELECT id FROM product WHERE workspace_id = ${ws} AND name = 'GTX Pro'`)).rows[0]
      ?.id;
    expect(preview.unknownValues).toEqual([
      expect.objectContaining({ field: 'product', value: 'GTXPro', count: 1480, suggestion: gtxPro, link: true }),
      expect.objectContaining({ field: 'stage', value: 'Engaging', count: 1589, link: true }),
      expect.objectContaining({ field: 'stage', value: 'Prospecting', count: 500, link: true }),
    ]);
    expect(preview.unknownValues[0]?.options[0]).toEqual({ value: gtxPro, label: 'GTX Pro' });
    // Until their stage is mapped, Engaging and Prospecting rows would be refused, each one reported.
    const engaging = preview.rows.filter((row) => row.cells[4] === 'Engaging');
    expect(engaging.length).toBeGreaterThan(0);
    for (const row of engaging) {
      expect(row.outcome).toBe('reject');
      expect(row.problems).toContainEqual(expect.objectContaining({ code: 'unknown_stage', value: 'Engaging', column: 4 }));
    }
    const stages = (await b.owner.request({ method: 'GET', url: '/api/v1/pipelines' })).json<{ data: TPipeline[] } | TPipeline[]>();
    const list = Array.isArray(stages) ? stages : stages.data;
    const open = list[0]?.stages.filter((s) => s.kind === 'open') ?? [];
    const values = {
      stage: { Prospecting: { action: 'use', value: open[0]?.id }, Engaging: { action: 'use', value: open[1]?.id } },
    };
    expect(
      (await b.owner.request({ method: 'PUT', url: `/api/v1/imports/${pipeline.id}/mapping`, payload: { ...pipeline.mapping, values } }))
        .statusCode,
    ).toBe(200);

    const started = Date.now();
    const done = await run(b.owner, pipeline.id);
    expect(Date.now() - started).toBeLessThan(15_000);
    const c = done.counts;
    expect(c.created + c.updated + c.skipped + c.rejected).toBe(8800);
    expect(c.created).toBe(8800);
    // Reported and imported: GTXPro without a product, lost deals without a reason, the mapped stages.
    expect(c.modified).toBe(5291);
    const deals = sql`SELECT count(*)::int AS n FROM deal WHERE workspace_id = ${ws}`;
    expect(await count(deals)).toBe(8800);
    expect(await count(sql`SELECT count(*)::int AS n FROM deal WHERE workspace_id = ${ws} AND company_id IS NULL`)).toBe(1425);
    expect(await count(sql`SELECT count(*)::int AS n FROM deal WHERE workspace_id = ${ws} AND product_id IS NULL`)).toBe(1480);
    const reported = await allProblems(b.owner, pipeline.id);
    expect(reported.filter((p) => p.code === 'unknown_product' && p.value === 'GTXPro')).toHaveLength(1480);
    // Lost deals have no lost reason in the file: imported and reported, not refused.
    expect(reported.filter((p) => p.code === 'stage_fields_missing' && p.outcome === 'create').length).toBeGreaterThanOrEqual(2473);
    const won = await t.db.execute<{ closed_on: string; created: string; amount: string; owner: string }>(sql`
      SELECT d.closed_on::text, (d.created_at AT TIME ZONE 'UTC')::date::text AS created, d.amount::text, u.name AS owner
      FROM deal d JOIN app_user u ON u.workspace_id = d.workspace_id AND u.id = d.owner_id WHERE d.workspace_id = ${ws} AND d.title = '1C1I7A6R'`);
    expect(won.rows[0]).toEqual({ closed_on: '2017-03-01', created: '2016-10-20', amount: '1054.00', owner: 'Moses Frase' });

    // After the run: the same file again, GTXPro mapped to GTX Pro in its values step; nothing doubles.
    const repeat = await b.owner.request({ method: 'POST', url: `/api/v1/imports/${pipeline.id}/repeat` });
    expect(repeat.statusCode).toBe(201);
    const second = repeat.json<TImport>();
    expect(second.mapping.duplicates).toBe('update');
    const mapped = { ...second.mapping, values: { ...second.mapping.values, product: { GTXPro: { action: 'use', value: gtxPro } } } };
    expect((await b.owner.request({ method: 'PUT', url: `/api/v1/imports/${second.id}/mapping`, payload: mapped })).statusCode).toBe(200);
    const secondDone = await run(b.owner, second.id);
    expect(secondDone.counts).toMatchObject({ created: 0, updated: 8800, rejected: 0 });
    expect(await count(deals)).toBe(8800);
    expect(await count(sql`SELECT count(*)::int AS n FROM deal WHERE workspace_id = ${ws} AND product_id = ${gtxPro}`)).toBe(1480);

    // The template remembered the decisions: the next file with these headers maps itself.
    const third = await uploaded(
      b.owner,
      'deal',
      'pipeline-2.csv',
      Buffer.from(`${maven('sales_pipeline.csv').toString().split('\n').slice(0, 5).join('\n')}\n`),
    );
    expect(third.mapping.values.product?.GTXPro).toEqual({ action: 'use', value: gtxPro });
    expect(third.mapping.values.stage?.Engaging).toEqual({ action: 'use', value: open[1]?.id });
  }, 60_000);

  it('reports a deal whose value is not a number instead of writing it, and an employee gets their own deals', async () => {
    const b = await makeBakery(t);
    const file = Buffer.from(
      'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n' +
        'BAD1,,,,Won,2017-01-02,2017-02-03,twelve\n' +
        'GOOD1,Nobody Known,,,Won,2017-01-02,2017-02-03,"1.234,50"\n',
    );
    const imp = await uploaded(b.employeeA.browser, 'deal', 'deals.csv', file);
    const done = await run(b.employeeA.browser, imp.id);
    expect(done.counts).toMatchObject({ created: 1, rejected: 1 });
    const reported = await allProblems(b.employeeA.browser, imp.id);
    expect(reported).toContainEqual(expect.objectContaining({ line: 2, code: 'invalid_number', value: 'twelve', outcome: 'reject' }));
    expect(reported).toContainEqual(expect.objectContaining({ line: 3, code: 'unknown_owner', value: 'Nobody Known', outcome: 'create' }));
    const ws = b.owner.session.user.workspace.id;
    const rows = await t.db.execute<{ title: string; amount: string; owner_id: string }>(
      sql`SELECT title, amount::text, owner_id FROM deal WHERE workspace_id = ${ws}`,
    );
    expect(rows.rows).toEqual([{ title: 'GOOD1', amount: '1234.50', owner_id: b.employeeA.user.id }]);
  });

  it('remembers mapped names in a template made for the file, never shows companies the importer may not read, and previews without writing', async () => {
    const b = await makeBakery(t);
    const ws = b.owner.session.user.workspace.id;
    const hidden = await b.employeeB.browser.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Forno Segreto' } });
    expect(hidden.statusCode).toBe(201);
    const catalogue = await uploaded(b.managerA.browser, 'product', 'products.csv', maven('products.csv'));
    const previewed = (
      await b.managerA.browser.request({ method: 'GET', url: `/api/v1/imports/${catalogue.id}/preview` })
    ).json<TImportPreview>();
    expect(previewed.rows.map((r) => r.outcome)).toEqual(Array(7).fill('create'));
    expect(await count(sql`SELECT count(*)::int AS n FROM product WHERE workspace_id = ${ws}`)).toBe(0);
    await run(b.managerA.browser, catalogue.id);

    const file = Buffer.from('opportunity_id,product,account,deal_stage\n' + 'A1,GTXPro,Forno Segreto,Won\n' + 'A2,GTX Basic,,Lost\n');
    const imp = await uploaded(b.employeeA.browser, 'deal', 'mine.csv', file);
    const preview = (await b.employeeA.browser.request({ method: 'GET', url: `/api/v1/imports/${imp.id}/preview` })).json<TImportPreview>();
    const company = preview.unknownValues.find((u) => u.field === 'company');
    expect(company).toMatchObject({ value: 'Forno Segreto', count: 1, suggestion: null });
    expect(company?.options.map((o) => o.label)).not.toContain('Forno Segreto');
    const product = preview.unknownValues.find((u) => u.field === 'product');
    const values = { product: { GTXPro: { action: 'use', value: product?.suggestion } } };
    expect(
      (await b.employeeA.browser.request({ method: 'PUT', url: `/api/v1/imports/${imp.id}/mapping`, payload: { ...imp.mapping, values } }))
        .statusCode,
    ).toBe(200);
    const done = await run(b.employeeA.browser, imp.id);
    expect(done.counts).toMatchObject({ created: 2, rejected: 0 });
    const reported = await allProblems(b.employeeA.browser, imp.id);
    expect(reported).toContainEqual(expect.objectContaining({ line: 2, code: 'value_corrected', value: 'GTXPro', stored: 'GTX Pro' }));
    expect(reported).toContainEqual(expect.objectContaining({ line: 2, code: 'unknown_company', value: 'Forno Segreto' }));
    expect(reported).toContainEqual(expect.objectContaining({ line: 3, code: 'stage_fields_missing', outcome: 'create' }));

    const templates = (await b.employeeA.browser.request({ method: 'GET', url: '/api/v1/import-templates?entity=deal' })).json();
    expect(templates.data).toEqual([expect.objectContaining({ name: 'mine.csv', values })]);
    const next = await uploaded(
      b.employeeA.browser,
      'deal',
      'mine-2.csv',
      Buffer.from('opportunity_id,product,account,deal_stage\nA3,GTXPro,,Won\n'),
    );
    expect(next.mapping.values).toEqual(values);
  });
});

describe('a product file with every column', () => {
  it('fills SKU, unit, VAT and kind, reports what it cannot read, and updates a product of the same name in any case', async () => {
    const b = await makeBakery(t);
    const ws = b.owner.session.user.workspace.id;
    const file = Buffer.from(
      'Артикул;Наименование;Серия;Цена;Ед. изм.;Ставка НДС;Тип;Описание\n' +
        'B-1;Хлеб ржаной;Хлеб;120,50;шт;10%;товар;Ржаной на закваске\n' +
        'S-1;Доставка;Услуги;300;;20;услуга;\n' +
        'B-2;Багет;Хлеб;дорого;шт;120;подарок;\n' +
        ';;;;;;;\n' +
        'B-1b;ХЛЕБ РЖАНОЙ;Хлеб;130;;;;\n',
    );
    const imp = await uploaded(b.managerA.browser, 'product', 'товары.csv', file);
    expect(imp.mapping.columns.map((c) => c.field)).toEqual(['sku', 'name', 'category', 'price', 'unit', 'vatRate', 'kind', 'description']);
    const done = await run(b.managerA.browser, imp.id);
    expect(done.counts).toMatchObject({ created: 3, updated: 1, skipped: 1, rejected: 0 });
    const rows = await t.db.execute<{
      sku: string;
      name: string;
      unit: string;
      vat: string;
      kind: string;
      price: string | null;
      category: string;
    }>(sql`
      SELECT p.sku, p.name, p.unit, p.vat_rate::text AS vat, p.kind, pp.price::text AS price, c.name AS category FROM product p
      JOIN product_category c ON c.workspace_id = p.workspace_id AND c.id = p.category_id
      LEFT JOIN product_price pp ON pp.workspace_id = p.workspace_id AND pp.product_id = p.id
      WHERE p.workspace_id = ${ws} ORDER BY p.sku`);
    expect(rows.rows).toEqual([
      { sku: 'B-1b', name: 'Хлеб ржаной', unit: 'шт', vat: '10.00', kind: 'product', price: '130.00', category: 'Хлеб' },
      { sku: 'B-2', name: 'Багет', unit: 'шт', vat: '0.00', kind: 'product', price: null, category: 'Хлеб' },
      { sku: 'S-1', name: 'Доставка', unit: 'pcs', vat: '20.00', kind: 'service', price: '300.00', category: 'Услуги' },
    ]);
    const reported = await allProblems(b.managerA.browser, imp.id);
    expect(reported.map((p) => [p.line, p.code, p.field, p.value])).toEqual([
      [4, 'invalid_number', 'price', 'дорого'],
      [4, 'invalid_number', 'vatRate', '120'],
      [4, 'unknown_value', 'kind', 'подарок'],
      [5, 'empty_row', null, null],
      [6, 'duplicate_in_file', null, null],
    ]);
    const list = await t.db.execute<{ currency: string; is_default: boolean }>(
      sql`SELECT currency, is_default FROM price_list WHERE workspace_id = ${ws}`,
    );
    expect(list.rows).toEqual([{ currency: expect.stringMatching(/^[A-Z]{3}$/), is_default: true }]);
  });
});

describe('a deal import that stops', () => {
  it('resumes after the last committed chunk, and two runs at once write each row once', async () => {
    const b = await makeBakery(t);
    const ws = b.owner.session.user.workspace.id;
    const lines = Array.from({ length: 1200 }, (_, i) => `R${i},Won,2024-01-02,2024-02-0${1 + (i % 9)},${100 + i}`);
    const imp = await uploaded(
      b.owner,
      'deal',
      'many.csv',
      Buffer.from(`title,stage,engage_date,close_date,close_value\n${lines.join('\n')}\n`),
    );
    await t.db.execute(sql`UPDATE data_import SET status = 'queued' WHERE workspace_id = ${ws} AND id = ${imp.id}`);
    // The process stops after its first chunk.
    let chunks = 0;
    await runImport(t.db, ws, imp.id, () => chunks++ >= 1);
    const stopped = (await b.owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).json<TImport>();
    expect(stopped).toMatchObject({ status: 'running', processed: 500, counts: { created: 500 } });
    expect(await count(sql`SELECT count(*)::int AS n FROM deal WHERE workspace_id = ${ws}`)).toBe(500);
    // Two workers take the job again at once.
    await Promise.all([runImport(t.db, ws, imp.id), runImport(t.db, ws, imp.id)]);
    const done = (await b.owner.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).json<TImport>();
    expect(done).toMatchObject({ status: 'done', processed: 1200, counts: { created: 1200, skipped: 0, rejected: 0 } });
    expect(await count(sql`SELECT count(*)::int AS n FROM deal WHERE workspace_id = ${ws}`)).toBe(1200);
    expect(await count(sql`SELECT count(DISTINCT title)::int AS n FROM deal WHERE workspace_id = ${ws}`)).toBe(1200);
  });
});

describe('headers of product, people and deal files', () => {
  const fieldsOf = (entity: 'product' | 'user' | 'deal', headers: string[]) => suggestMapping(entity, headers, []).map((c) => c.field);

  it('are read in English, Russian and Italian', () => {
    expect(fieldsOf('product', ['Артикул', 'Наименование', 'Серия', 'Цена', 'Ед. изм.', 'Ставка НДС'])).toEqual([
      'sku',
      'name',
      'category',
      'price',
      'unit',
      'vatRate',
    ]);
    expect(fieldsOf('product', ['Codice articolo', 'Prodotto', 'Categoria', 'Prezzo di listino', 'Aliquota IVA', 'Tipo'])).toEqual([
      'sku',
      'name',
      'category',
      'price',
      'vatRate',
      'kind',
    ]);
    expect(fieldsOf('user', ['Сотрудник', 'Руководитель', 'Филиал', 'E-mail'])).toEqual(['name', 'manager', 'unit', 'email']);
    expect(fieldsOf('user', ['Agente', 'Responsabile', 'Ufficio regionale', 'Ruolo'])).toEqual(['name', 'manager', 'unit', 'role']);
    expect(
      fieldsOf('deal', ['Сделка', 'Ответственный', 'Товар', 'Клиент', 'Этап', 'Дата начала', 'Дата закрытия', 'Сумма', 'Валюта']),
    ).toEqual(['title', 'owner', 'product', 'company', 'stage', 'engagedOn', 'closeOn', 'amount', 'currency']);
    expect(fieldsOf('deal', ['Titolo', 'Agente', 'Prodotto', 'Cliente', 'Fase', 'Data chiusura', 'Importo'])).toEqual([
      'title',
      'owner',
      'product',
      'company',
      'stage',
      'closeOn',
      'amount',
    ]);
  });
});
