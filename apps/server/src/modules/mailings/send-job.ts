import type { TLocale } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import { emailHashSql } from '../gdpr/index.ts';
import type { JobHandler } from '../jobs/jobs.ts';
import { isPermanentFailure, type MarketingSender, openMarketingSender } from './mail-send.ts';
import type { TemplateVersion } from './mailings.table.ts';
import { languageFor, mergeFieldsOf } from './merge-fields.ts';
import { type CompiledTemplate, compileTemplate, personalise } from './render.ts';
import { addTracking } from './tracking.ts';

/** The durable job that sends one mailing, `{ workspaceId, mailingId }`, at its throttled pace. */
export const MAILING_JOB = 'mailing-send';

export type MailingJobOptions = {
  /** A recipient left 'sending' longer than this was taken by a process that died: it is looked at again. */
  staleMs?: number;
  /** The wait before a temporarily refused message is tried again. */
  retryDelayMs?: number;
  /** Attempts before a temporarily refused message is given up ('failed'). */
  maxAttempts?: number;
  /** The domain of the envelope sender `bounces+<recipient>@…` that bounces come back to (default: the sender's domain). */
  bounceDomain?: string;
};

type Mailing = {
  status: string;
  per_minute: number;
  track_opens: boolean;
  track_clicks: boolean;
  versions: Partial<Record<TLocale, TemplateVersion>>;
  last_sent_at: Date | null;
};
type Claimed = { contact_id: string; token: string; attempts: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a mailing's queued recipients; safe to run again. A recipient is never sent twice at once (its
 * claim is a row lock with a stale time), but a crash right after the SMTP send and before the 'sent'
 * update sends that one message again once its claim is stale.
 */
export function mailingJob(db: Database, mail: MailSettings | undefined, publicUrl: string, options: MailingJobOptions = {}): JobHandler {
  const staleMs = options.staleMs ?? 10 * 60_000;
  const retryDelayMs = options.retryDelayMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  return async (data, stopping) => {
    const workspaceId = String(data.workspaceId);
    const mailingId = String(data.mailingId);
    if (!mail) return;
    const compiled = new Map<TLocale, CompiledTemplate>();
    let sender: MarketingSender | undefined;
    try {
      // Waits until `ms` have passed, a little at a time; false when the job must stop first.
      const wait = async (until: number) => {
        for (let left = until - Date.now(); left > 0; left = until - Date.now()) {
          if (stopping()) return false;
          await sleep(Math.min(left, 250));
        }
        return !stopping();
      };
      for (;;) {
        if (stopping()) return;
        const { rows } = await db.execute<Mailing>(sql`
          UPDATE mailing m SET status = 'sending', started_at = coalesce(m.started_at, now())
          FROM mail_template t
          WHERE m.workspace_id = ${workspaceId} AND m.id = ${mailingId} AND m.status IN ('queued', 'sending')
            AND t.workspace_id = m.workspace_id AND t.id = m.template_id
          RETURNING m.status, m.per_minute, m.track_opens, m.track_clicks, t.versions,
            (SELECT max(sent_at) FROM mailing_recipient r WHERE r.workspace_id = m.workspace_id AND r.mailing_id = m.id) AS last_sent_at`);
        const mailing = rows[0];
        if (!mailing) return; // paused, cancelled, done or gone
        const gapMs = 60_000 / mailing.per_minute;
        let lastSentAt = mailing.last_sent_at ? new Date(mailing.last_sent_at).getTime() : 0;
        const batchSize = Math.max(1, Math.min(20, Math.ceil(mailing.per_minute / 60)));
        const { rows: claimed } = await db.execute<Claimed>(sql`
          UPDATE mailing_recipient r SET status = 'sending', attempts = r.attempts + 1, updated_at = now()
          WHERE (r.workspace_id, r.mailing_id, r.contact_id) IN (
            SELECT q.workspace_id, q.mailing_id, q.contact_id FROM mailing_recipient q
            WHERE q.workspace_id = ${workspaceId} AND q.mailing_id = ${mailingId}
              AND ((q.status = 'queued' AND (q.attempts = 0 OR q.updated_at <= now() - ${retryDelayMs}::float8 * interval '1 millisecond'))
                OR (q.status = 'sending' AND q.updated_at < now() - ${staleMs}::float8 * interval '1 millisecond'))
            ORDER BY q.contact_id LIMIT ${batchSize}
            FOR UPDATE SKIP LOCKED)
          RETURNING r.contact_id, r.token, r.attempts`);
        if (claimed.length === 0) {
          const { rows: left } = await db.execute<{ next: Date | null; n: number }>(sql`
            SELECT count(*)::int AS n, min(updated_at) AS next FROM mailing_recipient
            WHERE workspace_id = ${workspaceId} AND mailing_id = ${mailingId} AND status IN ('queued', 'sending')`);
          if ((left[0]?.n ?? 0) === 0) {
            await db.execute(sql`
              UPDATE mailing SET status = 'done', finished_at = now(), updated_at = now()
              WHERE workspace_id = ${workspaceId} AND id = ${mailingId} AND status = 'sending'`);
            return;
          }
          // Only retries (or another process's sends) are left: wait for the next one.
          if (!(await wait(Date.now() + Math.min(retryDelayMs, 1000)))) return;
          continue;
        }
        const recipients = await mergeFieldsOf(
          db,
          workspaceId,
          claimed.map((c) => c.contact_id),
        );
        sender ??= openMarketingSender(mail, options.bounceDomain ? { bounceDomain: options.bounceDomain } : {});
        for (const [index, row] of claimed.entries()) {
          const key = sql`workspace_id = ${workspaceId} AND mailing_id = ${mailingId} AND contact_id = ${row.contact_id} AND status = 'sending' AND attempts = ${row.attempts}`;
          if (!(await wait(lastSentAt + gapMs))) {
            // Hand the rest back untouched: the job resumes with them.
            for (const back of claimed.slice(index)) {
              await db.execute(sql`UPDATE mailing_recipient SET status = 'queued', attempts = attempts - 1
                WHERE workspace_id = ${workspaceId} AND mailing_id = ${mailingId} AND contact_id = ${back.contact_id}
                  AND status = 'sending' AND attempts = ${back.attempts}`);
            }
            return;
          }
          // Consent is enforced here, right before sending: an unsubscribe since queueing holds. A mailing
          // paused or cancelled meanwhile gets the message back untouched.
          const { rows: checked } = await db.execute<{ status: string; email: string | null }>(sql`
            UPDATE mailing_recipient r SET updated_at = now(), email = coalesce(nullif(btrim(c.emails -> 0 ->> 'value'), ''), r.email),
              attempts = CASE WHEN m.status = 'sending' THEN r.attempts ELSE r.attempts - 1 END,
              status = CASE
                WHEN m.status <> 'sending' THEN 'queued'
                WHEN c.deleted_at IS NOT NULL THEN 'skipped_no_consent'
                WHEN c.marketing_consent = 'withdrawn' THEN 'skipped_unsubscribed'
                WHEN c.marketing_consent IS DISTINCT FROM 'granted' THEN 'skipped_no_consent'
                WHEN c.email_bounced_at IS NOT NULL THEN 'bounced'
                WHEN nullif(btrim(c.emails -> 0 ->> 'value'), '') IS NULL THEN 'skipped_no_email'
                -- An erased person's address is never mailed again, even typed in anew on another contact.
                WHEN EXISTS (SELECT 1 FROM mail_suppression s WHERE s.workspace_id = r.workspace_id
                  AND s.email_hash = ${emailHashSql(sql`c.emails -> 0 ->> 'value'`)}) THEN 'skipped_unsubscribed'
                ELSE 'sending' END
            FROM contact c, mailing m
            WHERE c.workspace_id = r.workspace_id AND c.id = r.contact_id AND m.workspace_id = r.workspace_id AND m.id = r.mailing_id
              AND r.workspace_id = ${workspaceId} AND r.mailing_id = ${mailingId} AND r.contact_id = ${row.contact_id}
              AND r.status = 'sending' AND r.attempts = ${row.attempts}
            RETURNING r.status, r.email`);
          const current = checked[0];
          const recipient = recipients.get(row.contact_id);
          if (current?.status !== 'sending' || !current.email || !recipient) continue;
          const language = languageFor(mailing.versions, recipient.language);
          let template = compiled.get(language);
          if (!template) {
            template = (await compileTemplate(mailing.versions[language] as TemplateVersion)).compiled;
            compiled.set(language, template);
          }
          const unsubscribeUrl = `${publicUrl}/u/${row.token}`;
          const filled = personalise(template, { ...recipient.fields, unsubscribe_url: unsubscribeUrl });
          const html = addTracking(filled.html, {
            publicUrl,
            key: { token: row.token, mailingId, contactId: row.contact_id },
            unsubscribeUrl,
            opens: mailing.track_opens,
            clicks: mailing.track_clicks,
          });
          try {
            const { messageId } = await sender.send({
              to: { name: recipient.name, address: current.email },
              subject: filled.subject,
              html,
              text: filled.text,
              unsubscribeUrl,
              recipientId: row.token,
            });
            const { rows: sent } = await db.execute<{ sent_at: Date }>(sql`
              UPDATE mailing_recipient SET status = 'sent', sent_at = clock_timestamp(), message_id = ${messageId}, error = NULL, updated_at = now()
              WHERE ${key} RETURNING sent_at`);
            lastSentAt = sent[0] ? new Date(sent[0].sent_at).getTime() : Date.now();
          } catch (error) {
            lastSentAt = Date.now();
            const message = (error as Error).message.slice(0, 500);
            if (isPermanentFailure(error)) {
              await db.transaction(async (tx) => {
                await tx.execute(sql`UPDATE mailing_recipient SET status = 'bounced', error = ${message}, updated_at = now() WHERE ${key}`);
                await tx.execute(sql`UPDATE contact SET email_bounced_at = now()
                  WHERE workspace_id = ${workspaceId} AND id = ${row.contact_id} AND email_bounced_at IS NULL`);
              });
            } else {
              const next = row.attempts >= maxAttempts ? 'failed' : 'queued';
              await db.execute(sql`UPDATE mailing_recipient SET status = ${next}, error = ${message}, updated_at = now() WHERE ${key}`);
            }
          }
        }
      }
    } finally {
      sender?.close();
    }
  };
}
