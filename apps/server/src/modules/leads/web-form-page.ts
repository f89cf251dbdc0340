import type { TLeadFormField, TLocale } from '@clientela/contract';
import { type SubmissionProblem, WEB_FORM_TEXTS } from './web-form-texts.ts';

/** The name of the hidden trap field: people never see it, robots fill it in. */
export const HONEYPOT_FIELD = 'website_url';
/** The hidden field carrying the page the form was embedded in (the iframe's referrer). */
export const REFERRER_FIELD = 'page_url';

/** What a form page shows: the form's settings that matter to the visitor. */
export type PublicForm = {
  key: string;
  language: TLocale;
  fields: { field: TLeadFormField; required: boolean }[];
  title: string | null;
  thanks: string | null;
  consentText: string | null;
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const INPUTS: Record<TLeadFormField, { type: string; autocomplete: string; maxLength: number }> = {
  firstName: { type: 'text', autocomplete: 'given-name', maxLength: 100 },
  lastName: { type: 'text', autocomplete: 'family-name', maxLength: 100 },
  companyName: { type: 'text', autocomplete: 'organization', maxLength: 300 },
  position: { type: 'text', autocomplete: 'organization-title', maxLength: 200 },
  email: { type: 'email', autocomplete: 'email', maxLength: 254 },
  phone: { type: 'tel', autocomplete: 'tel', maxLength: 40 },
  city: { type: 'text', autocomplete: 'address-level2', maxLength: 120 },
  message: { type: 'textarea', autocomplete: 'off', maxLength: 5000 },
};

/** The longest text each field takes. */
export const FIELD_MAX_LENGTH = Object.fromEntries(Object.entries(INPUTS).map(([field, input]) => [field, input.maxLength])) as Record<
  TLeadFormField,
  number
>;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
main{max-width:560px;margin:0 auto}
h1{font-size:1.4em;margin:0 0 16px}
.field{margin:0 0 14px}
label{display:block;font-weight:600;margin:0 0 4px}
.req{color:#b42318;font-weight:400;font-size:.85em}
input[type=text],input[type=email],input[type=tel],textarea{width:100%;padding:10px 12px;font:inherit;border:1px solid #c9ced6;border-radius:6px;background:#fff}
textarea{min-height:120px;resize:vertical}
input:focus,textarea:focus{outline:2px solid #1668dc;outline-offset:1px;border-color:#1668dc}
.invalid input,.invalid textarea{border-color:#b42318}
.error{color:#b42318;font-size:.9em;margin:4px 0 0}
.summary{border:1px solid #b42318;background:#fef3f2;color:#b42318;border-radius:6px;padding:10px 12px;margin:0 0 16px}
.consent{display:flex;gap:8px;align-items:flex-start;font-weight:400}
.consent input{margin-top:4px;width:18px;height:18px;flex:none}
button{width:100%;padding:12px;font:inherit;font-weight:600;color:#fff;background:#1668dc;border:0;border-radius:6px;cursor:pointer}
button:hover{background:#0958d9}
.trap{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.notice{font-size:1.1em}
@media (min-width:480px){body{padding:24px}}
`;

function page(language: TLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** One field of the form, with the visitor's value and its error when sent back. */
function fieldHtml(
  language: TLocale,
  spec: { field: TLeadFormField; required: boolean },
  value: string,
  problem: SubmissionProblem | undefined,
): string {
  const texts = WEB_FORM_TEXTS[language];
  const input = INPUTS[spec.field];
  const id = `f-${spec.field}`;
  const required = spec.required ? ' required' : '';
  const described = problem ? ` aria-invalid="true" aria-describedby="${id}-error"` : '';
  const common = `id="${id}" name="${spec.field}" maxlength="${input.maxLength}" autocomplete="${input.autocomplete}"${required}${described}`;
  const control =
    input.type === 'textarea'
      ? `<textarea ${common}>${escapeHtml(value)}</textarea>`
      : `<input type="${input.type}" ${common} value="${escapeHtml(value)}">`;
  const mark = spec.required ? ` <span class="req">(${escapeHtml(texts.required)})</span>` : '';
  const error = problem ? `\n<p class="error" id="${id}-error">${escapeHtml(texts.problems[problem])}</p>` : '';
  return `<div class="field${problem ? ' invalid' : ''}">
<label for="${id}">${escapeHtml(texts.fields[spec.field])}${mark}</label>
${control}${error}
</div>`;
}

/**
 * The form page: its fields in order, the trap field, the consent checkbox when the form asks for
 * consent. Sent back with the visitor's values and the problems found when a submission is refused.
 */
export function formPage(
  form: PublicForm,
  options: {
    action: string;
    values?: Record<string, string>;
    problems?: Partial<Record<TLeadFormField, SubmissionProblem>>;
    identityMissing?: boolean;
    consent?: boolean;
    referrer?: string;
  },
): string {
  const texts = WEB_FORM_TEXTS[form.language];
  const title = form.title || texts.defaultTitle;
  const problems = options.problems ?? {};
  const anyProblem = Object.keys(problems).length > 0 || options.identityMissing;
  const summary = anyProblem
    ? `<div class="summary" role="alert">${escapeHtml(options.identityMissing ? texts.problems.identity : texts.errorsIntro)}</div>\n`
    : '';
  const fields = form.fields.map((spec) => fieldHtml(form.language, spec, options.values?.[spec.field] ?? '', problems[spec.field]));
  const consent = form.consentText
    ? `<div class="field"><label class="consent"><input type="checkbox" name="marketingConsent" value="on"${options.consent ? ' checked' : ''}> <span>${escapeHtml(form.consentText)}</span></label></div>`
    : '';
  const body = `<h1>${escapeHtml(title)}</h1>
<form method="post" action="${escapeHtml(options.action)}">
${summary}${fields.join('\n')}
<div class="trap" aria-hidden="true"><label for="${HONEYPOT_FIELD}">${escapeHtml(texts.honeypot)}</label><input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="${REFERRER_FIELD}" value="${escapeHtml(options.referrer ?? '')}">
${consent}
<button type="submit">${escapeHtml(texts.send)}</button>
</form>`;
  return page(form.language, title, body);
}

/** The thank-you page shown after sending (unless the form sends the browser elsewhere). */
export function thanksPage(form: PublicForm): string {
  const texts = WEB_FORM_TEXTS[form.language];
  const title = form.title || texts.defaultTitle;
  return page(
    form.language,
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p class="notice" role="status">${escapeHtml(form.thanks || texts.defaultThanks)}</p>`,
  );
}

/** A page with only a heading and a sentence: an unknown form, too many submissions. */
export function messagePage(language: TLocale, title: string, text: string): string {
  return page(language, title, `<h1>${escapeHtml(title)}</h1>\n<p class="notice">${escapeHtml(text)}</p>`);
}

/**
 * What a site pastes to show the form: an iframe of the form's page, or a plain HTML form posting
 * to it (styled by the site itself; the trap field stays hidden and empty).
 */
export function embedCode(form: PublicForm & { name: string }, url: string): { iframe: string; html: string } {
  const texts = WEB_FORM_TEXTS[form.language];
  const iframe = `<iframe src="${escapeHtml(url)}" title="${escapeHtml(form.title || form.name)}" style="width:100%;max-width:600px;height:${320 + form.fields.length * 80}px;border:0" loading="lazy"></iframe>`;
  const inputs = form.fields.map(({ field, required }) => {
    const input = INPUTS[field];
    const attrs = `name="${field}" maxlength="${input.maxLength}" autocomplete="${input.autocomplete}"${required ? ' required' : ''}`;
    const control = input.type === 'textarea' ? `<textarea ${attrs}></textarea>` : `<input type="${input.type}" ${attrs}>`;
    return `  <p><label>${escapeHtml(texts.fields[field])}${required ? ' *' : ''}<br>${control}</label></p>`;
  });
  const consent = form.consentText
    ? [`  <p><label><input type="checkbox" name="marketingConsent" value="on"> ${escapeHtml(form.consentText)}</label></p>`]
    : [];
  const html = [
    `<form method="post" action="${escapeHtml(url)}" accept-charset="utf-8">`,
    ...inputs,
    `  <p style="position:absolute;left:-10000px" aria-hidden="true"><input type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></p>`,
    ...consent,
    `  <p><button type="submit">${escapeHtml(texts.send)}</button></p>`,
    '</form>',
  ].join('\n');
  return { iframe, html };
}
