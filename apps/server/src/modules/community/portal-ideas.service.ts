import type {
  TCreateIdeaInput,
  TIdeaCommentInput,
  TIdeaVoteResult,
  TPortalIdea,
  TPortalIdeaComment,
  TPortalIdeaDetail,
  TPortalIdeaList,
  TPortalIdeaListQuery,
} from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { PortalActor } from '../portal/portal-session.ts';
import { allOf, cursorOf, ideaListParts, iso } from './ideas-list.ts';

/** Posts a customer may write in an hour, counted in the database so that every server process agrees. */
export const IDEAS_PER_HOUR = 10;
export const IDEA_COMMENTS_PER_HOUR = 30;

type Row = {
  id: string;
  title: string;
  body: string | null;
  status: TPortalIdea['status'];
  answer: string | null;
  answered_at: Date | null;
  vote_count: number;
  comment_count: number;
  created_at: Date;
  created_key: string;
  mine: boolean;
  voted: boolean;
  author_name: string;
  staff: boolean;
};

// Customers see a first name and company, never an address; staff by their name.
const authorName = sql`CASE WHEN u.id IS NOT NULL THEN u.name
  ELSE concat_ws(' · ', nullif(btrim(c.first_name), ''), co.name) END`;

const selectIdeas = (me: PortalActor) => sql`
  SELECT i.id, i.title, i.body, i.status, i.answer, i.answered_at, i.vote_count, i.comment_count, i.created_at,
         i.created_at::text AS created_key, coalesce(i.author_portal_user_id = ${me.portalUserId}, false) AS mine,
         EXISTS (SELECT 1 FROM idea_vote v WHERE v.workspace_id = i.workspace_id AND v.idea_id = i.id
                   AND v.portal_user_id = ${me.portalUserId}) AS voted,
         coalesce(${authorName}, '') AS author_name, i.author_user_id IS NOT NULL AS staff
    FROM idea i
    LEFT JOIN app_user u ON u.workspace_id = i.workspace_id AND u.id = i.author_user_id
    LEFT JOIN contact c ON c.workspace_id = i.workspace_id AND c.id = i.contact_id
    LEFT JOIN company co ON co.workspace_id = i.workspace_id AND co.id = i.company_id`;

function present(row: Row): TPortalIdea {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    answer: row.answer,
    answeredAt: iso(row.answered_at),
    voteCount: row.vote_count,
    commentCount: row.comment_count,
    voted: row.voted,
    mine: row.mine,
    author: { name: row.author_name, staff: row.staff },
    createdAt: iso(row.created_at) as string,
  };
}

/** The workspace's visible ideas, most voted or newest first, a page at a time. */
export async function listPortalIdeas(db: Database, me: PortalActor, query: TPortalIdeaListQuery): Promise<TPortalIdeaList> {
  const { filters, after, order } = ideaListParts(query);
  const where = allOf([sql`i.workspace_id = ${me.workspaceId}`, sql`NOT i.hidden`, ...filters]);
  const [page, count] = await Promise.all([
    db.execute<Row>(sql`${selectIdeas(me)} WHERE ${where} AND ${after} ORDER BY ${order} LIMIT ${query.limit + 1}`),
    db.execute<{ total: number }>(sql`SELECT count(*)::int AS total FROM idea i WHERE ${where}`),
  ]);
  const rows = page.rows.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    data: rows.map(present),
    nextCursor: page.rows.length > query.limit && last ? cursorOf(last, query.sort) : null,
    total: count.rows[0]?.total ?? 0,
  };
}

async function visibleIdea(db: Executor, me: PortalActor, id: string): Promise<Row> {
  const { rows } = await db.execute<Row>(
    sql`${selectIdeas(me)} WHERE i.workspace_id = ${me.workspaceId} AND i.id = ${id} AND NOT i.hidden`,
  );
  const row = rows[0];
  if (!row) throw notFound('idea');
  return row;
}

/** A visible idea with its visible comments, oldest first. */
export async function getPortalIdea(db: Database, me: PortalActor, id: string): Promise<TPortalIdeaDetail> {
  const idea = await visibleIdea(db, me, id);
  const { rows } = await db.execute<{ id: string; body: string; created_at: Date; author_name: string; staff: boolean }>(sql`
    SELECT i.id, i.body, i.created_at, coalesce(${authorName}, '') AS author_name, i.author_user_id IS NOT NULL AS staff
      FROM idea_comment i
      LEFT JOIN app_user u ON u.workspace_id = i.workspace_id AND u.id = i.author_user_id
      LEFT JOIN contact c ON c.workspace_id = i.workspace_id AND c.id = i.contact_id
      LEFT JOIN company co ON co.workspace_id = i.workspace_id AND co.id = i.company_id
     WHERE i.workspace_id = ${me.workspaceId} AND i.idea_id = ${id} AND NOT i.hidden
     ORDER BY i.created_at, i.id`);
  const comments: TPortalIdeaComment[] = rows.map((r) => ({
    id: r.id,
    body: r.body,
    author: { name: r.author_name, staff: r.staff },
    createdAt: iso(r.created_at) as string,
  }));
  return { ...present(idea), comments };
}

/**
 * Refuses a post past the hourly limit. The lock on the customer makes two posts sent at once
 * count one after the other.
 */
async function checkPostingRate(tx: Executor, me: PortalActor, table: 'idea' | 'idea_comment', perHour: number) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`idea-posts:${me.portalUserId}`}))`);
  const { rows } = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM ${sql.identifier(table)}
     WHERE workspace_id = ${me.workspaceId} AND author_portal_user_id = ${me.portalUserId} AND created_at > now() - interval '1 hour'`);
  if ((rows[0]?.n ?? 0) >= perHour) {
    throw new AppError('too_many_posts', `You may post ${perHour} of these an hour; try again later`, {
      headers: { 'retry-after': '3600' },
    });
  }
}

// The company a customer writes for: the first of the companies whose portal they see.
const firstCompany = (me: PortalActor) => me.companyIds[0] ?? null;

/** A customer's new idea: it shows at once and waits in the moderation queue. */
export async function createPortalIdea(db: Database, me: PortalActor, input: TCreateIdeaInput): Promise<TPortalIdeaDetail> {
  const id = await db.transaction(async (tx) => {
    await checkPostingRate(tx, me, 'idea', IDEAS_PER_HOUR);
    const { rows } = await tx.execute<{ id: string }>(sql`
      INSERT INTO idea (workspace_id, title, body, author_portal_user_id, contact_id, company_id)
      VALUES (${me.workspaceId}, ${input.title}, ${input.body || null}, ${me.portalUserId}, ${me.contactId}, ${firstCompany(me)})
      RETURNING id`);
    return rows[0]?.id as string;
  });
  return getPortalIdea(db, me, id);
}

/** A customer's comment on a visible idea; it shows at once and waits in the moderation queue. */
export async function commentPortalIdea(
  db: Database,
  me: PortalActor,
  ideaId: string,
  input: TIdeaCommentInput,
): Promise<TPortalIdeaComment> {
  return db.transaction(async (tx) => {
    await visibleIdea(tx, me, ideaId);
    await checkPostingRate(tx, me, 'idea_comment', IDEA_COMMENTS_PER_HOUR);
    const { rows } = await tx.execute<{ id: string; created_at: Date }>(sql`
      INSERT INTO idea_comment (workspace_id, idea_id, body, author_portal_user_id, contact_id, company_id)
      VALUES (${me.workspaceId}, ${ideaId}, ${input.body}, ${me.portalUserId}, ${me.contactId}, ${firstCompany(me)})
      RETURNING id, created_at`);
    await tx.execute(sql`UPDATE idea SET comment_count = comment_count + 1 WHERE workspace_id = ${me.workspaceId} AND id = ${ideaId}`);
    const { rows: names } = await tx.execute<{ name: string }>(sql`
      SELECT concat_ws(' · ', nullif(btrim(c.first_name), ''), co.name) AS name
        FROM contact c LEFT JOIN company co ON co.workspace_id = c.workspace_id AND co.id = ${firstCompany(me)}
       WHERE c.workspace_id = ${me.workspaceId} AND c.id = ${me.contactId}`);
    const row = rows[0] as { id: string; created_at: Date };
    return { id: row.id, body: input.body, author: { name: names[0]?.name ?? '', staff: false }, createdAt: iso(row.created_at) as string };
  });
}

/**
 * Votes for a visible idea, once per customer: a second vote changes nothing. The count moves
 * only when a vote row was really inserted or deleted, in the same transaction, so votes sent at
 * once by many customers are all counted.
 */
export async function voteIdea(db: Database, me: PortalActor, ideaId: string, vote: boolean): Promise<TIdeaVoteResult> {
  return db.transaction(async (tx) => {
    await visibleIdea(tx, me, ideaId);
    const changed = vote
      ? await tx.execute(sql`
          INSERT INTO idea_vote (workspace_id, idea_id, portal_user_id, contact_id, company_id)
          VALUES (${me.workspaceId}, ${ideaId}, ${me.portalUserId}, ${me.contactId}, ${firstCompany(me)})
          ON CONFLICT DO NOTHING RETURNING 1`)
      : await tx.execute(sql`
          DELETE FROM idea_vote WHERE workspace_id = ${me.workspaceId} AND idea_id = ${ideaId} AND portal_user_id = ${me.portalUserId}
          RETURNING 1`);
    const delta = changed.rows.length === 0 ? 0 : vote ? 1 : -1;
    const { rows } = await tx.execute<{ vote_count: number }>(sql`
      UPDATE idea SET vote_count = vote_count + ${delta}::int WHERE workspace_id = ${me.workspaceId} AND id = ${ideaId}
      RETURNING vote_count`);
    return { voted: vote, voteCount: rows[0]?.vote_count ?? 0 };
  });
}
