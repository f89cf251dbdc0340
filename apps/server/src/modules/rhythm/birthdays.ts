import { RHYTHM_LIST_CAP, type TBirthdays, type TBirthdaysQuery, ZBirthdaysQuery } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { addDays, dayIn } from '../my-day/zoned-day.ts';
import { inReportQuery } from './in-report-query.ts';
import { customerScope } from './scope.ts';

/** The first and last day of this week (Monday to Sunday) or this month, around `today`. */
export function rangeOf(today: string, range: 'week' | 'month'): { from: string; to: string } {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  if (range === 'month') {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { from: `${today.slice(0, 8)}01`, to: `${today.slice(0, 8)}${String(last).padStart(2, '0')}` };
  }
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  const from = addDays(today, -weekday);
  return { from, to: addDays(from, 6) };
}

/**
 * The day a birthday is celebrated in year `y`: 29 February falls on 28 February in a year without
 * it, so that it stays in February and is never skipped.
 */
const celebratedIn = (y: SQL) =>
  sql`CASE WHEN extract(month FROM contact.birthday) = 2 AND extract(day FROM contact.birthday) = 29
    THEN make_date(${y}, 3, 1) - 1
    ELSE make_date(${y}, extract(month FROM contact.birthday)::int, extract(day FROM contact.birthday)::int) END`;

/**
 * Contacts whose birthday falls this week or this month as the asking person's calendar reads it
 * at `now`, in day order, with the age they reach (when the year of birth is known: from 1900 on).
 */
export async function birthdays(ctx: Ctx, raw: TBirthdaysQuery, now: Date, timeZone: string): Promise<TBirthdays> {
  const query = ZBirthdaysQuery.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const { from, to } = rangeOf(dayIn(timeZone, now), query.range);
  const scope = await customerScope(ctx, query);
  // A week can run from December into January: the birthday's day in either year.
  const years = [...new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))])];
  const result = await inReportQuery(ctx, (tx) =>
    tx.execute<{
      id: string;
      name: string;
      owner_id: string | null;
      birthday: string;
      celebrated_on: string;
      age: number | null;
      phone: string | null;
      total: number;
    }>(sql`
    SELECT contact.id, contact.name, contact.owner_id, contact.birthday::text AS birthday, d.day::text AS celebrated_on,
      CASE WHEN extract(year FROM contact.birthday) >= 1900
        THEN (extract(year FROM d.day) - extract(year FROM contact.birthday))::int END AS age,
      (SELECT p->>'value' FROM jsonb_array_elements(contact.phones) p LIMIT 1) AS phone,
      (count(*) OVER ())::int AS total
    FROM contact
    CROSS JOIN LATERAL (
      SELECT day FROM (VALUES ${sql.join(
        years.map((y) => sql`(${celebratedIn(sql`${y}::int`)})`),
        sql`, `,
      )}) AS v(day) WHERE day BETWEEN ${from}::date AND ${to}::date LIMIT 1
    ) d
    WHERE contact.workspace_id = ${workspaceId} AND contact.deleted_at IS NULL AND contact.birthday IS NOT NULL
      AND ${scope.contact}
    ORDER BY d.day, contact.name, contact.id
    LIMIT ${RHYTHM_LIST_CAP}`),
  );
  return {
    from,
    to,
    data: result.rows.map((r) => ({
      id: r.id,
      name: r.name,
      ownerId: r.owner_id,
      birthday: r.birthday,
      celebratedOn: r.celebrated_on,
      age: r.age,
      phone: r.phone,
    })),
    total: result.rows[0]?.total ?? 0,
  };
}
