import type { TFieldRule, TFieldRules, TProtectableEntity } from '@clientela/contract';
import { useSession } from '../features/auth/api.ts';

/**
 * What the signed-in person's role may do with an entity's fields. The server leaves hidden
 * fields out of its answers (absent keys) and refuses writes to locked ones, so pages hide the
 * first, forms disable the read-only ones and never send either.
 */
export type FieldRulesOf = {
  /** The rule of a field (`custom.<key>` for a custom field), if any. */
  ruleOf: (field: string) => TFieldRule | undefined;
  isHidden: (field: string) => boolean;
  isReadOnly: (field: string) => boolean;
  /** The payload without the fields the role may not change (custom ones included). */
  writable: <T extends object>(payload: T) => T;
  /** Keeps the rows (of a details card, of a table's columns) whose `key` is not a hidden field. */
  visible: <R extends { key?: unknown }>(rows: R[]) => R[];
};

// Keys the API shows a protected field under besides its own (a deal's base-currency amount),
// and fields a write of it takes along (an amount's currency).
const SHOWN_AS: Partial<Record<TProtectableEntity, Record<string, string>>> = { deals: { amountBase: 'amount' } };
const TAKES_ALONG: Partial<Record<TProtectableEntity, Record<string, string[]>>> = { deals: { amount: ['currency'] } };

/** The rules of one entity out of a role's rules (`{}` or absent: every field free). */
export function fieldRulesOf(rules: TFieldRules | undefined, entity: TProtectableEntity): FieldRulesOf {
  const own = rules?.[entity] ?? {};
  const ruleOf = (field: string) => own[SHOWN_AS[entity]?.[field] ?? field];
  return {
    ruleOf,
    isHidden: (field) => ruleOf(field) === 'hidden',
    isReadOnly: (field) => ruleOf(field) === 'read_only',
    writable: <T extends object>(payload: T): T => {
      const locked = Object.keys(own);
      if (locked.length === 0) return payload;
      const copy: Record<string, unknown> = { ...(payload as unknown as Record<string, unknown>) };
      for (const field of locked) {
        if (!field.startsWith('custom.')) {
          for (const key of [field, ...(TAKES_ALONG[entity]?.[field] ?? [])]) delete copy[key];
          continue;
        }
        if (copy.custom && typeof copy.custom === 'object') {
          const custom = { ...(copy.custom as Record<string, unknown>) };
          delete custom[field.slice('custom.'.length)];
          copy.custom = custom;
        }
      }
      return copy as unknown as T;
    },
    visible: (rows) => rows.filter((row) => typeof row.key !== 'string' || ruleOf(row.key) !== 'hidden'),
  };
}

/** The signed-in person's field rules for an entity. */
export function useFieldRules(entity: TProtectableEntity): FieldRulesOf {
  const { data } = useSession();
  // `fieldRules` is optional here: a server without defined roles does not send it.
  const rules = (data?.user as { fieldRules?: TFieldRules } | undefined)?.fieldRules;
  return fieldRulesOf(rules, entity);
}
