import { surveyLanguages, type TSurveyLink, type TSurveySendInput, type TSurveySendResult } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { contacts } from '../contacts/index.ts';
import type { JobQueue } from '../jobs/jobs.ts';
import { type AudienceTarget, audienceWhere } from './audience.ts';
import { SURVEY_INVITE_JOB } from './invite-job.ts';
import { findSurvey, type SurveyRow, surveyUrl } from './survey-rows.ts';
import { surveyPolicy } from './surveys.policy.ts';
import { surveyInvitations, surveys } from './surveys.table.ts';

/** A survey to invite people to: a draft opens now, a closed one refuses (409). */
async function openForInvitations(ctx: Ctx, tx: Executor, id: string): Promise<SurveyRow> {
  const survey = await findSurvey(ctx, tx, id, true);
  if (survey.status === 'closed') throw new AppError('invalid_transition', 'The survey is closed: open it again to invite people');
  if (survey.questions.length === 0) {
    throw new AppError('validation_failed', 'A survey needs questions', {
      errors: [{ path: 'questions', message: 'Add at least one question' }],
    });
  }
  if (survey.status === 'draft') {
    await tx
      .update(surveys)
      .set({ status: 'open', updatedAt: sql`now()` })
      .where(and(eq(surveys.workspaceId, survey.workspaceId), eq(surveys.id, id)));
  }
  return survey;
}

/**
 * The language a contact is asked in: their own, else their owner's, when the survey speaks it;
 * else the survey's first language.
 */
function languageSql(survey: SurveyRow): ReturnType<typeof sql> {
  const languages = surveyLanguages(survey.title);
  const offered = sql`ARRAY[${sql.join(
    languages.map((l) => sql`${l}`),
    sql`, `,
  )}]::text[]`;
  return sql`CASE WHEN ${contacts.language} = ANY(${offered}) THEN ${contacts.language}
    WHEN owner.locale = ANY(${offered}) THEN owner.locale ELSE ${languages[0] ?? 'en'} END`;
}

/** Contacts who said no to marketing mail or whose address bounces are not invited. */
const reachable = sql`(${contacts.marketingConsent} IS DISTINCT FROM 'withdrawn' AND ${contacts.emailBouncedAt} IS NULL)`;

/**
 * Invites the live contacts of a view, a list or a choice that the actor may read, in one statement
 * (those invited before keep their invitation), then queues the job that e-mails them.
 */
export async function sendSurvey(ctx: Ctx, id: string, input: TSurveySendInput, jobs: JobQueue | undefined): Promise<TSurveySendResult> {
  await surveyPolicy.authorize(ctx.actor, 'manage');
  const where = await audienceWhere(ctx, input as AudienceTarget);
  const result = await ctx.db.transaction(async (tx) => {
    const survey = await openForInvitations(ctx, tx, id);
    const { rows } = await tx.execute<{ reached: number; skipped: number; invited: number }>(sql`
      WITH audience AS (
        SELECT ${contacts.id} AS contact_id, ${languageSql(survey)} AS language,
          nullif(btrim(${contacts.emails} -> 0 ->> 'value'), '') AS email, ${reachable} AS reachable
        FROM ${contacts}
        LEFT JOIN app_user owner ON owner.workspace_id = ${contacts.workspaceId} AND owner.id = ${contacts.ownerId}
        WHERE ${where}
      ), invited AS (
        INSERT INTO ${surveyInvitations} (workspace_id, survey_id, contact_id, language, email)
        SELECT ${ctx.actor.workspaceId}, ${id}, contact_id, language, email FROM audience WHERE reachable
        ON CONFLICT DO NOTHING
        RETURNING 1
      )
      SELECT count(*) FILTER (WHERE reachable)::int AS reached, count(*) FILTER (WHERE NOT reachable)::int AS skipped,
        (SELECT count(*)::int FROM invited) AS invited
      FROM audience`);
    const counts = rows[0] ?? { reached: 0, skipped: 0, invited: 0 };
    return { invited: counts.invited, alreadyInvited: counts.reached - counts.invited, skipped: counts.skipped };
  });
  if (result.invited > 0) await jobs?.send(SURVEY_INVITE_JOB, { workspaceId: ctx.actor.workspaceId, surveyId: id }, id);
  return result;
}

/**
 * One contact's personal link, made (or found) without e-mailing it: the invitation counts as sent
 * by hand, so the job leaves it alone.
 */
export async function surveyLink(ctx: Ctx, id: string, contactId: string, publicUrl: string): Promise<TSurveyLink> {
  await surveyPolicy.authorize(ctx.actor, 'manage');
  const where = await audienceWhere(ctx, { contactIds: [contactId] });
  return ctx.db.transaction(async (tx) => {
    const survey = await openForInvitations(ctx, tx, id);
    const [readable] = await tx.select({ id: contacts.id }).from(contacts).where(where);
    if (!readable) throw notFound('contact');
    await tx.execute(sql`
      INSERT INTO ${surveyInvitations} (workspace_id, survey_id, contact_id, language, email, status)
      SELECT ${ctx.actor.workspaceId}, ${id}, ${contacts.id}, ${languageSql(survey)},
        nullif(btrim(${contacts.emails} -> 0 ->> 'value'), ''), 'sent'
      FROM ${contacts}
      LEFT JOIN app_user owner ON owner.workspace_id = ${contacts.workspaceId} AND owner.id = ${contacts.ownerId}
      WHERE ${where}
      ON CONFLICT DO NOTHING`);
    const [invitation] = await tx
      .select({ token: surveyInvitations.token, language: surveyInvitations.language })
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.workspaceId, ctx.actor.workspaceId),
          eq(surveyInvitations.surveyId, id),
          eq(surveyInvitations.contactId, contactId),
        ),
      );
    if (!invitation) throw notFound('contact');
    return { token: invitation.token, language: invitation.language, url: surveyUrl(publicUrl, invitation.token) };
  });
}
