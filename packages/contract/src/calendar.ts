import { z } from 'zod';
import { ZActivityType, ZRecordRef } from './activities.ts';
import { ZId } from './common.ts';

/** Whose calendar: mine, my unit's (and the units below), or everyone's I may see. */
export const CALENDAR_SCOPES = ['me', 'unit', 'company'] as const;
export const ZCalendarScope = z.enum(CALENDAR_SCOPES);

export const ZCalendarQuery = z
  .strictObject({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    scope: ZCalendarScope.default('me'),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'Must be after from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, { path: ['to'], message: 'At most 62 days at once' });
export type TCalendarQuery = z.infer<typeof ZCalendarQuery>;

/**
 * One entry of the calendar: an activity at its time (a meeting, a planned call), or the
 * follow-up an activity asked for, or the end of a contract (a whole day).
 */
export const ZCalendarEntry = z.object({
  /** Unique in the calendar: `activity:<id>`, `follow-up:<id>`, `contract-end:<id>`. */
  key: z.string(),
  kind: z.enum(['activity', 'follow_up', 'contract_end']),
  /** The activity or contract it comes from. */
  id: ZId,
  activityType: ZActivityType.nullable(),
  title: z.string(),
  start: z.iso.datetime(),
  /** Meetings and calls last their duration; follow-ups 30 minutes; contract ends are all-day. */
  end: z.iso.datetime(),
  allDay: z.boolean(),
  links: z.array(ZRecordRef),
  person: z.object({ id: ZId, name: z.string() }).nullable(),
});
export type TCalendarEntry = z.infer<typeof ZCalendarEntry>;
export const ZCalendar = z.object({ data: z.array(ZCalendarEntry) });

/**
 * The person's iCalendar feed: a secret address calendar programs subscribe to. Only its SHA-256
 * is kept, so `url` is given once, when `POST /calendar/feed` makes it; afterwards `GET` tells
 * whether one exists (`createdAt`) with `url` null. Making a new one revokes the old.
 */
export const ZCalendarFeed = z.object({ url: z.string().nullable(), createdAt: z.iso.datetime().nullable() });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;
