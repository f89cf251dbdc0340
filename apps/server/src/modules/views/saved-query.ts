import {
  COLUMNS_OF,
  CUSTOMER_SORTS,
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
  const sort = query.sort?.replace(/^-/, '');
  if (sort !== undefined && !(CUSTOMER_SORTS as readonly string[]).includes(sort)) {
    errors.push({ path: at(path, 'sort'), message: `Allowed: ${CUSTOMER_SORTS.join(', ')}` });
  }
  const customKeys = Object.keys(query).flatMap((key) => customFilterKey(key) ?? []);
  if (customKeys.length > 0) {
    const defined = new Map((await definitionsOf(db, workspaceId, entity)).map((d) => [d.key, d]));
    for (const key of customKeys) {
      const param = `filter[custom.${key}]`;
      const definition = defined.get(key);
      if (!definition) errors.push({ path: at(path, param), message: 'No such custom field' });
      else if ((definition.type === 'number' || definition.type === 'money') && !Number.isFinite(Number(query[param]))) {
        errors.push({ path: at(path, param), message: 'Expected a number' });
      }
    }
  }
  if (errors.length > 0 || !parsed.success) throw new AppError('validation_failed', 'The saved query is not valid', { errors });
  return parsed.data;
}

/** Columns must be the entity's standard columns or its custom fields, each once. */
export async function checkColumns(
  db: Executor,
  workspaceId: string,
  entity: TRecordEntity,
  columns: readonly string[],
  known?: readonly { key: string }[],
) {
  const path = 'columns';
  const standard = new Set<string>(COLUMNS_OF[entity]);
  const custom = columns.some((column) => column.startsWith('custom.'))
    ? new Set((known ?? (await definitionsOf(db, workspaceId, entity))).map((d) => `custom.${d.key}`))
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
