import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../../db/client.ts';
import type { MailSettings } from '../../http/route-helpers.ts';

const TEXTS = {
  en: {
    subject: (title: string) => `New answer to your question: ${title}`,
    body: (title: string, url: string) => `Someone has answered your question "${title}".\n\nRead the answer: ${url}\n`,
  },
  ru: {
    subject: (title: string) => `Новый ответ на ваш вопрос: ${title}`,
    body: (title: string, url: string) => `На ваш вопрос «${title}» ответили.\n\nПрочитать ответ: ${url}\n`,
  },
  it: {
    subject: (title: string) => `Nuova risposta alla tua domanda: ${title}`,
    body: (title: string, url: string) => `Qualcuno ha risposto alla tua domanda «${title}».\n\nLeggi la risposta: ${url}\n`,
  },
} as const;

/**
 * Tells the customer who asked that their question has an answer, in their language, with the
 * link to it in the portal. Nothing is sent without a configured mail server or to a disabled account.
 */
export async function tellAskerOfAnswer(
  db: Database,
  options: { mail: MailSettings | undefined; publicUrl: string },
  workspaceId: string,
  portalUserId: string,
  questionId: string,
): Promise<void> {
  if (!options.mail) return;
  const { rows } = await db.execute<{ email: string; language: 'en' | 'ru' | 'it'; slug: string; title: string }>(sql`
    SELECT pu.email, pu.language, w.slug, q.title
      FROM portal_user pu
      JOIN workspace w ON w.id = pu.workspace_id
      JOIN community_question q ON q.workspace_id = pu.workspace_id AND q.id = ${questionId}
     WHERE pu.workspace_id = ${workspaceId} AND pu.id = ${portalUserId} AND pu.status = 'active' AND NOT q.hidden`);
  const to = rows[0];
  if (!to) return;
  const texts = TEXTS[to.language] ?? TEXTS.en;
  const url = `${options.publicUrl.replace(/\/$/, '')}/portal/${encodeURIComponent(to.slug)}/community/${questionId}`;
  const transport = typeof options.mail.transport === 'string' ? { url: options.mail.transport } : options.mail.transport;
  const smtp = nodemailer.createTransport({ ...transport, connectionTimeout: 30_000, socketTimeout: 60_000 });
  try {
    await smtp.sendMail({
      from: options.mail.from,
      to: to.email,
      subject: texts.subject(to.title),
      text: texts.body(to.title, url),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  } finally {
    smtp.close();
  }
}
