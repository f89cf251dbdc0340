import { DEFAULT_TASK_REMINDER_RULES as DEFAULTS, type TTaskReminderRules, ZTaskReminderRules } from '@clientela/contract';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { writeNoticesSql } from '../notifications/index.ts';
import { taskReminderRules } from './tasks.table.ts';

/** The job that sweeps reminders, queued every minute. */
export const REMINDER_JOB = 'task-reminders';

/** The statuses in which a task still waits for someone. */
const OPEN_STATUSES = sql.raw(`('sent', 'received', 'accepted', 'in_progress')`);

/** The start of the repetition `now` falls in, counted from `start` every `repeat` minutes (0: never repeated). */
const occurrenceOf = (start: string) =>
  sql.raw(`CASE WHEN repeat_m = 0 THEN ${start}
    ELSE ${start} + floor(extract(epoch FROM (sweep_now - ${start})) / (repeat_m * 60)) * repeat_m * interval '1 minute' END`);

/**
 * SQL true unless a reminder of this kind went out for the task since `anchor` (its due time, its
 * sending, its opening) less than a repetition ago (5 minutes' grace for the sweep's own lag), or at
 * all when reminders are not repeated. An admin changing the rules shifts the occurrences; this
 * keeps the people from being told again at once.
 */
const notSentLately = (kind: string, anchor: string) =>
  sql.raw(`NOT EXISTS (SELECT 1 FROM task_reminder sent
    WHERE sent.workspace_id = open.workspace_id AND sent.task_id = open.task_id AND sent.kind = '${kind}'
      AND sent.occurrence >= open.${anchor}
      AND (repeat_m = 0 OR sent.sent_at > sweep_now - (repeat_m - 5) * interval '1 minute'))`);

/**
 * One sweep over every workspace's open tasks at the time `now`:
 * - the assignee (or, while nobody took it, the queue's members; and the deputy of an assignee who
 *   is away) is reminded before the due time and told when it has passed;
 * - the head of the task's unit (its nearest managers up the unit tree who are not the assignee;
 *   the workspace's admins when there are none) is told when it is overdue, not opened, or not
 *   accepted in time;
 * - again at each repetition while it stays so.
 *
 * All of it is one statement: each reminder first claims its row in `task_reminder` (task, kind,
 * occurrence), and only a claimed row yields notices, in the same transaction. A second sweep
 * at the same time, in this process or another, waits for the first's claims and finds them
 * taken, so every reminder is sent exactly once. A sweep that comes late (the server was
 * stopped) sends each reminder's latest occurrence once, not every one it missed.
 *
 * The work is done by PostgreSQL; the process only waits for its answer, so requests go on.
 */
export async function sweepReminders(db: Database, now: Date): Promise<{ reminders: number; notices: number }> {
  const result = await db.execute<{ reminders: number; notices: number }>(sql`
    WITH RECURSIVE
    open AS (
      SELECT t.workspace_id, t.id AS task_id, t.title, t.status, t.due_at, t.created_at, t.received_at,
        t.assignee_id, t.queue_unit_id, t.unit_id, ${now.toISOString()}::timestamptz AS sweep_now,
        coalesce(r.remind_before_minutes, ${DEFAULTS.remindBeforeMinutes}) AS before_m,
        coalesce(r.not_received_minutes, ${DEFAULTS.notReceivedMinutes}) AS not_received_m,
        coalesce(r.not_accepted_minutes, ${DEFAULTS.notAcceptedMinutes}) AS not_accepted_m,
        coalesce(r.repeat_minutes, ${DEFAULTS.repeatMinutes}) AS repeat_m
      FROM task t LEFT JOIN task_reminder_rule r ON r.workspace_id = t.workspace_id
      WHERE t.status IN ${OPEN_STATUSES} AND (t.due_at IS NOT NULL OR t.status IN ('sent', 'received'))
    ),
    due AS (
      SELECT workspace_id, task_id, 'due_soon' AS kind, due_at AS occurrence FROM open
        WHERE before_m > 0 AND due_at > sweep_now AND due_at - before_m * interval '1 minute' <= sweep_now
      UNION ALL
      SELECT workspace_id, task_id, 'overdue', ${occurrenceOf('due_at')} FROM open
        WHERE due_at <= sweep_now AND ${notSentLately('overdue', 'due_at')}
      UNION ALL
      SELECT workspace_id, task_id, 'not_received', ${occurrenceOf(`(created_at + not_received_m * interval '1 minute')`)} FROM open
        WHERE status = 'sent' AND not_received_m > 0 AND created_at + not_received_m * interval '1 minute' <= sweep_now
          AND ${notSentLately('not_received', 'created_at')}
      UNION ALL
      SELECT workspace_id, task_id, 'not_accepted', ${occurrenceOf(`(received_at + not_accepted_m * interval '1 minute')`)} FROM open
        WHERE status = 'received' AND not_accepted_m > 0 AND received_at + not_accepted_m * interval '1 minute' <= sweep_now
          AND ${notSentLately('not_accepted', 'received_at')}
    ),
    claimed AS (
      INSERT INTO task_reminder (workspace_id, task_id, kind, occurrence, sent_at)
      SELECT workspace_id, task_id, kind, occurrence, ${now.toISOString()}::timestamptz FROM due
      ON CONFLICT DO NOTHING
      RETURNING workspace_id, task_id, kind
    ),
    to_assignee AS (
      SELECT o.workspace_id, o.assignee_id AS user_id,
        CASE c.kind WHEN 'due_soon' THEN 'task_due_soon' ELSE 'task_overdue' END AS kind,
        o.task_id, o.title, NULL::jsonb AS detail
      FROM claimed c JOIN open o USING (workspace_id, task_id)
      WHERE c.kind IN ('due_soon', 'overdue') AND o.assignee_id IS NOT NULL
      UNION ALL
      SELECT o.workspace_id, member.id,
        CASE c.kind WHEN 'due_soon' THEN 'task_due_soon' ELSE 'task_overdue' END,
        o.task_id, o.title, NULL::jsonb
      FROM claimed c JOIN open o USING (workspace_id, task_id)
      JOIN app_user member ON member.workspace_id = o.workspace_id AND member.unit_id = o.queue_unit_id AND member.active
      WHERE c.kind IN ('due_soon', 'overdue') AND o.assignee_id IS NULL
      UNION ALL
      -- The deputy of an assignee who is away that day is reminded too: they are the one to act.
      SELECT o.workspace_id, cover.deputy_id,
        CASE c.kind WHEN 'due_soon' THEN 'task_due_soon' ELSE 'task_overdue' END,
        o.task_id, o.title, NULL::jsonb
      FROM claimed c JOIN open o USING (workspace_id, task_id)
      JOIN absence cover ON cover.workspace_id = o.workspace_id AND cover.user_id = o.assignee_id
      JOIN app_user away ON away.workspace_id = cover.workspace_id AND away.id = cover.user_id
      WHERE c.kind IN ('due_soon', 'overdue')
        AND cover.starts_on <= (o.sweep_now AT TIME ZONE away.time_zone)::date
        AND cover.ends_on >= (o.sweep_now AT TIME ZONE away.time_zone)::date
    ),
    -- Who it is about is named here, once per task, while the planner still counts the rows well.
    escalated AS (
      SELECT c.workspace_id, c.task_id, c.kind AS reason, o.unit_id, o.assignee_id, o.title,
        coalesce(assignee.name, queue.name, '') AS assignee_name
      FROM claimed c JOIN open o USING (workspace_id, task_id)
      LEFT JOIN app_user assignee ON assignee.workspace_id = o.workspace_id AND assignee.id = o.assignee_id
      LEFT JOIN unit queue ON queue.workspace_id = o.workspace_id AND queue.id = o.queue_unit_id
      WHERE c.kind <> 'due_soon'
    ),
    -- Each unit concerned and its ancestors, once (not once per task), with the managers at each level.
    up AS (
      SELECT DISTINCT workspace_id, unit_id AS origin, unit_id, 0 AS depth FROM escalated WHERE unit_id IS NOT NULL
      UNION ALL
      SELECT up.workspace_id, up.origin, unit.parent_id, up.depth + 1
      FROM up JOIN unit ON unit.workspace_id = up.workspace_id AND unit.id = up.unit_id
      WHERE unit.parent_id IS NOT NULL
    ),
    unit_managers AS (
      SELECT up.workspace_id, up.origin, m.id AS user_id, up.depth
      FROM up JOIN app_user m ON m.workspace_id = up.workspace_id AND m.unit_id = up.unit_id AND m.role = 'manager' AND m.active
    ),
    nearest AS (
      SELECT workspace_id, task_id, reason, title, assignee_name, user_id FROM (
        SELECT e.workspace_id, e.task_id, e.reason, e.title, e.assignee_name, m.user_id, m.depth,
          min(m.depth) OVER (PARTITION BY e.workspace_id, e.task_id, e.reason) AS top
        FROM escalated e JOIN unit_managers m ON m.workspace_id = e.workspace_id AND m.origin = e.unit_id
        WHERE m.user_id IS DISTINCT FROM e.assignee_id
      ) m WHERE depth = top
    ),
    heads AS (
      SELECT * FROM nearest
      UNION ALL
      SELECT e.workspace_id, e.task_id, e.reason, e.title, e.assignee_name, admin.id
      FROM escalated e JOIN app_user admin ON admin.workspace_id = e.workspace_id AND admin.role = 'admin'
        AND admin.active AND admin.id IS DISTINCT FROM e.assignee_id
      WHERE NOT EXISTS (SELECT 1 FROM nearest n WHERE (n.workspace_id, n.task_id, n.reason) = (e.workspace_id, e.task_id, e.reason))
    ),
    to_heads AS (
      SELECT workspace_id, user_id, 'task_escalated' AS kind, task_id, title,
        jsonb_build_object('reason', reason, 'assignee', assignee_name) AS detail
      FROM heads
    ),
    written AS (${writeNoticesSql(sql`SELECT * FROM to_assignee UNION ALL SELECT * FROM to_heads`)})
    SELECT (SELECT count(*) FROM claimed)::int AS reminders, (SELECT count(*) FROM written)::int AS notices`);
  return result.rows[0] ?? { reminders: 0, notices: 0 };
}

/** The workspace's reminder rules (the defaults until an admin sets them); everyone may read them. */
export async function getReminderRules(ctx: Ctx): Promise<TTaskReminderRules> {
  const [row] = await ctx.db.select().from(taskReminderRules).where(eq(taskReminderRules.workspaceId, ctx.actor.workspaceId));
  if (!row) return DEFAULTS;
  return {
    remindBeforeMinutes: row.remindBeforeMinutes,
    notReceivedMinutes: row.notReceivedMinutes,
    notAcceptedMinutes: row.notAcceptedMinutes,
    repeatMinutes: row.repeatMinutes,
  };
}

/** Sets the workspace's reminder rules; admins only. */
export async function putReminderRules(ctx: Ctx, raw: TTaskReminderRules): Promise<TTaskReminderRules> {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an admin sets when tasks remind and escalate');
  const rules = ZTaskReminderRules.parse(raw);
  await ctx.db
    .insert(taskReminderRules)
    .values({ workspaceId: ctx.actor.workspaceId, ...rules })
    .onConflictDoUpdate({ target: taskReminderRules.workspaceId, set: { ...rules, updatedAt: sql`now()` } });
  return rules;
}
