import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { TContact } from '@clientela/contract';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { type Cell, type Column, type ExportRecord, wallClockIn } from './export-columns.ts';

/** Cells a spreadsheet would run as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Resolves when `stream` wants more; fails when the file's reader has gone first (a download given up). */
function drained(stream: Writable, out: Writable = stream): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The export was closed before its end'));
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('The export was closed before its end'));
    stream.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', settle);
  });
}

export function csvOf<R = ExportRecord>(columns: Column<R>[], pages: AsyncGenerator<R[]>, timeZone: string): Readable {
  // A byte-order mark lets spreadsheet programs read the file as UTF-8.
  const csv = stringify({ bom: true });
  const wallClock = wallClockIn(timeZone);
  const safe = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
  const text = (column: Column<R>, cell: Cell): string => {
    if (cell === null) return '';
    if (cell instanceof Date) {
      const iso = (column.kind === 'datetime' ? wallClock(cell) : cell).toISOString();
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
          if (!csv.write(columns.map((c) => text(c, c.value(record))))) await drained(csv);
        }
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}

/** The style of a column's cells, one object per column (see xlsxOf). */
function styleOf<R>(column: Column<R>): Partial<ExcelJS.Style> {
  switch (column.kind) {
    case 'date':
      return { numFmt: 'yyyy-mm-dd' };
    case 'datetime':
      return { numFmt: 'yyyy-mm-dd hh:mm' };
    case 'money':
      return { numFmt: `#,##0.00 "${column.currency ?? ''}"` };
    default:
      return {};
  }
}

/** XML of the sheet waiting for the zip before more rows are made (a few pages' worth). */
const SHEET_BACKLOG = 1 << 20;

type EntryState = { length: number; needDrain: boolean };

/**
 * The zip entry exceljs writes the sheet into, with its write buffer's state. exceljs's streaming
 * writer hands rows on without heeding backpressure, so XML the zip has not taken yet (a slow
 * download) piles up there unless the rows wait for it. archiver's stream there (readable-stream 2)
 * has no `writableLength`: its state is read where every Node stream keeps it.
 */
function sheetEntry(sheet: ExcelJS.Worksheet): { stream: Writable; state: EntryState } | undefined {
  const stream = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  const state = (stream as unknown as { _writableState?: EntryState } | undefined)?._writableState;
  return stream && state ? { stream, state } : undefined;
}

export function xlsxOf<R = ExportRecord>(columns: Column<R>[], pages: AsyncGenerator<R[]>, timeZone: string): Readable {
  const out = new PassThrough();
  const wallClock = wallClockIn(timeZone);
  // Deflate level 1 is already archiver's default (measured: the same bytes as with no option).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Clientela', { views: [{ state: 'frozen', ySplit: 1 }] });
  const styles = columns.map(styleOf);
  sheet.columns = columns.map((c, i) => ({ header: c.heading, key: c.id, width: c.kind === 'text' ? 24 : 16, style: styles[i] }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const page of pages) {
        for (const record of page) {
          // Typed cells: strings stay strings, so nothing in them runs as a formula.
          const row = sheet.addRow(
            columns.map((c) => {
              const cell = c.value(record);
              return cell instanceof Date && c.kind === 'datetime' ? wallClock(cell) : cell;
            }),
          );
          // Each cell gets its column's own style object rather than a copy: exceljs then finds
          // the style once per column instead of once per cell (a fifth of its time).
          for (let i = 0; i < styles.length; i += 1) row.getCell(i + 1).style = styles[i] as Partial<ExcelJS.Style>;
          row.commit();
        }
        const entry = sheetEntry(sheet);
        if (!entry) throw new Error('exceljs no longer writes the sheet where the export expects it');
        if (out.destroyed || (entry.state.length > SHEET_BACKLOG && entry.state.needDrain)) await drained(entry.stream, out);
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** Contacts as vCard 4.0 cards (RFC 6350), written by ical.js. */
export function vcardOf(pages: AsyncGenerator<TContact[]>): Readable {
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
          if (!out.write(`${card.toString()}\r\n`)) await drained(out);
        }
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
