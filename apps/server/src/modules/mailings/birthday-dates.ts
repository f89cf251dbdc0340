import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Executor } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';

/**
 * The time zone a workspace's birthdays are counted in. A workspace has none of its own, so it is
 * that of its first administrator (who set it up), as for process schedules; UTC without one.
 */
export async function birthdayTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const [admin] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin')))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  return admin?.timeZone && DateTime.now().setZone(admin.timeZone).isValid ? admin.timeZone : 'UTC';
}

/** The calendar day it is at `now` in a time zone. */
export function localDay(now: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
}

/**
 * The contacts whose birthday is celebrated on `day`: those born on that month and day, and on
 * 28 February of a year without a 29th, those born on the 29th as well. Written to match the
 * contacts' birthday index (month and day of live contacts).
 */
export function bornOn(day: DateTime): SQL {
  const days = [day.day];
  if (day.month === 2 && day.day === 28 && !day.isInLeapYear) days.push(29);
  return sql`${contacts.birthday} IS NOT NULL AND ${contacts.deletedAt} IS NULL
    AND extract(month from ${contacts.birthday}) = ${day.month}
    AND extract(day from ${contacts.birthday}) IN (${sql.join(
      days.map((d) => sql`${d}`),
      sql`, `,
    )})`;
}

/** The day a birthday is celebrated in a year (an SQL integer): the 29th of February on the 28th when the year has none. */
export function celebrationIn(year: SQL): SQL<string> {
  const month = sql`extract(month from ${contacts.birthday})::int`;
  const first = sql`make_date(${year}, ${month}, 1)`;
  return sql<string>`make_date(${year}, ${month},
    least(extract(day from ${contacts.birthday})::int, extract(day from ${first} + interval '1 month' - interval '1 day')::int))`;
}
