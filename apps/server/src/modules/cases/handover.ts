import { type TCaseHandoverInput, ZCaseHandoverInput } from '@clientela/contract';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { createTask } from '../tasks/index.ts';
import { units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { type CaseRow, caseRef, findCase, invalid, invalidTransition } from './case-rows.ts';
import { saveCase } from './case-writes.ts';
import { casePolicy } from './cases.policy.ts';
import { supportCases } from './cases.table.ts';

/** Statuses a case may be handed over from: it is being worked on. */
const HANDED_FROM = new Set(['new', 'assigned', 'in_progress', 'waiting_customer', 'reopened']);

/** The target of a hand-over: a unit's queue, or a person (in the unit, when one is named). 400 naming the field otherwise. */
async function checkTarget(db: Executor, workspaceId: string, input: TCaseHandoverInput) {
  if (!input.unitId && !input.assigneeId)
    throw invalid('Choose the unit or the person', [{ path: 'unitId', message: 'Choose a unit or a person' }]);
  if (input.unitId) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.workspaceId, workspaceId), eq(units.id, input.unitId)));
    if (!unit) throw invalid('No such unit', [{ path: 'unitId', message: 'No such unit' }]);
  }
  if (input.assigneeId) {
    const [person] = await db
      .select({ unitId: users.unitId, active: users.active })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, input.assigneeId)));
    if (!person?.active) throw invalid('No such person', [{ path: 'assigneeId', message: 'No such user' }]);
    if (input.unitId && person.unitId !== input.unitId)
      throw invalid('The person is not in that unit', [{ path: 'assigneeId', message: 'Not a member of the unit' }]);
  }
}

/**
 * Hands a case to another unit (its queue, or a person there): an assignment linked to the case,
 * which must be accepted. Until then the case stays with its owner, waiting for the other unit.
 * 409 `invalid_transition` while another hand-over waits or when the case is no longer open.
 */
export async function handOverCase(ctx: Ctx, id: string, raw: TCaseHandoverInput, now: Date): Promise<void> {
  const input = ZCaseHandoverInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const row = await findCase(ctx, tx, id, true);
    await casePolicy.authorize(ctx.actor, 'update', caseRef(row));
    if (row.handoverTaskId) throw invalidTransition('A hand-over already waits to be accepted');
    if (!HANDED_FROM.has(row.status)) throw invalidTransition(`A case ${row.status.replace('_', ' ')} is not handed over`);
    await checkTarget(tx, row.workspaceId, input);
    // The assignment is written in this transaction (its own is a savepoint): both stand or neither.
    const task = await createTask(
      { ...ctx, db: tx as unknown as Ctx['db'] },
      {
        title: `${row.number} ${row.subject}`,
        description: input.note || null,
        priority: row.priority,
        ...(input.assigneeId ? { assigneeId: input.assigneeId } : { queueUnitId: input.unitId as string }),
        ...(input.dueAt ? { dueAt: input.dueAt } : {}),
        caseIds: [row.id],
      },
    );
    await saveCase(tx, ctx.actor.userId, row, { handoverTaskId: task.id, status: 'waiting_unit' }, now, { note: input.note ?? null });
  });
}

/**
 * Called when an assignment is accepted or declined, in that move's transaction. When it is a
 * case's waiting hand-over: accepted, the case moves to the person who accepted it and the unit it
 * was handed to, in progress; declined, it stays with its owner, in progress again (a case nobody
 * had taken goes back to its unit's queue, new). Either way the hand-over is cleared.
 */
export async function handoverAnswered(
  tx: Executor,
  answer: { workspaceId: string; taskId: string; actorId: string; accepted: boolean; assigneeId: string | null; unitId: string | null },
  now: Date,
): Promise<void> {
  const [row] = await tx
    .select()
    .from(supportCases)
    .where(
      and(
        eq(supportCases.workspaceId, answer.workspaceId),
        // By the case's own pointer to its waiting hand-over: the task's links are its sender's to edit.
        eq(supportCases.handoverTaskId, answer.taskId),
        // A case in the bin is no longer moved by its hand-over.
        isNull(supportCases.deletedAt),
      ),
    )
    .for('update');
  if (!row) return;
  // Declined, a case nobody had taken goes back to its unit's queue, new.
  const changes: Partial<CaseRow> = { handoverTaskId: null, status: row.ownerId ? 'in_progress' : 'new' };
  if (answer.accepted && answer.assigneeId) {
    changes.ownerId = answer.assigneeId;
    changes.unitId = answer.unitId;
    changes.status = 'in_progress';
  }
  await saveCase(tx, answer.actorId, row, changes, now, {
    note: answer.accepted ? 'Hand-over accepted' : 'Hand-over declined',
  });
}

/** The case (not in the bin) whose waiting hand-over is this task, if any. */
export async function caseAwaitingHandover(db: Executor, workspaceId: string, taskId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: supportCases.id })
    .from(supportCases)
    .where(and(eq(supportCases.workspaceId, workspaceId), eq(supportCases.handoverTaskId, taskId), isNull(supportCases.deletedAt)));
  return row?.id ?? null;
}
