import {
  type TCsatSummary,
  type TNpsSummary,
  type TSurveyQuestionResult,
  type TSurveyResults,
  type TSurveyResultsQuery,
  type TSurveyTextAnswerList,
  type TSurveyTextAnswersQuery,
  ZSurveyTextAnswersQuery,
} from '@clientela/contract';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, type Keyset, orderBy, pageOf } from '../../lib/pagination.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { audienceWhere } from './audience.ts';
import { findSurvey } from './survey-rows.ts';
import { surveyPolicy } from './surveys.policy.ts';
import { surveyInvitations, surveyResponses } from './surveys.table.ts';

const TEXTS_FIRST_PAGE = 20;
const NEWEST: Keyset = { name: 'submittedAt', field: { column: surveyResponses.submittedAt, cast: 'timestamptz' }, direction: 'desc' };

/** Rounds to one decimal, as results show percentages; halves away from zero, so −x is the negation of x. */
const oneDecimal = (value: number) => (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : oneDecimal((100 * part) / whole));

/** A condition keeping the contacts of a segment (view or list), or none without one. */
async function segmentOf(ctx: Ctx, query: { viewId?: string | undefined; listId?: string | undefined }) {
  const parts: SQL[] = [];
  if (query.viewId) parts.push(await audienceWhere(ctx, { viewId: query.viewId }));
  if (query.listId) parts.push(await audienceWhere(ctx, { listId: query.listId }));
  if (parts.length === 0) return (_column: SQL | typeof surveyInvitations.contactId) => sql`true`;
  const where = and(...parts);
  return (column: SQL | typeof surveyInvitations.contactId) => sql`${column} IN (SELECT ${contacts.id} FROM ${contacts} WHERE ${where})`;
}

/** NPS of counts of scores 0–10: promoters 9–10, passives 7–8, detractors 0–6, score = %promoters − %detractors. */
export function npsOf(counts: Map<number, number>): TNpsSummary | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [score, n] of counts) {
    if (score >= 9) promoters += n;
    else if (score >= 7) passives += n;
    else detractors += n;
  }
  const total = promoters + passives + detractors;
  if (total === 0) return null;
  return { score: oneDecimal((100 * (promoters - detractors)) / total), promoters, passives, detractors, total };
}

/** CSAT of counts of ratings 1–5: the share of 4 and 5 in percent and the average (two decimals). */
export function csatOf(counts: Map<number, number>): TCsatSummary | null {
  let total = 0;
  let satisfied = 0;
  let sum = 0;
  for (const [rating, n] of counts) {
    total += n;
    sum += rating * n;
    if (rating >= 4) satisfied += n;
  }
  if (total === 0) return null;
  return { share: percent(satisfied, total), average: Math.round((100 * sum) / total) / 100, total };
}

/** A survey's figures: invited, answered, NPS, CSAT and each question's answers, for all or for a segment. */
export async function surveyResults(ctx: Ctx, id: string, query: TSurveyResultsQuery): Promise<TSurveyResults> {
  await surveyPolicy.authorize(ctx.actor, 'read');
  const survey = await findSurvey(ctx, ctx.db, id);
  const inSegment = await segmentOf(ctx, query);
  const workspaceId = ctx.actor.workspaceId;
  const responses = and(
    eq(surveyResponses.workspaceId, workspaceId),
    eq(surveyResponses.surveyId, id),
    inSegment(sql`${surveyResponses.contactId}`),
  ) as SQL;
  const [invited] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.surveyId, id), inSegment(surveyInvitations.contactId)));
  const [answered] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(responses);
  // Every answer's values, arrays of choices counted per choice, with how many responses answer each question.
  const { rows: values } = await ctx.db.execute<{ key: string; value: string | null; n: number }>(sql`
    SELECT e.key, x.value, count(*)::int AS n
    FROM ${surveyResponses}
    CROSS JOIN LATERAL jsonb_each(${surveyResponses.answers}) e
    CROSS JOIN LATERAL (
      SELECT jsonb_array_elements_text(e.value) AS value WHERE jsonb_typeof(e.value) = 'array'
      UNION ALL SELECT e.value #>> '{}' WHERE jsonb_typeof(e.value) IN ('number', 'string')
      UNION ALL SELECT NULL
    ) x
    WHERE ${responses}
    GROUP BY e.key, x.value`);
  const counts = new Map<string, Map<string, number>>();
  const answeredBy = new Map<string, number>();
  for (const row of values) {
    if (row.value === null) answeredBy.set(row.key, row.n);
    else counts.set(row.key, (counts.get(row.key) ?? new Map()).set(row.value, row.n));
  }
  const numbers = (key: string) => new Map([...(counts.get(key) ?? new Map<string, number>())].map(([v, n]) => [Number(v), n]));
  const allRatings = new Map<number, number>();
  const questions: TSurveyQuestionResult[] = [];
  for (const q of survey.questions) {
    const seen = counts.get(q.id) ?? new Map<string, number>();
    const scale =
      q.type === 'nps'
        ? Array.from({ length: 11 }, (_, i) => String(i))
        : q.type === 'rating'
          ? ['1', '2', '3', '4', '5']
          : q.type === 'text'
            ? []
            : q.options.map((o) => o.id);
    const ratings = q.type === 'rating' ? numbers(q.id) : new Map<number, number>();
    for (const [rating, n] of ratings) allRatings.set(rating, (allRatings.get(rating) ?? 0) + n);
    const textKey = q.type === 'text' ? q.id : q.type === 'refusal' ? `${q.id}_text` : null;
    questions.push({
      id: q.id,
      type: q.type,
      text: q.text,
      answered: q.type === 'refusal' ? await answeredRefusal(ctx, responses, q.id) : (answeredBy.get(q.id) ?? 0),
      distribution: scale.map((value) => ({ value, count: seen.get(value) ?? 0 })),
      nps: q.type === 'nps' ? npsOf(numbers(q.id)) : null,
      csat: q.type === 'rating' ? csatOf(ratings) : null,
      texts: textKey ? await textPage(ctx, responses, textKey, { limit: TEXTS_FIRST_PAGE }) : null,
    });
  }
  const npsQuestion = survey.questions.find((q) => q.type === 'nps');
  return {
    invited: invited?.n ?? 0,
    answered: answered?.n ?? 0,
    responseRate: percent(answered?.n ?? 0, invited?.n ?? 0),
    nps: npsQuestion ? npsOf(numbers(npsQuestion.id)) : null,
    csat: csatOf(allRatings),
    questions,
  };
}

/** Responses that answer a refusal question with choices, its free text, or both. */
async function answeredRefusal(ctx: Ctx, responses: SQL, id: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(and(responses, sql`(${surveyResponses.answers} ? ${id} OR ${surveyResponses.answers} ? ${`${id}_text`})`));
  return row?.n ?? 0;
}

/** A page of one text answer's values, newest first, naming the contact when the actor may read them. */
async function textPage(
  ctx: Ctx,
  responses: SQL,
  key: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<TSurveyTextAnswerList> {
  const readable = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  const rows = await ctx.db
    .select({
      id: surveyResponses.id,
      text: sql<string>`${surveyResponses.answers} ->> ${key}`,
      submittedAt: surveyResponses.submittedAt,
      cursorKey: cursorKey(NEWEST),
      contactId: contacts.id,
      contactName: contacts.name,
      readable: sql<boolean>`coalesce(${readable} AND ${contacts.deletedAt} IS NULL, false)`,
    })
    .from(surveyResponses)
    .leftJoin(contacts, and(eq(contacts.workspaceId, surveyResponses.workspaceId), eq(contacts.id, surveyResponses.contactId)))
    .where(and(responses, sql`${surveyResponses.answers} ? ${key}`, afterCursor(NEWEST, surveyResponses.id, page.cursor)))
    .orderBy(...orderBy(NEWEST, surveyResponses.id))
    .limit(page.limit + 1);
  const { page: shown, nextCursor } = pageOf(rows, page.limit, NEWEST);
  return {
    data: shown.map((row) => ({
      contact: row.readable && row.contactId ? { id: row.contactId, name: row.contactName ?? '' } : null,
      text: row.text,
      submittedAt: row.submittedAt.toISOString(),
    })),
    nextCursor,
  };
}

/** More text answers of a question (a `text` one, or a `refusal` one's free text), newest first. */
export async function surveyTextAnswers(
  ctx: Ctx,
  id: string,
  questionId: string,
  raw: TSurveyTextAnswersQuery,
): Promise<TSurveyTextAnswerList> {
  await surveyPolicy.authorize(ctx.actor, 'read');
  const query = ZSurveyTextAnswersQuery.parse(raw);
  const survey = await findSurvey(ctx, ctx.db, id);
  const question = survey.questions.find((q) => q.id === questionId && (q.type === 'text' || q.type === 'refusal'));
  if (!question) throw notFound('question');
  const inSegment = await segmentOf(ctx, query);
  const responses = and(
    eq(surveyResponses.workspaceId, ctx.actor.workspaceId),
    eq(surveyResponses.surveyId, id),
    inSegment(sql`${surveyResponses.contactId}`),
  ) as SQL;
  return textPage(ctx, responses, question.type === 'text' ? question.id : `${question.id}_text`, query);
}
