import type { TAskCommunityQuestionInput } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { PortalActor } from '../portal/portal-session.ts';
import { communityAnswers, communityQuestions } from './community.table.ts';
import { findQuestion, type Reader } from './question-read.ts';

/** Posts a customer may write in an hour, per kind: enough to take part, too few to flood. */
export const QUESTIONS_PER_HOUR = 10;
export const ANSWERS_PER_HOUR = 30;

/** Who writes: a customer (with their contact and first company) or a member of staff. */
export type Writer = { workspaceId: string } & ({ portal: PortalActor; userId?: undefined } | { portal?: undefined; userId: string });

const readerOf = (writer: Writer): Reader => ({
  workspaceId: writer.workspaceId,
  portalUserId: writer.portal?.portalUserId ?? null,
  staff: writer.portal === undefined,
});

const authorValues = (writer: Writer) =>
  writer.portal
    ? {
        authorPortalUserId: writer.portal.portalUserId,
        contactId: writer.portal.contactId,
        companyId: writer.portal.companyIds[0] ?? null,
      }
    : { authorUserId: writer.userId };

/**
 * Refuses a customer's post past the hourly limit (429 `too_many_posts`). The portal user's row is
 * locked first so that two posts sent at once are counted one after the other.
 */
async function checkRate(tx: Executor, portal: PortalActor, table: 'community_question' | 'community_answer', max: number) {
  await tx.execute(sql`SELECT 1 FROM portal_user WHERE workspace_id = ${portal.workspaceId} AND id = ${portal.portalUserId} FOR UPDATE`);
  const { rows } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}
    WHERE workspace_id = ${portal.workspaceId} AND author_portal_user_id = ${portal.portalUserId}
      AND created_at > now() - interval '1 hour'`);
  if ((rows[0]?.n ?? 0) >= max)
    throw new AppError('too_many_posts', 'You have written many posts in the last hour; please try again later', {
      headers: { 'retry-after': '3600' },
    });
}

/** A customer asks a question: it shows at once and waits in the moderation queue. */
export async function askQuestion(db: Database, portal: PortalActor, input: TAskCommunityQuestionInput): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await checkRate(tx, portal, 'community_question', QUESTIONS_PER_HOUR);
    const [row] = await tx
      .insert(communityQuestions)
      .values({
        workspaceId: portal.workspaceId,
        title: input.title,
        body: input.body || null,
        ...authorValues({ workspaceId: portal.workspaceId, portal }),
      })
      .returning({ id: communityQuestions.id });
    if (!row) throw new Error('community_question insert returned nothing');
    return row;
  });
}

/** Counts the answers customers see. */
async function recount(tx: Executor, workspaceId: string, questionId: string) {
  await tx.execute(sql`UPDATE community_question q SET answer_count =
      (SELECT count(*) FROM community_answer a WHERE a.workspace_id = q.workspace_id AND a.question_id = q.id AND NOT a.hidden),
      updated_at = now()
    WHERE q.workspace_id = ${workspaceId} AND q.id = ${questionId}`);
}

/** Answers a question (any customer of the workspace, or staff); returns the answer and whom to tell. */
export async function answerQuestion(db: Database, writer: Writer, questionId: string, body: string) {
  return db.transaction(async (tx) => {
    const question = await findQuestion(tx, readerOf(writer), questionId, true);
    if (writer.portal) await checkRate(tx, writer.portal, 'community_answer', ANSWERS_PER_HOUR);
    const [row] = await tx
      .insert(communityAnswers)
      .values({ workspaceId: writer.workspaceId, questionId, body, ...authorValues(writer) })
      .returning({ id: communityAnswers.id });
    if (!row) throw new Error('community_answer insert returned nothing');
    await recount(tx, writer.workspaceId, questionId);
    const askerToTell =
      question.author_portal_user_id && question.author_portal_user_id !== writer.portal?.portalUserId
        ? question.author_portal_user_id
        : null;
    return { id: row.id, askerToTell };
  });
}

/** Marks one answer as accepted (the asker, or staff); accepting another replaces it. */
export async function acceptAnswer(db: Database, writer: Writer, questionId: string, answerId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const reader = readerOf(writer);
    const question = await findQuestion(tx, reader, questionId, true);
    if (writer.portal && question.author_portal_user_id !== writer.portal.portalUserId)
      throw forbidden('Only the person who asked may accept an answer');
    const { rows } = await tx.execute<{ id: string }>(sql`SELECT id FROM community_answer
      WHERE workspace_id = ${writer.workspaceId} AND question_id = ${questionId} AND id = ${answerId} AND NOT hidden`);
    if (!rows[0])
      throw new AppError('validation_failed', 'No such answer to this question', {
        errors: [{ path: 'answerId', message: 'No such answer to this question' }],
      });
    await tx.execute(sql`UPDATE community_question SET accepted_answer_id = ${answerId}, updated_at = now()
      WHERE workspace_id = ${writer.workspaceId} AND id = ${questionId}`);
  });
}

/** Staff review a question: hidden or shown, and out of the moderation queue. */
export async function reviewQuestion(db: Database, workspaceId: string, userId: string, id: string, hidden: boolean): Promise<void> {
  const { rows } = await db.execute<{ id: string }>(sql`UPDATE community_question
    SET hidden = ${hidden}, reviewed_at = now(), reviewed_by_id = ${userId}, updated_at = now()
    WHERE workspace_id = ${workspaceId} AND id = ${id} RETURNING id`);
  if (!rows[0]) throw notFound('question');
}

/** Staff review an answer; a hidden answer is no longer the accepted one, nor counted. */
export async function reviewAnswer(db: Database, workspaceId: string, userId: string, id: string, hidden: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ question_id: string }>(sql`UPDATE community_answer
      SET hidden = ${hidden}, reviewed_at = now(), reviewed_by_id = ${userId}
      WHERE workspace_id = ${workspaceId} AND id = ${id} RETURNING question_id`);
    const answer = rows[0];
    if (!answer) throw notFound('answer');
    if (hidden)
      await tx.execute(sql`UPDATE community_question SET accepted_answer_id = NULL
        WHERE workspace_id = ${workspaceId} AND id = ${answer.question_id} AND accepted_answer_id = ${id}`);
    await recount(tx, workspaceId, answer.question_id);
  });
}
