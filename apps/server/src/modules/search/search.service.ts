import type { TSearchHit } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { phoneNeedle } from '../customers/index.ts';
import { unitPolicy } from '../units/index.ts';
import { userPolicy } from '../users/index.ts';

// How alike a word of a name must be to what was typed, for a typo to still find it.
const FUZZY = 0.35;

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
  const digits = phoneNeedle(q);
  const companyScope = await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId });
  parts.push(sql`SELECT 'company' AS type, id, name AS title, city AS subtitle,
      CASE WHEN ${digits ?? ''} <> '' AND phone_digits LIKE ${`%${digits ?? ''}%`} THEN 1 ELSE word_similarity(${q}, name) END AS score
    FROM company
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND ${companyScope} AND (
      name ILIKE ${pattern} OR legal_name ILIKE ${pattern} OR tax_number ILIKE ${pattern}
      OR emails_normalised LIKE ${pattern.toLowerCase()} OR word_similarity(${q}, name) >= ${FUZZY}
      OR (${digits ?? ''} <> '' AND phone_digits LIKE ${`%${digits ?? ''}%`})
      OR search_vector @@ (websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('russian', ${q})
        || websearch_to_tsquery('italian', ${q}) || websearch_to_tsquery('english', ${q}))
    )`);
  const contactScope = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  parts.push(sql`SELECT 'contact' AS type, id, name AS title, coalesce(position, city) AS subtitle,
      CASE WHEN ${digits ?? ''} <> '' AND phone_digits LIKE ${`%${digits ?? ''}%`} THEN 1 ELSE word_similarity(${q}, name) END AS score
    FROM contact
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND ${contactScope} AND (
      name ILIKE ${pattern} OR emails_normalised LIKE ${pattern.toLowerCase()} OR word_similarity(${q}, name) >= ${FUZZY}
      OR (${digits ?? ''} <> '' AND phone_digits LIKE ${`%${digits ?? ''}%`})
      OR search_vector @@ (websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('russian', ${q})
        || websearch_to_tsquery('italian', ${q}) || websearch_to_tsquery('english', ${q}))
    )`);
  if (parts.length === 0) return [];
  const union = sql.join(parts, sql` UNION ALL `);
  const result = await ctx.db.execute<TSearchHit>(
    sql`SELECT type, id, title, subtitle FROM (${union}) hits ORDER BY score DESC, title LIMIT ${limit}`,
  );
  return result.rows;
}
