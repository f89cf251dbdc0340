import { PassThrough, type Readable } from 'node:stream';
import {
  COLUMNS_OF,
  type TCompany,
  type TContact,
  type TLocale,
  type TRecordEntity,
  type TSavedQuery,
  ZCompanyListQuery,
  ZContactListQuery,
} from '@clientela/contract';
import { stringify } from 'csv-stringify';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { companiesInOrder, companyIdsInOrder } from '../companies/index.ts';
import { contactIdsInOrder, contactsInOrder } from '../contacts/index.ts';
import { type Definition, definitionsOf } from '../custom-fields/index.ts';
import { units } from '../units/index.ts';
import { checkColumns, checkSavedQuery } from '../views/index.ts';
import { EXPORT_LABELS, type ExportLabels } from './export-labels.ts';

type Cell = string | number | Date | null;
type Kind = 'text' | 'date' | 'datetime' | 'money';
type Column = { id: string; heading: string; kind: Kind; currency?: string | null; value: (record: TCompany & TContact) => Cell };
type Format = 'csv' | 'xlsx' | 'vcf';

const PAGE = 1000;
/** Most rows one export writes (larger ones come with background export jobs). */
const EXPORT_ROWS_MAX = 100_000;
/** Cells a spreadsheet would run as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type ExportRequest = {
  resource: 'companies' | 'contacts';
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
  await prepare(ctx, request);
}

/** The entity, parsed list query and checked columns of an export. */
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
  return { entity, parsed, definitions, columnIds };
}

/**
 * A file of every record the actor may see that the list query matches, with the chosen columns
 * (or all), headed and worded in the user's language. Input is checked before the first byte is
 * sent; the records are read page by page, so memory stays flat however long the list.
 */
export async function exportRecords(ctx: Ctx, request: ExportRequest) {
  const { entity, parsed, definitions, columnIds } = await prepare(ctx, request);
  const { workspaceId } = ctx.actor;
  const labels = EXPORT_LABELS[request.locale];
  const unitNames = new Map(
    (await ctx.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.workspaceId, workspaceId))).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const columns = columnIds.map((id) => columnOf(id, labels, definitions, unitNames));
  // The matching ids first, in one query planned for all of them (a filter walked page by page
  // with LIMIT would re-read the same index for every page), then the records in pages.
  const ids =
    entity === 'company'
      ? await companyIdsInOrder(ctx, ZCompanyListQuery.parse(parsed))
      : await contactIdsInOrder(ctx, ZContactListQuery.parse(parsed));
  if (ids.length > EXPORT_ROWS_MAX) {
    const message = `The filter matches more than ${EXPORT_ROWS_MAX} records; narrow it`;
    throw new AppError('validation_failed', message, { errors: [{ path: 'filter', message }] });
  }
  await request.onProgress?.(0, ids.length);
  const read = (start: number) => {
    const only = ids.slice(start, start + PAGE);
    return (entity === 'company' ? companiesInOrder(ctx, only) : contactsInOrder(ctx, only)) as Promise<(TCompany & TContact)[]>;
  };
  const pages = async function* () {
    // The next page is read while the file writes this one.
    let next = ids.length > 0 ? read(0) : null;
    for (let start = 0; next; start += PAGE) {
      const page = await next;
      next = start + PAGE < ids.length ? read(start + PAGE) : null;
      yield page;
      await request.onProgress?.(Math.min(start + PAGE, ids.length), ids.length);
    }
  };
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: request.timeZone }).format(new Date());
  const filename = `${labels.file[request.resource]}-${date}.${request.format}`;
  const stream =
    request.format === 'csv'
      ? csvOf(columns, pages(), request.timeZone)
      : request.format === 'vcf'
        ? vcardOf(pages() as AsyncGenerator<TContact[]>)
        : xlsxOf(columns, pages(), request.timeZone);
  const contentType = {
    csv: 'text/csv; charset=utf-8',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    vcf: 'text/vcard; charset=utf-8',
  }[request.format];
  return { filename, contentType, stream };
}

function columnOf(id: string, labels: ExportLabels, definitions: Definition[], unitNames: Map<string, string>): Column {
  if (id.startsWith('custom.')) {
    const definition = definitions.find((d) => `custom.${d.key}` === id) as Definition;
    return customColumn(definition, labels);
  }
  const heading = labels.columns[id as keyof ExportLabels['columns']];
  const text = (value: (r: TCompany & TContact) => string | null | undefined): Column => ({
    id,
    heading,
    kind: 'text',
    value: (r) => value(r) || null,
  });
  const points = (list: { label: string; value: string }[]) => list.map((p) => (p.label ? `${p.label}: ${p.value}` : p.value)).join('; ');
  switch (id) {
    case 'status':
      return text((r) => labels.status[r.status]);
    case 'relationships':
      return text((r) => r.relationships.map((rel) => labels.relationship[rel]).join(', '));
    case 'phones':
      return text((r) => points(r.phones));
    case 'emails':
      return text((r) => points(r.emails));
    case 'preferredChannel':
      return text((r) => (r.preferredChannel ? labels.channel[r.preferredChannel] : null));
    case 'owner':
      return text((r) => r.owner?.name);
    case 'unit':
      return text((r) => (r.unitId ? unitNames.get(r.unitId) : null));
    case 'group':
      return text((r) => r.group?.name);
    case 'companies':
      return text((r) => r.companies.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join('; '));
    case 'tags':
      return text((r) => r.tags.join(', '));
    case 'birthday':
      return { id, heading, kind: 'date', value: (r) => (r.birthday ? new Date(`${r.birthday}T00:00:00Z`) : null) };
    case 'createdAt':
    case 'updatedAt':
      return { id, heading, kind: 'datetime', value: (r) => new Date(r[id]) };
    default:
      return text((r) => {
        const value = (r as unknown as Record<string, unknown>)[id];
        return typeof value === 'string' ? value : null;
      });
  }
}

function customColumn(definition: Definition, labels: ExportLabels): Column {
  const base = { id: `custom.${definition.key}`, heading: definition.label };
  const raw = (r: TCompany & TContact) => r.custom[definition.key];
  const optionLabel = (value: unknown) => definition.options.find((o) => o.value === value)?.label ?? String(value);
  switch (definition.type) {
    case 'number':
      return { ...base, kind: 'text', value: (r) => (typeof raw(r) === 'number' ? (raw(r) as number) : null) };
    case 'money':
      return {
        ...base,
        kind: 'money',
        currency: definition.currency,
        value: (r) => (typeof raw(r) === 'number' ? (raw(r) as number) : null),
      };
    case 'date':
      return { ...base, kind: 'date', value: (r) => (typeof raw(r) === 'string' ? new Date(`${raw(r)}T00:00:00Z`) : null) };
    case 'boolean':
      return { ...base, kind: 'text', value: (r) => (typeof raw(r) === 'boolean' ? (raw(r) ? labels.yes : labels.no) : null) };
    case 'select':
      return { ...base, kind: 'text', value: (r) => (raw(r) == null ? null : optionLabel(raw(r))) };
    case 'multiselect':
      return {
        ...base,
        kind: 'text',
        value: (r) =>
          Array.isArray(raw(r)) && (raw(r) as unknown[]).length > 0 ? (raw(r) as unknown[]).map(optionLabel).join(', ') : null,
      };
    default:
      return { ...base, kind: 'text', value: (r) => (raw(r) == null ? null : String(raw(r))) };
  }
}

/** The wall-clock time in a time zone, as a Date whose UTC fields show it (what spreadsheets expect). */
function wallClock(at: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return new Date(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`);
}

function csvOf(columns: Column[], pages: AsyncGenerator<(TCompany & TContact)[]>, timeZone: string): Readable {
  // A byte-order mark lets spreadsheet programs read the file as UTF-8.
  const csv = stringify({ bom: true });
  const safe = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
  const text = (column: Column, cell: Cell): string => {
    if (cell === null) return '';
    if (cell instanceof Date) {
      const iso = (column.kind === 'datetime' ? wallClock(cell, timeZone) : cell).toISOString();
      return column.kind === 'datetime' ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
    }
    if (typeof cell === 'number') return String(cell);
    return safe(cell);
  };
  void (async () => {
    try {
      // Headings include admins' custom-field labels: neutralised like any cell.
      csv.write(columns.map((c) => safe(c.heading)));
      for await (const page of pages) {
        for (const record of page) {
          if (!csv.write(columns.map((c) => text(c, c.value(record))))) await new Promise((resolve) => csv.once('drain', resolve));
        }
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}

function xlsxOf(columns: Column[], pages: AsyncGenerator<(TCompany & TContact)[]>, timeZone: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Clientela', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.heading,
    key: c.id,
    width: c.kind === 'text' ? 24 : 16,
    style:
      c.kind === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : c.kind === 'datetime'
          ? { numFmt: 'yyyy-mm-dd hh:mm' }
          : c.kind === 'money'
            ? { numFmt: `#,##0.00 "${c.currency ?? ''}"` }
            : {},
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const page of pages) {
        for (const record of page) {
          // Typed cells: strings stay strings, so nothing in them runs as a formula.
          sheet
            .addRow(
              columns.map((c) => {
                const cell = c.value(record);
                return cell instanceof Date && c.kind === 'datetime' ? wallClock(cell, timeZone) : cell;
              }),
            )
            .commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** A contact as a vCard 4.0 card (RFC 6350), written by ical.js. */
function vcardOf(pages: AsyncGenerator<TContact[]>): Readable {
  const out = new PassThrough();
  const property = (name: string, value: string | string[], type?: string) => {
    const prop = new ICAL.Property(name);
    if (type) prop.setParameter('type', type);
    if (Array.isArray(value)) prop.setValue(value as unknown as string);
    else prop.setValue(value);
    return prop;
  };
  void (async () => {
    try {
      for await (const page of pages) {
        for (const contact of page) {
          const card = new ICAL.Component('vcard');
          card.addPropertyWithValue('version', '4.0');
          card.addPropertyWithValue('fn', `${contact.firstName} ${contact.lastName}`.trim() || '-');
          card.addProperty(property('n', [contact.lastName, contact.firstName, '', '', '']));
          for (const phone of contact.phones) card.addProperty(property('tel', phone.value, phone.label || undefined));
          for (const email of contact.emails) card.addProperty(property('email', email.value, email.label || undefined));
          const company = contact.companies[0];
          if (company) card.addProperty(property('org', [company.name]));
          if (contact.position) card.addPropertyWithValue('title', contact.position);
          if (contact.address || contact.city || contact.region) {
            card.addProperty(property('adr', ['', '', contact.address ?? '', contact.city ?? '', contact.region ?? '', '', '']));
          }
          if (contact.birthday) {
            const bday = new ICAL.Property('bday');
            bday.setValue(ICAL.VCardTime.fromDateAndOrTimeString(contact.birthday, 'date'));
            card.addProperty(bday);
          }
          if (contact.notes) card.addPropertyWithValue('note', contact.notes);
          if (contact.tags.length > 0) {
            const categories = new ICAL.Property('categories');
            categories.setValues(contact.tags);
            card.addProperty(categories);
          }
          card.addPropertyWithValue('uid', `urn:uuid:${contact.id}`);
          if (!out.write(`${card.toString()}\r\n`)) await new Promise((resolve) => out.once('drain', resolve));
        }
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
