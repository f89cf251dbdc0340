import type { TLocale, TNotificationKind } from '@clientela/contract';
import en from './mail-locales/en.json' with { type: 'json' };
import it from './mail-locales/it.json' with { type: 'json' };
import ru from './mail-locales/ru.json' with { type: 'json' };

export const MAIL_MESSAGES: Record<TLocale, typeof en> = { en, ru, it };

/** A notice as the mail sender reads it, with its recipient. */
export type MailNotice = {
  id: string;
  kind: TNotificationKind;
  taskId: string | null;
  /** The case it is about: the mail links there when there is no task. */
  caseId?: string | null;
  title: string;
  detail: Record<string, string> | null;
  createdAt: Date;
  actorName: string | null;
  dueAt: Date | null;
  recipient: { name: string; locale: string; timeZone: string };
};

export type Mail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');

function formatTime(at: Date, locale: TLocale, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
  } catch {
    // A time zone this Node does not know: UTC, said so.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(at);
  }
}

/** Words a notice in its recipient's language and time zone, as the bell does, with a link to the task. */
export function composeMail(notice: MailNotice, publicUrl: string): Mail {
  const locale: TLocale = notice.recipient.locale === 'ru' || notice.recipient.locale === 'it' ? notice.recipient.locale : 'en';
  const m = MAIL_MESSAGES[locale];
  const detail = notice.detail ?? {};
  const reason = detail.reason as keyof typeof m.reasons | undefined;
  const headline = fill(m.kinds[notice.kind], {
    ...detail,
    actor: notice.actorName ?? m.someone,
    title: notice.title,
    reason: (reason && m.reasons[reason]) ?? detail.reason ?? '',
  });
  const lines = [
    fill(m.greeting, { name: notice.recipient.name }),
    headline,
    fill(m.when, { time: formatTime(notice.createdAt, locale, notice.recipient.timeZone) }),
    ...(notice.dueAt ? [fill(m.due, { time: formatTime(notice.dueAt, locale, notice.recipient.timeZone) })] : []),
  ];
  const base = publicUrl.replace(/\/+$/, '');
  const taskUrl = notice.taskId ? `${base}/tasks/${notice.taskId}` : notice.caseId ? `${base}/cases/${notice.caseId}` : null;
  const openLabel = notice.taskId || !notice.caseId ? m.open : m.openCase;
  const profileUrl = `${base}/profile#notifications`;
  const text = [
    lines[0],
    '',
    ...lines.slice(1),
    ...(taskUrl ? ['', `${openLabel}: ${taskUrl}`] : []),
    '',
    '--',
    m.footer,
    `${m.settings}: ${profileUrl}`,
    '',
  ].join('\n');
  const paragraph = (line: string) => `<p>${escapeHtml(line)}</p>`;
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; line-height: 1.5">`,
    paragraph(lines[0] ?? ''),
    `<p><strong>${escapeHtml(headline)}</strong></p>`,
    ...lines.slice(2).map(paragraph),
    taskUrl ? `<p>${link(taskUrl, openLabel)}</p>` : '',
    `<hr><p style="color: #666; font-size: 12px">${escapeHtml(m.footer)} ${link(profileUrl, m.settings)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: headline.replace(/\s+/g, ' '), text, html };
}
