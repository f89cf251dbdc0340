import type { FormInstance } from 'antd';
import { ApiError, isApiError } from '../../lib/api.ts';
import { showFieldErrors } from '../../lib/form.ts';

/** The message to show for a field the server refused, in the user's language; undefined keeps the server's. */
export type FieldMessage = (field: string, error: { indexed: boolean; message: string }) => string | undefined;

/**
 * Shows the API's field errors next to the fields, as showFieldErrors does, with two changes:
 * an error about one item of a list (`companyIds.1`) goes to the list's select, and the
 * messages this form knows are said in the user's language.
 */
export function showApiFieldErrors(form: FormInstance, error: unknown, codeMessage: string, messageOf: FieldMessage): boolean {
  if (!isApiError(error)) return false;
  const errors = error.errors.map((item) => {
    const path = item.path.replace(/^\/|^body[./]/, '');
    const [field = path, ...rest] = path.split(/[./]/);
    const indexed = rest.length > 0 && /^\d+$/.test(rest[0] ?? '');
    const top = indexed ? field : path;
    return { path: top, message: messageOf(field, { indexed, message: item.message }) ?? item.message };
  });
  return showFieldErrors(form, new ApiError(error.status, error.code, error.message, errors), codeMessage);
}
