import { type TNotificationKind, type TTask, type TTaskStatus, type TTaskTransitionInput, ZTaskTransitionInput } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { handoverAnswered } from '../cases/index.ts';
import { notify } from '../notifications/index.ts';
import { presentTasks } from './present.ts';
import { actsAsAssignee, findReadable } from './tasks.service.ts';
import { taskEvents, tasks } from './tasks.table.ts';

type Move = { from: readonly TTaskStatus[]; by: 'assignee' | 'sender'; needs?: 'committedDate' | 'reason' | 'result' };

/**
 * The life cycle, as the moves each status may be reached by. The assignee's side receives,
 * accepts or declines, starts and finishes; the sender confirms a done task or reopens it
 * (back to in progress, or to accepted).
 */
const MOVES: Partial<Record<TTaskStatus, readonly Move[]>> = {
  received: [{ from: ['sent'], by: 'assignee' }],
  accepted: [
    { from: ['sent', 'received'], by: 'assignee', needs: 'committedDate' },
    { from: ['done'], by: 'sender' },
  ],
  declined: [{ from: ['sent', 'received'], by: 'assignee', needs: 'reason' }],
  in_progress: [
    { from: ['accepted'], by: 'assignee' },
    { from: ['done'], by: 'sender' },
  ],
  done: [{ from: ['accepted', 'in_progress'], by: 'assignee', needs: 'result' }],
  confirmed: [{ from: ['done'], by: 'sender' }],
};

/** The steps the other party is told about: the assignee's answers and results, the sender's verdict. */
function noticeOf(to: TTaskStatus, by: Move['by']): TNotificationKind | null {
  if (by === 'sender') return to === 'confirmed' ? 'task_confirmed' : 'task_reopened';
  if (to === 'accepted') return 'task_accepted';
  if (to === 'declined') return 'task_declined';
  if (to === 'done') return 'task_done';
  return null;
}

/** The moves a process step's assignee makes on the task itself. */
const PROCESS_STEP_MOVES: ReadonlySet<string> = new Set(['accepted', 'in_progress']);

/** Whether a task is a user step of a process: it is done through the step's form, so that the process moves on. */
async function isProcessStep(tx: Executor, workspaceId: string, taskId: string): Promise<boolean> {
  const { rows } = await tx.execute(sql`SELECT 1 FROM process_task WHERE workspace_id = ${workspaceId} AND task_id = ${taskId}`);
  return rows.length > 0;
}

/**
 * Moves a task on and records who did it, when, from what to what, with the note. A move the
 * task's status does not allow answers 409 `task_transition_invalid`; a reader who is not the
 * party of that move answers 403. A queue member who moves a queue task (other than declining
 * it for the unit) takes it: it becomes theirs.
 */
export async function transitionTask(ctx: Ctx, id: string, raw: TTaskTransitionInput, now: Date = new Date()): Promise<TTask> {
  const input = ZTaskTransitionInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const row = await findReadable(ctx, tx, id, true);
    const moves = MOVES[input.to] ?? [];
    const move = moves.find((m) => m.from.includes(row.status));
    // A process step is accepted and worked on like any task, but it ends only through its form
    // (the process moves on), and the process, not its sender, decides whether it comes back.
    const assigneeMove = move?.by === 'assignee' && PROCESS_STEP_MOVES.has(input.to);
    if (!assigneeMove && (await isProcessStep(tx, workspaceId, id))) {
      throw new AppError('process_step', "This task is a step of a process: complete it by filling in the step's form");
    }
    if (!move)
      throw new AppError('task_transition_invalid', `A ${row.status.replace('_', ' ')} task cannot become ${input.to.replace('_', ' ')}`);
    const party = move.by === 'sender' ? row.senderId === ctx.actor.userId : await actsAsAssignee(ctx, tx, row);
    if (!party) throw forbidden(move.by === 'sender' ? 'Only the sender may do this' : 'Only the assignee may do this');
    if (move.needs && !input[move.needs])
      throw new AppError('validation_failed', `Moving to ${input.to} needs ${move.needs}`, {
        errors: [{ path: move.needs, message: 'Required for this step' }],
      });
    const takes = move.by === 'assignee' && row.assigneeId === null && input.to !== 'declined';
    const reopened = move.by === 'sender' && input.to !== 'confirmed';
    await tx
      .update(tasks)
      .set({
        status: input.to,
        assigneeId: takes ? ctx.actor.userId : row.assigneeId,
        receivedAt: row.receivedAt ?? (move.by === 'assignee' ? sql`now()` : null),
        committedDate: input.to === 'accepted' && input.committedDate ? input.committedDate : row.committedDate,
        declineReason: input.to === 'declined' ? (input.reason ?? null) : row.declineReason,
        result: input.to === 'done' ? (input.result ?? null) : reopened ? null : row.result,
        updatedAt: sql`now()`,
      })
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
    const note = input.note || (input.to === 'declined' ? input.reason : input.to === 'done' ? input.result : undefined) || null;
    await tx.insert(taskEvents).values({
      workspaceId,
      taskId: id,
      actorId: ctx.actor.userId,
      fromStatus: row.status,
      toStatus: input.to,
      note: takes && !note ? 'Taken from the queue' : note,
    });
    // A case handed over with this task moves (or stays) with the answer, in the same transaction.
    if (input.to === 'accepted' || input.to === 'declined') {
      await handoverAnswered(
        tx,
        {
          workspaceId,
          taskId: id,
          actorId: ctx.actor.userId,
          accepted: input.to === 'accepted',
          assigneeId: takes ? ctx.actor.userId : row.assigneeId,
          unitId: row.queueUnitId ?? row.unitId,
        },
        now,
      );
    }
    // The other party hears of the step: the sender of the assignee's, the assignee of the sender's.
    const kind = noticeOf(input.to, move.by);
    if (kind) {
      const to = move.by === 'assignee' ? [row.senderId] : [row.assigneeId];
      await notify(tx, workspaceId, to, { kind, taskId: id, title: row.title, actorId: ctx.actor.userId });
    }
  });
  const [task] = await presentTasks(ctx, ctx.db, [await findReadable(ctx, ctx.db, id)]);
  return task as TTask;
}
