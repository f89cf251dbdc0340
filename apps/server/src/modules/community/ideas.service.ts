import type {
  TIdea,
  TIdeaAuthor,
  TIdeaComment,
  TIdeaCommentInput,
  TIdeaDetail,
  TIdeaList,
  TIdeaListQuery,
  TIdeaModerationQueue,
  TIdeaReviewInput,
  TIdeaStatus,
  TIdeaSupporter,
  TUpdateIdeaInput,
} from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { readableCompanySql, readableContactSql } from '../activities/records.ts';
import type { IdeaAnswerMail } from './idea-mail.ts';
import { ideaPolicy } from './ideas.policy.ts';
import { allOf, cursorOf, ideaListParts, iso } from './ideas-list.ts';

/** How many posts the moderation queue shows at once, oldest first. */
const QUEUE_SIZE = 100;

type AuthorRow = {
  author_user_id: string | null;
  staff_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  company_id: string | null;
  company_name: string | null;
};

type IdeaRow = AuthorRow & {
  id: string;
  title: string;
  body: string | null;
  status: TIdeaStatus;
  answer: string | null;
  answered_at: Date | null;
  answered_by_id: string | null;
  answered_by_name: string | null;
  vote_count: number;
  comment_count: number;
  hidden: boolean;
  reviewed_at: Date | null;
  created_at: Date;
  created_key: string;
  updated_at: Date;
};

type CommentRow = AuthorRow & {
  id: string;
  idea_id: string;
  idea_title: string;
  body: string;
  hidden: boolean;
  reviewed_at: Date | null;
  created_at: Date;
};

/**
 * The author columns of a post under alias `p`: the member of staff, or the customer's contact
 * and company, named only when the reader may read them.
 */
async function authorColumns(ctx: Ctx, alias: string): Promise<{ columns: SQL; joins: SQL }> {
  const p = sql.raw(alias);
  const [contactReadable, companyReadable] = await Promise.all([
    readableContactSql(ctx, sql`${p}.contact_id`),
    readableCompanySql(ctx, sql`${p}.company_id`),
  ]);
  return {
    columns: sql`${p}.author_user_id, au.name AS staff_name, ${p}.contact_id, ${p}.company_id,
      CASE WHEN ${p}.contact_id IS NOT NULL AND ${contactReadable} THEN ac.name END AS contact_name,
      CASE WHEN ${p}.company_id IS NOT NULL AND ${companyReadable} THEN aco.name END AS company_name`,
    joins: sql`LEFT JOIN app_user au ON au.workspace_id = ${p}.workspace_id AND au.id = ${p}.author_user_id
      LEFT JOIN contact ac ON ac.workspace_id = ${p}.workspace_id AND ac.id = ${p}.contact_id
      LEFT JOIN company aco ON aco.workspace_id = ${p}.workspace_id AND aco.id = ${p}.company_id`,
  };
}

function presentAuthor(row: AuthorRow): TIdeaAuthor {
  if (row.author_user_id) {
    return { staff: { id: row.author_user_id, name: row.staff_name ?? '' }, contact: null, company: null, readable: true };
  }
  const contact = row.contact_id && row.contact_name !== null ? { id: row.contact_id, name: row.contact_name } : null;
  const company = row.company_id && row.company_name !== null ? { id: row.company_id, name: row.company_name } : null;
  return { staff: null, contact, company, readable: contact !== null || company !== null };
}

function presentIdea(row: IdeaRow): TIdea {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    answer: row.answer,
    answeredAt: iso(row.answered_at),
    answeredBy: row.answered_by_id ? { id: row.answered_by_id, name: row.answered_by_name ?? '' } : null,
    voteCount: row.vote_count,
    commentCount: row.comment_count,
    hidden: row.hidden,
    reviewedAt: iso(row.reviewed_at),
    author: presentAuthor(row),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}

function presentComment(row: CommentRow): TIdeaComment & { ideaTitle: string } {
  return {
    id: row.id,
    ideaId: row.idea_id,
    ideaTitle: row.idea_title,
    body: row.body,
    hidden: row.hidden,
    reviewedAt: iso(row.reviewed_at),
    author: presentAuthor(row),
    createdAt: iso(row.created_at) as string,
  };
}

async function selectIdeas(ctx: Ctx): Promise<SQL> {
  const author = await authorColumns(ctx, 'i');
  return sql`SELECT i.id, i.title, i.body, i.status, i.answer, i.answered_at, i.answered_by_id, ab.name AS answered_by_name,
      i.vote_count, i.comment_count, i.hidden, i.reviewed_at, i.created_at, i.created_at::text AS created_key, i.updated_at,
      ${author.columns}
    FROM idea i
    LEFT JOIN app_user ab ON ab.workspace_id = i.workspace_id AND ab.id = i.answered_by_id
    ${author.joins}`;
}

async function selectComments(ctx: Ctx): Promise<SQL> {
  const author = await authorColumns(ctx, 'm');
  return sql`SELECT m.id, m.idea_id, i.title AS idea_title, m.body, m.hidden, m.reviewed_at, m.created_at, ${author.columns}
    FROM idea_comment m
    JOIN idea i ON i.workspace_id = m.workspace_id AND i.id = m.idea_id
    ${author.joins}`;
}

/** Every idea of the workspace, hidden ones too, filtered and a page at a time. */
export async function listIdeas(ctx: Ctx, query: TIdeaListQuery): Promise<TIdeaList> {
  await ideaPolicy.authorize(ctx.actor, 'read');
  const { filters, after, order } = ideaListParts(query);
  if (query.hidden !== undefined) filters.push(query.hidden ? sql`i.hidden` : sql`NOT i.hidden`);
  if (query.unreviewed !== undefined) filters.push(query.unreviewed ? sql`i.reviewed_at IS NULL` : sql`i.reviewed_at IS NOT NULL`);
  const where = allOf([sql`i.workspace_id = ${ctx.actor.workspaceId}`, ...filters]);
  const [page, count] = await Promise.all([
    ctx.db.execute<IdeaRow>(sql`${await selectIdeas(ctx)} WHERE ${where} AND ${after} ORDER BY ${order} LIMIT ${query.limit + 1}`),
    ctx.db.execute<{ total: number }>(sql`SELECT count(*)::int AS total FROM idea i WHERE ${where}`),
  ]);
  const rows = page.rows.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    data: rows.map(presentIdea),
    nextCursor: page.rows.length > query.limit && last ? cursorOf(last, query.sort) : null,
    total: count.rows[0]?.total ?? 0,
  };
}

async function findIdea(ctx: Ctx, db: Executor, id: string): Promise<IdeaRow> {
  const { rows } = await db.execute<IdeaRow>(
    sql`${await selectIdeas(ctx)} WHERE i.workspace_id = ${ctx.actor.workspaceId} AND i.id = ${id}`,
  );
  const row = rows[0];
  if (!row) throw notFound('idea');
  return row;
}

/** The customers who want an idea: its author and its voters, named when the reader may read them. */
async function supportersOf(ctx: Ctx, id: string): Promise<TIdeaSupporter[]> {
  const author = await authorColumns(ctx, 's');
  const { rows } = await ctx.db.execute<AuthorRow & { role: 'author' | 'voter'; at: Date }>(sql`
    WITH s AS (
      SELECT workspace_id, 'author' AS role, contact_id, company_id, NULL::uuid AS author_user_id, created_at AS at
        FROM idea WHERE workspace_id = ${ctx.actor.workspaceId} AND id = ${id} AND author_portal_user_id IS NOT NULL
      UNION ALL
      SELECT workspace_id, 'voter', contact_id, company_id, NULL::uuid, created_at
        FROM idea_vote WHERE workspace_id = ${ctx.actor.workspaceId} AND idea_id = ${id}
    )
    SELECT s.role, s.at, ${author.columns} FROM s ${author.joins}
    ORDER BY s.role, s.at`);
  return rows.map((row) => {
    const { contact, company, readable } = presentAuthor(row);
    return { role: row.role, contact, company, readable, at: iso(row.at) as string };
  });
}

/** An idea with all its comments (hidden ones marked) and the customers who want it. */
export async function getIdea(ctx: Ctx, id: string): Promise<TIdeaDetail> {
  await ideaPolicy.authorize(ctx.actor, 'read');
  const idea = await findIdea(ctx, ctx.db, id);
  const [comments, supporters] = await Promise.all([
    ctx.db.execute<CommentRow>(
      sql`${await selectComments(ctx)} WHERE m.workspace_id = ${ctx.actor.workspaceId} AND m.idea_id = ${id} ORDER BY m.created_at, m.id`,
    ),
    supportersOf(ctx, id),
  ]);
  return {
    ...presentIdea(idea),
    comments: comments.rows.map((row) => {
      const { ideaTitle: _, ...comment } = presentComment(row);
      return comment;
    }),
    supporters,
  };
}

/**
 * Sets an idea's status and public answer (managers and admins). Returns the idea and, when a
 * customer wrote it and the answer or status changed, the e-mail telling them.
 */
export async function updateIdea(
  ctx: Ctx,
  id: string,
  input: TUpdateIdeaInput,
  publicUrl: string,
): Promise<{ idea: TIdeaDetail; mail: IdeaAnswerMail | null }> {
  const mail = await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ status: TIdeaStatus; answer: string | null }>(sql`
      SELECT status, answer FROM idea WHERE workspace_id = ${ctx.actor.workspaceId} AND id = ${id} FOR UPDATE`);
    const before = rows[0];
    if (!before) throw notFound('idea');
    await ideaPolicy.authorize(ctx.actor, 'answer');
    const status = input.status ?? before.status;
    const answer = input.answer === undefined ? before.answer : input.answer || null;
    if (status === before.status && answer === before.answer) return null;
    const { rows: updated } = await tx.execute<{
      title: string;
      email: string | null;
      language: 'en' | 'ru' | 'it' | null;
      name: string | null;
      slug: string;
    }>(sql`
      UPDATE idea i SET status = ${status}, answer = ${answer}, answered_by_id = ${ctx.actor.userId}, answered_at = now(), updated_at = now()
        FROM workspace w
       WHERE i.workspace_id = ${ctx.actor.workspaceId} AND i.id = ${id} AND w.id = i.workspace_id
      RETURNING i.title, w.slug,
        (SELECT p.email FROM portal_user p WHERE p.workspace_id = i.workspace_id AND p.id = i.author_portal_user_id AND p.status = 'active') AS email,
        (SELECT p.language FROM portal_user p WHERE p.workspace_id = i.workspace_id AND p.id = i.author_portal_user_id) AS language,
        (SELECT c.name FROM contact c WHERE c.workspace_id = i.workspace_id AND c.id = i.contact_id) AS name`);
    const row = updated[0];
    if (!row?.email) return null;
    return {
      to: { name: row.name ?? '', address: row.email },
      language: row.language ?? 'en',
      title: row.title,
      status,
      answer,
      url: `${publicUrl.replace(/\/$/, '')}/portal/${row.slug}/ideas/${id}`,
    } satisfies IdeaAnswerMail;
  });
  return { idea: await getIdea(ctx, id), mail };
}

/** Approves or hides an idea (managers and admins); either way it leaves the moderation queue. */
export async function reviewIdea(ctx: Ctx, id: string, input: TIdeaReviewInput): Promise<TIdeaDetail> {
  await findIdea(ctx, ctx.db, id);
  await ideaPolicy.authorize(ctx.actor, 'moderate');
  await ctx.db.execute(sql`
    UPDATE idea SET hidden = ${input.hidden}, reviewed_at = now(), reviewed_by_id = ${ctx.actor.userId}, updated_at = now()
     WHERE workspace_id = ${ctx.actor.workspaceId} AND id = ${id}`);
  return getIdea(ctx, id);
}

/** Approves or hides a comment (managers and admins); the idea counts only its visible comments. */
export async function reviewIdeaComment(ctx: Ctx, id: string, input: TIdeaReviewInput): Promise<TIdeaComment> {
  await ideaPolicy.authorize(ctx.actor, 'read');
  const ws = ctx.actor.workspaceId;
  const { rows } = await ctx.db.execute<{ idea_id: string }>(
    sql`SELECT idea_id FROM idea_comment WHERE workspace_id = ${ws} AND id = ${id}`,
  );
  const ideaId = rows[0]?.idea_id;
  if (!ideaId) throw notFound('comment');
  await ideaPolicy.authorize(ctx.actor, 'moderate');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM idea WHERE workspace_id = ${ws} AND id = ${ideaId} FOR UPDATE`);
    await tx.execute(sql`
      UPDATE idea_comment SET hidden = ${input.hidden}, reviewed_at = now(), reviewed_by_id = ${ctx.actor.userId}
       WHERE workspace_id = ${ws} AND id = ${id}`);
    await tx.execute(sql`
      UPDATE idea SET comment_count = (SELECT count(*) FROM idea_comment WHERE workspace_id = ${ws} AND idea_id = ${ideaId} AND NOT hidden)
       WHERE workspace_id = ${ws} AND id = ${ideaId}`);
  });
  return commentById(ctx, id);
}

async function commentById(ctx: Ctx, id: string): Promise<TIdeaComment> {
  const { rows } = await ctx.db.execute<CommentRow>(
    sql`${await selectComments(ctx)} WHERE m.workspace_id = ${ctx.actor.workspaceId} AND m.id = ${id}`,
  );
  const row = rows[0];
  if (!row) throw notFound('comment');
  const { ideaTitle: _, ...comment } = presentComment(row);
  return comment;
}

/** A staff comment: shown at once, and needing no review. */
export async function commentIdea(ctx: Ctx, ideaId: string, input: TIdeaCommentInput): Promise<TIdeaComment> {
  await findIdea(ctx, ctx.db, ideaId);
  await ideaPolicy.authorize(ctx.actor, 'comment');
  const ws = ctx.actor.workspaceId;
  const id = await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`
      INSERT INTO idea_comment (workspace_id, idea_id, body, author_user_id, reviewed_at, reviewed_by_id)
      VALUES (${ws}, ${ideaId}, ${input.body}, ${ctx.actor.userId}, now(), ${ctx.actor.userId}) RETURNING id`);
    await tx.execute(sql`UPDATE idea SET comment_count = comment_count + 1 WHERE workspace_id = ${ws} AND id = ${ideaId}`);
    return rows[0]?.id as string;
  });
  return commentById(ctx, id);
}

/** Ideas and comments nobody on the staff has reviewed yet, oldest first. */
export async function ideaModerationQueue(ctx: Ctx): Promise<TIdeaModerationQueue> {
  await ideaPolicy.authorize(ctx.actor, 'moderate');
  const ws = ctx.actor.workspaceId;
  const [ideas, comments] = await Promise.all([
    ctx.db.execute<IdeaRow>(
      sql`${await selectIdeas(ctx)} WHERE i.workspace_id = ${ws} AND i.reviewed_at IS NULL ORDER BY i.created_at, i.id LIMIT ${QUEUE_SIZE}`,
    ),
    ctx.db.execute<CommentRow>(
      sql`${await selectComments(ctx)} WHERE m.workspace_id = ${ws} AND m.reviewed_at IS NULL ORDER BY m.created_at, m.id LIMIT ${QUEUE_SIZE}`,
    ),
  ]);
  return { ideas: ideas.rows.map(presentIdea), comments: comments.rows.map(presentComment) };
}
