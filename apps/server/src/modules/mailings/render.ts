import { convert } from 'html-to-text';
import mjml2html from 'mjml';
import Mustache from 'mustache';
import type { TemplateVersion } from './mailings.table.ts';

/** A template version compiled from MJML once, with its `{{placeholders}}` still to fill per recipient. */
export type CompiledTemplate = { subject: string; html: string; text: string };

/** A problem of a template's MJML or placeholders, at its line when MJML gives one. */
export type TemplateProblem = { line: number | null; message: string };

const TRIPLE = /\{\{\{|\{\{\s*&/;
/** Token types that print unescaped (`&`, `{`), change the delimiters (`=`) or pull in partials (`>`). */
const REFUSED = new Set(['&', '{', '=', '>']);

/** Whether a parsed template holds a refused token, sections included. */
function hasRefused(tokens: unknown[]): boolean {
  return tokens.some((token) => {
    if (!Array.isArray(token)) return false;
    if (REFUSED.has(String(token[0]))) return true;
    return Array.isArray(token[4]) && hasRefused(token[4]);
  });
}

/**
 * Compiles a template version's MJML to e-mail HTML (and a plain-text twin) once; placeholders pass
 * through MJML untouched and are filled per recipient by `personalise`. Unescaped placeholders
 * (`{{{x}}}`, `{{& x}}`) are refused: a contact's name typed into a public form must not become HTML.
 * Includes (`mj-include`) are never read, so a template cannot read files of the server.
 */
export async function compileTemplate(version: TemplateVersion): Promise<{ compiled: CompiledTemplate; problems: TemplateProblem[] }> {
  const problems: TemplateProblem[] = [];
  for (const [field, source] of [
    ['subject', version.subject],
    ['body', version.mjml],
  ] as const) {
    let refused = TRIPLE.test(source);
    try {
      // The tokens, not the text, are checked: a delimiter change (`{{=<% %>=}}<%& x %>`) hides from a pattern.
      refused ||= hasRefused(Mustache.parse(source));
    } catch (error) {
      problems.push({ line: null, message: `The ${field} has a broken placeholder: ${(error as Error).message}` });
    }
    if (refused) problems.push({ line: null, message: `The ${field} uses an unescaped placeholder; use {{name}}` });
  }
  const result = await mjml2html(version.mjml, { validationLevel: 'soft', fonts: {}, keepComments: false, ignoreIncludes: true });
  for (const error of result.errors) problems.push({ line: error.line ?? null, message: error.message });
  const html = result.html;
  const text = convert(html, { wordwrap: 78, selectors: [{ selector: 'img', format: 'skip' }] });
  return { compiled: { subject: version.subject, html, text }, problems };
}

/** The values a template may use: `{{first_name}}`, `{{company}}`, `{{manager}}`, `{{custom.key}}`, links. */
export type MergeFields = Record<string, string | number | boolean | null | undefined | Record<string, unknown>>;

/**
 * Fills a compiled template for one recipient. Values are HTML-escaped in the body and left as
 * text in the subject and plain-text part; a missing value is empty, and `{{#company}}…{{/company}}`
 * shows a part only when the value is there.
 */
export function personalise(template: CompiledTemplate, fields: MergeFields): CompiledTemplate {
  const plain = (source: string) => Mustache.render(source, fields, {}, { escape: (value: unknown) => String(value) });
  return {
    subject: plain(template.subject).replace(/\s+/g, ' ').trim(),
    html: Mustache.render(template.html, fields),
    text: plain(template.text),
  };
}
