import type { TSearchHit } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { phoneNeedle } from '../customers/index.ts';
import { unitPolicy } from '../units/index.ts';
import { userPolicy } from '../users/index.ts';

// How alike a word of a name must be to what was typed, for a typo to still find it.
const FUZZY = 0.35;
// How alike a whole customer name must be to what was typed, in the second, fuzzy pass.
const TYPO_SIMILARITY = 0.4;

/**
 * Searches what the actor may read in their workspace, best matches first. Each module
 * adds its resource here as it arrives (companies, contacts, deals ...).
 */
export async function search(ctx: Ctx, q: string, limit: number): Promise<TSearchHit[]> {
  const workspaceId = ctx.actor.workspaceId;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const parts = [];
  if (await userPolicy.can(ctx.actor, 'read')) {
    parts.push(sql`SELECT 'user' AS type, id, name AS title, email AS subtitle, word_similarity(${q}, name) AS score
      FROM app_user WHERE workspace_id = ${workspaceId} AND (name ILIKE ${pattern} OR email ILIKE ${pattern} OR word_similarity(${q}, name) >= ${FUZZY})`);
  }
  if (await unitPolicy.can(ctx.actor, 'read')) {
    parts.push(sql`SELECT 'unit' AS type, id, name AS title, NULL AS subtitle, word_similarity(${q}, name) AS score
      FROM unit WHERE workspace_id = ${workspaceId} AND (name ILIKE ${pattern} OR word_similarity(${q}, name) >= ${FUZZY})`);
  }
  const digits = phoneNeedle(q) ?? '';
  const lower = `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const textQuery = sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('russian', ${q})
    || websearch_to_tsquery('italian', ${q}) || websearch_to_tsquery('english', ${q}))`;
  // Every condition below can use an index (trigram or full-text), so PostgreSQL ORs bitmaps
  // instead of reading the table. Typo tolerance (`name % q`) comes second, only when the
  // precise conditions found too little: on a large base it matches many rows to recheck.
  const customers = (table: 'company' | 'contact', subtitle: SQL, scope: SQL, fuzzy: boolean) => sql`
    SELECT ${table} AS type, id, name AS title, ${subtitle} AS subtitle,
      CASE WHEN ${digits} <> '' AND phone_digits LIKE ${`%${digits}%`} THEN 1 ELSE similarity(name, ${q}) END AS score
    FROM ${sql.raw(table)}
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND ${scope} AND ${
      fuzzy
        ? sql`name % ${q}`
        : sql`(search_text LIKE ${lower} OR emails_normalised LIKE ${lower}
            OR (${digits} <> '' AND phone_digits LIKE ${`%${digits}%`}) OR search_vector @@ ${textQuery})`
    }`;
  const companyScope = await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId });
  const contactScope = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  const ranked = (union: SQL, take: number) =>
    sql`SELECT type, id, title, subtitle FROM (${union}) hits ORDER BY score DESC, title LIMIT ${take}`;

  parts.push(
    customers('company', sql`city`, companyScope, false),
    customers('contact', sql`coalesce(position, city)`, contactScope, false),
  );
  const precise = (await ctx.db.execute<TSearchHit>(ranked(sql.join(parts, sql` UNION ALL `), limit))).rows;
  if (precise.length >= limit || q.trim().length < 3) return precise;

  const fuzzy = await ctx.db.transaction(async (tx) => {
    // A stricter similarity lets the trigram index skip most candidates.
    await tx.execute(sql`SET LOCAL pg_trgm.similarity_threshold = ${sql.raw(String(TYPO_SIMILARITY))}`);
    const union = sql.join(
      [customers('company', sql`city`, companyScope, true), customers('contact', sql`coalesce(position, city)`, contactScope, true)],
      sql` UNION ALL `,
    );
    return (await tx.execute<TSearchHit>(ranked(union, limit))).rows;
  });
  const seen = new Set(precise.map((hit) => hit.id));
  return [...precise, ...fuzzy.filter((hit) => !seen.has(hit.id))].slice(0, limit);
}
