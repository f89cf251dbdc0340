import type { TLocale } from '@clientela/contract';
import { isApiError } from '../../lib/api.ts';

/** A problem the server found in one language's version: in the subject or the MJML, at a line when it knows one. */
export type VersionProblem = { field: 'subject' | 'mjml'; line: number | null; message: string };

const LANGUAGES = new Set<string>(['en', 'ru', 'it']);

/**
 * Sorts a refused save's problems (`versions.<lang>.mjml` or `.subject`) by language. The line comes from the path's
 * last segment when it is a number, else from the message's "Line N:" prefix (taken off the message).
 */
export function problemsByLanguage(error: unknown): Partial<Record<TLocale, VersionProblem[]>> {
  const out: Partial<Record<TLocale, VersionProblem[]>> = {};
  if (!isApiError(error)) return out;
  for (const problem of error.errors) {
    const [root, language, field, at] = problem.path.split('.');
    if (root !== 'versions' || !language || !LANGUAGES.has(language)) continue;
    const fromPath = at !== undefined && /^\d+$/.test(at) ? Number(at) : null;
    const prefix = /^line (\d+):\s*/i.exec(problem.message);
    const line = fromPath ?? (prefix ? Number(prefix[1]) : null);
    const message = prefix ? problem.message.slice(prefix[0].length) : problem.message;
    const list = out[language as TLocale] ?? [];
    list.push({ field: field === 'subject' ? 'subject' : 'mjml', line, message });
    out[language as TLocale] = list;
  }
  return out;
}
