import type { FormInstance } from 'antd';
import { ApiError, isApiError } from '../../lib/api.ts';
import { showFieldErrors } from '../../lib/form.ts';

/**
 * Shows the API's field errors next to the form's fields, as showFieldErrors does, after renaming
 * the API's fields that the form holds under another name (`startsOn` → the form's `dates`).
 */
export function showRenamedFieldErrors(
  form: FormInstance,
  error: unknown,
  codeMessage: string,
  renamed: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) return false;
  const errors = error.errors.map((item) => {
    const path = item.path.replace(/^\/|^body[./]/, '');
    const [field = path] = path.split(/[./]/);
    return { path: renamed[field] ?? path, message: item.message };
  });
  return showFieldErrors(form, new ApiError(error.status, error.code, error.message, errors), codeMessage);
}
