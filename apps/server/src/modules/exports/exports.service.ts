import type { TContact, TExportResource, TLocale, TRecordEntity, TSavedQuery } from '@clientela/contract';
import { COLUMNS_OF, ZCompanyListQuery, ZContactListQuery } from '@clientela/contract';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { assertMayExport } from '../authz/index.ts';
import { companiesInOrder } from '../companies/index.ts';
import { contactsInOrder } from '../contacts/index.ts';
import { definitionsOf } from '../custom-fields/index.ts';
import { hiddenFields, stripRecord } from '../roles/field-rules.ts';
import { units } from '../units/index.ts';
import { checkColumns, checkSavedQuery } from '../views/index.ts';
import { type Column, columnOf, type ExportRecord } from './export-columns.ts';
import { EXPORT_LABELS } from './export-labels.ts';
import { prepareProducts } from './export-products.ts';
import { csvOf, vcardOf, xlsxOf } from './export-writers.ts';
import { type OpenedInOrder, openInOrder } from './read-in-order.ts';

type Format = 'csv' | 'xlsx' | 'vcf';

/**
 * Records read from the database at a time. Small batches die young in the garbage collector:
 * measured on 100k companies to XLSX, batches of 100 peaked at ~+30 MB and were the fastest,
 * batches of 1,000 at ~+140 MB, of 4,000 at ~+170 MB.
 */
const BATCH = 100;
/** Most rows one export writes (larger ones come with background export jobs). */
const EXPORT_ROWS_MAX = 100_000;

export type ExportRequest = {
  resource: TExportResource;
  format: Format;
  columns: string | undefined;
  query: TSavedQuery;
  locale: TLocale;
  timeZone: string;
  /** Told how many records match, then after each page how many are written (export jobs show it). */
  onProgress?: (written: number, total: number) => Promise<void>;
};

/** Checks an export's format, columns and list query, as the export itself would; throws 400s. */
export async function checkExport(ctx: Ctx, request: Pick<ExportRequest, 'resource' | 'format' | 'columns' | 'query'>): Promise<void> {
  assertMayExport(ctx.actor, request.resource === 'products' ? 'sales' : request.resource);
  if (request.resource === 'products') await prepareProducts(ctx, request);
  else await prepare(ctx, request);
}

/** The entity, parsed list query and checked columns of a customer export. */
async function prepare(ctx: Ctx, request: Pick<ExportRequest, 'resource' | 'format' | 'columns' | 'query'>) {
  const entity: TRecordEntity = request.resource === 'companies' ? 'company' : 'contact';
  if (request.format === 'vcf' && entity !== 'contact') {
    throw new AppError('validation_failed', 'vCard files hold people: export contacts', {
      errors: [{ path: 'format', message: 'Contacts only' }],
    });
  }
  const { workspaceId } = ctx.actor;
  const parsed = await checkSavedQuery(ctx.db, workspaceId, entity, request.query, '');
  const definitions = await definitionsOf(ctx.db, workspaceId, entity);
  const columnIds = request.columns
    ? request.columns.split(',').map((id) => id.trim())
    : [...COLUMNS_OF[entity], ...definitions.map((d) => `custom.${d.key}`)];
  await checkColumns(ctx.db, workspaceId, entity, columnIds, definitions);
  // Columns of fields the actor's role hides are left out of the file (named or not).
  const hidden = hiddenFields(ctx.actor, request.resource === 'companies' ? 'companies' : 'contacts');
  return { entity, parsed, definitions, columnIds: columnIds.filter((id) => !hidden.includes(id)), hidden };
}

/**
 * A file of every record the actor may see that the list query matches, with the chosen columns
 * (or all), headed and worded in the user's language. Input is checked before the first byte is
 * sent; the records are read a batch at a time, so memory stays flat however long the list.
 */
export async function exportRecords(ctx: Ctx, request: ExportRequest) {
  assertMayExport(ctx.actor, request.resource === 'products' ? 'sales' : request.resource);
  const labels = EXPORT_LABELS[request.locale];
  if (request.resource === 'products') {
    const products = await prepareProducts(ctx, request);
    return fileOf(request, labels.file.products, products.columns(labels), await products.open(BATCH));
  }
  const { entity, parsed, definitions, columnIds, hidden } = await prepare(ctx, request);
  const { workspaceId } = ctx.actor;
  const unitNames = new Map(
    (await ctx.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.workspaceId, workspaceId))).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const columns = columnIds.map((id) => columnOf(id, labels, definitions, unitNames));
  const opened =
    entity === 'company'
      ? await openInOrder(ctx.db, await companiesInOrder(ctx, ZCompanyListQuery.parse(parsed)), BATCH)
      : await openInOrder(ctx.db, await contactsInOrder(ctx, ZContactListQuery.parse(parsed)), BATCH);
  // vCards write every field they know: the records lose the hidden ones first.
  const redact =
    hidden.length > 0 ? (record: ExportRecord) => stripRecord(record, request.resource as 'companies' | 'contacts', hidden) : undefined;
  return fileOf(request, labels.file[request.resource], columns, opened as OpenedInOrder<ExportRecord>, redact);
}

/** The file of the opened records, streamed as they are read; too many records are refused before the first byte. */
async function fileOf<R>(
  request: ExportRequest,
  name: string,
  columns: Column<R>[],
  records: OpenedInOrder<R>,
  redact?: (record: R) => void,
) {
  if (records.total > EXPORT_ROWS_MAX) {
    await records.close();
    const message = `The filter matches more than ${EXPORT_ROWS_MAX} records; narrow it`;
    throw new AppError('validation_failed', message, { errors: [{ path: 'filter', message }] });
  }
  const { total } = records;
  const pages = async function* () {
    try {
      await request.onProgress?.(0, total);
      let written = 0;
      for await (const page of records.batches()) {
        if (redact) for (const record of page) redact(record);
        yield page;
        written += page.length;
        await request.onProgress?.(written, total);
      }
    } finally {
      // Batches that ran give the connection back themselves; this covers a start that failed.
      await records.close();
    }
  };
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: request.timeZone }).format(new Date());
  const filename = `${name}-${date}.${request.format}`;
  const stream =
    request.format === 'csv'
      ? csvOf(columns, pages(), request.timeZone)
      : request.format === 'vcf'
        ? vcardOf(pages() as unknown as AsyncGenerator<TContact[]>)
        : xlsxOf(columns, pages(), request.timeZone);
  const contentType = {
    csv: 'text/csv; charset=utf-8',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    vcf: 'text/vcard; charset=utf-8',
  }[request.format];
  return { filename, contentType, stream };
}
