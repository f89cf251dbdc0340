import type { TKbLanguage, ZKbDraftFromCase } from '@clientela/contract';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { casePolicy } from '../cases/cases.policy.ts';
import { caseMessages, supportCases } from '../cases/cases.table.ts';
import { users } from '../users/index.ts';
import { paragraphsOf, plainTextOf, sanitiseArticleHtml } from './rich-text.ts';

/** A case of the workspace the actor may read, or null. */
async function readableCase(ctx: Ctx, db: Executor, caseId: string) {
  const [found] = await db
    .select({
      id: supportCases.id,
      number: supportCases.number,
      subject: supportCases.subject,
      resolution: supportCases.resolution,
      ownerId: supportCases.ownerId,
      unitId: supportCases.unitId,
    })
    .from(supportCases)
    .where(and(eq(supportCases.workspaceId, ctx.actor.workspaceId), eq(supportCases.id, caseId), isNull(supportCases.deletedAt)));
  if (!found || !(await casePolicy.can(ctx.actor, 'read', { ownerId: found.ownerId, unitId: found.unitId }))) return null;
  return found;
}

/** An article's source case must be a case of the workspace the actor may read: 400 naming `sourceCaseId` otherwise. */
export async function checkSourceCase(ctx: Ctx, db: Executor, caseId: string): Promise<void> {
  if (!(await readableCase(ctx, db, caseId)))
    throw new AppError('validation_failed', 'No such case', { errors: [{ path: 'sourceCaseId', message: 'No such case' }] });
}

/** Replies may be rich text or plain: either way they are offered as safe HTML and as text. */
function asHtml(text: string): string {
  return /<\/?(p|br|div|span|strong|em|b|i|u|s|ul|ol|li|a|h[1-6]|blockquote|code|pre|table)\b[^>]*>/i.test(text)
    ? sanitiseArticleHtml(text)
    : paragraphsOf(text);
}

/**
 * What a resolved case offers as a new article: its subject as the title, its resolution and the
 * last reply to the customer as the body, the reply (or the resolution) as the answer, in the
 * actor's language. 404 for a case the actor may not read.
 */
export async function draftFromCase(ctx: Ctx, caseId: string): Promise<z.infer<typeof ZKbDraftFromCase>> {
  const found = await readableCase(ctx, ctx.db, caseId);
  if (!found) throw notFound('case');
  const [[reply], [me]] = await Promise.all([
    ctx.db
      .select({ body: caseMessages.body })
      .from(caseMessages)
      .where(and(eq(caseMessages.workspaceId, ctx.actor.workspaceId), eq(caseMessages.caseId, caseId), eq(caseMessages.kind, 'reply')))
      .orderBy(desc(caseMessages.createdAt))
      .limit(1),
    ctx.db
      .select({ locale: users.locale })
      .from(users)
      .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId))),
  ]);
  const parts = [found.resolution?.trim() ? asHtml(found.resolution) : '', reply ? asHtml(reply.body) : ''].filter(Boolean);
  const answerSource = reply ? asHtml(reply.body) : found.resolution ? asHtml(found.resolution) : '';
  return {
    title: found.subject,
    body: parts.join(''),
    answer: plainTextOf(answerSource),
    language: (me?.locale ?? 'en') as TKbLanguage,
    sourceCaseId: found.id,
  };
}

/** The number of an article's source case, to name it. */
export async function caseNumber(db: Executor, workspaceId: string, caseId: string | null): Promise<{ id: string; number: string } | null> {
  if (!caseId) return null;
  const [found] = await db
    .select({ id: supportCases.id, number: supportCases.number })
    .from(supportCases)
    .where(and(eq(supportCases.workspaceId, workspaceId), eq(supportCases.id, caseId)));
  return found ?? null;
}
