import type { TKbLanguage, TPromoteCommunityQuestionInput, TPromoteCommunityQuestionResult } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { createKbArticle } from '../kb/index.ts';
import { communityPolicy } from './community.policy.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Plain text as HTML paragraphs, one per blank-line-separated block. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replaceAll('\n', '<br>')}</p>`)
    .join('');

/**
 * Turns a question and its accepted answer into a public, published knowledge-base article
 * (written through the knowledge base's own create, so versions, search words and sanitising
 * are its own) and links the question to it. 409 `no_accepted_answer` or `already_promoted`.
 */
export async function promoteQuestion(
  ctx: Ctx,
  id: string,
  input: TPromoteCommunityQuestionInput,
): Promise<TPromoteCommunityQuestionResult> {
  await communityPolicy.authorize(ctx.actor, 'promote');
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      title: string;
      body: string | null;
      article_id: string | null;
      answer: string | null;
      language: TKbLanguage | null;
    }>(sql`SELECT q.title, q.body, q.article_id, a.body AS answer, pu.language
        FROM community_question q
        LEFT JOIN community_answer a ON a.workspace_id = q.workspace_id AND a.id = q.accepted_answer_id AND NOT a.hidden
        LEFT JOIN portal_user pu ON pu.workspace_id = q.workspace_id AND pu.id = q.author_portal_user_id
       WHERE q.workspace_id = ${workspaceId} AND q.id = ${id}
       FOR UPDATE OF q`);
    const question = rows[0];
    if (!question) throw notFound('question');
    if (question.article_id) throw new AppError('already_promoted', 'The question is already an article');
    if (!question.answer) throw new AppError('no_accepted_answer', 'Accept an answer before promoting the question');
    // The article is written inside this transaction (as a savepoint), so the link and the article land together.
    const article = await createKbArticle(
      { db: tx as unknown as Database, actor: ctx.actor },
      {
        title: input.title ?? question.title,
        body: `${question.body ? paragraphs(question.body) : ''}${paragraphs(question.answer)}`,
        answer: question.answer.slice(0, 20_000),
        categoryId: input.categoryId ?? null,
        language: input.language ?? question.language ?? 'en',
        audience: 'public',
        status: 'published',
      },
    );
    await tx.execute(sql`UPDATE community_question SET article_id = ${article.id}, updated_at = now()
      WHERE workspace_id = ${workspaceId} AND id = ${id}`);
    return { articleId: article.id, title: article.title, status: article.status };
  });
}
