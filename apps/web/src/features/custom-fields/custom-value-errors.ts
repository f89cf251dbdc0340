import type { TCustomField } from '@clientela/contract';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api.ts';
import { isEmptyValue, toCustomValue } from './custom-values.ts';

/**
 * Puts the API's complaints about custom values (`custom.<key>`) next to their inputs, in the
 * user's language: the API's own messages are English, so the message is chosen from the field's
 * type and whether it was left empty. Returns whether any was shown.
 */
export function showCustomValueErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly TCustomField[],
  t: TFunction<'customers'>,
): boolean {
  if (!isApiError(error)) return false;
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const shown: { name: (string | number)[]; errors: string[] }[] = [];
  for (const item of error.errors) {
    const key = /^(?:\/|body[./])?custom[./](.+)$/.exec(item.path)?.[1];
    const field = key ? byKey.get(key) : undefined;
    if (!field) continue;
    const empty = isEmptyValue(toCustomValue(field, form.getFieldValue(['custom', field.key])));
    shown.push({
      name: ['custom', field.key],
      errors: [empty ? t('customFields.values.required') : t(`customFields.values.invalid.${field.type}`)],
    });
  }
  form.setFields(shown);
  return shown.length > 0;
}
