import { type TCaseSatisfactionInput, type TUpdateCaseInput, ZCaseSatisfactionInput, ZUpdateCaseInput } from '@clientela/contract';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { unitOfUser } from '../activities/records.ts';
import { recordChange } from '../history/index.ts';
import { taskEvents, tasks } from '../tasks/index.ts';
import { type CaseRow, caseRef, findCase, invalid, invalidTransition } from './case-rows.ts';
import { checkCaseLinks, saveCase } from './case-writes.ts';
import { casePolicy } from './cases.policy.ts';
import { supportCases } from './cases.table.ts';
import { tellNewHandler } from './create-case.ts';

/**
 * Changes a case's fields (its status moves through transitions). A new owner takes the case into
 * their unit and is told: one of the same unit, or of a unit the actor manages (another unit takes a
 * case through a hand-over, 409 `conflict`; none while a hand-over waits, 409 `invalid_transition`); a new type brings its kind. Who handles the case, their unit's managers
 * and admins may; 403 for other readers.
 */
export async function updateCase(ctx: Ctx, id: string, raw: TUpdateCaseInput, now: Date): Promise<void> {
  const input = ZUpdateCaseInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const row = await findCase(ctx, tx, id, true);
    await casePolicy.authorize(ctx.actor, 'update', caseRef(row));
    const pick = <K extends keyof TUpdateCaseInput & keyof CaseRow>(key: K): CaseRow[K] =>
      (input[key] === undefined ? row[key] : (input[key] ?? null)) as CaseRow[K];
    const links = {
      typeId: input.typeId ?? row.typeId,
      // A category belongs to its type: a new type without a category sent drops the old one.
      categoryId: input.categoryId === undefined && input.typeId && input.typeId !== row.typeId ? null : pick('categoryId'),
      companyId: pick('companyId'),
      contactId: pick('contactId'),
      productId: pick('productId'),
      orderId: pick('orderId'),
    };
    const { kind } = await checkCaseLinks(tx, row.workspaceId, links, (field) => links[field] !== row[field]);
    const changes: Partial<CaseRow> = {
      ...links,
      kind,
      subject: input.subject ?? row.subject,
      description: input.description === undefined ? row.description : input.description || null,
      channel: input.channel ?? row.channel,
      priority: input.priority ?? row.priority,
      verdict: pick('verdict'),
      verdictReason: input.verdictReason === undefined ? row.verdictReason : input.verdictReason || null,
      resolution: input.resolution === undefined ? row.resolution : input.resolution || null,
      compensationAmount: pick('compensationAmount'),
      compensationCurrency: pick('compensationCurrency'),
      compensationNote: input.compensationNote === undefined ? row.compensationNote : input.compensationNote || null,
    };
    if (changes.compensationAmount && !changes.compensationCurrency)
      throw invalid('An amount needs its currency', [{ path: 'compensationCurrency', message: 'An amount needs its currency' }]);
    if (changes.verdict && kind !== 'complaint')
      throw invalid('Only a complaint gets a verdict', [{ path: 'verdict', message: 'Only a complaint gets a verdict' }]);
    const newOwner = input.ownerId !== undefined && input.ownerId !== row.ownerId;
    if (newOwner) {
      if (input.ownerId === null) throw invalid('A case keeps a responsible person', [{ path: 'ownerId', message: 'Required' }]);
      if (row.handoverTaskId)
        throw new AppError('invalid_transition', 'A hand-over waits to be answered', {
          errors: [{ path: 'ownerId', message: 'A hand-over waits to be answered' }],
        });
      changes.ownerId = input.ownerId as string;
      changes.unitId = await unitOfUser(tx, row.workspaceId, changes.ownerId, 'ownerId');
      // Another unit accepts a case through a hand-over, unless whoever moves it manages that unit too.
      const reaches =
        changes.unitId === row.unitId || (await casePolicy.can(ctx.actor, 'update', { ownerId: null, unitId: changes.unitId }));
      if (!reaches)
        throw new AppError('conflict', 'Hand the case over to another unit', {
          errors: [{ path: 'ownerId', message: 'In another unit: hand the case over instead' }],
        });
      if (row.status === 'new') changes.status = 'assigned';
    }
    const saved = await saveCase(tx, ctx.actor.userId, row, changes, now);
    if (newOwner) await tellNewHandler(tx, ctx.actor.userId, saved);
  });
}

/** A deleted case's waiting hand-over is withdrawn: its assignment ends, declined, unless answered already. */
async function cancelHandover(tx: Executor, workspaceId: string, taskId: string, actorId: string): Promise<void> {
  const note = 'The case was deleted';
  const where = and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, taskId), inArray(tasks.status, ['sent', 'received']));
  const [task] = await tx.select({ status: tasks.status }).from(tasks).where(where).for('update');
  if (!task) return;
  await tx.update(tasks).set({ status: 'declined', declineReason: note, updatedAt: sql`now()` }).where(where);
  await tx.insert(taskEvents).values({ workspaceId, taskId, actorId, fromStatus: task.status, toStatus: 'declined', note });
}

/** Moves a case to the bin (its unit's managers and admins). */
export async function deleteCase(ctx: Ctx, id: string, now: Date): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findCase(ctx, tx, id, true);
    await casePolicy.authorize(ctx.actor, 'delete', caseRef(row));
    await tx
      .update(supportCases)
      .set({ deletedAt: now, handoverTaskId: null })
      .where(and(eq(supportCases.workspaceId, row.workspaceId), eq(supportCases.id, row.id)));
    if (row.handoverTaskId) await cancelHandover(tx, row.workspaceId, row.handoverTaskId, ctx.actor.userId);
    await recordChange(tx, {
      workspaceId: row.workspaceId,
      entityType: 'case',
      entityId: row.id,
      actorId: ctx.actor.userId,
      action: 'deleted',
      before: null,
      after: null,
      fields: [],
    });
  });
}

/** A member of the unit whose queue a case waits in takes it: it becomes theirs. 409 when someone has it already. */
export async function takeCase(ctx: Ctx, id: string, now: Date): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findCase(ctx, tx, id, true);
    if (row.ownerId) throw invalidTransition('Someone handles this case already');
    if (!row.unitId || row.unitId !== ctx.actor.unitId) throw forbidden("Only a member of the case's unit may take it");
    await saveCase(tx, ctx.actor.userId, row, { ownerId: ctx.actor.userId, status: row.status === 'new' ? 'assigned' : row.status }, now);
  });
}

/** The customer's satisfaction, once the case is resolved: 1–5 and a comment. 409 before. */
export async function rateCase(ctx: Ctx, id: string, raw: TCaseSatisfactionInput, now: Date): Promise<void> {
  const input = ZCaseSatisfactionInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const row = await findCase(ctx, tx, id, true);
    await casePolicy.authorize(ctx.actor, 'update', caseRef(row));
    if (row.status !== 'resolved' && row.status !== 'closed') throw invalidTransition('Satisfaction is asked once the case is resolved');
    await saveCase(
      tx,
      ctx.actor.userId,
      row,
      { satisfaction: input.score, satisfactionComment: input.comment || null, satisfactionAt: now },
      now,
    );
  });
}
