import { surveyLanguages, type TLocalisedText, type TSurvey, type TSurveyListItem } from '@clientela/contract';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { campaigns } from '../campaigns/campaigns.table.ts';
import { mailTemplates } from '../mailings/mailings.table.ts';
import { users } from '../users/index.ts';
import { surveyInvitations, surveyResponses, surveys } from './surveys.table.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type Language = 'en' | 'ru' | 'it';

export const invalid = (detail: string, errors: FieldError[]) => new AppError('validation_failed', detail, { errors });

/** A live survey of the actor's workspace (locked for the transaction when asked); 404 otherwise. */
export async function findSurvey(ctx: Ctx, db: Executor, id: string, lock = false): Promise<SurveyRow> {
  const query = db
    .select()
    .from(surveys)
    .where(and(eq(surveys.workspaceId, ctx.actor.workspaceId), eq(surveys.id, id), isNull(surveys.deletedAt)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('survey');
  return row;
}

/** How many contacts were invited to each survey and how many answered. */
export const invitedCount = sql<number>`(SELECT count(*)::int FROM ${surveyInvitations} i
  WHERE i.workspace_id = ${surveys.workspaceId} AND i.survey_id = ${surveys.id})`;
export const answeredCount = sql<number>`(SELECT count(*)::int FROM ${surveyInvitations} i
  WHERE i.workspace_id = ${surveys.workspaceId} AND i.survey_id = ${surveys.id} AND i.answered_at IS NOT NULL)`;

/**
 * The NPS score of a survey's answers (as results.ts counts it: % promoters − % detractors, one decimal
 * rounded half away from zero), null without an NPS answer.
 */
export const npsScore = sql<number | null>`(SELECT round(100.0 * (count(*) FILTER (WHERE r.nps >= 9) - count(*) FILTER (WHERE r.nps <= 6))
    / nullif(count(r.nps), 0), 1)::float8
  FROM ${surveyResponses} r WHERE r.workspace_id = ${surveys.workspaceId} AND r.survey_id = ${surveys.id})`;

/** A survey as the API shows it, with its owner, template, campaign and counts. */
export function presentSurveys(ctx: Ctx, db: Executor, where: SQL | undefined) {
  return db
    .select({
      survey: surveys,
      ownerName: users.name,
      templateName: mailTemplates.name,
      campaignName: campaigns.name,
      invited: invitedCount,
      answered: answeredCount,
      nps: npsScore,
      cursorKey: sql<string>`${surveys.createdAt}::text`,
    })
    .from(surveys)
    .leftJoin(users, and(eq(users.workspaceId, surveys.workspaceId), eq(users.id, surveys.ownerId)))
    .leftJoin(mailTemplates, and(eq(mailTemplates.workspaceId, surveys.workspaceId), eq(mailTemplates.id, surveys.templateId)))
    .leftJoin(campaigns, and(eq(campaigns.workspaceId, surveys.workspaceId), eq(campaigns.id, surveys.campaignId)))
    .where(and(eq(surveys.workspaceId, ctx.actor.workspaceId), isNull(surveys.deletedAt), where));
}

type Presented = Awaited<ReturnType<typeof presentSurveys>>[number];

export function toListItem(row: Presented): TSurveyListItem {
  const { survey } = row;
  return {
    id: survey.id,
    name: survey.name,
    status: survey.status,
    title: survey.title,
    languages: surveyLanguages(survey.title),
    template: survey.templateId && row.templateName !== null ? { id: survey.templateId, name: row.templateName } : null,
    campaign: survey.campaignId && row.campaignName !== null ? { id: survey.campaignId, name: row.campaignName } : null,
    owner: { id: survey.ownerId, name: row.ownerName ?? '' },
    invited: row.invited,
    answered: row.answered,
    nps: row.nps,
    createdAt: survey.createdAt.toISOString(),
    updatedAt: survey.updatedAt.toISOString(),
  };
}

export function toSurvey(row: Presented): TSurvey {
  return { ...toListItem(row), intro: row.survey.intro, thanks: row.survey.thanks, questions: row.survey.questions };
}

/** A text in one language: the one asked for, else the first one written. */
export function inLanguage(text: TLocalisedText, language: Language): string {
  return text[language] || text.en || text.ru || text.it || '';
}

/** The public address of an invitation. */
export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/s/${token}`;
}
