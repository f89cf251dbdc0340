import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';
// The tasks module's own service, so that the owner is told of the task as of any other.
import { createTask } from '../tasks/index.ts';
import { unitSubtree } from '../units/index.ts';
import { users } from '../users/users.table.ts';
import { contactedThrough, customersSql } from './customers.ts';
import { contactRhythmRules } from './rhythm.table.ts';
import { rulesOf, rulesSql } from './rules.ts';

/** The kind of the tasks the sweep sends: how it knows a customer has one open already. */
export const RHYTHM_TASK_KIND = 'contact-rhythm';

/** How many tasks one sweep sends in one workspace at most; the next sweep goes on. */
const TASKS_PER_SWEEP = 200;

/** The task's title in its assignee's language: task titles are data, read as written. */
const TITLES = { en: 'Contact', ru: 'Связаться:', it: 'Contattare' } as const;

/**
 * For each overdue customer of a class whose rule asks for it, one "Contact <customer>" task for
 * the customer's owner, sent by an admin of the workspace; never a second one while one is still
 * open. One process at a time sweeps a workspace (an advisory lock held by the transaction), and
 * the check for an open task is made inside it, so several servers sweeping at once send each task
 * once. Without any such rule it costs one indexed read.
 */
export async function sweepRhythmTasks(db: Database, now: Date): Promise<{ tasks: number }> {
  const wanting = await db
    .selectDistinct({ workspaceId: contactRhythmRules.workspaceId })
    .from(contactRhythmRules)
    .where(eq(contactRhythmRules.createTasks, true));
  let sent = 0;
  for (const { workspaceId } of wanting) sent += await sweepWorkspace(db, workspaceId, now);
  return { tasks: sent };
}

async function sweepWorkspace(db: Database, workspaceId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('contact-rhythm-tasks'), hashtext(${workspaceId}))`);
    const rules = (await rulesOf(tx, workspaceId)).filter((rule) => rule.createTasks);
    if (rules.length === 0) return 0;
    const admins = await tx
      .select()
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin'), eq(users.active, true)))
      .orderBy(asc(users.createdAt), asc(users.id));
    if (admins.length === 0) return 0;
    const all = { company: sql`true`, contact: sql`true` };
    const due = await tx.execute<{
      type: 'company' | 'contact';
      id: string;
      name: string;
      owner_id: string;
      locale: 'en' | 'ru' | 'it';
    }>(sql`
      SELECT c.type, c.id, c.name, c.owner_id, u.locale
      FROM ${customersSql(workspaceId, all, { classedOnly: true })} c
      JOIN ${rulesSql(rules)} ON rule.class = c.class
      JOIN app_user u ON u.workspace_id = ${workspaceId} AND u.id = c.owner_id AND u.active
      LEFT JOIN LATERAL (
        SELECT max(l.occurred_at) AS at FROM activity_link l
        WHERE l.workspace_id = ${workspaceId} AND l.entity_id = ANY(${contactedThrough(workspaceId)})
          AND l.activity_type = ANY(rule.types) AND l.occurred_at <= ${now.toISOString()}::timestamptz
      ) last ON true
      WHERE (coalesce(last.at, c.created_at) AT TIME ZONE u.time_zone)::date + rule.every_days
          < (${now.toISOString()}::timestamptz AT TIME ZONE u.time_zone)::date
        AND NOT EXISTS (SELECT 1 FROM task_link tl JOIN task t ON t.workspace_id = tl.workspace_id AND t.id = tl.task_id
          WHERE tl.workspace_id = ${workspaceId} AND tl.record_id = c.id AND t.kind = ${RHYTHM_TASK_KIND}
            AND t.status IN ('sent', 'received', 'accepted', 'in_progress'))
      ORDER BY c.id
      LIMIT ${TASKS_PER_SWEEP}`);
    for (const customer of due.rows) {
      const admin = admins.find((a) => a.id !== customer.owner_id) ?? admins[0];
      if (!admin) continue;
      const actor: Actor = {
        workspaceId,
        userId: admin.id,
        name: admin.name,
        role: 'admin',
        unitId: admin.unitId,
        unitTree: () => (admin.unitId ? unitSubtree(tx, workspaceId, admin.unitId) : Promise.resolve(new Set<string>())),
      };
      // Inside this transaction (a savepoint of it): the lock holds until the tasks are in.
      await createTask(
        { db: tx as unknown as Database, actor },
        {
          title: `${TITLES[customer.locale] ?? TITLES.en} ${customer.name}`,
          kind: RHYTHM_TASK_KIND,
          assigneeId: customer.owner_id,
          ...(customer.type === 'company' ? { companyIds: [customer.id] } : { contactIds: [customer.id] }),
        },
      );
    }
    return due.rows.length;
  });
}
