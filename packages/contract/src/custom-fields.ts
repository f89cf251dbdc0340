import { z } from 'zod';
import { listOf, ZId } from './common.ts';

/** Records that admins may extend with fields of their own. */
export const CUSTOM_ENTITIES = ['company', 'contact'] as const;
export const ZCustomEntity = z.enum(CUSTOM_ENTITIES);
export type TCustomEntity = z.infer<typeof ZCustomEntity>;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'boolean', 'link'] as const;
export const ZCustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type TCustomFieldType = z.infer<typeof ZCustomFieldType>;

export const ZCustomFieldOption = z.strictObject({ value: z.string().trim().min(1).max(100), label: z.string().trim().min(1).max(200) });

/** A field an admin added to companies or contacts: "Preferred bread", "Credit limit"… */
export const ZCustomField = z.object({
  id: ZId,
  entity: ZCustomEntity,
  key: z.string(),
  label: z.string(),
  type: ZCustomFieldType,
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  /** ISO 4217 code of a money field ("EUR", "RUB"). */
  currency: z.string().nullable(),
  required: z.boolean(),
  position: z.number().int(),
});
export type TCustomField = z.infer<typeof ZCustomField>;
export const ZCustomFieldList = listOf(ZCustomField);

export const ZCustomFieldListQuery = z.strictObject({ entity: ZCustomEntity.optional() });

export const ZCreateCustomFieldInput = z
  .strictObject({
    entity: ZCustomEntity,
    /** Stable name used in the API and filters; lower-case letters, digits and underscores. */
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'Use lower-case letters, digits and _ (starting with a letter)' }),
    label: z.string().trim().min(1).max(120),
    type: ZCustomFieldType,
    options: z.array(ZCustomFieldOption).max(200).default([]),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .default(null),
    required: z.boolean().default(false),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((field, ctx) => {
    const choice = field.type === 'select' || field.type === 'multiselect';
    if (choice && field.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice field needs options' });
    if (!choice && field.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only choice fields have options' });
    if (field.type === 'money' && !field.currency)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'A money field needs a currency' });
    if (new Set(field.options.map((o) => o.value)).size !== field.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Option values must differ' });
    }
  });
export type TCreateCustomFieldInput = z.input<typeof ZCreateCustomFieldInput>;

/** What may change after creation: not the key, the entity or the type (values depend on them). */
export const ZUpdateCustomFieldInput = z.strictObject({
  label: z.string().trim().min(1).max(120).optional(),
  options: z.array(ZCustomFieldOption).max(200).optional(),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TUpdateCustomFieldInput = z.infer<typeof ZUpdateCustomFieldInput>;

/** Values of custom fields on a record, by key. Checked against the definitions on the server. */
export const ZCustomValues = z.record(z.string().max(40), z.unknown());
