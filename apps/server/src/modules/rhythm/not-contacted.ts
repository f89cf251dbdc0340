import { RHYTHM_LIST_CAP, type TNotContactedList, type TNotContactedQuery, ZNotContactedQuery } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { addDays, dayIn, startOfDay } from '../my-day/zoned-day.ts';
import { customersSql } from './customers.ts';
import { inReportQuery } from './in-report-query.ts';
import { lastActivitySql, lastContactJoins } from './last-contact.ts';
import { customerScope } from './scope.ts';

/**
 * Customers with no activity of any kind (a note too) for `days` days up to `now`, or never:
 * never-contacted first, then the longest silent. "Last contact" kept on each record answers most
 * of it: whoever was contacted since is ruled out first; for the rest, the newest activity of each
 * kind kept per customer (`customer_last_contact`) answers, or the customer's timeline where that
 * row may be behind.
 */
export async function notContacted(ctx: Ctx, raw: TNotContactedQuery, now: Date, timeZone: string): Promise<TNotContactedList> {
  const query = ZNotContactedQuery.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const since = addDays(dayIn(timeZone, now), -query.days);
  const cutoff = startOfDay(since, timeZone).toISOString();
  const scope = await customerScope(ctx, query);
  const result = await inReportQuery(ctx, (tx) =>
    tx.execute<{
      type: 'company' | 'contact';
      id: string;
      name: string;
      class: 'A' | 'B' | 'C' | null;
      owner_id: string | null;
      last_activity_at: string | null;
      total: number;
    }>(sql`
    WITH silent AS (
      SELECT c.type, c.id, c.name, c.class, c.owner_id, last.at AS last_activity_at
      FROM ${customersSql(workspaceId, scope, { classedOnly: false })} c
      ${lastContactJoins(workspaceId)}
      -- Per customer, its newest activity of any kind that has happened: kept, or from the timeline index.
      CROSS JOIN LATERAL (SELECT ${lastActivitySql(workspaceId, now.toISOString(), null)} AS at) last
      WHERE (c.last_contact_at IS NULL OR c.last_contact_at < ${cutoff}::timestamptz)
        AND (last.at IS NULL OR last.at < ${cutoff}::timestamptz)
    )
    SELECT silent.*, (count(*) OVER ())::int AS total FROM silent
    ORDER BY last_activity_at NULLS FIRST, name, id
    LIMIT ${RHYTHM_LIST_CAP}`),
  );
  return {
    since,
    data: result.rows.map((r) => ({
      type: r.type,
      id: r.id,
      name: r.name,
      class: r.class,
      ownerId: r.owner_id,
      lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at).toISOString() : null,
    })),
    total: result.rows[0]?.total ?? 0,
  };
}
