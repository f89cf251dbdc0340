import type {
  TCreateLostReasonInput,
  TCreatePipelineInput,
  TLocale,
  TLostReason,
  TPipeline,
  TPipelineStage,
  TUpdatePipelineInput,
} from '@clientela/contract';
import { ZCreateLostReasonInput, ZCreatePipelineInput, ZUpdateLostReasonInput, ZUpdatePipelineInput } from '@clientela/contract';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { users } from '../users/index.ts';
import { deals, lostReasons, pipelineStages, pipelines } from './deals.table.ts';
import { DEFAULT_PIPELINE } from './default-pipeline.ts';

type StageInput = TCreatePipelineInput['stages'][number];

function onlyAdmins(ctx: Ctx) {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an administrator changes pipelines');
}

/**
 * Gives a workspace its first pipeline and lost reasons, in its founder's language, the first time
 * deals are looked at. Two requests at once create it once (the default pipeline is unique).
 */
export async function ensureDefaultPipeline(db: Executor, workspaceId: string): Promise<void> {
  const [existing] = await db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), isNull(pipelines.deletedAt)))
    .limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    const [founder] = await tx
      .select({ locale: users.locale })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin')))
      .orderBy(asc(users.createdAt))
      .limit(1);
    const seed = DEFAULT_PIPELINE[(founder?.locale as TLocale | undefined) ?? 'en'];
    const [pipeline] = await tx
      .insert(pipelines)
      .values({ workspaceId, name: seed.name, isDefault: true })
      .onConflictDoNothing()
      .returning({ id: pipelines.id });
    if (!pipeline) return; // another request made it
    await tx
      .insert(pipelineStages)
      .values(seed.stages.map((stage, position) => ({ workspaceId, pipelineId: pipeline.id, position, ...stage })));
    await tx.insert(lostReasons).values(seed.lostReasons.map((name) => ({ workspaceId, name })));
  });
}

function presentStage(stage: typeof pipelineStages.$inferSelect): TPipelineStage {
  return {
    id: stage.id,
    name: stage.name,
    position: stage.position,
    probability: stage.probability,
    kind: stage.kind,
    requiredFields: stage.requiredFields as TPipelineStage['requiredFields'],
  };
}

/** The workspace's pipelines with their live stages in order; everyone reads them. */
export async function listPipelines(ctx: Ctx, db: Executor = ctx.db, only?: string): Promise<TPipeline[]> {
  const workspaceId = ctx.actor.workspaceId;
  await ensureDefaultPipeline(db, workspaceId);
  const [rows, stages] = await Promise.all([
    db
      .select()
      .from(pipelines)
      .where(and(eq(pipelines.workspaceId, workspaceId), isNull(pipelines.deletedAt), only ? eq(pipelines.id, only) : undefined))
      .orderBy(sql`${pipelines.isDefault} DESC`, asc(pipelines.position), asc(pipelines.createdAt)),
    db
      .select()
      .from(pipelineStages)
      .where(
        and(
          eq(pipelineStages.workspaceId, workspaceId),
          isNull(pipelineStages.deletedAt),
          only ? eq(pipelineStages.pipelineId, only) : undefined,
        ),
      )
      .orderBy(asc(pipelineStages.position)),
  ]);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    isDefault: p.isDefault,
    active: p.active,
    stages: stages.filter((s) => s.pipelineId === p.id).map(presentStage),
  }));
}

export async function getPipeline(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TPipeline> {
  const [pipeline] = await listPipelines(ctx, db, id);
  if (!pipeline) throw notFound('pipeline');
  return pipeline;
}

/** A pipeline's stages must include an open, a won and a lost one; only a lost stage may ask for a lost reason. */
function checkStages(stages: StageInput[]) {
  const errors: { path: string; message: string }[] = [];
  for (const kind of ['open', 'won', 'lost'] as const)
    if (!stages.some((s) => s.kind === kind)) errors.push({ path: 'stages', message: `A pipeline needs a stage of kind "${kind}"` });
  stages.forEach((s, i) => {
    if (s.kind !== 'lost' && s.requiredFields?.includes('lostReasonId'))
      errors.push({ path: `stages.${i}.requiredFields`, message: 'Only a lost stage can ask for a lost reason' });
  });
  const ids = stages.flatMap((s) => (s.id ? [s.id] : []));
  if (new Set(ids).size !== ids.length) errors.push({ path: 'stages', message: 'A stage is listed twice' });
  if (errors.length) throw new AppError('validation_failed', 'The stages are not consistent', { errors });
}

async function makeOnlyDefault(tx: Executor, workspaceId: string, id: string) {
  await tx
    .update(pipelines)
    .set({ isDefault: false })
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.isDefault, true), sql`${pipelines.id} <> ${id}`));
  await tx
    .update(pipelines)
    .set({ isDefault: true })
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
}

/** Writes a pipeline's stages in the given order: existing ones keep their id (and deals), new ones are added, the others removed. */
async function writeStages(tx: Executor, workspaceId: string, pipelineId: string, stages: StageInput[]) {
  const live = await tx
    .select({ id: pipelineStages.id })
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.pipelineId, pipelineId), isNull(pipelineStages.deletedAt)));
  const liveIds = new Set(live.map((s) => s.id));
  const errors = stages.flatMap((s, i) =>
    s.id && !liveIds.has(s.id) ? [{ path: `stages.${i}.id`, message: 'Not a stage of this pipeline' }] : [],
  );
  if (errors.length) throw new AppError('validation_failed', 'Unknown stage', { errors });
  const kept = stages.flatMap((s) => (s.id ? [s.id] : []));
  const removed = [...liveIds].filter((id) => !kept.includes(id));
  if (removed.length) {
    const busy = await tx
      .select({ stageId: deals.stageId, n: sql<number>`count(*)::int` })
      .from(deals)
      .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.stageId, removed), isNull(deals.deletedAt)))
      .groupBy(deals.stageId);
    if (busy.length)
      throw new AppError('stage_has_deals', 'Deals are still in a stage being removed', {
        errors: busy.map((b) => ({ path: `stages.${b.stageId}`, message: `${b.n} deal(s) in this stage` })),
      });
    await tx
      .update(pipelineStages)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(pipelineStages.workspaceId, workspaceId), inArray(pipelineStages.id, removed)));
  }
  for (const [position, s] of stages.entries()) {
    const values = { name: s.name, position, probability: s.probability, kind: s.kind, requiredFields: s.requiredFields ?? [] };
    if (s.id)
      await tx
        .update(pipelineStages)
        .set(values)
        .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.id, s.id)));
    else await tx.insert(pipelineStages).values({ workspaceId, pipelineId, ...values });
  }
}

export async function createPipeline(ctx: Ctx, raw: TCreatePipelineInput): Promise<TPipeline> {
  onlyAdmins(ctx);
  const input = ZCreatePipelineInput.parse(raw);
  checkStages(input.stages.map((s) => ({ ...s, id: undefined })));
  const workspaceId = ctx.actor.workspaceId;
  await ensureDefaultPipeline(ctx.db, workspaceId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pipelines)
      .values({ workspaceId, name: input.name, active: input.active ?? true })
      .returning({ id: pipelines.id });
    if (!row) throw new Error('pipeline insert returned nothing');
    await writeStages(
      tx,
      workspaceId,
      row.id,
      input.stages.map((s) => ({ ...s, id: undefined })),
    );
    if (input.isDefault) await makeOnlyDefault(tx, workspaceId, row.id);
    return row.id;
  });
  return getPipeline(ctx, id);
}

export async function updatePipeline(ctx: Ctx, id: string, raw: TUpdatePipelineInput): Promise<TPipeline> {
  onlyAdmins(ctx);
  const input = ZUpdatePipelineInput.parse(raw);
  if (input.stages) checkStages(input.stages);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(pipelines)
      .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id), isNull(pipelines.deletedAt)))
      .for('update');
    if (!row) throw notFound('pipeline');
    if (input.isDefault === false && row.isDefault)
      throw new AppError('validation_failed', 'Make another pipeline the default instead', {
        errors: [{ path: 'isDefault', message: 'One pipeline is always the default' }],
      });
    await tx
      .update(pipelines)
      .set({ name: input.name ?? row.name, active: input.active ?? row.active })
      .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
    if (input.stages) await writeStages(tx, workspaceId, id, input.stages);
    if (input.isDefault && !row.isDefault) await makeOnlyDefault(tx, workspaceId, id);
  });
  return getPipeline(ctx, id);
}

/** Removes a pipeline without deals; the default one stays. */
export async function deletePipeline(ctx: Ctx, id: string): Promise<void> {
  onlyAdmins(ctx);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(pipelines)
      .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id), isNull(pipelines.deletedAt)))
      .for('update');
    if (!row) throw notFound('pipeline');
    if (row.isDefault)
      throw new AppError('validation_failed', 'The default pipeline cannot be removed', {
        errors: [{ path: 'isDefault', message: 'Make another pipeline the default first' }],
      });
    const [busy] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(deals)
      .where(and(eq(deals.workspaceId, workspaceId), eq(deals.pipelineId, id), isNull(deals.deletedAt)));
    if (busy && busy.n > 0)
      throw new AppError('stage_has_deals', `${busy.n} deal(s) are in this pipeline`, {
        errors: [{ path: 'stages', message: `${busy.n} deal(s) in this pipeline` }],
      });
    await tx
      .update(pipelines)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
  });
}

export async function listLostReasons(ctx: Ctx): Promise<TLostReason[]> {
  await ensureDefaultPipeline(ctx.db, ctx.actor.workspaceId);
  const rows = await ctx.db
    .select({ id: lostReasons.id, name: lostReasons.name, active: lostReasons.active })
    .from(lostReasons)
    .where(eq(lostReasons.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(lostReasons.createdAt), asc(lostReasons.id));
  return rows;
}

export async function createLostReason(ctx: Ctx, raw: TCreateLostReasonInput): Promise<TLostReason> {
  onlyAdmins(ctx);
  const input = ZCreateLostReasonInput.parse(raw);
  const [row] = await ctx.db
    .insert(lostReasons)
    .values({ workspaceId: ctx.actor.workspaceId, name: input.name, active: input.active ?? true })
    .returning({ id: lostReasons.id, name: lostReasons.name, active: lostReasons.active });
  if (!row) throw new Error('lost reason insert returned nothing');
  return row;
}

export async function updateLostReason(ctx: Ctx, id: string, raw: Partial<TCreateLostReasonInput>): Promise<TLostReason> {
  onlyAdmins(ctx);
  const input = ZUpdateLostReasonInput.parse(raw);
  const [row] = await ctx.db
    .update(lostReasons)
    .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.active !== undefined ? { active: input.active } : {}) })
    .where(and(eq(lostReasons.workspaceId, ctx.actor.workspaceId), eq(lostReasons.id, id)))
    .returning({ id: lostReasons.id, name: lostReasons.name, active: lostReasons.active });
  if (!row) throw notFound('lost reason');
  return row;
}

/** True unless `id` is an active lost reason of the workspace. */
export async function inactiveLostReason(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: lostReasons.id })
    .from(lostReasons)
    .where(and(eq(lostReasons.workspaceId, workspaceId), eq(lostReasons.id, id), eq(lostReasons.active, true)));
  return !row;
}
