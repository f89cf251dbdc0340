import {
  COLUMNS_OF,
  customFilterKey,
  type TRecordEntity,
  type TSavedQuery,
  ZCompanyListQuery,
  ZContactListQuery,
} from '@clientela/contract';
import type { Executor } from '../../db/client.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { definitionsOf } from '../custom-fields/index.ts';

/** A field's path under a prefix (`query.filter[city]`), or bare without one. */
const at = (prefix: string, ...keys: string[]) => [prefix, ...keys].filter(Boolean).join('.');

const LIST_QUERY = { company: ZCompanyListQuery, contact: ZContactListQuery } as const;
/** Paging belongs to one screenful, not to a saved query. */
const PAGING = new Set(['limit', 'cursor']);

/**
 * A saved query must be one the entity's list accepts: known filters with valid values, custom
 * fields that exist, no paging. Returns it parsed, as the list endpoint would see it.
 */
export async function checkSavedQuery(db: Executor, workspaceId: string, entity: TRecordEntity, query: TSavedQuery, path = 'query') {
  const errors: FieldError[] = Object.keys(query)
    .filter((key) => PAGING.has(key))
    .map((key) => ({ path: at(path, key), message: 'Paging is not saved' }));
  const parsed = LIST_QUERY[entity].safeParse(query);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push({ path: at(path, ...issue.path.map(String)), message: issue.message });
  }
  const customKeys = Object.keys(query).flatMap((key) => customFilterKey(key) ?? []);
  if (customKeys.length > 0) {
    const defined = new Set((await definitionsOf(db, workspaceId, entity)).map((d) => d.key));
    for (const key of customKeys) {
      if (!defined.has(key)) errors.push({ path: at(path, `filter[custom.${key}]`), message: 'No such custom field' });
    }
  }
  if (errors.length > 0 || !parsed.success) throw new AppError('validation_failed', 'The saved query is not valid', { errors });
  return parsed.data;
}

/** Columns must be the entity's standard columns or its custom fields, each once. */
export async function checkColumns(db: Executor, workspaceId: string, entity: TRecordEntity, columns: readonly string[], path = 'columns') {
  const standard = new Set<string>(COLUMNS_OF[entity]);
  const custom = columns.some((column) => column.startsWith('custom.'))
    ? new Set((await definitionsOf(db, workspaceId, entity)).map((d) => `custom.${d.key}`))
    : new Set<string>();
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const [index, column] of columns.entries()) {
    if (!standard.has(column) && !custom.has(column)) errors.push({ path: `${path}.${index}`, message: 'No such column' });
    else if (seen.has(column)) errors.push({ path: `${path}.${index}`, message: 'Column listed twice' });
    seen.add(column);
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Unknown columns', { errors });
}
