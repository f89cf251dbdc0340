import type { TImport, TImportPreview, TImportProblem, TRoi } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { leadPolicy } from '../leads/index.ts';
import { dayIn } from '../my-day/zoned-day.ts';

const t = useTestApp();
/** Today and this year in the bakery owner's zone (Europe/Rome), the calendar the ROI period is read in. */
const today = dayIn('Europe/Rome', new Date());
const year = today.slice(0, 4);

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

const upload = (browser: Pick<Browser, 'request'>, fileName: string, content: Buffer) =>
  browser.request({ method: 'POST', url: '/api/v1/imports', ...multipart('lead', fileName, content) });

async function uploaded(browser: Browser, fileName: string, content: Buffer): Promise<TImport> {
  const response = await upload(browser, fileName, content);
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

const problems = async (browser: Browser, id: string): Promise<TImportProblem[]> =>
  (await get(browser, `/api/v1/imports/${id}/problems?limit=200`)).data;

type LeadRow = {
  name: string;
  company_name: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  status: string;
  channel: string;
  message: string | null;
  owner_id: string | null;
  source_id: string | null;
  campaign_id: string | null;
};

const leadsOf = async (workspaceId: string) =>
  (
    await t.db.execute<LeadRow>(sql`
      SELECT name, company_name, email, phone, city, status, channel, message, owner_id, source_id, campaign_id
      FROM lead WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL ORDER BY name`)
  ).rows;

/** A file as a Russian office exports it from Excel: semicolons, Windows-1251, CRLF. */
function russianFile(ownerEmail: string) {
  const lines = [
    'ФИО;Компания;Эл. почта;Телефон;Город;Источник;Кампания;Статус;Ответственный;Комментарий',
    `Иванов Иван Петрович;ООО Ромашка;IVAN@Example.RU ;+7 (912) 345-67-89;Москва;Выставка;Мебель Экспо;В работе;${ownerEmail};Хочет каталог`,
    'Анна Петрова;;;8 912 000-11-22;Москва;выставка;Мебель Экспо;новый;Marta;',
    'Олег Сидоров;ИП Сидоров;oleg@example.ru;;Тверь;Радио;;;;Слышал рекламу',
    ';ООО Берёза;;;Казань;Выставка;Мебель Экспо;квалифицирован;;',
    `Иванов Иван;ООО Ромашка;ivan@example.ru;;Москва;Выставка;Мебель Экспо;;;`,
  ];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1251');
}

describe('lead imports', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('imports a Windows-1251 file with Russian headers: leads with their source and campaign, counted by ROI, never twice', async () => {
    const b = await makeBakery(t);
    const ws = b.owner.session.user.workspace.id;
    const exhibition = await post(b.owner, '/api/v1/lead-sources', { name: 'Выставка' });
    const radio = await post(b.owner, '/api/v1/lead-sources', { name: 'Радиореклама' });
    const expo = await post(b.owner, '/api/v1/campaigns', { name: 'Мебель Экспо', kind: 'exhibition', sourceId: exhibition.id });
    await post(b.owner, `/api/v1/campaigns/${expo.id}/costs`, { description: 'Стенд', actual: '1000.00', incurredOn: today });
    const file = russianFile(b.managerA.user.email);

    // An employee may register leads, so they may import them.
    const imp = await uploaded(b.employeeA.browser, 'leads.csv', file);
    expect(imp).toMatchObject({ entity: 'lead', encoding: 'windows-1251', delimiter: ';', rowCount: 5 });
    expect(imp.mapping.columns.map((c) => c.field)).toEqual([
      'fullName',
      'companyName',
      'email',
      'phone',
      'city',
      'source',
      'campaign',
      'status',
      'owner',
      'notes',
    ]);
    expect(imp.mapping.duplicates).toBe('skip');

    // The values step lists the source the workspace does not have, with the closest sources to choose from.
    const preview: TImportPreview = await get(b.employeeA.browser, `/api/v1/imports/${imp.id}/preview`);
    expect(preview.unknownValues).toEqual([
      expect.objectContaining({ field: 'source', value: 'Радио', count: 1, link: true, suggestion: null }),
    ]);
    expect(preview.unknownValues[0]?.options.map((o) => o.label)).toEqual(expect.arrayContaining(['Выставка', 'Радиореклама']));
    expect(preview.rows.map((r) => r.outcome)).toEqual(['create', 'create', 'reject', 'create', 'skip']);
    expect(await leadsOf(ws)).toEqual([]);

    const done = await run(b.employeeA.browser, imp.id);
    expect(done).toMatchObject({ status: 'done', processed: 5, counts: { created: 3, updated: 0, skipped: 1, rejected: 1 } });
    const reported = await problems(b.employeeA.browser, imp.id);
    // The unknown source is reported on its line (the header is line 1), the row is not silently dropped.
    expect(reported).toContainEqual(
      expect.objectContaining({ line: 4, column: 5, field: 'source', code: 'unknown_source', value: 'Радио', outcome: 'reject' }),
    );
    expect(reported).toContainEqual(expect.objectContaining({ line: 6, field: 'email', code: 'duplicate_in_file', repeatsLine: 2 }));

    const leads = await leadsOf(ws);
    expect(leads).toEqual([
      expect.objectContaining({ name: '', company_name: 'ООО Берёза', city: 'Казань', status: 'qualified', owner_id: b.employeeA.user.id }),
      expect.objectContaining({
        name: 'Анна Петрова',
        phone: '8 912 000-11-22',
        status: 'new',
        owner_id: b.managerA.user.id,
        source_id: exhibition.id,
        campaign_id: expo.id,
      }),
      {
        name: 'Иван Петрович Иванов',
        company_name: 'ООО Ромашка',
        email: 'ivan@example.ru',
        phone: '+7 (912) 345-67-89',
        city: 'Москва',
        status: 'working',
        channel: 'import',
        message: 'Хочет каталог',
        owner_id: b.managerA.user.id,
        source_id: exhibition.id,
        campaign_id: expo.id,
      },
    ]);
    expect(leads.every((lead) => lead.channel === 'import' && lead.source_id === exhibition.id && lead.campaign_id === expo.id)).toBe(true);

    // The campaign's ROI counts the imported leads: 1,000.00 over 3 leads.
    const roi: TRoi = await get(b.owner, `/api/v1/marketing/roi?from=${year}-01-01&to=${year}-12-31&by=campaign&attribution=first`);
    expect(roi.rows.find((row) => row.item?.id === expo.id)).toMatchObject({ leads: 3, cost: '1000.00', costPerLead: '333.33' });
    const bySource: TRoi = await get(b.owner, `/api/v1/marketing/roi?from=${year}-01-01&to=${year}-12-31&by=source&attribution=first`);
    expect(bySource.rows.find((row) => row.item?.id === exhibition.id)).toMatchObject({ leads: 3 });

    // The same file again creates nothing: each lead is found by its e-mail, else its phone, else its name and company.
    const again = await uploaded(b.employeeA.browser, 'leads.csv', file);
    expect((await run(b.employeeA.browser, again.id)).counts).toMatchObject({ created: 0, skipped: 4, rejected: 1 });
    expect(await leadsOf(ws)).toHaveLength(3);

    // Mapped to a source of the workspace, the rejected row comes in; the others are updated, not doubled.
    const repeated: TImport = await post(b.employeeA.browser, `/api/v1/imports/${again.id}/repeat`, {});
    const mapped = await b.employeeA.browser.request({
      method: 'PUT',
      url: `/api/v1/imports/${repeated.id}/mapping`,
      payload: { ...repeated.mapping, values: { source: { Радио: { action: 'use', value: radio.id } } } },
    });
    expect(mapped.statusCode).toBe(200);
    expect((await run(b.employeeA.browser, repeated.id)).counts).toMatchObject({ created: 1, updated: 3, skipped: 1, rejected: 0 });
    const after = await leadsOf(ws);
    expect(after).toHaveLength(4);
    expect(after.find((lead) => lead.name === 'Олег Сидоров')).toMatchObject({
      source_id: radio.id,
      campaign_id: null,
      email: 'oleg@example.ru',
    });
  });

  it('refuses people who may not import leads, strangers and other workspaces', async () => {
    const b = await makeBakery(t);
    const file = iconv.encode('Name;E-mail;Source\r\nLuca Bianchi;luca@example.it;\r\n', 'windows-1251');

    // Anonymous: no import at all.
    const anonymous = await upload({ request: (options) => t.app.inject(options) }, 'leads.csv', file);
    expect(anonymous.statusCode).toBe(401);

    // Someone else's workspace never sees, previews nor runs the import.
    const imp = await uploaded(b.managerA.browser, 'leads.csv', file);
    const { admin } = await makeWorkspace(t, { workspaceName: 'Other bakery' });
    const stranger = await signIn(t, admin.email);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'GET', url: `/api/v1/imports/${imp.id}/preview` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run` })).statusCode).toBe(404);

    // Where employees may not import leads, the upload is refused and nothing is written.
    const scope = leadPolicy.scope;
    vi.spyOn(leadPolicy, 'scope').mockImplementation((actor, action) =>
      actor.role === 'employee' && action === 'import' ? 'none' : scope(actor, action),
    );
    const refused = await upload(b.employeeA.browser, 'leads.csv', file);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    const count = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM data_import WHERE workspace_id = ${b.owner.session.user.workspace.id}`,
    );
    expect(count.rows[0]?.n).toBe(1);

    // The manager's import runs; no lead is written in the stranger's workspace.
    expect((await run(b.managerA.browser, imp.id)).counts).toMatchObject({ created: 1 });
    const strangers = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM lead WHERE workspace_id = ${stranger.session.user.workspace.id}`,
    );
    expect(strangers.rows[0]?.n).toBe(0);
  });
});
