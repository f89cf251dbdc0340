import { Readable } from 'node:stream';
import chardet from 'chardet';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../../http/errors.ts';

export type FileFormat = 'csv' | 'xlsx' | 'vcard';

/** What the reader found in a file. */
export type FileShape = {
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** Data rows, empty ones included; empty lines after the last row are not counted. */
  rowCount: number;
};

/** One data row: its line in the file (the header is line 1 of a CSV or sheet) and its cells. */
export type FileRow = { line: number; cells: string[] };

const unreadable = (detail: string) => new AppError('unreadable_file', detail);

/** The columns a vCard becomes; the mapping suggests their fields like any file's headers. */
export const VCARD_HEADERS = [
  'Full name',
  'First name',
  'Last name',
  'Organisation',
  'Title',
  'E-mail',
  'E-mail 2',
  'E-mail 3',
  'Phone',
  'Phone 2',
  'Phone 3',
  'Address',
  'City',
  'Region',
  'Birthday',
  'Note',
  'Categories',
] as const;

export function detectFormat(content: Buffer): FileFormat {
  if (content.length >= 4 && content.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const start = content
    .subarray(0, 200)
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  return 'csv';
}

/**
 * The text encoding of a file: its byte-order mark, else UTF-8 when every byte sequence is
 * valid UTF-8, else the statistical guess (Windows-1251 for Russian, Latin-1 for Italian…).
 */
export function detectEncoding(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return 'utf-8';
  if (content[0] === 0xff && content[1] === 0xfe) return 'utf-16le';
  if (content[0] === 0xfe && content[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return 'utf-8';
  } catch {
    // Not UTF-8: guess below.
  }
  const guess = (chardet.detect(content) ?? '').toLowerCase();
  if (guess === 'windows-1251' || guess === 'koi8-r' || guess === 'iso-8859-5') return guess;
  if (guess === 'windows-1252' || guess === 'iso-8859-15') return guess;
  return 'iso-8859-1';
}

function decode(content: Buffer, encoding: string): string {
  const text = iconv.decode(content, encoding);
  if (text.includes('\u0000')) throw unreadable('The file is not a text file');
  return text;
}

function trimTrailingEmpty(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((cell) => cell.trim() === '')) end -= 1;
  return rows.slice(0, end);
}

function readCsv(content: Buffer): { shape: FileShape; rows: string[][] } {
  const encoding = detectEncoding(content);
  const text = decode(content, encoding);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const all = trimTrailingEmpty(parsed.data);
  const [headers, ...rows] = all;
  if (!headers || headers.every((h) => h.trim() === '')) throw unreadable('The file has no header line');
  const delimiter = parsed.meta.delimiter || ',';
  return { shape: { format: 'csv', encoding, delimiter, headers: headers.map((h) => h.trim()), rowCount: rows.length }, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(content: Buffer): Promise<{ shape: FileShape; rows: string[][]; lines: number[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const byLine: { line: number; cells: string[] }[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        byLine.push({ line: row.number, cells: Array.from(values, (value) => cellText(value as ExcelJS.CellValue).trim()) });
      }
      break; // The first sheet only.
    }
  } catch {
    throw unreadable('The spreadsheet cannot be read');
  }
  const header = byLine.find((row) => row.cells.some((cell) => cell !== ''));
  if (!header) throw unreadable('The sheet is empty');
  const width = header.cells.length;
  // Rows the sheet leaves out are empty lines of the file: they are counted and reported too.
  const rows: string[][] = [];
  const lines: number[] = [];
  let expected = header.line + 1;
  for (const row of byLine) {
    if (row.line <= header.line) continue;
    for (; expected < row.line; expected += 1) {
      rows.push([]);
      lines.push(expected);
    }
    rows.push(row.cells.slice(0, Math.max(width, row.cells.length)));
    lines.push(row.line);
    expected = row.line + 1;
  }
  const kept = trimTrailingEmpty(rows);
  return {
    shape: { format: 'xlsx', encoding: null, delimiter: null, headers: header.cells, rowCount: kept.length },
    rows: kept,
    lines: lines.slice(0, kept.length),
  };
}

function readVcard(content: Buffer): { shape: FileShape; rows: string[][] } {
  const encoding = detectEncoding(content);
  const text = decode(content, encoding);
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    throw unreadable('The vCard file cannot be read');
  }
  const cards = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed) as unknown[];
  const rows = cards.map((jcard) => {
    const card = new ICAL.Component(jcard as ConstructorParameters<typeof ICAL.Component>[0]);
    const text = (name: string) => {
      const value = card.getFirstPropertyValue(name);
      if (value === null || value === undefined) return '';
      return Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
    };
    const all = (name: string) =>
      card
        .getAllProperties(name)
        .map((p) =>
          String(p.getFirstValue() ?? '')
            .replace(/^tel:/i, '')
            .replace(/^mailto:/i, ''),
        )
        .filter(Boolean);
    const n = card.getFirstPropertyValue('n');
    const [family = '', given = ''] = Array.isArray(n) ? n.map(String) : [];
    const adr = card.getFirstPropertyValue('adr');
    const parts = Array.isArray(adr) ? adr.map((part) => String(part ?? '')) : [];
    const emails = all('email');
    const phones = all('tel');
    const categories = card.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    return [
      text('fn'),
      given,
      family,
      text('org'),
      text('title'),
      emails[0] ?? '',
      emails[1] ?? '',
      emails[2] ?? '',
      phones[0] ?? '',
      phones[1] ?? '',
      phones[2] ?? '',
      [parts[2], parts[5]].filter(Boolean).join(', '),
      parts[3] ?? '',
      [parts[4], parts[6]].filter(Boolean).join(', '),
      text('bday').slice(0, 10),
      text('note'),
      categories.join(', '),
    ];
  });
  return { shape: { format: 'vcard', encoding, delimiter: null, headers: [...VCARD_HEADERS], rowCount: rows.length }, rows };
}

/** Reads a whole file: its shape and its data rows with their line numbers. */
export async function readFile(content: Buffer): Promise<{ shape: FileShape; rows: FileRow[] }> {
  if (content.length === 0) throw unreadable('The file is empty');
  const format = detectFormat(content);
  if (format === 'xlsx') {
    const { shape, rows, lines } = await readXlsx(content);
    return { shape, rows: rows.map((cells, i) => ({ line: lines[i] ?? i + 2, cells })) };
  }
  const { shape, rows } = format === 'vcard' ? readVcard(content) : readCsv(content);
  const first = format === 'vcard' ? 1 : 2;
  return { shape, rows: rows.map((cells, i) => ({ line: first + i, cells: cells.map((cell) => cell.trim()) })) };
}
