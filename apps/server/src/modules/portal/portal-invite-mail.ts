import type { TLocale } from '@clientela/contract';
import nodemailer from 'nodemailer';
import type { MailSettings } from '../../http/route-helpers.ts';

type Texts = { subject: string; greeting: string; body: string; button: string; validity: string; ignore: string };

// The invitation in the customer's language: {{workspace}}, {{name}} and {{days}} are filled in.
const TEXTS: Record<TLocale, Texts> = {
  en: {
    subject: 'Your invitation to the customer portal of {{workspace}}',
    greeting: 'Hello {{name}},',
    body: '{{workspace}} invites you to its customer portal: follow your cases, open new ones, see your orders and quotes, and find answers in the knowledge base.',
    button: 'Accept the invitation',
    validity: 'The link works once, within {{days}} days.',
    ignore: 'If you were not expecting this invitation, you can ignore this e-mail.',
  },
  ru: {
    subject: 'Приглашение на клиентский портал {{workspace}}',
    greeting: 'Здравствуйте, {{name}}!',
    body: '{{workspace}} приглашает вас на свой клиентский портал: следите за своими обращениями, создавайте новые, смотрите заказы и коммерческие предложения, находите ответы в базе знаний.',
    button: 'Принять приглашение',
    validity: 'Ссылка действует один раз в течение {{days}} дней.',
    ignore: 'Если вы не ждали этого приглашения, просто проигнорируйте письмо.',
  },
  it: {
    subject: 'Il tuo invito al portale clienti di {{workspace}}',
    greeting: 'Ciao {{name}},',
    body: '{{workspace}} ti invita al suo portale clienti: segui le tue richieste, aprine di nuove, consulta ordini e preventivi e trova risposte nella knowledge base.',
    button: "Accetta l'invito",
    validity: 'Il link funziona una sola volta, entro {{days}} giorni.',
    ignore: 'Se non aspettavi questo invito, puoi ignorare questa e-mail.',
  },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** The invitation mail: subject, plain text and HTML in the portal's colour (every name escaped). */
export function invitationMail(
  language: TLocale,
  values: { name: string; workspace: string; url: string; days: number; color: string | null },
) {
  const texts = TEXTS[language];
  const plain = { name: values.name, workspace: values.workspace, days: String(values.days) };
  const escaped = { name: escapeHtml(values.name), workspace: escapeHtml(values.workspace), days: String(values.days) };
  const url = escapeHtml(values.url);
  const color = values.color && HEX_COLOUR.test(values.color) ? values.color : '#1677ff';
  return {
    subject: fill(texts.subject, plain),
    text: [fill(texts.greeting, plain), '', fill(texts.body, plain), '', values.url, '', fill(texts.validity, plain), texts.ignore].join(
      '\n',
    ),
    html: [
      `<h2 style="color:${color}">${escaped.workspace}</h2>`,
      `<p>${fill(texts.greeting, escaped)}</p>`,
      `<p>${fill(texts.body, escaped)}</p>`,
      `<p><a href="${url}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:${color};color:#fff;text-decoration:none">${escapeHtml(texts.button)}</a></p>`,
      `<p>${fill(texts.validity, escaped)}</p>`,
      `<p style="color:#666">${escapeHtml(texts.ignore)}</p>`,
    ].join('\n'),
  };
}

/** Sends the invitation on a connection of its own (a transactional mail: no bulk headers). */
export async function sendInvitation(
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
