import type { TLocale } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import { isSuppressed } from '../gdpr/index.ts';
import type { JobHandler } from '../jobs/jobs.ts';
import { isPermanentFailure, type MarketingSender, openMarketingSender } from '../mailings/mail-send.ts';
import { languageFor, mergeFieldsOf } from '../mailings/merge-fields.ts';
import { type CompiledTemplate, compileTemplate, personalise } from '../mailings/render.ts';
import { builtInInvitation } from './invite-mail.ts';
import { inLanguage, surveyUrl } from './survey-rows.ts';

/** The durable job that e-mails a survey's queued invitations, `{ workspaceId, surveyId }`. */
export const SURVEY_INVITE_JOB = 'survey-invite';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** The wait after the 1st, 2nd, … temporary failure; one more failure than listed gives the invitation up ('failed'). */
const RETRY_DELAYS_MS = [2 * SECOND, 30 * SECOND, 5 * MINUTE, 30 * MINUTE];
/** An invitation 'sending' for longer than this was taken by a process that died: it is taken again. */
const STALE_MS = 10 * MINUTE;
const BATCH = 25;

type Claimed = { contact_id: string; token: string; language: TLocale; email: string | null; attempts: number };

type SurveyMail = {
  name: string;
  title: Record<string, string | undefined>;
  templateId: string | null;
  versions: Record<string, { subject: string; mjml: string } | undefined> | null;
  workspace: string;
};

/**
 * Takes due invitations of an open survey for this process alone (rows another sender holds are
 * skipped); a row taken is 'sending', stamped with the time in sent_at, before its lock goes.
 */
function claim(workspaceId: string, surveyId: string) {
  return sql`
    UPDATE survey_invitation i SET status = 'sending', attempts = i.attempts + 1, sent_at = now()
    WHERE (i.workspace_id, i.survey_id, i.contact_id) IN (
      SELECT q.workspace_id, q.survey_id, q.contact_id FROM survey_invitation q
      JOIN survey s ON s.workspace_id = q.workspace_id AND s.id = q.survey_id AND s.status = 'open' AND s.deleted_at IS NULL
      WHERE q.workspace_id = ${workspaceId} AND q.survey_id = ${surveyId}
        AND ((q.status = 'queued' AND (q.attempts = 0
              OR q.sent_at <= now() - coalesce((${`{${RETRY_DELAYS_MS.join(',')}}`}::float8[])[q.attempts], 0) * interval '1 millisecond'))
          OR (q.status = 'sending' AND q.sent_at < now() - ${STALE_MS}::float8 * interval '1 millisecond'))
      ORDER BY q.created_at, q.contact_id
      LIMIT ${BATCH}
      FOR UPDATE OF q SKIP LOCKED
    )
    RETURNING i.contact_id, i.token, i.language, i.email, i.attempts`;
}

/** Only the attempt that took the row settles it (a stale row may have been taken again since). */
function settle(workspaceId: string, surveyId: string, row: Claimed, status: 'sent' | 'queued' | 'failed' | 'skipped_no_email') {
  return sql`
    UPDATE survey_invitation SET status = ${status}, sent_at = CASE WHEN ${status} IN ('sent', 'queued') THEN now() END
    WHERE workspace_id = ${workspaceId} AND survey_id = ${surveyId} AND contact_id = ${row.contact_id}
      AND status = 'sending' AND attempts = ${row.attempts}`;
}

/**
 * Of the claimed contacts, those still to be e-mailed now: not deleted, consent not withdrawn and
 * address not bouncing. Things may have changed since the invitation was queued; the others settle
 * as 'skipped_no_email' (the invitation's statuses have nothing closer).
 */
async function stillReachable(db: Database, workspaceId: string, contactIds: string[]): Promise<Set<string>> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT id FROM contact
    WHERE workspace_id = ${workspaceId} AND id IN (${sql.join(
      contactIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      AND deleted_at IS NULL AND marketing_consent IS DISTINCT FROM 'withdrawn' AND email_bounced_at IS NULL`);
  return new Set(rows.map((row) => row.id));
}

/** Invitations still to send (or waiting for a retry) while the survey is open. */
function pending(workspaceId: string, surveyId: string) {
  return sql`
    SELECT count(*)::int AS n FROM survey_invitation q
    JOIN survey s ON s.workspace_id = q.workspace_id AND s.id = q.survey_id AND s.status = 'open' AND s.deleted_at IS NULL
    WHERE q.workspace_id = ${workspaceId} AND q.survey_id = ${surveyId} AND q.status IN ('queued', 'sending')`;
}

async function loadSurvey(db: Database, workspaceId: string, surveyId: string): Promise<SurveyMail | null> {
  const { rows } = await db.execute<{
    name: string;
    title: Record<string, string | undefined>;
    template_id: string | null;
    versions: SurveyMail['versions'];
    workspace: string;
  }>(sql`
    SELECT s.name, s.title, s.template_id, t.versions, w.name AS workspace
    FROM survey s
    JOIN workspace w ON w.id = s.workspace_id
    LEFT JOIN mail_template t ON t.workspace_id = s.workspace_id AND t.id = s.template_id AND t.deleted_at IS NULL
    WHERE s.workspace_id = ${workspaceId} AND s.id = ${surveyId} AND s.deleted_at IS NULL`);
  const row = rows[0];
  if (!row) return null;
  return { name: row.name, title: row.title, templateId: row.template_id, versions: row.versions, workspace: row.workspace };
}

/**
 * Sends a survey's queued invitations, each with the contact's personal link: with the survey's
 * template (its `{{survey_link}}`), or without one a plain built-in invitation in the contact's
 * language. Safe to run again and side by side: an invitation is sent at most once; a temporary
 * SMTP failure is retried after a wait, a refusal (5xx) or too many failures leave it 'failed'.
 */
export function surveyInviteJob(db: Database, mail: MailSettings | undefined, publicUrl: string): JobHandler {
  return async (data, stopping) => {
    const workspaceId = String(data.workspaceId);
    const surveyId = String(data.surveyId);
    if (!mail) return;
    const survey = await loadSurvey(db, workspaceId, surveyId);
    if (!survey) return;
    const compiled = new Map<TLocale, CompiledTemplate>();
    const templateIn = async (language: TLocale): Promise<CompiledTemplate | null> => {
      if (!survey.versions) return null;
      const versions = survey.versions as Partial<Record<TLocale, { subject: string; mjml: string }>>;
      const chosen = languageFor(versions, language);
      let template = compiled.get(chosen);
      if (!template) {
        const version = versions[chosen];
        if (!version) return null;
        template = (await compileTemplate(version)).compiled;
        compiled.set(chosen, template);
      }
      return template;
    };
    const sender = openMarketingSender(mail);
    try {
      while (true) {
        const { rows } = await db.execute<Claimed>(claim(workspaceId, surveyId));
        if (rows.length === 0) {
          const { rows: left } = await db.execute<{ n: number }>(pending(workspaceId, surveyId));
          if ((left[0]?.n ?? 0) === 0 || stopping()) return;
          // Invitations wait for a retry, or are being sent by another process: look again shortly.
          await new Promise((resolve) => setTimeout(resolve, SECOND));
          continue;
        }
        const reachable = await stillReachable(
          db,
          workspaceId,
          rows.map((row) => row.contact_id),
        );
        const fields = await mergeFieldsOf(
          db,
          workspaceId,
          rows.map((row) => row.contact_id),
        );
        for (const row of rows) {
          const recipient = fields.get(row.contact_id);
          const email = row.email ?? recipient?.email ?? null;
          // An erased person's address is never mailed again, even typed in anew on another contact.
          if (!email || !recipient || !reachable.has(row.contact_id) || (await isSuppressed(db, workspaceId, email))) {
            await db.execute(settle(workspaceId, surveyId, row, 'skipped_no_email'));
            continue;
          }
          const link = surveyUrl(publicUrl, row.token);
          const title = inLanguage(survey.title, row.language);
          const template = await templateIn(row.language);
          const message = template
            ? personalise(template, { ...recipient.fields, survey_link: link, survey_title: title })
            : builtInInvitation(row.language, {
                firstName: String(recipient.fields.first_name ?? ''),
                title,
                link,
                workspace: survey.workspace,
              });
          const status = await deliver(sender, { name: recipient.name, address: email }, message, row.attempts);
          await db.execute(settle(workspaceId, surveyId, row, status));
        }
        if (stopping()) return;
      }
    } finally {
      sender.close();
    }
  };
}

async function deliver(
  sender: MarketingSender,
  to: { name: string; address: string },
  message: { subject: string; html: string; text: string },
  attempts: number,
): Promise<'sent' | 'queued' | 'failed'> {
  try {
    await sender.send({ to, ...message });
    return 'sent';
  } catch (error) {
    if (isPermanentFailure(error) || attempts > RETRY_DELAYS_MS.length) return 'failed';
    return 'queued';
  }
}
