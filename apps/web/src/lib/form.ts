import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError } from './api.ts';

type Issue = z.core.$ZodIssue;

function issueMessage(t: TFunction, issue: Issue | undefined): string {
  if (!issue) return t('validation.invalid');
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/** An antd form rule that checks a field with the contract's zod schema and says why in the user's language. */
export function zodRule(t: TFunction, schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
      const result = schema.safeParse(empty ? undefined : value);
      if (result.success) return;
      throw new Error(empty ? t('validation.required') : issueMessage(t, result.error.issues[0]));
    },
  };
}

/** Codes that point at one field, so the message belongs next to it. */
const FIELD_OF_CODE: Record<string, string> = { email_taken: 'email', invalid_credentials: 'currentPassword' };

/**
 * Shows the API's field errors next to the fields they name; returns whether any was shown.
 * Paths may come as `email`, `body.email` or `/email`, and reach into lists (`phones.0.value`).
 */
export function showFieldErrors(form: FormInstance, error: unknown, codeMessage: string): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as object));
  const fields: { name: string | (string | number)[]; errors: string[] }[] = [];
  for (const item of error.errors) {
    // `phones.0.value` points inside a list: antd names that field ['phones', 0, 'value'].
    const path = item.path
      .replace(/^\/|^body[./]/, '')
      .split(/[./]/)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const name = path[0];
    if (typeof name === 'string' && known.has(name)) fields.push({ name: path.length > 1 ? path : name, errors: [item.message] });
  }
  const codeField = FIELD_OF_CODE[error.code];
  if (codeField && known.has(codeField)) fields.push({ name: codeField, errors: [codeMessage] });
  form.setFields(fields);
  return fields.length > 0;
}
