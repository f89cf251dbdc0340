import type {
  TCommunityAuthor,
  TCommunityQuestionListQuery,
  TModerationItem,
  TStaffCommunityAnswer,
  TStaffCommunityQuestion,
  TStaffCommunityQuestionListQuery,
  TStaffCommunityQuestionSummary,
} from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';

/** Who reads: a customer sees only posts not hidden; staff see everything with its moderation state. */
export type Reader = { workspaceId: string; portalUserId: string | null; staff: boolean };

/** Joins naming a post's author: the contact's first name and company, or the staff member's name. */
const authorJoins = (t: string) =>
  sql.raw(`LEFT JOIN contact ac ON ac.workspace_id = ${t}.workspace_id AND ac.id = ${t}.contact_id
    LEFT JOIN company aco ON aco.workspace_id = ${t}.workspace_id AND aco.id = ${t}.company_id
    LEFT JOIN app_user au ON au.workspace_id = ${t}.workspace_id AND au.id = ${t}.author_user_id`);
const authorColumns = sql.raw(`coalesce(au.name, nullif(ac.first_name, ''), ac.name) AS author_name,
    CASE WHEN au.id IS NULL THEN aco.name END AS author_company, au.id IS NOT NULL AS author_staff`);

type AuthorRow = { author_name: string | null; author_company: string | null; author_staff: boolean };
const authorOf = (row: AuthorRow): TCommunityAuthor => ({
  name: row.author_name ?? '',
  companyName: row.author_company,
  staff: row.author_staff,
});
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

type QuestionRow = AuthorRow & {
  id: string;
  title: string;
  body: string | null;
  answer_count: number;
  accepted_answer_id: string | null;
  article_id: string | null;
  article_title: string | null;
  author_portal_user_id: string | null;
  hidden: boolean;
  reviewed_at: Date | null;
  created_at: Date;
};

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of questions: customers see those not hidden; with `q`, those whose title or text contain it. */
export async function listQuestions(
  db: Executor,
  reader: Reader,
  query: TCommunityQuestionListQuery & Partial<Pick<TStaffCommunityQuestionListQuery, 'filter'>>,
): Promise<{ data: TStaffCommunityQuestionSummary[]; total: number }> {
  const where: SQL[] = [sql`q.workspace_id = ${reader.workspaceId}`];
  if (!reader.staff) where.push(sql`NOT q.hidden`);
  const text = query.q?.trim();
  if (text) where.push(sql`(q.title ILIKE ${likePattern(text)} OR coalesce(q.body, '') ILIKE ${likePattern(text)})`);
  if (reader.staff && query.filter === 'unanswered') where.push(sql`q.answer_count = 0`);
  if (reader.staff && query.filter === 'unreviewed') where.push(sql`q.reviewed_at IS NULL`);
  if (reader.staff && query.filter === 'hidden') where.push(sql`q.hidden`);
  const order = query.sort === 'unanswered' ? sql`(q.answer_count = 0) DESC, q.created_at DESC, q.id` : sql`q.created_at DESC, q.id`;
  const { rows } = await db.execute<QuestionRow & { total: number }>(sql`
    SELECT q.id, q.title, q.answer_count, q.accepted_answer_id, q.article_id, q.hidden, q.reviewed_at, q.created_at,
           ${authorColumns}, count(*) OVER ()::int AS total
      FROM community_question q ${authorJoins('q')}
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY ${order}
     LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const { rows: counted } = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM community_question q WHERE ${sql.join(where, sql` AND `)}`,
    );
    total = counted[0]?.n ?? 0;
  }
  return {
    total,
    data: rows.map((row) => ({
      id: row.id,
      title: row.title,
      author: authorOf(row),
      answerCount: row.answer_count,
      answered: row.answer_count > 0,
      accepted: row.accepted_answer_id !== null,
      promoted: row.article_id !== null,
      createdAt: iso(row.created_at) as string,
      hidden: row.hidden,
      reviewedAt: iso(row.reviewed_at),
    })),
  };
}

/** The question's row as the reader may see it (locked for a write when `lock`); 404 otherwise. */
export async function findQuestion(db: Executor, reader: Reader, id: string, lock = false) {
  const { rows } = await db.execute<{
    id: string;
    title: string;
    body: string | null;
    hidden: boolean;
    accepted_answer_id: string | null;
    article_id: string | null;
    author_portal_user_id: string | null;
  }>(sql`SELECT id, title, body, hidden, accepted_answer_id, article_id, author_portal_user_id
      FROM community_question WHERE workspace_id = ${reader.workspaceId} AND id = ${id}
      ${reader.staff ? sql`` : sql`AND NOT hidden`} ${lock ? sql`FOR UPDATE` : sql``}`);
  const row = rows[0];
  if (!row) throw notFound('question');
  return row;
}

/** A question with its answers (the accepted one first); customers see neither hidden questions nor hidden answers. */
export async function readQuestion(db: Executor, reader: Reader, id: string): Promise<Omit<TStaffCommunityQuestion, 'mayModerate'>> {
  const { rows } = await db.execute<QuestionRow>(sql`
    SELECT q.id, q.title, q.body, q.answer_count, q.accepted_answer_id, q.article_id, q.author_portal_user_id,
           q.hidden, q.reviewed_at, q.created_at, ${authorColumns},
           (SELECT a.title FROM kb_article a WHERE a.workspace_id = q.workspace_id AND a.id = q.article_id AND a.deleted_at IS NULL
               ${reader.staff ? sql`` : sql`AND a.audience = 'public' AND a.status = 'published'`}) AS article_title
      FROM community_question q ${authorJoins('q')}
     WHERE q.workspace_id = ${reader.workspaceId} AND q.id = ${id} ${reader.staff ? sql`` : sql`AND NOT q.hidden`}`);
  const question = rows[0];
  if (!question) throw notFound('question');
  const answers = await db.execute<
    AuthorRow & { id: string; body: string; hidden: boolean; reviewed_at: Date | null; created_at: Date }
  >(sql`
    SELECT a.id, a.body, a.hidden, a.reviewed_at, a.created_at, ${authorColumns}
      FROM community_answer a ${authorJoins('a')}
     WHERE a.workspace_id = ${reader.workspaceId} AND a.question_id = ${id} ${reader.staff ? sql`` : sql`AND NOT a.hidden`}
     ORDER BY (a.id = ${question.accepted_answer_id}) IS TRUE DESC, a.created_at, a.id`);
  return {
    id: question.id,
    title: question.title,
    body: question.body,
    author: authorOf(question),
    createdAt: iso(question.created_at) as string,
    acceptedAnswerId: question.accepted_answer_id,
    article: question.article_id && question.article_title ? { id: question.article_id, title: question.article_title } : null,
    mine: reader.portalUserId !== null && question.author_portal_user_id === reader.portalUserId,
    hidden: question.hidden,
    reviewedAt: iso(question.reviewed_at),
    answers: answers.rows.map(
      (row): TStaffCommunityAnswer => ({
        id: row.id,
        body: row.body,
        author: authorOf(row),
        accepted: row.id === question.accepted_answer_id,
        createdAt: iso(row.created_at) as string,
        hidden: row.hidden,
        reviewedAt: iso(row.reviewed_at),
      }),
    ),
  };
}

/** Questions and answers no one on staff has reviewed yet, oldest first. */
export async function moderationQueue(db: Executor, workspaceId: string): Promise<TModerationItem[]> {
  const { rows } = await db.execute<
    AuthorRow & {
      kind: 'question' | 'answer';
      id: string;
      question_id: string;
      question_title: string;
      text: string;
      hidden: boolean;
      created_at: Date;
    }
  >(sql`
    SELECT 'question' AS kind, q.id, q.id AS question_id, q.title AS question_title,
           btrim(q.title || E'\n\n' || coalesce(q.body, '')) AS text, q.hidden, q.created_at, ${authorColumns}
      FROM community_question q ${authorJoins('q')}
     WHERE q.workspace_id = ${workspaceId} AND q.reviewed_at IS NULL
    UNION ALL
    SELECT 'answer', a.id, a.question_id, q.title, a.body, a.hidden, a.created_at, ${authorColumns}
      FROM community_answer a JOIN community_question q ON q.workspace_id = a.workspace_id AND q.id = a.question_id
      ${authorJoins('a')}
     WHERE a.workspace_id = ${workspaceId} AND a.reviewed_at IS NULL
     ORDER BY created_at, id
     LIMIT 500`);
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    questionId: row.question_id,
    questionTitle: row.question_title,
    text: row.text,
    author: authorOf(row),
    hidden: row.hidden,
    createdAt: iso(row.created_at) as string,
  }));
}
