import type { TCalendarEntry, TCalendarQuery, TRecordRef } from '@clientela/contract';
import { and, eq, gte, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { hashSecret, newSecret } from '../../lib/tokens.ts';
import { presentActivities, visibleActivity } from '../activities/activities.service.ts';
import { activities } from '../activities/activities.table.ts';
import { actorOfUser } from '../auth/actor.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contracts } from '../contracts/contracts.table.ts';
import { users } from '../users/index.ts';
import { calendarFeeds } from './calendar.table.ts';

/** Activities that take time in a day; e-mails and notes are not appointments. */
const APPOINTMENTS = ['call', 'meeting', 'visit'] as const;
const FOLLOW_UP_MINUTES = 30;
const DEFAULT_MINUTES = { call: 15, meeting: 60, visit: 60 } as const;
/** At most this many entries per kind in one answer (a month of a large company). */
const CAP = 2_000;

type Scope = TCalendarQuery['scope'];

/** Whose entries: the actor's own, their unit tree's, or everyone's they may see. */
async function whose(ctx: Ctx, scope: Scope, person: SQL, unit: SQL): Promise<SQL> {
  if (scope === 'me') return sql`${person} = ${ctx.actor.userId}`;
  if (scope === 'company') return sql`true`;
  const tree = [...(await ctx.actor.unitTree())];
  if (tree.length === 0) return sql`${person} = ${ctx.actor.userId}`;
  return sql`(${person} = ${ctx.actor.userId} OR ${unit} IN (${sql.join(
    tree.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}))`;
}

/**
 * Meetings, calls and visits, the follow-ups activities asked for, and the end dates of contracts
 * between `from` and `to`: of the actor, their unit, or the company, as far as the actor may see.
 */
export async function calendarEntries(ctx: Ctx, query: Pick<TCalendarQuery, 'from' | 'to' | 'scope'>): Promise<TCalendarEntry[]> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  const workspaceId = ctx.actor.workspaceId;
  const visible = await visibleActivity(ctx);
  const mine = await whose(ctx, query.scope, sql`${activities.authorId}`, sql`${activities.unitId}`);
  const [held, followUps, ending] = await Promise.all([
    ctx.db
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.workspaceId, workspaceId),
          inArray(activities.type, [...APPOINTMENTS]),
          gte(activities.occurredAt, from),
          lt(activities.occurredAt, to),
          mine,
          visible,
        ),
      )
      .orderBy(activities.occurredAt)
      .limit(CAP),
    ctx.db
      .select()
      .from(activities)
      .where(and(eq(activities.workspaceId, workspaceId), gte(activities.followUpAt, from), lt(activities.followUpAt, to), mine, visible))
      .orderBy(activities.followUpAt)
      .limit(CAP),
    ctx.db
      .select({ contract: contracts, companyName: companies.name, responsibleName: users.name })
      .from(contracts)
      .innerJoin(companies, and(eq(companies.workspaceId, contracts.workspaceId), eq(companies.id, contracts.companyId)))
      .leftJoin(users, and(eq(users.workspaceId, contracts.workspaceId), eq(users.id, contracts.responsibleId)))
      .where(
        and(
          eq(contracts.workspaceId, workspaceId),
          isNull(contracts.deletedAt),
          ne(contracts.renewal, 'ended'),
          sql`${contracts.endDate} >= ${from.toISOString().slice(0, 10)}::date AND ${contracts.endDate} < ${to.toISOString().slice(0, 10)}::date + 1`,
          isNull(companies.deletedAt),
          await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
          await whose(ctx, query.scope, sql`${contracts.responsibleId}`, sql`${contracts.unitId}`),
        ),
      )
      .limit(CAP),
  ]);
  const presented = new Map((await presentActivities(ctx, ctx.db, [...held, ...followUps])).map((a) => [a.id, a]));
  const titleOf = (subject: string | null, links: TRecordRef[]) => subject || links.map((l) => l.name).join(', ');
  const entries: TCalendarEntry[] = [];
  for (const row of held) {
    const activity = presented.get(row.id);
    if (!activity) continue;
    const minutes = row.durationMinutes ?? DEFAULT_MINUTES[row.type as (typeof APPOINTMENTS)[number]];
    entries.push({
      key: `activity:${row.id}`,
      kind: 'activity',
      id: row.id,
      activityType: row.type,
      title: titleOf(row.subject, activity.links),
      start: row.occurredAt.toISOString(),
      end: new Date(row.occurredAt.getTime() + Math.max(minutes, 1) * 60_000).toISOString(),
      allDay: false,
      links: activity.links,
      person: activity.author,
    });
  }
  for (const row of followUps) {
    const activity = presented.get(row.id);
    if (!activity || !row.followUpAt) continue;
    entries.push({
      key: `follow-up:${row.id}`,
      kind: 'follow_up',
      id: row.id,
      activityType: row.type,
      title: titleOf(row.subject, activity.links),
      start: row.followUpAt.toISOString(),
      end: new Date(row.followUpAt.getTime() + FOLLOW_UP_MINUTES * 60_000).toISOString(),
      allDay: false,
      links: activity.links,
      person: activity.author,
    });
  }
  for (const { contract, companyName, responsibleName } of ending) {
    if (!contract.endDate) continue;
    const day = new Date(`${contract.endDate}T00:00:00Z`);
    entries.push({
      key: `contract-end:${contract.id}`,
      kind: 'contract_end',
      id: contract.id,
      activityType: null,
      title: `${contract.number} · ${contract.subject}`,
      start: day.toISOString(),
      end: new Date(day.getTime() + 86_400_000).toISOString(),
      allDay: true,
      links: [{ type: 'company', id: contract.companyId, name: companyName }],
      person: contract.responsibleId && responsibleName ? { id: contract.responsibleId, name: responsibleName } : null,
    });
  }
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));
}

/** Whether the person has a feed, and since when (its address is shown only when made). */
export async function feedOf(ctx: Ctx) {
  const [feed] = await ctx.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, ctx.actor.workspaceId), eq(calendarFeeds.userId, ctx.actor.userId)));
  return { url: null, createdAt: feed?.createdAt.toISOString() ?? null };
}

/** Makes the person's feed address, replacing (and so revoking) any earlier one. */
export async function createFeed(ctx: Ctx, origin: string) {
  const token = newSecret();
  const [feed] = await ctx.db
    .insert(calendarFeeds)
    .values({ workspaceId: ctx.actor.workspaceId, userId: ctx.actor.userId, tokenHash: hashSecret(token) })
    .onConflictDoUpdate({
      target: [calendarFeeds.workspaceId, calendarFeeds.userId],
      set: { tokenHash: hashSecret(token), createdAt: sql`now()`, lastReadAt: null },
    })
    .returning({ createdAt: calendarFeeds.createdAt });
  return { url: `${origin}/api/calendar/${token}.ics`, createdAt: feed?.createdAt.toISOString() ?? null };
}

export async function revokeFeed(ctx: Ctx) {
  await ctx.db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, ctx.actor.workspaceId), eq(calendarFeeds.userId, ctx.actor.userId)));
}

/** How far a feed reaches: a month back, half a year ahead. */
const FEED_PAST_DAYS = 31;
const FEED_AHEAD_DAYS = 183;

/**
 * The iCalendar (RFC 5545) text of a feed token, with the person's own entries as they may see
 * them today; null for an unknown or revoked token or a person no longer active.
 */
export async function feedCalendar(db: Database, token: string, productName: string): Promise<string | null> {
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashSecret(token)));
  if (!feed) return null;
  const actor = await actorOfUser(db, feed.workspaceId, feed.userId);
  if (!actor) return null;
  await db
    .update(calendarFeeds)
    .set({ lastReadAt: sql`now()` })
    .where(and(eq(calendarFeeds.workspaceId, feed.workspaceId), eq(calendarFeeds.userId, feed.userId)));
  const now = Date.now();
  const ctx: Ctx = { db, actor };
  const windows = [];
  // The calendar's own limit is 62 days a query: read the feed's reach window by window.
  for (let start = now - FEED_PAST_DAYS * 86_400_000; start < now + FEED_AHEAD_DAYS * 86_400_000; start += 60 * 86_400_000) {
    windows.push({
      from: new Date(start).toISOString(),
      to: new Date(Math.min(start + 60 * 86_400_000, now + FEED_AHEAD_DAYS * 86_400_000)).toISOString(),
    });
  }
  const seen = new Set<string>();
  const calendar = ical({
    name: productName,
    prodId: { company: 'Clientela', product: 'Clientela CRM' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const window of windows) {
    for (const entry of await calendarEntries(ctx, { ...window, scope: 'me' })) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      calendar.createEvent({
        id: `${entry.key}@clientela`,
        start: new Date(entry.start),
        end: new Date(entry.end),
        allDay: entry.allDay,
        summary: entry.title,
        description: entry.links.map((l) => l.name).join(', ') || null,
        timezone: 'UTC',
      });
    }
  }
  return calendar.toString();
}
