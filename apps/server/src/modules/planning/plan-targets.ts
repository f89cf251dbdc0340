import type { TPlanKind, TPlanTargets, TPlanTargetsQuery } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { escapeLike } from '../users/index.ts';
import { mayPlan, type TargetRef } from './planning.policy.ts';

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

/** Up to 20 targets of a kind, matching the name, that the reader may set (or read) plans for. */
export async function findPlanTargets(ctx: Ctx, query: TPlanTargetsQuery): Promise<TPlanTargets> {
  const q = query.q?.trim();
  const result = await ctx.db.execute<Row>(sql`SELECT * FROM (${targetTable(query.kind, ctx.actor.workspaceId)}) t
    ${q ? sql`WHERE t.name ILIKE ${`%${escapeLike(q)}%`}` : sql``}
    ORDER BY t.name, t.id LIMIT 200`);
  const data: TPlanTargets['data'] = [];
  for (const row of result.rows) {
    if (data.length === 20) break;
    if (await mayPlan(ctx.actor, query.action, query.kind, refOf(row))) data.push({ id: row.id, name: row.name });
  }
  return { data };
}
