import {
  surveyQuestionProblems,
  type TSurvey,
  type TSurveyInput,
  type TSurveyList,
  type TSurveyListQuery,
  type TSurveyStatus,
  type TUpdateSurveyInput,
  ZSurveyInput,
  ZSurveyListQuery,
  ZUpdateSurveyInput,
} from '@clientela/contract';
import { and, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, type Keyset, orderBy, pageOf } from '../../lib/pagination.ts';
import { campaigns } from '../campaigns/campaigns.table.ts';
import { mailTemplates } from '../mailings/mailings.table.ts';
import { escapeLike } from '../users/index.ts';
import { findSurvey, invalid, presentSurveys, toListItem, toSurvey } from './survey-rows.ts';
import { surveyPolicy } from './surveys.policy.ts';
import { surveyInvitations, surveys } from './surveys.table.ts';

const NEWEST: Keyset = { name: 'createdAt', field: { column: surveys.createdAt, cast: 'timestamptz' }, direction: 'desc' };

/** Surveys newest first, optionally of one status or matching a name. */
export async function listSurveys(ctx: Ctx, raw: TSurveyListQuery): Promise<TSurveyList> {
  await surveyPolicy.authorize(ctx.actor, 'read');
  const query = ZSurveyListQuery.parse(raw);
  const status = query['filter[status]'];
  const matching = and(
    status ? eq(surveys.status, status) : undefined,
    query.q ? ilike(surveys.name, `%${escapeLike(query.q)}%`) : undefined,
  );
  const page = await presentSurveys(ctx, ctx.db, and(matching, afterCursor(NEWEST, surveys.id, query.cursor)))
    .orderBy(...orderBy(NEWEST, surveys.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(surveys)
    .where(and(eq(surveys.workspaceId, ctx.actor.workspaceId), isNull(surveys.deletedAt), matching));
  const { page: rows, nextCursor } = pageOf(
    page.map((row) => ({ ...row, id: row.survey.id })),
    query.limit,
    NEWEST,
  );
  return { data: rows.map(toListItem), nextCursor, total: counted?.total ?? 0 };
}

/** One survey with its questions and counts. */
export async function getSurvey(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TSurvey> {
  await surveyPolicy.authorize(ctx.actor, 'read');
  const [row] = await presentSurveys(ctx, db, eq(surveys.id, id));
  if (!row) throw notFound('survey');
  return toSurvey(row);
}

/** The template (of purpose `survey`) and the campaign a survey names must be live records of the workspace. */
async function checkReferences(ctx: Ctx, db: Executor, input: { templateId?: string | null; campaignId?: string | null }) {
  const errors = [];
  if (input.templateId) {
    const [template] = await db
      .select({ purpose: mailTemplates.purpose })
      .from(mailTemplates)
      .where(
        and(eq(mailTemplates.workspaceId, ctx.actor.workspaceId), eq(mailTemplates.id, input.templateId), isNull(mailTemplates.deletedAt)),
      );
    if (!template) errors.push({ path: 'templateId', message: 'No such template' });
    else if (template.purpose !== 'survey') errors.push({ path: 'templateId', message: 'Choose a template made for surveys' });
  }
  if (input.campaignId) {
    const [campaign] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, ctx.actor.workspaceId), eq(campaigns.id, input.campaignId), isNull(campaigns.deletedAt)));
    if (!campaign) errors.push({ path: 'campaignId', message: 'No such campaign' });
  }
  if (errors.length > 0) throw invalid('The survey names records that do not exist', errors);
}

/** Creates a draft survey owned by the actor. */
export async function createSurvey(ctx: Ctx, raw: TSurveyInput): Promise<string> {
  await surveyPolicy.authorize(ctx.actor, 'manage');
  const input = ZSurveyInput.parse(raw);
  await checkReferences(ctx, ctx.db, input);
  const [row] = await ctx.db
    .insert(surveys)
    .values({
      workspaceId: ctx.actor.workspaceId,
      name: input.name,
      title: input.title,
      intro: input.intro ?? null,
      thanks: input.thanks ?? null,
      questions: input.questions,
      templateId: input.templateId ?? null,
      campaignId: input.campaignId ?? null,
      ownerId: ctx.actor.userId,
    })
    .returning({ id: surveys.id });
  if (!row) throw new Error('survey insert returned nothing');
  return row.id;
}

/**
 * Changes a survey. Its questions change only while it is a draft or nobody has answered it
 * (409 `survey_answered`), since answers are kept by question id.
 */
export async function updateSurvey(ctx: Ctx, id: string, raw: TUpdateSurveyInput): Promise<void> {
  await surveyPolicy.authorize(ctx.actor, 'manage');
  const input = ZUpdateSurveyInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const row = await findSurvey(ctx, tx, id, true);
    if (input.questions !== undefined && row.status !== 'draft') {
      const [answered] = await tx
        .select({ id: surveyInvitations.contactId })
        .from(surveyInvitations)
        .where(
          and(
            eq(surveyInvitations.workspaceId, row.workspaceId),
            eq(surveyInvitations.surveyId, id),
            sql`${surveyInvitations.answeredAt} IS NOT NULL`,
          ),
        )
        .limit(1);
      if (answered) throw new AppError('survey_answered', 'The survey has answers: its questions can no longer change');
    }
    const title = input.title ?? row.title;
    const questions = input.questions ?? row.questions;
    if (input.title !== undefined || input.questions !== undefined) {
      const problems = surveyQuestionProblems(title, questions);
      if (problems.length > 0) throw invalid('Some questions are not complete', problems);
    }
    await checkReferences(ctx, tx, input);
    await tx
      .update(surveys)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.intro !== undefined ? { intro: input.intro } : {}),
        ...(input.thanks !== undefined ? { thanks: input.thanks } : {}),
        ...(input.questions !== undefined ? { questions: input.questions } : {}),
        ...(input.templateId !== undefined ? { templateId: input.templateId } : {}),
        ...(input.campaignId !== undefined ? { campaignId: input.campaignId } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(surveys.workspaceId, row.workspaceId), eq(surveys.id, id)));
  });
}

/** Moves a survey to the bin: it disappears from lists and its links stop working. */
export async function deleteSurvey(ctx: Ctx, id: string): Promise<void> {
  await surveyPolicy.authorize(ctx.actor, 'manage');
  await ctx.db.transaction(async (tx) => {
    const row = await findSurvey(ctx, tx, id, true);
    await tx
      .update(surveys)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(surveys.workspaceId, row.workspaceId), eq(surveys.id, id)));
  });
}

const NEXT: Record<'open' | 'close', { from: TSurveyStatus[]; to: TSurveyStatus }> = {
  open: { from: ['draft', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
};

/** Opens a survey to answers (a closed one again too) or closes it; 409 `invalid_transition` otherwise. */
export async function moveSurvey(ctx: Ctx, id: string, action: 'open' | 'close'): Promise<void> {
  await surveyPolicy.authorize(ctx.actor, 'manage');
  await ctx.db.transaction(async (tx) => {
    const row = await findSurvey(ctx, tx, id, true);
    const move = NEXT[action];
    if (!move.from.includes(row.status)) throw new AppError('invalid_transition', `A ${row.status} survey cannot be ${action}ed`);
    if (move.to === 'open' && row.questions.length === 0) {
      throw invalid('A survey needs questions', [{ path: 'questions', message: 'Add at least one question' }]);
    }
    await tx
      .update(surveys)
      .set({ status: move.to, updatedAt: sql`now()` })
      .where(and(eq(surveys.workspaceId, row.workspaceId), eq(surveys.id, id)));
  });
}
