import type { TLocale } from '@clientela/contract';

/** What the built-in invitation (sent when a survey has no template) says, in each language. */
const TEXTS: Record<TLocale, { subject: string; greeting: (name: string) => string; ask: string; button: string; thanks: string }> = {
  en: {
    subject: 'A few questions: {title}',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    ask: 'we would be grateful if you took a couple of minutes to answer our survey "{title}".',
    button: 'Answer the survey',
    thanks: 'Thank you!',
  },
  ru: {
    subject: 'Несколько вопросов: {title}',
    greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
    ask: 'Будем благодарны, если вы уделите пару минут нашему опросу «{title}».',
    button: 'Ответить на вопросы',
    thanks: 'Спасибо!',
  },
  it: {
    subject: 'Qualche domanda: {title}',
    greeting: (name) => (name ? `Gentile ${name},` : 'Gentile cliente,'),
    ask: 'Le saremmo grati se dedicasse un paio di minuti al nostro sondaggio «{title}».',
    button: 'Rispondi al sondaggio',
    thanks: 'Grazie!',
  },
};

/** The plain built-in invitation in a language: a greeting, the survey's title and the personal link. */
export function builtInInvitation(
  language: TLocale,
  values: { firstName: string; title: string; link: string; workspace: string },
): { subject: string; html: string; text: string } {
  const t = TEXTS[language];
  const ask = t.ask.replace('{title}', values.title);
  const text = [t.greeting(values.firstName), '', ask, '', values.link, '', t.thanks, values.workspace].join('\n');
  const html = `<!doctype html><html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(t.greeting(values.firstName))}</p>
<p>${escapeHtml(ask)}</p>
<p><a href="${escapeHtml(values.link)}">${escapeHtml(t.button)}</a></p>
<p>${escapeHtml(t.thanks)}<br>${escapeHtml(values.workspace)}</p>
</body></html>`;
  return { subject: t.subject.replace('{title}', values.title), html, text };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
