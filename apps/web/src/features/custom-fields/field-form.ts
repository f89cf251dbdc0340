import type {
  TCreateCustomFieldInput,
  TCustomEntity,
  TCustomField,
  TCustomFieldType,
  TLocale,
  TUpdateCustomFieldInput,
} from '@clientela/contract';
import { slug, uniqueKey } from './field-key.ts';

/** One row of the options editor; `saved` rows exist already, so their stored value stays. */
export type OptionRow = { label?: string; value?: string; saved?: boolean };

/** What the field dialog holds while being edited. */
export type FieldFormValues = {
  label?: string;
  key?: string;
  type?: TCustomFieldType;
  options?: OptionRow[];
  currency?: string | null;
  required?: boolean;
  position?: number | null;
};

/** Whether a type picks from a list of options. */
export const isChoice = (type: TCustomFieldType | undefined) => type === 'select' || type === 'multiselect';

/** The currency a new money field starts with, by the admin's language. */
export const DEFAULT_CURRENCY: Record<TLocale, string> = { en: 'EUR', ru: 'RUB', it: 'EUR' };

/**
 * Options as the API takes them: rows without a label dropped, labels trimmed, and a stored value
 * made from the label where none was typed ("Segale integrale" → "segale_integrale").
 */
export function optionsOf(rows: OptionRow[] | undefined): { value: string; label: string }[] {
  const filled = (rows ?? [])
    .map((row) => ({ label: row.label?.trim() ?? '', value: row.value?.trim() ?? '' }))
    .filter((row) => row.label !== '');
  const taken = new Set(filled.map((row) => row.value).filter(Boolean));
  return filled.map((row) => {
    if (row.value !== '') return row;
    const value = uniqueKey(slug(row.label).slice(0, 60) || 'option', taken);
    taken.add(value);
    return { label: row.label, value };
  });
}

/** A new field as the API takes it: options only for choices, a currency only for money. */
export function toCreateFieldInput(entity: TCustomEntity, values: FieldFormValues): TCreateCustomFieldInput {
  const type = values.type ?? 'text';
  return {
    entity,
    key: values.key?.trim() ?? '',
    label: values.label?.trim() ?? '',
    type,
    options: isChoice(type) ? optionsOf(values.options) : [],
    currency: type === 'money' ? (values.currency ?? null) : null,
    required: values.required ?? false,
    position: values.position ?? 0,
  };
}

/** The changes to an existing field: its key, type and currency stay as they are. */
export function toUpdateFieldInput(field: TCustomField, values: FieldFormValues): TUpdateCustomFieldInput {
  return {
    label: values.label?.trim() ?? '',
    ...(isChoice(field.type) ? { options: optionsOf(values.options) } : {}),
    required: values.required ?? false,
    position: values.position ?? 0,
  };
}

/** An existing field, ready for the dialog. */
export function toFieldFormValues(field: TCustomField): FieldFormValues {
  return {
    label: field.label,
    key: field.key,
    type: field.type,
    options: field.options.map((option) => ({ ...option, saved: true })),
    currency: field.currency,
    required: field.required,
    position: field.position,
  };
}

/** A new field of the given list: text, optional, placed after the others. */
export function newFieldValues(fields: readonly TCustomField[], locale: TLocale): FieldFormValues {
  const last = Math.max(-1, ...fields.map((field) => field.position));
  return {
    type: 'text',
    options: [{ label: '', value: '' }],
    currency: DEFAULT_CURRENCY[locale],
    required: false,
    position: Math.min(10_000, last + 1),
  };
}
