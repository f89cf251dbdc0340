import { and, eq, isNull, sql } from 'drizzle-orm';
import { distance } from 'fastest-levenshtein';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';
import { companyPolicy, companies as companyTable } from '../companies/index.ts';
import { ensureDefaultPipeline } from '../deals/index.ts';
import { headerKey } from './fields.ts';
import type { StoredMapping } from './imports.table.ts';

/** A record a cell may name: a product, a stage, a person, a company, a lead source or a campaign. */
export type Target = { id: string; name: string; keys: string[] };
export type Stage = Target & { kind: 'open' | 'won' | 'lost'; pipelineId: string; requiredFields: string[] };
export type Links = { product: Target[]; stage: Stage[]; owner: Target[]; company: Target[]; source: Target[]; campaign: Target[] };
export type LinkField = keyof Links;

/** Words that name a won or lost stage in any of our languages: a file's "Won" is the won stage whatever it is called. */
const KIND_WORDS: Record<'won' | 'lost', string[]> = {
  won: ['won', 'win', 'closed won', 'выиграна', 'выигран', 'выиграно', 'успешно', 'vinta', 'vinto', 'chiusa vinta'],
  lost: ['lost', 'closed lost', 'проиграна', 'проигран', 'проиграно', 'отказ', 'persa', 'perso', 'chiusa persa'],
};

const squeeze = (key: string) => key.replace(/ /g, '');

/**
 * The records deal and lead rows may name, each with the keys it is found by (name; a person also by
 * e-mail). Companies are those the importer may read: a file never links to, nor shows, others.
 */
export async function loadLinks(db: Executor, workspaceId: string, actor: Actor): Promise<Links> {
  await ensureDefaultPipeline(db, workspaceId);
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];
  const products = await rows<{ id: string; name: string }>(
    sql`SELECT id, name FROM product WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL ORDER BY name`,
  );
  const stages = await rows<{ id: string; name: string; kind: Stage['kind']; pipeline_id: string; required_fields: string[] }>(sql`
    SELECT s.id, s.name, s.kind, s.pipeline_id, s.required_fields FROM pipeline_stage s
    JOIN pipeline p ON p.workspace_id = s.workspace_id AND p.id = s.pipeline_id
    WHERE s.workspace_id = ${workspaceId} AND s.deleted_at IS NULL AND p.is_default AND p.deleted_at IS NULL
    ORDER BY s.position`);
  const people = await rows<{ id: string; name: string; email: string }>(
    sql`SELECT id, name, email FROM app_user WHERE workspace_id = ${workspaceId} ORDER BY name`,
  );
  const companies = await db
    .select({ id: companyTable.id, name: companyTable.name })
    .from(companyTable)
    .where(
      and(
        eq(companyTable.workspaceId, workspaceId),
        isNull(companyTable.deletedAt),
        await companyPolicy.filter(actor, 'read', { owner: companyTable.ownerId, unit: companyTable.unitId }),
      ),
    )
    .orderBy(companyTable.name);
  // Sources no longer offered on forms still name where old leads came from.
  const sources = await rows<{ id: string; name: string }>(
    sql`SELECT id, name FROM lead_source WHERE workspace_id = ${workspaceId} ORDER BY active DESC, position, name`,
  );
  const campaigns = await rows<{ id: string; name: string }>(
    sql`SELECT id, name FROM campaign WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL ORDER BY starts_on DESC NULLS LAST, name`,
  );
  const named = (r: { id: string; name: string }) => ({ id: r.id, name: r.name, keys: [headerKey(r.name)] });
  return {
    product: products.map(named),
    stage: stages.map((s) => ({
      ...named(s),
      keys: [headerKey(s.name), ...(s.kind === 'open' ? [] : KIND_WORDS[s.kind])],
      kind: s.kind,
      pipelineId: s.pipeline_id,
      requiredFields: s.required_fields,
    })),
    owner: people.map((p) => ({ ...named(p), keys: [headerKey(p.name), p.email.toLowerCase()] })),
    company: companies.map(named),
    source: sources.map(named),
    campaign: campaigns.map(named),
  };
}

/** How a written value resolved: the record found or chosen, or why there is none. */
export type Resolved<T extends Target> =
  | { how: 'found' | 'chosen'; target: T }
  | { how: 'empty'; target: null }
  | { how: 'unknown'; target: null };

const indexes = new WeakMap<Target[], Map<string, Target>>();

/** The targets by each of their keys, the first one winning; made once per list, as a file repeats the same names. */
function indexOf<T extends Target>(targets: T[]): Map<string, T> {
  let index = indexes.get(targets);
  if (!index) {
    index = new Map();
    for (const target of targets) for (const key of target.keys) if (!index.has(key)) index.set(key, target);
    indexes.set(targets, index);
  }
  return index as Map<string, T>;
}

/** Finds the record a cell names: exactly (case, spacing and accents aside), else as the user decided, else unknown. */
export function resolve<T extends Target>(targets: T[], field: LinkField, mapping: StoredMapping, written: string): Resolved<T> {
  const index = indexOf(targets);
  const found = index.get(headerKey(written)) ?? index.get(written.trim().toLowerCase());
  if (found) return { how: 'found', target: found };
  const decision = mapping.values[field]?.[written.trim()];
  if (decision?.action === 'use') {
    const chosen = targets.find((t) => t.id === decision.value);
    if (chosen) return { how: 'chosen', target: chosen };
  }
  if (decision?.action === 'empty') return { how: 'empty', target: null };
  return { how: 'unknown', target: null };
}

/** The records closest to a written value, closest first, and the one close enough to suggest ("GTXPro" → "GTX Pro"). */
export function closest(targets: Target[], written: string, max = 50): { options: Target[]; suggestion: Target | null } {
  const key = headerKey(written);
  const scored = targets.map((target) => {
    const score = Math.min(
      ...target.keys.map((k) => Math.min(distance(key, k), distance(squeeze(key), squeeze(k))) / Math.max(key.length, k.length, 1)),
    );
    return { target, score };
  });
  scored.sort((a, b) => a.score - b.score || a.target.name.localeCompare(b.target.name));
  const best = scored[0];
  return { options: scored.slice(0, max).map((s) => s.target), suggestion: best && best.score <= 0.34 ? best.target : null };
}
