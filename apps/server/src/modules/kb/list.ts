import type { KB_SORTS, TKbArticleList, TKbArticleListQuery } from '@clientela/contract';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { afterCursor, cursorKey, orderBy, type PageSource, pageOf, parseSort, readListPage, type SortField } from '../../lib/pagination.ts';
import { kbArticlePolicy } from './kb.policy.ts';
import { kbArticles, kbCategories } from './kb.table.ts';
import { categoryJoin, presentSummary, summaryColumns } from './present.ts';
import { searchArticles } from './search.ts';

const SORTS: Record<(typeof KB_SORTS)[number], SortField> = {
  updatedAt: { column: kbArticles.updatedAt, cast: 'timestamptz' },
  title: { column: kbArticles.title },
  useCount: { column: kbArticles.useCount },
};

/** The conditions of the staff list: the workspace, not deleted, and the filters asked for. */
function listWhere(workspaceId: string, query: TKbArticleListQuery): SQL {
  const tag = query['filter[tag]']?.trim();
  return and(
    eq(kbArticles.workspaceId, workspaceId),
    isNull(kbArticles.deletedAt),
    query['filter[categoryId]'] ? eq(kbArticles.categoryId, query['filter[categoryId]']) : undefined,
    query['filter[language]'] ? eq(kbArticles.language, query['filter[language]']) : undefined,
    query['filter[audience]'] ? eq(kbArticles.audience, query['filter[audience]']) : undefined,
    query['filter[status]'] ? eq(kbArticles.status, query['filter[status]']) : undefined,
    tag ? sql`${kbArticles.tags} @> ARRAY[${tag}]::text[]` : undefined,
  ) as SQL;
}

/**
 * The staff's article list: with `q`, the best matches first (see searchArticles), paged by
 * offset; otherwise sorted by `sort` and keyset-paginated, the page and its count in one statement.
 */
export async function listKbArticles(ctx: Ctx, query: TKbArticleListQuery): Promise<TKbArticleList> {
  await kbArticlePolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const where = listWhere(workspaceId, query);
  const q = query.q?.trim();
  if (q) {
    const found = await searchArticles(ctx.db, workspaceId, where, {
      q,
      language: query['filter[language]'],
      limit: query.limit,
      cursor: query.cursor,
    });
    return {
      data: found.hits.map((hit) => presentSummary(hit, hit.headline)),
      nextCursor: found.nextCursor,
      total: found.total,
      correctedQuery: found.correctedQuery,
    };
  }
  const keyset = parseSort(query.sort, SORTS, '-updatedAt');
  const list = { table: kbArticles, keys: kbArticles, workspaceId, where };
  const { rows, total } = await readListPage(ctx.db, list, { cursor: query.cursor, limit: query.limit }, (source: PageSource) =>
    ctx.db
      .select({ ...summaryColumns, capped: source.count, cursorKey: cursorKey(keyset) })
      .from(kbArticles)
      .leftJoin(kbCategories, categoryJoin)
      .where(and(source.where, afterCursor(keyset, kbArticles.id, query.cursor)))
      .orderBy(...orderBy(keyset, kbArticles.id))
      .limit(query.limit + 1),
  );
  const { page, nextCursor } = pageOf(rows, query.limit, keyset);
  const counted = await total();
  return { data: page.map((row) => presentSummary(row)), nextCursor, total: counted.total, correctedQuery: null };
}
