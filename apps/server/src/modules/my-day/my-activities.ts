import type { TMyDayActivity } from '@clientela/contract';
import { MY_DAY_CAP } from '@clientela/contract';
import { and, asc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { presentActivities } from '../activities/activities.service.ts';
import { activities } from '../activities/activities.table.ts';

type Person = { id: string; name: string };
type ActivityRow = typeof activities.$inferSelect;
export type ActivitySection = { rows: ActivityRow[]; total: number };

/** Activities that take time in a day (as the calendar counts them); e-mails and notes are not appointments. */
const APPOINTMENTS = ['call', 'meeting', 'visit'] as const;

async function section(ctx: Ctx, where: SQL | undefined, order: SQL[]): Promise<ActivitySection> {
  const rows = await ctx.db
    .select({ row: activities, total: sql<number>`(count(*) OVER ())::int` })
    .from(activities)
    .where(and(eq(activities.workspaceId, ctx.actor.workspaceId), where))
    .orderBy(...order)
    .limit(MY_DAY_CAP);
  return { rows: rows.map((r) => r.row), total: rows[0]?.total ?? 0 };
}

/**
 * Calls, meetings and visits within [start, end), and follow-ups due before `end`, logged by
 * `people` (me and those I cover for). Mine are visible to me as their author; my absent
 * colleagues' are shown to me as their deputy, the records I may not read left out of them.
 */
export function myActivities(ctx: Ctx, people: Promise<string[]>, start: Date, end: Date) {
  return {
    meetings: people.then((ids) =>
      section(
        ctx,
        and(
          inArray(activities.authorId, ids),
          inArray(activities.type, [...APPOINTMENTS]),
          gte(activities.occurredAt, start),
          lt(activities.occurredAt, end),
        ),
        [asc(activities.occurredAt), asc(activities.id)],
      ),
    ),
    followUps: people.then((ids) =>
      section(ctx, and(inArray(activities.authorId, ids), lt(activities.followUpAt, end)), [
        asc(activities.followUpAt),
        asc(activities.id),
      ]),
    ),
  };
}

/** Presents both sections' rows at once; `at` is the meeting's time, or the follow-up's. */
export async function presentActivitySections(
  ctx: Ctx,
  sections: { meetings: ActivitySection; followUps: ActivitySection },
  covered: ReadonlyMap<string, Person>,
) {
  const unique = new Map<string, ActivityRow>();
  for (const row of [...sections.meetings.rows, ...sections.followUps.rows]) unique.set(row.id, row);
  const links = new Map((await presentActivities(ctx, ctx.db, [...unique.values()])).map((a) => [a.id, a.links]));
  const item = (row: ActivityRow, at: Date): TMyDayActivity => ({
    id: row.id,
    type: row.type,
    subject: row.subject,
    at: at.toISOString(),
    durationMinutes: row.durationMinutes,
    place: row.place,
    links: links.get(row.id) ?? [],
    coveringFor: covered.get(row.authorId) ?? null,
  });
  return {
    meetings: { items: sections.meetings.rows.map((row) => item(row, row.occurredAt)), total: sections.meetings.total },
    followUps: {
      items: sections.followUps.rows.flatMap((row) => (row.followUpAt ? [item(row, row.followUpAt)] : [])),
      total: sections.followUps.total,
    },
  };
}
