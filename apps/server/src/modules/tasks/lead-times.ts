import type { TLeadTimeAdvice, TPutUnitLeadTimes } from '@clientela/contract';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { units } from '../units/index.ts';
import { leadTimePolicy } from './tasks.policy.ts';
import { unitLeadTimes } from './tasks.table.ts';

async function findUnit(db: Executor, workspaceId: string, unitId: string) {
  const [unit] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, unitId)));
  return unit;
}

/** A unit's standard lead times, by type of work (everyone sees the organisation chart, and these with it). */
export async function getLeadTimes(ctx: Ctx, unitId: string) {
  if (!(await findUnit(ctx.db, ctx.actor.workspaceId, unitId))) throw notFound('unit');
  const rows = await ctx.db
    .select({ kind: unitLeadTimes.kind, days: unitLeadTimes.days })
    .from(unitLeadTimes)
    .where(and(eq(unitLeadTimes.workspaceId, ctx.actor.workspaceId), eq(unitLeadTimes.unitId, unitId)))
    .orderBy(asc(unitLeadTimes.kind));
  return { data: rows };
}

/** Replaces a unit's lead times: an admin, or a manager of that unit or one above it. */
export async function putLeadTimes(ctx: Ctx, unitId: string, input: TPutUnitLeadTimes) {
  const workspaceId = ctx.actor.workspaceId;
  if (!(await findUnit(ctx.db, workspaceId, unitId))) throw notFound('unit');
  await leadTimePolicy.authorize(ctx.actor, 'update', { unitId });
  const seen = new Map<string, number>();
  const errors = input.data.flatMap((item, i) => {
    const key = item.kind.toLowerCase();
    if (seen.has(key)) return [{ path: `data.${i}.kind`, message: 'Named twice' }];
    seen.set(key, i);
    return [];
  });
  if (errors.length > 0) throw new AppError('validation_failed', 'A type of work is named twice', { errors });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(unitLeadTimes).where(and(eq(unitLeadTimes.workspaceId, workspaceId), eq(unitLeadTimes.unitId, unitId)));
    if (input.data.length > 0)
      await tx.insert(unitLeadTimes).values(input.data.map((item) => ({ workspaceId, unitId, kind: item.kind, days: item.days })));
  });
  return getLeadTimes(ctx, unitId);
}

/** The unit's standard lead time for a type of work (case-insensitive) and the earliest due date it implies from today. */
export async function leadTimeAdvice(db: Executor, workspaceId: string, unitId: string, kind: string): Promise<TLeadTimeAdvice> {
  const rows = await db
    .select({ kind: unitLeadTimes.kind, days: unitLeadTimes.days })
    .from(unitLeadTimes)
    .where(and(eq(unitLeadTimes.workspaceId, workspaceId), eq(unitLeadTimes.unitId, unitId)));
  const found = rows.find((row) => row.kind.toLowerCase() === kind.trim().toLowerCase());
  const days = found?.days ?? null;
  return {
    unitId,
    kind: found?.kind ?? kind.trim(),
    days,
    earliestDue: days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10),
  };
}

/** `GET /tasks/lead-time?unitId=&kind=`: what the sender sees before sending to a queue. */
export async function getLeadTimeAdvice(ctx: Ctx, query: { unitId: string; kind: string }): Promise<TLeadTimeAdvice> {
  if (!(await findUnit(ctx.db, ctx.actor.workspaceId, query.unitId))) throw notFound('unit');
  return leadTimeAdvice(ctx.db, ctx.actor.workspaceId, query.unitId, query.kind);
}
