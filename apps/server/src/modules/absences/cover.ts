import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { users } from '../users/index.ts';
import { absences } from './absences.table.ts';

/** The absent person and the deputy of an absence, joined by these names. */
export const absent = alias(users, 'absent');
export const deputy = alias(users, 'deputy');

/** SQL true when the absence covers the day `at` falls on in the absent person's time zone (`now()` when not given). */
export function coversDay(timeZone: AnyPgColumn, at: SQL = sql`now()`): SQL {
  const day = sql`(${at} AT TIME ZONE ${timeZone})::date`;
  return sql`(${absences.startsOn} <= ${day} AND ${absences.endsOn} >= ${day})`;
}

// No time zone is a day away from UTC's date: this bound lets the (…, ends_on) indexes skip past absences.
const notLongOver = sql`${absences.endsOn} >= current_date - 1`;

/** The same as coveredUserIds, as a subquery to put in the caller's statement (no second round trip or connection). */
export function coveredUsersSql(workspaceId: string, deputyId: string): SQL {
  const today = sql.raw(`(now() AT TIME ZONE away.time_zone)::date`);
  return sql`(SELECT cover.user_id FROM absence cover
    JOIN app_user away ON away.workspace_id = cover.workspace_id AND away.id = cover.user_id
    WHERE cover.workspace_id = ${workspaceId} AND cover.deputy_id = ${deputyId} AND cover.ends_on >= current_date - 1
      AND cover.starts_on <= ${today} AND cover.ends_on >= ${today})`;
}

/** The people a deputy covers for today: their tasks are the deputy's to read and act on. */
export async function coveredUserIds(db: Executor, workspaceId: string, deputyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: absences.userId })
    .from(absences)
    .innerJoin(absent, and(eq(absent.workspaceId, absences.workspaceId), eq(absent.id, absences.userId)))
    .where(and(eq(absences.workspaceId, workspaceId), eq(absences.deputyId, deputyId), notLongOver, coversDay(absent.timeZone)));
  return [...new Set(rows.map((row) => row.id))];
}

/** Who stands in today for a person who is away (an active deputy), or null when they are here. */
export async function standInFor(
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<{ absent: { id: string; name: string }; deputy: { id: string; name: string } } | null> {
  const [row] = await db
    .select({ absentName: absent.name, deputyId: deputy.id, deputyName: deputy.name })
    .from(absences)
    .innerJoin(absent, and(eq(absent.workspaceId, absences.workspaceId), eq(absent.id, absences.userId)))
    .innerJoin(deputy, and(eq(deputy.workspaceId, absences.workspaceId), eq(deputy.id, absences.deputyId)))
    .where(
      and(
        eq(absences.workspaceId, workspaceId),
        eq(absences.userId, userId),
        notLongOver,
        coversDay(absent.timeZone),
        eq(deputy.active, true),
      ),
    )
    .limit(1);
  return row ? { absent: { id: userId, name: row.absentName }, deputy: { id: row.deputyId, name: row.deputyName } } : null;
}
