import type { TLocale } from '@clientela/contract';
import nodemailer from 'nodemailer';
import type { MailSettings } from '../../http/route-helpers.ts';

type Texts = { subject: string; greeting: string; body: string; button: string; ignore: string };

// The sign-in mail in the customer's language: {{workspace}}, {{minutes}} and {{name}} are filled in.
const SIGN_IN: Record<TLocale, Texts> = {
  en: {
    subject: 'Your sign-in link to {{workspace}}',
    greeting: 'Hello {{name}},',
    body: 'Use this link to sign in to the customer portal of {{workspace}}. It works once, within {{minutes}} minutes.',
    button: 'Sign in',
    ignore: 'If you did not ask for it, you can ignore this e-mail: nobody can sign in without the link.',
  },
  ru: {
    subject: 'Ссылка для входа в {{workspace}}',
    greeting: 'Здравствуйте, {{name}}!',
    body: 'Перейдите по этой ссылке, чтобы войти в клиентский портал {{workspace}}. Она действует один раз в течение {{minutes}} минут.',
    button: 'Войти',
    ignore: 'Если вы не запрашивали ссылку, просто проигнорируйте это письмо: без ссылки войти никто не сможет.',
  },
  it: {
    subject: 'Il tuo link di accesso a {{workspace}}',
    greeting: 'Ciao {{name}},',
    body: 'Usa questo link per accedere al portale clienti di {{workspace}}. Funziona una sola volta, entro {{minutes}} minuti.',
    button: 'Accedi',
    ignore: 'Se non lo hai richiesto, puoi ignorare questa e-mail: nessuno può accedere senza il link.',
  },
};

// The mail to choose a new password, in the customer's language.
const RESET: Record<TLocale, Texts> = {
  en: {
    subject: 'Choose a new password for {{workspace}}',
    greeting: 'Hello {{name}},',
    body: 'Use this link to choose a new password for the customer portal of {{workspace}}. It works once, within {{minutes}} minutes.',
    button: 'Choose a new password',
    ignore: 'If you did not ask for it, you can ignore this e-mail: your password stays as it is.',
  },
  ru: {
    subject: 'Новый пароль для {{workspace}}',
    greeting: 'Здравствуйте, {{name}}!',
    body: 'Перейдите по этой ссылке, чтобы задать новый пароль для клиентского портала {{workspace}}. Она действует один раз в течение {{minutes}} минут.',
    button: 'Задать новый пароль',
    ignore: 'Если вы не запрашивали смену пароля, просто проигнорируйте это письмо: пароль останется прежним.',
  },
  it: {
    subject: 'Scegli una nuova password per {{workspace}}',
    greeting: 'Ciao {{name}},',
    body: 'Usa questo link per scegliere una nuova password per il portale clienti di {{workspace}}. Funziona una sola volta, entro {{minutes}} minuti.',
    button: 'Scegli una nuova password',
    ignore: 'Se non lo hai richiesto, puoi ignorare questa e-mail: la tua password resta invariata.',
  },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** The mail of a sign-in or new-password link: subject, plain text and HTML (every name escaped). */
export function portalLinkMail(
  kind: 'magic_link' | 'password_reset',
  language: TLocale,
  values: { name: string; workspace: string; url: string; minutes: number },
) {
  const texts = (kind === 'magic_link' ? SIGN_IN : RESET)[language];
  const plain = { name: values.name, workspace: values.workspace, minutes: String(values.minutes) };
  const escaped = { name: escapeHtml(values.name), workspace: escapeHtml(values.workspace), minutes: String(values.minutes) };
  const url = escapeHtml(values.url);
  return {
    subject: fill(texts.subject, plain),
    text: [fill(texts.greeting, plain), '', fill(texts.body, plain), '', values.url, '', texts.ignore].join('\n'),
    html: [
      `<p>${fill(texts.greeting, escaped)}</p>`,
      `<p>${fill(texts.body, escaped)}</p>`,
      `<p><a href="${url}">${escapeHtml(texts.button)}</a></p>`,
      `<p style="color:#666">${escapeHtml(texts.ignore)}</p>`,
    ].join('\n'),
  };
}

/** Sends one transactional mail (not bulk: no list headers) on a connection of its own. */
export async function sendPortalMail(
  mail: MailSettings,
  message: { to: { name: string; address: string }; subject: string; text: string; html: string },
): Promise<void> {
  const transport = typeof mail.transport === 'string' ? { url: mail.transport } : mail.transport;
  const smtp = nodemailer.createTransport({ ...transport, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  try {
    await smtp.sendMail({ from: mail.from, ...message, headers: { 'Auto-Submitted': 'auto-generated' } });
  } finally {
    smtp.close();
  }
}
