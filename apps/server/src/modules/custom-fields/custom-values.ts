import type { TCustomEntity } from '@clientela/contract';
import { customFilterKey } from '@clientela/contract';
import { type AnyColumn, and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { customFields } from './custom-fields.table.ts';

export type Definition = typeof customFields.$inferSelect;
export type CustomValues = Record<string, unknown>;

/** The custom fields of one kind of record, in display order. */
export function definitionsOf(db: Executor, workspaceId: string, entity: TCustomEntity): Promise<Definition[]> {
  return db
    .select()
    .from(customFields)
    .where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.entity, entity)))
    .orderBy(asc(customFields.position), asc(customFields.label));
}

/** Checks one value against its field's type; returns the value to store or an error message. */
export function checkValue(definition: Definition, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const options = new Set(definition.options.map((o) => o.value));
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 5_000
        ? { ok: true, value: value.trim() }
        : { ok: false, message: 'Expected text' };
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'Expected a number' };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? { ok: true, value }
        : { ok: false, message: 'Expected a date (YYYY-MM-DD)' };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'Expected true or false' };
    case 'select':
      return typeof value === 'string' && options.has(value) ? { ok: true, value } : { ok: false, message: 'Not one of the options' };
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.has(v))
        ? { ok: true, value: [...new Set(value)] }
        : { ok: false, message: 'Not all are options' };
    case 'link':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) && value.length <= 2_000
        ? { ok: true, value }
        : { ok: false, message: 'Expected a web address (http:// or https://)' };
  }
}

const isEmpty = (value: unknown) => value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Merges the sent values into the record's current ones, checking every key and type against
 * the definitions; `null` clears a value. Required fields must hold a value afterwards.
 */
export function mergeCustomValues(definitions: Definition[], current: CustomValues, sent: CustomValues | undefined): CustomValues {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const merged: CustomValues = { ...current };
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(sent ?? {})) {
    const definition = byKey.get(key);
    if (!definition) {
      errors.push({ path: `custom.${key}`, message: 'No such custom field' });
      continue;
    }
    if (isEmpty(value)) {
      delete merged[key];
      continue;
    }
    const checked = checkValue(definition, value);
    if (checked.ok) merged[key] = checked.value;
    else errors.push({ path: `custom.${key}`, message: checked.message });
  }
  for (const definition of definitions) {
    if (definition.required && isEmpty(merged[definition.key] ?? null) && !errors.some((e) => e.path === `custom.${definition.key}`)) {
      errors.push({ path: `custom.${definition.key}`, message: 'Required' });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Some custom fields are not valid', { errors });
  return merged;
}

/** WHERE parts for `filter[custom.<key>]=<value>` parameters of a list query. */
export function customFilters(definitions: Definition[], column: AnyColumn, query: Record<string, unknown>): SQL[] {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const filters: SQL[] = [];
  for (const [param, raw] of Object.entries(query)) {
    const key = customFilterKey(param);
    if (!key || typeof raw !== 'string') continue;
    const definition = byKey.get(key);
    if (!definition)
      throw new AppError('validation_failed', 'No such custom field', { errors: [{ path: param, message: 'No such custom field' }] });
    if (definition.type === 'multiselect') filters.push(sql`${column} -> ${key} ? ${raw}`);
    else if (definition.type === 'number' || definition.type === 'money') {
      const number = Number(raw);
      if (!Number.isFinite(number))
        throw new AppError('validation_failed', 'Expected a number', { errors: [{ path: param, message: 'Expected a number' }] });
      // A value of another type (left by an older field of the same key) never matches, and never fails.
      filters.push(sql`(CASE WHEN jsonb_typeof(${column} -> ${key}) = 'number' THEN (${column} ->> ${key})::numeric END) = ${number}`);
    } else filters.push(sql`lower(${column} ->> ${key}) = lower(${raw})`);
  }
  return filters;
}

/** A record with its custom values spread out as `custom.<key>` fields, for the history. */
export function flattenCustom<T extends { custom: CustomValues }>(row: T): T & Record<string, unknown> {
  const flat: Record<string, unknown> = { ...row };
  for (const [key, value] of Object.entries(row.custom)) flat[`custom.${key}`] = value;
  return flat as T & Record<string, unknown>;
}

/** The history's field list: the tracked fields plus every custom key either snapshot has. */
export function trackedWithCustom(tracked: readonly string[], ...rows: ({ custom: CustomValues } | null)[]): string[] {
  const keys = new Set(rows.flatMap((row) => Object.keys(row?.custom ?? {})));
  return [...tracked, ...[...keys].sort().map((key) => `custom.${key}`)];
}
