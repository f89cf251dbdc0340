import type { TProtectableEntity } from '@clientela/contract';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../authz/index.ts';

/**
 * Keys a response carries for a protected field besides its own: a deal's `amountBase` tells its
 * amount as well as `amount` does.
 */
const ALSO_SHOWN_AS: Record<string, Record<string, string[]>> = {
  deals: { amount: ['amountBase'] },
};

/** The fields of an entity the actor's role may not see (`custom.<key>` for custom fields). */
export function hiddenFields(actor: Actor | null | undefined, entity: TProtectableEntity): string[] {
  const rules = actor?.fieldRules?.[entity] ?? {};
  return Object.keys(rules).filter((field) => rules[field] === 'hidden');
}

/** The fields of an entity the actor's role may not change: the hidden ones and the read-only ones. */
export function lockedFields(actor: Actor | null | undefined, entity: TProtectableEntity): string[] {
  return Object.keys(actor?.fieldRules?.[entity] ?? {});
}

/** Whether the actor's role may see this field of the entity. */
export function maySee(actor: Actor | null | undefined, entity: TProtectableEntity, field: string): boolean {
  return actor?.fieldRules?.[entity]?.[field] !== 'hidden';
}

/** Removes hidden fields from one record as the API shows it (a hidden field is an absent key). */
export function stripRecord(record: unknown, entity: TProtectableEntity, hidden: readonly string[]): void {
  if (!record || typeof record !== 'object') return;
  const target = record as Record<string, unknown>;
  for (const field of hidden) {
    if (field.startsWith('custom.')) {
      const custom = target.custom;
      if (custom && typeof custom === 'object') delete (custom as Record<string, unknown>)[field.slice('custom.'.length)];
      continue;
    }
    delete target[field];
    for (const alias of ALSO_SHOWN_AS[entity]?.[field] ?? []) delete target[alias];
  }
}

/** Drops the entries of a change history that tell a hidden field's old or new value. */
export function stripChanges(entry: unknown, hidden: readonly string[]): void {
  if (!entry || typeof entry !== 'object') return;
  const target = entry as { changes?: { field: string }[] };
  if (Array.isArray(target.changes)) target.changes = target.changes.filter((change) => !hidden.includes(change.field));
}

/**
 * Refuses a write that sets a field the actor's role may not change: 403 `field_read_only`,
 * naming each such field (`<prefix><field>`, custom fields as `custom.<key>`). Sending a locked
 * field is refused even when its value is the current one, so a form must leave such fields out.
 */
export function assertWritable(actor: Actor | null | undefined, entity: TProtectableEntity, body: unknown, prefix = ''): void {
  const paths = lockedPathsIn(actor, entity, body, prefix);
  if (paths.length > 0) throw fieldReadOnly(paths);
}

/** The paths of locked fields a body sets (empty when it sets none). */
export function lockedPathsIn(actor: Actor | null | undefined, entity: TProtectableEntity, body: unknown, prefix = ''): string[] {
  const locked = lockedFields(actor, entity);
  if (locked.length === 0 || !body || typeof body !== 'object') return [];
  const values = body as Record<string, unknown>;
  const custom = values.custom && typeof values.custom === 'object' ? (values.custom as Record<string, unknown>) : {};
  return locked
    .filter((field) => (field.startsWith('custom.') ? field.slice('custom.'.length) in custom : field in values))
    .map((field) => `${prefix}${field}`);
}

/** The 403 for writes to locked fields, each named in `errors[].path`. */
export function fieldReadOnly(paths: string[]): AppError {
  return new AppError('field_read_only', 'Your role may not change these fields', {
    errors: paths.map((path) => ({ path, message: 'Read-only for your role' })),
  });
}

/** Refuses what would show a hidden field (an amount-based report when deal amounts are hidden): 403 `field_hidden`. */
export function assertVisible(actor: Actor | null | undefined, entity: TProtectableEntity, field: string, path = field): void {
  if (maySee(actor, entity, field)) return;
  throw new AppError('field_hidden', `Your role may not see ${entity} ${field}`, {
    errors: [{ path, message: `Hidden for your role: ${entity}.${field}` }],
  });
}
