import type { TIdeaStatus } from '@clientela/contract';
import nodemailer from 'nodemailer';
import type { MailSettings } from '../../http/route-helpers.ts';

type Language = 'en' | 'ru' | 'it';

const STATUS_NAMES: Record<Language, Record<TIdeaStatus, string>> = {
  en: { new: 'new', under_review: 'under review', planned: 'planned', done: 'done', declined: 'declined' },
  ru: { new: 'новая', under_review: 'на рассмотрении', planned: 'запланирована', done: 'реализована', declined: 'отклонена' },
  it: { new: 'nuova', under_review: 'in valutazione', planned: 'pianificata', done: 'realizzata', declined: 'respinta' },
};

const WORDS: Record<Language, { subject: (title: string) => string; status: (name: string) => string; answer: string; open: string }> = {
  en: {
    subject: (title) => `Your idea “${title}” has an answer`,
    status: (name) => `Its status is now: ${name}.`,
    answer: 'Our answer:',
    open: 'Read it in the portal:',
  },
  ru: {
    subject: (title) => `На вашу идею «${title}» ответили`,
    status: (name) => `Её статус теперь: ${name}.`,
    answer: 'Наш ответ:',
    open: 'Посмотреть на портале:',
  },
  it: {
    subject: (title) => `La tua idea «${title}» ha una risposta`,
    status: (name) => `Il suo stato ora è: ${name}.`,
    answer: 'La nostra risposta:',
    open: 'Leggila nel portale:',
  },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

export type IdeaAnswerMail = {
  to: { name: string; address: string };
  language: Language;
  title: string;
  status: TIdeaStatus;
  answer: string | null;
  url: string;
};

/** The message telling an idea's author its new status and staff's answer, in the author's language. */
export function composeIdeaAnswer(mail: IdeaAnswerMail) {
  const words = WORDS[mail.language];
  const lines = [
    words.status(STATUS_NAMES[mail.language][mail.status]),
    ...(mail.answer ? [words.answer, mail.answer] : []),
    words.open,
    mail.url,
  ];
  const html = [
    `<p>${escapeHtml(words.status(STATUS_NAMES[mail.language][mail.status]))}</p>`,
    ...(mail.answer
      ? [`<p>${escapeHtml(words.answer)}</p>`, `<blockquote>${escapeHtml(mail.answer).replace(/\n/g, '<br>')}</blockquote>`]
      : []),
    `<p>${escapeHtml(words.open)} <a href="${escapeHtml(mail.url)}">${escapeHtml(mail.url)}</a></p>`,
  ].join('\n');
  return { subject: words.subject(mail.title).replace(/\s+/g, ' '), text: lines.join('\n\n'), html };
}

/** Sends the answer to the idea's author through the configured SMTP server. */
export async function sendIdeaAnswer(settings: MailSettings, mail: IdeaAnswerMail): Promise<void> {
  const transport = typeof settings.transport === 'string' ? { url: settings.transport } : settings.transport;
  const smtp = nodemailer.createTransport({ ...transport, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  try {
    await smtp.sendMail({ from: settings.from, to: mail.to, ...composeIdeaAnswer(mail), headers: { 'Auto-Submitted': 'auto-generated' } });
  } finally {
    smtp.close();
  }
}
