import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { notify } from '../notifications/index.ts';
import { taskEvents, tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import { absences } from './absences.table.ts';
import { absent, coversDay } from './cover.ts';

const OPEN = sql`${tasks.status} NOT IN ('done', 'confirmed', 'declined')`;

/**
 * Hands the open tasks of people away in `move` mode to their deputies, once per absence: for
 * each absence current at `now` and not handed over yet, one transaction moves the tasks, writes
 * their timeline and tells the deputy. Returns how many tasks changed hands. `only` limits it to
 * one absence (right after it is marked).
 */
export async function applyAbsenceMoves(db: Database, now: Date, only?: { workspaceId: string; id: string }): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const due = await db
    .select({ workspaceId: absences.workspaceId, id: absences.id })
    .from(absences)
    .innerJoin(absent, and(eq(absent.workspaceId, absences.workspaceId), eq(absent.id, absences.userId)))
    .where(
      and(
        eq(absences.mode, 'move'),
        isNull(absences.movedAt),
        only ? and(eq(absences.workspaceId, only.workspaceId), eq(absences.id, only.id)) : undefined,
        coversDay(absent.timeZone, at),
      ),
    );
  let moved = 0;
  for (const absence of due) moved += await handOver(db, absence, now);
  return moved;
}

async function handOver(db: Database, key: { workspaceId: string; id: string }, now: Date): Promise<number> {
  const { workspaceId } = key;
  return db.transaction(async (tx) => {
    // Another process handing this absence over holds its row: leave it to them.
    const [row] = await tx
      .select()
      .from(absences)
      .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, key.id), isNull(absences.movedAt)))
      .for('update', { skipLocked: true });
    if (!row) return 0;
    const people = await tx
      .select({ id: users.id, name: users.name, unitId: users.unitId, active: users.active })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [row.userId, row.deputyId])));
    const absentName = people.find((p) => p.id === row.userId)?.name ?? '';
    const deputy = people.find((p) => p.id === row.deputyId);
    // A deputy who has left gets nothing: the tasks stay where they are (and their reminders escalate).
    if (!deputy?.active) return 0;
    const handed = await tx
      .update(tasks)
      .set({
        assigneeId: row.deputyId,
        // A queue task stays its unit's; a personal one goes to the deputy's unit, as a new one would.
        unitId: sql`CASE WHEN ${tasks.queueUnitId} IS NULL THEN ${deputy?.unitId ?? null}::uuid ELSE ${tasks.unitId} END`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.assigneeId, row.userId), OPEN))
      .returning({ id: tasks.id, title: tasks.title, status: tasks.status });
    if (handed.length > 0) {
      await tx.insert(taskEvents).values(
        handed.map((task) => ({
          workspaceId,
          taskId: task.id,
          actorId: row.createdBy,
          fromStatus: task.status,
          toStatus: task.status,
          note: `Handed over from ${absentName}, who is away`,
        })),
      );
      const detail = { absent: absentName, deputy: deputy?.name ?? '' };
      for (const task of handed)
        await notify(tx, workspaceId, [row.deputyId], {
          kind: 'task_covered',
          taskId: task.id,
          title: task.title,
          actorId: row.userId,
          detail,
        });
    }
    await tx
      .update(absences)
      .set({ movedAt: now })
      .where(and(eq(absences.workspaceId, workspaceId), eq(absences.id, row.id)));
    return handed.length;
  });
}
