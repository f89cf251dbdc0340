import type { TSavePlansInput, TSavePlansResult } from '@clientela/contract';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { loadTargets, TARGET_NOUN } from './plan-targets.ts';
import { mayPlan } from './planning.policy.ts';
import { salesPlans } from './planning.table.ts';

/**
 * Saves a grid of plans in one transaction: each month given an amount is set, each given null is
 * deleted. Every row is checked first (its target exists in the workspace, appears once, and the
 * actor may set its plans); any problem answers with the offending rows named and nothing written.
 */
export async function savePlans(ctx: Ctx, input: TSavePlansInput): Promise<TSavePlansResult> {
  const { actor } = ctx;
  const { kind } = input;
  const ids = input.rows.map((row) => row.targetId).filter((id): id is string => id !== null);
  const invalid: FieldError[] = [];
  const refused: FieldError[] = [];
  const seen = new Set<string | null>();
  return ctx.db.transaction(async (tx) => {
    const targets = await loadTargets(tx, actor.workspaceId, kind, ids);
    for (const [index, row] of input.rows.entries()) {
      const path = `rows.${index}.targetId`;
      if (kind === 'total' ? row.targetId !== null : row.targetId === null) {
        invalid.push({ path, message: kind === 'total' ? 'The whole company has no target' : 'Required' });
        continue;
      }
      if (seen.has(row.targetId)) {
        invalid.push({ path, message: 'The same target twice' });
        continue;
      }
      seen.add(row.targetId);
      const target = row.targetId === null ? null : targets.get(row.targetId);
      if (target === undefined) {
        invalid.push({ path, message: `No such ${TARGET_NOUN[kind]}` });
        continue;
      }
      if (!(await mayPlan(actor, 'set', kind, target))) refused.push({ path, message: 'You may not set this plan' });
    }
    if (invalid.length > 0) throw new AppError('validation_failed', 'Some rows of the plan are not valid', { errors: invalid });
    if (refused.length > 0) throw new AppError('forbidden', 'You may not set some of these plans', { errors: refused });

    let saved = 0;
    let deleted = 0;
    for (const row of input.rows) {
      const entries = Object.entries(row.months);
      const set = entries.filter((entry): entry is [string, string] => entry[1] !== null);
      const removed = entries.filter(([, amount]) => amount === null).map(([month]) => `${month}-01`);
      if (set.length > 0) {
        await tx
          .insert(salesPlans)
          .values(
            set.map(([month, amount]) => ({
              workspaceId: actor.workspaceId,
              kind,
              targetId: row.targetId,
              month: `${month}-01`,
              amount,
              updatedById: actor.userId,
            })),
          )
          .onConflictDoUpdate({
            target: [salesPlans.workspaceId, salesPlans.kind, salesPlans.targetId, salesPlans.month],
            set: { amount: sql`excluded.amount`, updatedById: actor.userId, updatedAt: sql`now()` },
          });
        saved += set.length;
      }
      if (removed.length > 0) {
        const gone = await tx
          .delete(salesPlans)
          .where(
            and(
              eq(salesPlans.workspaceId, actor.workspaceId),
              eq(salesPlans.kind, kind),
              row.targetId === null ? isNull(salesPlans.targetId) : eq(salesPlans.targetId, row.targetId),
              inArray(salesPlans.month, removed),
            ),
          )
          .returning({ id: salesPlans.id });
        deleted += gone.length;
      }
    }
    return { saved, deleted };
  });
}
