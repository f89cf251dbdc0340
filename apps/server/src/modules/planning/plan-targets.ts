import type { TPlanKind, TPlanTargets, TPlanTargetsQuery } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { companyPolicy } from '../companies/index.ts';
import { escapeLike } from '../users/index.ts';
import { mayPlan, planningPolicy, type TargetRef } from './planning.policy.ts';

type TargetKind = Exclude<TPlanKind, 'total'>;

/** The live targets of a kind as (id, name, owner_id, unit_id): customers and products in the bin are not targets. */
function targetTable(kind: TargetKind, workspaceId: string): SQL {
  switch (kind) {
    case 'unit':
      return sql`SELECT id, name, NULL::uuid AS owner_id, id AS unit_id FROM unit WHERE workspace_id = ${workspaceId}`;
    case 'owner':
      return sql`SELECT id, name, id AS owner_id, unit_id FROM app_user WHERE workspace_id = ${workspaceId}`;
    case 'product':
      return sql`SELECT id, name, NULL::uuid AS owner_id, NULL::uuid AS unit_id FROM product
        WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL`;
    case 'company':
      return sql`SELECT id, name, owner_id, unit_id FROM company WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL`;
  }
}

type Row = { id: string; name: string; owner_id: string | null; unit_id: string | null };
const refOf = (row: Row): TargetRef => ({ id: row.id, name: row.name, ownerId: row.owner_id, unitId: row.unit_id });

/** The targets of a kind among these ids that exist in the workspace, by id. */
export async function loadTargets(db: Executor, workspaceId: string, kind: TPlanKind, ids: string[]): Promise<Map<string, TargetRef>> {
  if (kind === 'total' || ids.length === 0) return new Map();
  const wanted = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<Row>(sql`SELECT * FROM (${targetTable(kind, workspaceId)}) t WHERE t.id IN (${wanted})`);
  return new Map(result.rows.map((row) => [row.id, refOf(row)]));
}

/** What a target is called in messages about it. */
export const TARGET_NOUN: Record<TPlanKind, string> = {
  total: 'company',
  unit: 'unit',
  owner: 'user',
  product: 'product',
  company: 'customer',
};

const uuidList = (ids: Iterable<string>) => {
  const list = [...ids];
  return list.length === 0
    ? sql`false`
    : sql`IN (${sql.join(
        list.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
};

/** Who owns or belongs to a target row `t`, within the given scope: the same rule as the policies, as SQL. */
async function inScope(ctx: Ctx, scope: string, column: 'id' | 'owner_id'): Promise<SQL> {
  const { actor } = ctx;
  if (scope === 'all') return sql`true`;
  if (scope === 'own') return sql`t.${sql.raw(column)} = ${actor.userId}::uuid`;
  if (scope === 'unit') return sql`(t.${sql.raw(column)} = ${actor.userId}::uuid OR t.unit_id ${uuidList(await actor.unitTree())})`;
  return sql`false`;
}

/**
 * The targets the reader may read or set plans for, as a condition on `t` — the rule of `mayPlan`
 * put into SQL, so that the list is narrowed by the database before it is cut to a page.
 */
async function mayPlanSql(ctx: Ctx, action: 'read' | 'set', kind: TargetKind): Promise<SQL> {
  const { actor } = ctx;
  const scope = planningPolicy.scope(actor, action);
  if (scope === 'all') return sql`true`;
  if (scope === 'none') return sql`false`;
  switch (kind) {
    case 'product':
      return action === 'read' ? sql`true` : sql`false`;
    case 'unit': {
      const units = new Set<string>(scope === 'unit' ? await actor.unitTree() : []);
      if (action === 'read' && actor.unitId) units.add(actor.unitId);
      return sql`t.id ${uuidList(units)}`;
    }
    case 'owner':
      return inScope(ctx, scope, 'id');
    case 'company':
      return action === 'read' ? inScope(ctx, companyPolicy.scope(actor, 'read'), 'owner_id') : sql`false`;
  }
}

/** Up to 20 targets of a kind, matching the name, that the reader may set (or read) plans for. */
export async function findPlanTargets(ctx: Ctx, query: TPlanTargetsQuery): Promise<TPlanTargets> {
  const q = query.q?.trim();
  const result = await ctx.db.execute<Row>(sql`SELECT * FROM (${targetTable(query.kind, ctx.actor.workspaceId)}) t
    WHERE ${await mayPlanSql(ctx, query.action, query.kind)} ${q ? sql`AND t.name ILIKE ${`%${escapeLike(q)}%`}` : sql``}
    ORDER BY t.name, t.id LIMIT 20`);
  // The rule itself has the last word on each row.
  const data: TPlanTargets['data'] = [];
  for (const row of result.rows) {
    if (await mayPlan(ctx.actor, query.action, query.kind, refOf(row))) data.push({ id: row.id, name: row.name });
  }
  return { data };
}
