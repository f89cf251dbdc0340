import { MY_DAY_CAP, type TMyDayActivity, type TRecordRef } from '@clientela/contract';
import { type AnyColumn, and, asc, eq, gte, inArray, isNotNull, lt, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { runPrepared } from '../../db/prepared.ts';
import type { Ctx } from '../../http/context.ts';
import { activities, activityLinks } from '../activities/activities.table.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { joinedContactName, readableCustomerJoins } from './readable-customers.ts';
import { intoSections, sectionColumns } from './sections.ts';

type Person = { id: string; name: string };

/** Activities that take time in a day (as the calendar counts them); e-mails and notes are not appointments. */
const APPOINTMENTS = ['call', 'meeting', 'visit'] as const;

/** What My day shows of an activity: no body, which may be long and is read on the record's timeline. */
const SHOWN = {
  id: activities.id,
  type: activities.type,
  subject: activities.subject,
  occurredAt: activities.occurredAt,
  followUpAt: activities.followUpAt,
  durationMinutes: activities.durationMinutes,
  place: activities.place,
  authorId: activities.authorId,
};
type ActivityRow = Pick<typeof activities.$inferSelect, keyof typeof SHOWN>;
export type ActivitySection = { rows: ActivityRow[]; total: number };

type SectionName = 'meetings' | 'followUps';

/** The columns a section orders by: the table's, or the same of the capped sub-select. */
type OrderColumns = Record<'id' | 'occurredAt' | 'followUpAt', AnyColumn | SQLWrapper>;

/**
 * Up to the cap of a workspace's activities matching `where`, in `order` (given the columns to
 * order), tagged as in the tasks' union. The cap applies first, so PostgreSQL keeps the first rows
 * of the order instead of sorting every match, and counts the matches apart: a day with thousands
 * of calls costs a count, not a sort of thousands of rows and a window over them.
 */
function section(ctx: Ctx, name: SectionName, where: SQL | undefined, order: (columns: OrderColumns) => SQL[]) {
  const matching = and(eq(activities.workspaceId, ctx.actor.workspaceId), where);
  const first = ctx.db
    .select(SHOWN)
    .from(activities)
    .where(matching)
    .orderBy(...order(SHOWN))
    .limit(MY_DAY_CAP)
    .as(`${name}_first`);
  return ctx.db
    .select({
      id: first.id,
      type: first.type,
      subject: first.subject,
      occurredAt: first.occurredAt,
      followUpAt: first.followUpAt,
      durationMinutes: first.durationMinutes,
      place: first.place,
      authorId: first.authorId,
      ...sectionColumns(name, order(first)),
      total: sql<number>`(SELECT count(*) FROM ${activities} WHERE ${matching})::int`,
    })
    .from(first);
}

/**
 * Calls, meetings and visits within [start, end), and follow-ups due before `end`, logged by
 * `people` (a uuid[]: me and those I cover for), in one statement. Mine are visible to me as their
 * author; my absent colleagues' are shown to me as their deputy, the records I may not read left out of them.
 */
export async function myActivities(ctx: Ctx, people: SQL, start: Date, end: Date): Promise<Record<SectionName, ActivitySection>> {
  const mine = sql`${activities.authorId} = ANY(${people})`;
  const rows = await runPrepared(
    unionAll(
      section(
        ctx,
        'meetings',
        and(mine, inArray(activities.type, [...APPOINTMENTS]), gte(activities.occurredAt, start), lt(activities.occurredAt, end)),
        (c) => [asc(c.occurredAt), asc(c.id)],
      ),
      section(ctx, 'followUps', and(mine, lt(activities.followUpAt, end)), (c) => [asc(c.followUpAt), asc(c.id)]),
    ),
  );
  return intoSections(['meetings', 'followUps'], rows, ({ section, position, total, ...row }) => row);
}

/**
 * The companies and contacts that the activities `ids` are about and that I may read, with their
 * names, in one statement: the links and the records they name, each behind its read rule.
 */
async function readableLinks(ctx: Ctx, ids: string[]): Promise<(TRecordRef & { activityId: string })[]> {
  const joins = await readableCustomerJoins(ctx);
  const rows = await runPrepared(
    ctx.db
      .select({
        activityId: activityLinks.activityId,
        entityId: activityLinks.entityId,
        companyName: companies.name,
        contactName: joinedContactName,
      })
      .from(activityLinks)
      .leftJoin(companies, joins.company(activityLinks.workspaceId, activityLinks.entityId, eq(activityLinks.entityType, 'company')))
      .leftJoin(contacts, joins.contact(activityLinks.workspaceId, activityLinks.entityId, eq(activityLinks.entityType, 'contact')))
      .where(
        and(
          eq(activityLinks.workspaceId, ctx.actor.workspaceId),
          // One array, not a parameter per id: the statement's text stays the same, so it is prepared once.
          sql`${activityLinks.activityId} = ANY(${sql.param(ids)}::uuid[])`,
          or(isNotNull(companies.id), isNotNull(contacts.id)),
        ),
      ),
  );
  return rows.flatMap(({ activityId, entityId, companyName, contactName }): (TRecordRef & { activityId: string })[] => {
    if (companyName !== null) return [{ activityId, type: 'company', id: entityId, name: companyName }];
    if (contactName !== null) return [{ activityId, type: 'contact', id: entityId, name: contactName }];
    return [];
  });
}

/** Presents both sections' rows at once, each with the records it is about that I may read; `at` is the meeting's time, or the follow-up's. */
export async function presentActivitySections(
  ctx: Ctx,
  sections: { meetings: ActivitySection; followUps: ActivitySection },
  covered: ReadonlyMap<string, Person>,
) {
  const ids = [...new Set([...sections.meetings.rows, ...sections.followUps.rows].map((row) => row.id))];
  const links = ids.length === 0 ? [] : await readableLinks(ctx, ids);
  const item = (row: ActivityRow, at: Date): TMyDayActivity => ({
    id: row.id,
    type: row.type,
    subject: row.subject,
    at: at.toISOString(),
    durationMinutes: row.durationMinutes,
    place: row.place,
    links: links
      .filter((l) => l.activityId === row.id)
      .map(({ activityId, ...record }) => record)
      .sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'company' ? -1 : 1)),
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
