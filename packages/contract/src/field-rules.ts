import { z } from 'zod';

/** What a role may do with a field: not see it at all, or see it without changing it. */
export const FIELD_RULES = ['hidden', 'read_only'] as const;
export const ZFieldRule = z.enum(FIELD_RULES);
export type TFieldRule = z.infer<typeof ZFieldRule>;

/**
 * The fields a role can hide or make read-only, per entity (custom fields too, as `custom.<key>`).
 * A hidden field appears in no response for the role — record, list, search, export, report —
 * and a write that sets a hidden or read-only field is refused with 403 `field_read_only`.
 */
export const PROTECTABLE_FIELDS = {
  companies: ['taxNumber', 'phones', 'emails', 'address', 'notes', 'creditLimit'],
  contacts: ['birthday', 'phones', 'emails', 'address', 'preferences', 'personalEvents', 'notes'],
  deals: ['amount', 'probability', 'notes'],
  sales: ['discountPercent'],
} as const;
export type TProtectableEntity = keyof typeof PROTECTABLE_FIELDS;
export const PROTECTABLE_ENTITIES = Object.keys(PROTECTABLE_FIELDS) as TProtectableEntity[];

/** A role's rules: per entity, per field (or `custom.<key>`), hidden or read-only. */
export const ZFieldRules = z.record(z.string().max(40), z.record(z.string().max(80), ZFieldRule));
export type TFieldRules = z.infer<typeof ZFieldRules>;
