import type { TSearchHit } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { agreementPolicy } from '../agreements/agreements.policy.ts';
import { readableParentSql } from '../attachments/attachments.service.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { phoneContains, phoneNeedle } from '../customers/index.ts';
import { hiddenFields } from '../roles/field-rules.ts';
import { unitPolicy } from '../units/index.ts';
import { userPolicy } from '../users/index.ts';

// How alike a word of a name must be to what was typed, for a typo to still find it.
const FUZZY = 0.35;
// Fewer precise hits than this, and the typo-tolerant pass looks further.
const FEW_HITS = 3;
// How many matches of one kind (companies, contacts) are ranked at most: enough for a page of hits
// and to put the closest names first, few enough that a word in thousands of names stays fast.
const CANDIDATES = 300;
// How alike a word of a customer's name must be to what was typed (pg_trgm's default, 0.6,
// misses two typos in a short name).
const TYPO_WORD_SIMILARITY = 0.5;
// How long the typo-tolerant pass may look (ms). Where thousands of names share most of what was
// typed ("Person 4711" among 100k "… Person N"), walking the trigram index for the nearest ones
// costs hundreds of milliseconds; the exact hits are then answered alone rather than late.
const TYPO_PASS_MS = 150;

/** Whether PostgreSQL cancelled the statement (statement_timeout) rather than failed it. */
function isCancelled(error: unknown): boolean {
  const failed = error as { code?: string; cause?: { code?: string } };
  return (failed.cause?.code ?? failed.code) === '57014';
}

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
  // instead of reading the table.
  // A field the actor's role hides does not find records either: searching by it would tell it.
  const matches: SQL[] = [];
  const customers = (table: 'company' | 'contact', subtitle: SQL, scope: SQL) => {
    const hidden = hiddenFields(ctx.actor, table === 'company' ? 'companies' : 'contacts');
    const byText =
      table === 'company' && hidden.includes('taxNumber')
        ? sql`(search_text LIKE ${lower} AND lower(name || ' ' || coalesce(legal_name, '')) LIKE ${lower})`
        : sql`search_text LIKE ${lower}`;
    // An address holds no space, so words with a space between ("Marco Rossi") need not ask the
    // e-mail index: they could only match where two of a record's addresses meet.
    const byEmail = hidden.includes('emails') || /\s/.test(q.trim()) ? sql`false` : sql`emails_normalised LIKE ${lower}`;
    const byPhone = hidden.includes('phones') || !digits ? sql`false` : phoneContains(sql`phone_digits`, digits);
    const columns = sql`${table} AS type, id, name AS title, ${subtitle} AS subtitle,
      CASE WHEN ${byPhone} THEN 1 ELSE similarity(name, ${q}) END AS score`;
    const live = sql`workspace_id = ${workspaceId} AND deleted_at IS NULL AND ${scope}`;
    // The matches are a materialised CTE, which PostgreSQL plans for reading them all: planned
    // under the LIMIT, a rare word it guesses common ("Person 4711") read the whole table in
    // search of 300 matches instead of asking the indexes for the few there are. The CTE is
    // still read lazily, so a common word stops after the first CANDIDATES.
    const found = sql.raw(`${table}_found`);
    matches.push(sql`${found} AS MATERIALIZED (SELECT ${columns} FROM ${sql.raw(table)} WHERE ${live} AND (${byText}
        OR ${byEmail} OR ${byPhone} OR search_vector @@ ${textQuery}))`);
    // At most CANDIDATES matches are ranked, so a common word ("Giulia" in 12,000 names) stops
    // reading after the first ones instead of scoring every match; the record named exactly
    // what was typed is always among them (an index lookup).
    return sql`(SELECT * FROM (
      (SELECT * FROM ${found} LIMIT ${CANDIDATES})
      UNION
      (SELECT ${columns} FROM ${sql.raw(table)} WHERE ${live} AND lower(name) = ${q.trim().toLowerCase()})
    ) ${sql.raw(`${table}_hits`)})`;
  };
  // Typo tolerance: names holding a word like what was typed (`<%`, word similarity), nearest
  // first, straight from the GiST trigram index (`<<->` orders inside the index).
  // One who reads only their own records is better served by scoring those few than by walking
  // the index of everyone's names for the nearest ones they own ("Giulia" read 12,500 others'
  // names to find none of an employee's): the same rows, nearest first, via the owner's index.
  // Scoring all of them still took 22 ms for an employee owning 6,500 contacts: the trigram index
  // of `search_text`, which holds the name, first keeps the records with enough of the word's
  // trigrams (`<%` at the same threshold; a name's word is a word of `search_text`, so no match
  // is lost), and PostgreSQL ANDs them with the owner's (4.4 ms).
  const typos = (table: 'company' | 'contact', subtitle: SQL, scope: SQL, take: number, ownOnly: boolean) =>
    ownOnly
      ? sql`
    (SELECT ${table} AS type, id, name AS title, ${subtitle} AS subtitle, word_similarity(${q}, name) AS score
    FROM ${sql.raw(table)}
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND ${scope}
      AND ${q} <% search_text AND word_similarity(${q}, name) >= ${TYPO_WORD_SIMILARITY}
    ORDER BY score DESC LIMIT ${take})`
      : sql`
    (SELECT ${table} AS type, id, name AS title, ${subtitle} AS subtitle, 1 - (${q} <<-> name) AS score
    FROM ${sql.raw(table)}
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND ${scope} AND ${q} <% name
    ORDER BY ${q} <<-> name LIMIT ${take})`;
  const companyScope = await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId });
  const contactScope = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  const ranked = (union: SQL, take: number, ctes: SQL[] = []) =>
    sql`${ctes.length > 0 ? sql`WITH ${sql.join(ctes, sql`, `)} ` : sql``}SELECT type, id, title, subtitle FROM (${union}) hits ORDER BY score DESC, title LIMIT ${take}`;

  parts.push(customers('company', sql`city`, companyScope), customers('contact', sql`coalesce(position, city)`, contactScope));
  // Agreements by what they promise or reserve ("ad slot page 3"): everyone reads them.
  if (await agreementPolicy.can(ctx.actor, 'read')) {
    parts.push(sql`SELECT 'agreement' AS type, id, title, resource AS subtitle,
        word_similarity(${q}, title || ' ' || coalesce(resource, '')) AS score
      FROM agreement WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL
        AND lower(coalesce(title, '') || ' ' || coalesce(resource, '')) LIKE ${lower}`);
  }
  // Files by name, where the actor may read their record. Whether the record is readable is a
  // condition of a dozen sub-queries that took 2.5 ms to plan (more than the rest of the search):
  // it is part of the search only when some file's name matches at all.
  const fileMatches = sql`FROM attachment WHERE workspace_id = ${workspaceId} AND lower(file_name) LIKE ${lower}`;
  const anyFile = await ctx.db.execute<{ found: boolean }>(sql`SELECT EXISTS (SELECT 1 ${fileMatches}) AS found`);
  if (anyFile.rows[0]?.found) {
    parts.push(sql`SELECT 'attachment' AS type, id, file_name AS title, entity_type AS subtitle, word_similarity(${q}, file_name) AS score
      ${fileMatches} AND ${await readableParentSql(ctx, sql`attachment.entity_type`, sql`attachment.entity_id`)}`);
  }
  const precise = (await ctx.db.execute<TSearchHit>(ranked(sql.join(parts, sql` UNION ALL `), limit, matches))).rows;
  // Typos are looked for in words: not in phone numbers, e-mails or a couple of letters.
  const letters = q.replace(/[^\p{L}]/gu, '').length;
  if (precise.length >= FEW_HITS || letters < 3 || q.includes('@')) return precise;

  const union = sql.join(
    [
      typos('company', sql`city`, companyScope, limit, companyPolicy.scope(ctx.actor, 'read') === 'own'),
      typos('contact', sql`coalesce(position, city)`, contactScope, limit, contactPolicy.scope(ctx.actor, 'read') === 'own'),
    ],
    sql` UNION ALL `,
  );
  const fuzzy = await ctx.db
    .transaction(async (tx) => {
      await tx.execute(
        sql`SET LOCAL pg_trgm.word_similarity_threshold = ${sql.raw(String(TYPO_WORD_SIMILARITY))}; SET LOCAL statement_timeout = ${sql.raw(String(TYPO_PASS_MS))}`,
      );
      return (await tx.execute<TSearchHit>(ranked(union, limit))).rows;
    })
    .catch((error: unknown) => {
      if (isCancelled(error)) return [];
      throw error;
    });
  const seen = new Set(precise.map((hit) => hit.id));
  return [...precise, ...fuzzy.filter((hit) => !seen.has(hit.id))].slice(0, limit);
}
