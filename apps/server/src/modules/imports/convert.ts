import { isWebsite, type TImportEntity, type TImportProblemCode } from '@clientela/contract';
import { distance } from 'fastest-levenshtein';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { checkValue, type Definition } from '../custom-fields/index.ts';
import { normaliseEmail, phoneDigits } from '../customers/index.ts';
import { type Choice, choicesOf, headerKey, isMultiValue } from './fields.ts';
import type { StoredMapping } from './imports.table.ts';
import type { FileRow } from './read-file.ts';

/** A problem found in a row, before its outcome is known. */
export type RowProblem = {
  column: number | null;
  field: string | null;
  code: TImportProblemCode;
  value: string | null;
  stored: string | null;
  /** True when the row cannot be imported at all. */
  fatal?: boolean;
  /** For a row repeating an earlier row of the file: that row's line. */
  repeatsLine?: number;
};

type Labelled = { label: string; value: string };

/** A row turned into the fields of a record, with what was found wrong on the way. */
export type Candidate = {
  line: number;
  cells: string[];
  empty: boolean;
  fields: Record<string, unknown>;
  phones: Labelled[];
  emails: Labelled[];
  tags: string[];
  custom: Record<string, unknown>;
  ownerId: string | null;
  companyName: string | null;
  parentName: string | null;
  problems: RowProblem[];
  /** Keys that find probable duplicates. */
  keys: { emails: string[]; phones: string[]; tax: string | null; name: string; city: string };
};

export type ConvertContext = {
  entity: TImportEntity;
  mapping: StoredMapping;
  definitions: Definition[];
  /** Workspace users by lower-cased e-mail and by name key. */
  users: Map<string, string>;
  defaultCountry: CountryCode | undefined;
};

const MAX_LENGTH: Record<string, number> = {
  name: 300,
  legalName: 300,
  taxNumber: 40,
  website: 300,
  firstName: 150,
  lastName: 150,
  position: 200,
  region: 120,
  city: 120,
  address: 500,
  leadSource: 120,
  notes: 20_000,
  preferences: 5_000,
  personalEvents: 5_000,
};

const ZEmailCheck = z.email();
const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();
const split = (value: string) =>
  value
    .split(/[,;\n]+/)
    .map((part) => collapse(part))
    .filter(Boolean);

/** The key two names share when they differ only in case and spacing. */
export function nameKey(name: string): string {
  return collapse(name).toLowerCase();
}

/** The duplicate key of a tax number: letters and digits only, upper-case. */
export function taxKey(tax: string): string | null {
  return tax.replace(/[^0-9A-Za-z]/g, '').toUpperCase() || null;
}

/** The duplicate key of a phone: its last ten digits, so that national and international forms meet. */
export function phoneKey(phone: string): string | null {
  const digits = phoneDigits(phone);
  return digits.length >= 7 ? digits.slice(-10) : null;
}

/** The known value a written one means, if any: by value, label or one of its words, case-insensitively. */
export function matchChoice(choices: Choice[], written: string): string | null {
  const key = headerKey(written);
  const found = choices.find((c) => headerKey(c.value) === key || headerKey(c.label) === key || c.words.some((w) => headerKey(w) === key));
  return found?.value ?? null;
}

const choiceCache = new WeakMap<ConvertContext, Map<string, string | null>>();

/** matchChoice, remembered per import: a file repeats the same few statuses thousands of times. */
function cachedChoice(ctx: ConvertContext, field: string, choices: Choice[], written: string): string | null {
  let cache = choiceCache.get(ctx);
  if (!cache) {
    cache = new Map();
    choiceCache.set(ctx, cache);
  }
  const key = `${field}\u0000${written}`;
  if (!cache.has(key)) cache.set(key, matchChoice(choices, written));
  return cache.get(key) ?? null;
}

/** The known value closest to an unknown one ("technolgy" → "technology"), when it is close enough. */
export function closestChoice(choices: Choice[], written: string): string | null {
  const key = headerKey(written);
  let best: { value: string; score: number } | null = null;
  for (const choice of choices) {
    for (const word of new Set([headerKey(choice.value), headerKey(choice.label), ...choice.words])) {
      if (!word) continue;
      const score = distance(key, word) / Math.max(key.length, word.length);
      if (!best || score < best.score) best = { value: choice.value, score };
    }
  }
  return best && best.score <= 0.34 ? best.value : null;
}

/** A date as people write it: 2024-05-31, 31.05.2024, 31/05/2024, or a spreadsheet's day number. */
export function parseDate(value: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  const european = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (european) {
    const year = Number(european[3]);
    [y, m, d] = [year < 100 ? (year > 30 ? 1900 + year : 2000 + year) : year, Number(european[2]), Number(european[1])];
  } else if (/^\d{5}$/.test(value)) {
    // A spreadsheet's serial day number (days since 1899-12-30).
    const date = new Date(Date.UTC(1899, 11, 30) + Number(value) * 86_400_000);
    return date.toISOString().slice(0, 10);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A number as people write it ("1 234,5", "1.234,5", "1,234.5", "1100.04"), as a plain decimal
 * string ("1234.5"): exact, for values that must never pass through floating point (rates).
 */
export function parseDecimal(value: string): string | null {
  let text = value.replace(/[\s\u00a0'’]/g, '').replace(/[€$₽£]|EUR|RUB|USD|руб\.?/gi, '');
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma > -1 && dot > -1) text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  else if (comma > -1) text = /^-?\d{1,3}(,\d{3}){2,}$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}

/** A number as people write it: "1 234,5", "1.234,5", "1,234.5", "1100.04". */
export function parseNumber(value: string): number | null {
  const text = parseDecimal(value);
  if (text === null) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'да', 'д', 'si', 'sì', 'vero']);
const NO = new Set(['no', 'n', 'false', '0', 'нет', 'н', 'falso']);

/** Yes or no as people write it ("Yes", "да", "Sì", "0"); null for anything else. */
export function parseYesNo(raw: string): boolean | null {
  const key = raw.trim().toLowerCase();
  return YES.has(key) ? true : NO.has(key) ? false : null;
}

/** Splits "Rossi Anna" / "Anna Rossi" / "Иванов Иван Иванович" into first and last name. */
function splitFullName(full: string): { firstName: string; lastName: string } {
  const parts = collapse(full).split(' ').filter(Boolean);
  if (parts.length <= 1) return { firstName: parts[0] ?? '', lastName: '' };
  // Russian full names are written surname first: Фамилия Имя Отчество.
  if (parts.length === 3 && /[\u0400-\u04ff]/.test(full)) return { lastName: parts[0] ?? '', firstName: `${parts[1]} ${parts[2]}` };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1) ?? '' };
}

/**
 * Turns one row of the file into a candidate record: values normalised (names trimmed,
 * e-mails lower-cased, phones to E.164), choices matched, and every change or refusal noted.
 */
export function convertRow(row: FileRow, ctx: ConvertContext): Candidate {
  const candidate: Candidate = {
    line: row.line,
    cells: row.cells,
    empty: row.cells.every((cell) => cell.trim() === ''),
    fields: {},
    phones: [],
    emails: [],
    tags: [],
    custom: {},
    ownerId: null,
    companyName: null,
    parentName: null,
    problems: [],
    keys: { emails: [], phones: [], tax: null, name: '', city: '' },
  };
  if (candidate.empty) {
    candidate.problems.push({ column: null, field: null, code: 'empty_row', value: null, stored: null, fatal: true });
    return candidate;
  }
  const problem = (column: number, field: string, code: TImportProblemCode, value: string, stored: string | null, fatal = false) =>
    candidate.problems.push({ column, field, code, value, stored, fatal });

  ctx.mapping.columns.forEach((column, index) => {
    const field = column.field;
    const raw = (row.cells[index] ?? '').trim();
    if (!field || raw === '') return;
    const choices = choicesOf(field, ctx.definitions);
    if (choices) {
      const written = isMultiValue(field, ctx.definitions) ? split(raw) : [collapse(raw)];
      const values: string[] = [];
      for (const value of written) {
        const known = cachedChoice(ctx, field, choices, value);
        if (known) {
          values.push(known);
          continue;
        }
        const decision = ctx.mapping.values[field]?.[value];
        if (decision?.action === 'use' && choices.some((c) => c.value === decision.value)) {
          values.push(decision.value);
          problem(index, field, 'value_corrected', value, decision.value);
        } else if (decision?.action === 'keep' && field.startsWith('custom.')) {
          values.push(value);
        } else problem(index, field, 'unknown_value', value, null);
      }
      if (values.length > 0) assign(candidate, field, isMultiValue(field, ctx.definitions) ? values : values[0]);
      return;
    }
    switch (field) {
      case 'phones':
        for (const written of raw
          .split(/[,;/\n]+/)
          .map(collapse)
          .filter(Boolean)) {
          const parsed = parsePhoneNumberFromString(written, ctx.defaultCountry);
          if (parsed?.isValid()) candidate.phones.push({ label: column.label ?? '', value: parsed.number });
          else if (phoneDigits(written).length >= 5) {
            candidate.phones.push({ label: column.label ?? '', value: written.slice(0, 40) });
            problem(index, field, 'invalid_phone', written, written.slice(0, 40));
          } else problem(index, field, 'invalid_phone', written, null);
        }
        return;
      case 'emails':
        for (const written of raw.split(/[,;\s]+/).filter(Boolean)) {
          const email = normaliseEmail(written).replace(/^mailto:/, '');
          if (ZEmailCheck.safeParse(email).success && email.length <= 254)
            candidate.emails.push({ label: column.label ?? '', value: email });
          else problem(index, field, 'invalid_email', written, null);
        }
        return;
      case 'website': {
        // Only a web address: a `javascript:` or `data:` link would run when someone opens it.
        const website = collapse(raw);
        if (isWebsite(website)) assign(candidate, field, website, index, problem);
        else problem(index, field, 'invalid_website', raw, null);
        return;
      }
      case 'tags':
        candidate.tags.push(...split(raw).map((tag) => tag.slice(0, 60)));
        return;
      case 'birthday': {
        const date = parseDate(raw);
        if (date) candidate.fields.birthday = date;
        else problem(index, field, 'invalid_date', raw, null);
        return;
      }
      case 'owner': {
        const ownerId = ctx.users.get(raw.toLowerCase()) ?? ctx.users.get(headerKey(raw));
        if (ownerId) candidate.ownerId = ownerId;
        else problem(index, field, 'unknown_owner', raw, null);
        return;
      }
      case 'company':
        candidate.companyName = collapse(raw);
        return;
      case 'parentCompany':
        candidate.parentName = collapse(raw);
        return;
      case 'fullName': {
        const { firstName, lastName } = splitFullName(raw);
        candidate.fields.firstName ??= firstName;
        candidate.fields.lastName ??= lastName;
        return;
      }
      default:
        if (field.startsWith('custom.')) convertCustom(candidate, field, raw, index, ctx, problem);
        else assign(candidate, field, field === 'notes' ? raw : collapse(raw), index, problem);
    }
  });
  finish(candidate, ctx);
  return candidate;
}

type Report = (column: number, field: string, code: TImportProblemCode, value: string, stored: string | null, fatal?: boolean) => void;

function assign(candidate: Candidate, field: string, value: unknown, column?: number, problem?: Report) {
  if (field.startsWith('custom.')) {
    candidate.custom[field.slice(7)] = value;
    return;
  }
  const max = MAX_LENGTH[field];
  if (typeof value === 'string' && max && value.length > max) {
    problem?.(column ?? 0, field, 'value_too_long', value, value.slice(0, max));
    candidate.fields[field] = value.slice(0, max);
    return;
  }
  candidate.fields[field] = value;
}

function convertCustom(candidate: Candidate, field: string, raw: string, column: number, ctx: ConvertContext, problem: Report) {
  const definition = ctx.definitions.find((d) => `custom.${d.key}` === field);
  if (!definition) return;
  let value: unknown = raw;
  if (definition.type === 'number' || definition.type === 'money') {
    value = parseNumber(raw);
    if (value === null) return problem(column, field, 'invalid_number', raw, null);
  } else if (definition.type === 'date') {
    value = parseDate(raw);
    if (value === null) return problem(column, field, 'invalid_date', raw, null);
  } else if (definition.type === 'boolean') {
    value = parseYesNo(raw);
    if (value === null) return problem(column, field, 'unknown_value', raw, null);
  } else if (definition.type === 'link' && !/^https?:\/\//i.test(raw)) value = `https://${raw}`;
  else if (definition.type === 'text' && raw.length > 5_000) {
    problem(column, field, 'value_too_long', raw, raw.slice(0, 5_000));
    value = raw.slice(0, 5_000);
  }
  const checked = checkValue(definition, value);
  if (checked.ok) candidate.custom[definition.key] = checked.value;
  else problem(column, field, definition.type === 'link' ? 'unknown_value' : 'invalid_number', raw, null);
}

/** Required fields, de-duplicated lists and the duplicate keys of a converted row. */
function finish(candidate: Candidate, ctx: ConvertContext) {
  const f = candidate.fields;
  const name = ctx.entity === 'company' ? String(f.name ?? '') : collapse(`${String(f.firstName ?? '')} ${String(f.lastName ?? '')}`);
  if (!name) {
    const field = ctx.entity === 'company' ? 'name' : 'fullName';
    candidate.problems.push({ column: null, field, code: 'required_missing', value: null, stored: null, fatal: true });
  }
  for (const definition of ctx.definitions) {
    const value = candidate.custom[definition.key];
    if (definition.required && (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))) {
      candidate.problems.push({
        column: null,
        field: `custom.${definition.key}`,
        code: 'required_missing',
        value: null,
        stored: null,
        fatal: true,
      });
    }
  }
  const byValue = <T extends { value: string }>(items: T[]) => [...new Map(items.map((i) => [i.value, i])).values()];
  candidate.phones = byValue(candidate.phones).slice(0, 20);
  candidate.emails = byValue(candidate.emails).slice(0, 20);
  candidate.tags = [...new Set(candidate.tags)].slice(0, 50);
  candidate.keys = {
    emails: candidate.emails.map((e) => e.value),
    phones: candidate.phones.map((p) => phoneKey(p.value)).filter((k): k is string => k !== null),
    tax: typeof f.taxNumber === 'string' ? taxKey(f.taxNumber) : null,
    name: nameKey(name),
    city: nameKey(String(f.city ?? '')),
  };
}
