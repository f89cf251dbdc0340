import { RHYTHM_OVERDUE_CAP, type TRhythmCompliance, type TRhythmScopeQuery } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { dayIn } from '../my-day/zoned-day.ts';
import { customersSql } from './customers.ts';
import { inReportQuery } from './in-report-query.ts';
import { lastActivitySql, lastContactJoins } from './last-contact.ts';
import { rulesOf } from './rules.ts';
import { customerScope } from './scope.ts';

type Line = { owner_id: string | null; owner_name: string | null; total: number; on_time: number; overdue: number };
type Overdue = {
  type: 'company' | 'contact';
  id: string;
  name: string;
  class: 'A' | 'B' | 'C';
  owner_id: string | null;
  last_contact_at: string | null;
  due_on: string;
  days_overdue: number;
};

const percent = (onTime: number, total: number) => (total === 0 ? 100 : Math.round((onTime / total) * 1000) / 10);

/**
 * The contact rhythm on the day `now` falls on in `timeZone`: for each manager, how many of their
 * customers with a class were contacted in time (a counted activity within the class's days, or
 * since they were added when never contacted), how many are overdue; and the overdue customers,
 * most overdue first. Activities planned for later do not count yet.
 */
export async function rhythmCompliance(ctx: Ctx, query: TRhythmScopeQuery, now: Date, timeZone: string): Promise<TRhythmCompliance> {
  const workspaceId = ctx.actor.workspaceId;
  const today = dayIn(timeZone, now);
  const [rules, scope] = await Promise.all([rulesOf(ctx.db, workspaceId), customerScope(ctx, query)]);
  const result = await inReportQuery(ctx, (tx) =>
    tx.execute<{ lines: Line[] | null; overdue: Overdue[] | null; overdue_total: number }>(sql`
    WITH measured AS (
      SELECT c.type, c.id, c.name, c.class, c.owner_id, last.at AS last_contact_at,
        (coalesce(last.at, c.created_at) AT TIME ZONE ${timeZone})::date + rule.every_days AS due_on
      FROM ${customersSql(workspaceId, scope, { classedOnly: true })} c
      -- The rule of the class as expressions, not a join: the planner then expects every customer, not a few.
      CROSS JOIN LATERAL (SELECT CASE c.class ${sql.join(
        rules.map((rule) => sql`WHEN ${rule.class} THEN ${rule.everyDays}::int`),
        sql` `,
      )} END AS every_days) rule
      ${lastContactJoins(workspaceId)}
      -- Per customer, the newest counted activity: kept, or from the timeline index.
      CROSS JOIN LATERAL (SELECT ${lastActivitySql(workspaceId, now.toISOString(), Object.fromEntries(rules.map((rule) => [rule.class, rule.activityTypes])))} AS at) last
    ),
    lines AS (
      SELECT m.owner_id, u.name AS owner_name, count(*)::int AS total,
        count(*) FILTER (WHERE m.due_on >= ${today}::date)::int AS on_time,
        count(*) FILTER (WHERE m.due_on < ${today}::date)::int AS overdue
      FROM measured m LEFT JOIN app_user u ON u.workspace_id = ${workspaceId} AND u.id = m.owner_id
      GROUP BY m.owner_id, u.name
    ),
    late AS (
      SELECT m.type, m.id, m.name, m.class, m.owner_id, m.last_contact_at, m.due_on::text AS due_on,
        (${today}::date - m.due_on) AS days_overdue
      FROM measured m WHERE m.due_on < ${today}::date
      ORDER BY m.due_on, m.name, m.id
      LIMIT ${RHYTHM_OVERDUE_CAP}
    )
    SELECT (SELECT json_agg(lines ORDER BY owner_name NULLS LAST, owner_id) FROM lines) AS lines,
      (SELECT json_agg(late ORDER BY due_on, name, id) FROM late) AS overdue,
      (SELECT count(*) FROM measured WHERE due_on < ${today}::date)::int AS overdue_total`),
  );
  const row = result.rows[0];
  const lines = row?.lines ?? [];
  const sum = (key: 'total' | 'on_time' | 'overdue') => lines.reduce((s, l) => s + l[key], 0);
  return {
    today,
    managers: lines.map((l) => ({
      ownerId: l.owner_id,
      ownerName: l.owner_name,
      total: l.total,
      onTime: l.on_time,
      overdue: l.overdue,
      compliancePercent: percent(l.on_time, l.total),
    })),
    totals: {
      total: sum('total'),
      onTime: sum('on_time'),
      overdue: sum('overdue'),
      compliancePercent: percent(sum('on_time'), sum('total')),
    },
    overdue: (row?.overdue ?? []).map((o) => ({
      type: o.type,
      id: o.id,
      name: o.name,
      class: o.class,
      ownerId: o.owner_id,
      lastContactAt: o.last_contact_at ? new Date(o.last_contact_at).toISOString() : null,
      dueOn: o.due_on,
      daysOverdue: o.days_overdue,
    })),
    overdueTotal: row?.overdue_total ?? 0,
  };
}
