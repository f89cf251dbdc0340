import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { writeNoticesSql } from '../../notifications/index.ts';
import { slaSettings, warnAt } from './sla-clock.ts';

type TargetColumns = { due: string; warned: string; breached: string; notMet: string; name: string };
const TARGETS: TargetColumns[] = [
  {
    name: 'first_response',
    due: 'first_response_due_at',
    warned: 'first_response_warned_at',
    breached: 'first_response_breached_at',
    notMet: 'c.first_responded_at IS NULL',
  },
  { name: 'resolution', due: 'resolution_due_at', warned: 'resolution_warned_at', breached: 'resolution_breached_at', notMet: 'true' },
];

/** Cases whose clock runs: open, not waiting for the customer, not deleted (the condition of the SLA index). */
const RUNNING = sql.raw(`c.deleted_at IS NULL AND c.status NOT IN ('resolved', 'closed') AND c.sla_paused_at IS NULL`);

/** How far ahead a warning is looked for: working minutes before a due time may lie over weekends and holidays. */
const LOOK_AHEAD_DAYS = 45;

/**
 * The people a claimed case's notice goes to: its responsible person or, while it waits in a unit's
 * queue, that unit's members; with `heads`, also the nearest managers up its unit tree who are not
 * the responsible person (the workspace's admins when there are none), as task reminders do.
 */
const recipientsSql = (heads: boolean) =>
  sql.raw(`
    named AS (
      SELECT cl.*, coalesce(owner.name, queue.name, '') AS assignee
      FROM claimed cl
      LEFT JOIN app_user owner ON owner.workspace_id = cl.workspace_id AND owner.id = cl.owner_id
      LEFT JOIN unit queue ON queue.workspace_id = cl.workspace_id AND queue.id = cl.unit_id
    ),
    up AS (
      SELECT DISTINCT workspace_id, unit_id AS origin, unit_id, 0 AS depth FROM named WHERE unit_id IS NOT NULL AND ${heads}
      UNION ALL
      SELECT up.workspace_id, up.origin, unit.parent_id, up.depth + 1
      FROM up JOIN unit ON unit.workspace_id = up.workspace_id AND unit.id = up.unit_id
      WHERE unit.parent_id IS NOT NULL AND up.depth < 50
    ),
    nearest AS (
      SELECT workspace_id, case_id, user_id FROM (
        SELECT n.workspace_id, n.case_id, m.id AS user_id, up.depth, min(up.depth) OVER (PARTITION BY n.workspace_id, n.case_id) AS top
        FROM named n
        JOIN up ON up.workspace_id = n.workspace_id AND up.origin = n.unit_id
        JOIN app_user m ON m.workspace_id = up.workspace_id AND m.unit_id = up.unit_id AND m.role = 'manager' AND m.active
        WHERE m.id IS DISTINCT FROM n.owner_id
      ) found WHERE depth = top
    ),
    people AS (
      SELECT workspace_id, owner_id AS user_id, case_id FROM named WHERE owner_id IS NOT NULL
      UNION
      SELECT n.workspace_id, member.id, n.case_id FROM named n
        JOIN app_user member ON member.workspace_id = n.workspace_id AND member.unit_id = n.unit_id AND member.active
        WHERE n.owner_id IS NULL
      UNION
      SELECT workspace_id, user_id, case_id FROM nearest WHERE ${heads}
      UNION
      SELECT n.workspace_id, admin.id, n.case_id FROM named n
        JOIN app_user admin ON admin.workspace_id = n.workspace_id AND admin.role = 'admin' AND admin.active
          AND admin.id IS DISTINCT FROM n.owner_id
        WHERE ${heads} AND NOT EXISTS (SELECT 1 FROM nearest x WHERE x.workspace_id = n.workspace_id AND x.case_id = n.case_id)
    )`);

/** Writes the notices of the claimed cases of one target, in the claiming statement. */
function noticesSql(kind: 'case_sla_warning' | 'case_sla_breached', target: string, heads: boolean): SQL {
  return sql`${recipientsSql(heads)},
    written AS (${writeNoticesSql(
      sql`SELECT p.workspace_id, p.user_id, ${kind}::text AS kind, NULL::uuid AS task_id, p.case_id, n.title,
        jsonb_build_object('assignee', n.assignee, 'target', ${target}::text) AS detail
        FROM people p JOIN named n ON n.workspace_id = p.workspace_id AND n.case_id = p.case_id`,
      { withCase: true },
    )})
    SELECT (SELECT count(*) FROM claimed)::int AS claimed, (SELECT count(*) FROM written)::int AS notices`;
}

/** Marks every target past its due time as breached and tells the people concerned, once. */
async function escalate(db: Database, now: Date, t: TargetColumns) {
  const at = now.toISOString();
  const result = await db.execute<{ claimed: number; notices: number }>(sql`
    WITH RECURSIVE claimed AS (
      UPDATE support_case c SET ${sql.raw(t.breached)} = ${at}::timestamptz
      WHERE ${RUNNING} AND ${sql.raw(t.notMet)} AND c.${sql.raw(t.due)} <= ${at}::timestamptz AND c.${sql.raw(t.breached)} IS NULL
      RETURNING c.workspace_id, c.id AS case_id, c.number || ' ' || c.subject AS title, c.owner_id, c.unit_id
    ),
    ${noticesSql('case_sla_breached', t.name, true)}`);
  return result.rows[0] ?? { claimed: 0, notices: 0 };
}

/** Warns of every target whose warning time (working minutes before it is due) has come, once. */
async function warn(db: Database, now: Date, t: TargetColumns) {
  const at = now.toISOString();
  const { rows } = await db.execute<{ workspace_id: string; id: string; unit_id: string | null; due: Date; warn: number }>(sql`
    SELECT c.workspace_id, c.id, c.unit_id, c.${sql.raw(t.due)} AS due, coalesce(p.warn_before_minutes, 60) AS warn
    FROM support_case c
    LEFT JOIN sla_policy p ON p.workspace_id = c.workspace_id AND p.id = c.sla_policy_id
    WHERE ${RUNNING} AND ${sql.raw(t.notMet)} AND c.${sql.raw(t.warned)} IS NULL
      AND c.${sql.raw(t.due)} > ${at}::timestamptz
      AND c.${sql.raw(t.due)} <= ${at}::timestamptz + (coalesce(p.warn_before_minutes, 60) + ${LOOK_AHEAD_DAYS * 1440}) * interval '1 minute'
      AND coalesce(p.warn_before_minutes, 60) > 0`);
  if (rows.length === 0) return { claimed: 0, notices: 0 };
  const settingsOf = new Map<string, Awaited<ReturnType<typeof slaSettings>>>();
  const due: typeof rows = [];
  for (const row of rows) {
    let settings = settingsOf.get(row.workspace_id);
    if (!settings) {
      settings = await slaSettings(db, row.workspace_id);
      settingsOf.set(row.workspace_id, settings);
    }
    if (warnAt(settings.clockFor(row.unit_id), new Date(row.due), row.warn) <= now) due.push(row);
  }
  if (due.length === 0) return { claimed: 0, notices: 0 };
  const list = (values: string[]) => `{${values.join(',')}}`;
  const result = await db.execute<{ claimed: number; notices: number }>(sql`
    WITH RECURSIVE chosen AS (
      SELECT * FROM unnest(${list(due.map((r) => r.workspace_id))}::uuid[], ${list(due.map((r) => r.id))}::uuid[],
        ${list(due.map((r) => new Date(r.due).toISOString()))}::timestamptz[]) AS x(workspace_id, id, due_at)
    ),
    claimed AS (
      UPDATE support_case c SET ${sql.raw(t.warned)} = ${at}::timestamptz
      FROM chosen
      WHERE c.workspace_id = chosen.workspace_id AND c.id = chosen.id AND c.${sql.raw(t.due)} = chosen.due_at
        AND ${RUNNING} AND ${sql.raw(t.notMet)} AND c.${sql.raw(t.warned)} IS NULL
      RETURNING c.workspace_id, c.id AS case_id, c.number || ' ' || c.subject AS title, c.owner_id, c.unit_id
    ),
    ${noticesSql('case_sla_warning', t.name, false)}`);
  return result.rows[0] ?? { claimed: 0, notices: 0 };
}

/**
 * One sweep of every workspace's running cases at `now`: a target past its due time is marked
 * breached and its unit's head(s) and owner are told; a target within its warning time is marked
 * warned and its owner (or its queue's members) told. Each mark is claimed by an UPDATE that
 * requires it to be unset, in the statement that writes the notices: two sweeps at once, in this
 * process or another, tell everyone exactly once. Paused and closed cases are skipped.
 */
export async function sweepCaseSla(db: Database, now: Date): Promise<{ warnings: number; breaches: number; notices: number }> {
  let warnings = 0;
  let breaches = 0;
  let notices = 0;
  for (const target of TARGETS) {
    const breached = await escalate(db, now, target);
    breaches += breached.claimed;
    notices += breached.notices;
  }
  for (const target of TARGETS) {
    const warned = await warn(db, now, target);
    warnings += warned.claimed;
    notices += warned.notices;
  }
  return { warnings, breaches, notices };
}
