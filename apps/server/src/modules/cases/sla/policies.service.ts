import {
  type TSlaPolicy,
  type TSlaPolicyInput,
  type TUpdateSlaPolicyInput,
  ZSlaPolicyInput,
  ZUpdateSlaPolicyInput,
} from '@clientela/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { Ctx } from '../../../http/context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { caseSettingsPolicy } from '../cases.policy.ts';
import { caseTypes, slaPolicies } from '../cases.table.ts';

type PolicyRow = typeof slaPolicies.$inferSelect;

const invalid = (path: string, message: string) => new AppError('validation_failed', message, { errors: [{ path, message }] });
const taken = () =>
  new AppError('conflict', 'There is already a policy for this type and priority', {
    errors: [{ path: 'priority', message: 'There is already a policy for this type and priority' }],
  });
const isUniqueViolation = (error: unknown) =>
  ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code === '23505';

/** The policy that applies to a case: type and priority, then type, then priority, then the catch-all; inactive ones never. */
export function pickPolicy<P extends Pick<PolicyRow, 'typeId' | 'priority' | 'active'>>(
  policies: readonly P[],
  c: { typeId: string; priority: string },
): P | null {
  const active = policies.filter((p) => p.active);
  return (
    active.find((p) => p.typeId === c.typeId && p.priority === c.priority) ??
    active.find((p) => p.typeId === c.typeId && p.priority === null) ??
    active.find((p) => p.typeId === null && p.priority === c.priority) ??
    active.find((p) => p.typeId === null && p.priority === null) ??
    null
  );
}

/** Every policy of the workspace (inactive ones too). */
export function policiesOf(db: Executor, workspaceId: string): Promise<PolicyRow[]> {
  return db.select().from(slaPolicies).where(eq(slaPolicies.workspaceId, workspaceId));
}

async function present(db: Executor, workspaceId: string, id?: string): Promise<TSlaPolicy[]> {
  const rows = await db
    .select({ policy: slaPolicies, typeName: caseTypes.name })
    .from(slaPolicies)
    .leftJoin(caseTypes, and(eq(caseTypes.workspaceId, slaPolicies.workspaceId), eq(caseTypes.id, slaPolicies.typeId)))
    .where(and(eq(slaPolicies.workspaceId, workspaceId), id ? eq(slaPolicies.id, id) : undefined))
    .orderBy(asc(sql`${slaPolicies.typeId} IS NULL`), asc(caseTypes.position), asc(caseTypes.name), asc(slaPolicies.priority));
  return rows.map(({ policy: p, typeName }) => ({
    id: p.id,
    name: p.name,
    type: p.typeId ? { id: p.typeId, name: typeName ?? '' } : null,
    priority: p.priority,
    firstResponseMinutes: p.firstResponseMinutes,
    resolutionMinutes: p.resolutionMinutes,
    warnBeforeMinutes: p.warnBeforeMinutes,
    active: p.active,
    updatedAt: p.updatedAt.toISOString(),
  }));
}

/** The SLA policies; every member of staff may read them. */
export async function listSlaPolicies(ctx: Ctx): Promise<{ data: TSlaPolicy[] }> {
  await caseSettingsPolicy.authorize(ctx.actor, 'read');
  return { data: await present(ctx.db, ctx.actor.workspaceId) };
}

async function checkFields(tx: Executor, workspaceId: string, p: Pick<PolicyRow, 'typeId' | 'firstResponseMinutes' | 'resolutionMinutes'>) {
  if (p.typeId) {
    const [type] = await tx
      .select({ id: caseTypes.id })
      .from(caseTypes)
      .where(and(eq(caseTypes.workspaceId, workspaceId), eq(caseTypes.id, p.typeId)));
    if (!type) throw invalid('typeId', 'No such case type');
  }
  if (p.firstResponseMinutes > p.resolutionMinutes) {
    throw invalid('firstResponseMinutes', 'The first response cannot be due after the resolution');
  }
}

async function save(ctx: Ctx, write: (tx: Executor) => Promise<string>): Promise<TSlaPolicy> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const id = await write(tx);
      const [saved] = await present(tx, ctx.actor.workspaceId, id);
      if (!saved) throw notFound('SLA policy');
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** An admin adds a policy; one per type and priority (either may be "any"). */
export async function createSlaPolicy(ctx: Ctx, raw: TSlaPolicyInput): Promise<TSlaPolicy> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const input = ZSlaPolicyInput.parse(raw);
  return save(ctx, async (tx) => {
    const values = {
      workspaceId: ctx.actor.workspaceId,
      name: input.name,
      typeId: input.typeId ?? null,
      priority: input.priority ?? null,
      firstResponseMinutes: input.firstResponseMinutes,
      resolutionMinutes: input.resolutionMinutes,
      ...(input.warnBeforeMinutes !== undefined ? { warnBeforeMinutes: input.warnBeforeMinutes } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    await checkFields(tx, ctx.actor.workspaceId, values);
    const [row] = await tx.insert(slaPolicies).values(values).returning({ id: slaPolicies.id });
    return row?.id as string;
  });
}

/** An admin changes a policy; cases already running keep their due times until they change. */
export async function updateSlaPolicy(ctx: Ctx, id: string, raw: TUpdateSlaPolicyInput): Promise<TSlaPolicy> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const input = ZUpdateSlaPolicyInput.parse(raw);
  return save(ctx, async (tx) => {
    const where = and(eq(slaPolicies.workspaceId, ctx.actor.workspaceId), eq(slaPolicies.id, id));
    const [before] = await tx.select().from(slaPolicies).where(where).for('update');
    if (!before) throw notFound('SLA policy');
    const after = { ...before, ...input, typeId: input.typeId === undefined ? before.typeId : input.typeId };
    if (input.priority !== undefined) after.priority = input.priority;
    await checkFields(tx, ctx.actor.workspaceId, after);
    await tx
      .update(slaPolicies)
      .set({
        name: after.name,
        typeId: after.typeId,
        priority: after.priority,
        firstResponseMinutes: after.firstResponseMinutes,
        resolutionMinutes: after.resolutionMinutes,
        warnBeforeMinutes: after.warnBeforeMinutes,
        active: after.active,
        updatedAt: sql`now()`,
      })
      .where(where);
    return id;
  });
}

/** An admin removes a policy; cases it timed keep their due times. */
export async function deleteSlaPolicy(ctx: Ctx, id: string): Promise<void> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const deleted = await ctx.db
    .delete(slaPolicies)
    .where(and(eq(slaPolicies.workspaceId, ctx.actor.workspaceId), eq(slaPolicies.id, id)))
    .returning({ id: slaPolicies.id });
  if (deleted.length === 0) throw notFound('SLA policy');
}
