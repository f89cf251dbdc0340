import type { TMyDayCovering } from '@clientela/contract';
import { and, asc, eq, gte, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { absences } from '../absences/absences.table.ts';
import { users } from '../users/index.ts';

/**
 * SQL true for the absences naming me as deputy whose days, in the absent person's own time zone
 * (`users` joined as them), include today. `today` is mine, within a day of theirs.
 */
function coversMe(ctx: Ctx, today: string): SQL {
  return and(
    eq(absences.workspaceId, ctx.actor.workspaceId),
    eq(absences.deputyId, ctx.actor.userId),
    // The index's bound; the exact test is in the absent person's zone below.
    gte(absences.endsOn, sql`${today}::date - 2`),
    sql`(now() AT TIME ZONE ${users.timeZone})::date BETWEEN ${absences.startsOn} AND ${absences.endsOn}`,
  ) as SQL;
}

/** The colleagues away today whom I cover for. */
export async function coveredPeople(ctx: Ctx, today: string): Promise<TMyDayCovering[]> {
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, startsOn: absences.startsOn, endsOn: absences.endsOn, note: absences.note })
    .from(absences)
    .innerJoin(users, and(eq(users.workspaceId, absences.workspaceId), eq(users.id, absences.userId)))
    .where(coversMe(ctx, today))
    .orderBy(asc(users.name), asc(absences.startsOn));
  // Two absences of one person overlapping today: they are covered once.
  const seen = new Set<string>();
  return rows.flatMap(({ id, name, ...days }) => {
    if (seen.has(id) || id === ctx.actor.userId) return [];
    seen.add(id);
    return [{ person: { id, name }, ...days }];
  });
}

/**
 * SQL for a uuid[] of me and the colleagues I cover for today: a subquery of the queries that
 * need it, so that they do not wait for `coveredPeople` first.
 */
export function meAndCoveredSql(ctx: Ctx, today: string): SQL {
  return sql`(ARRAY[${ctx.actor.userId}::uuid] || ARRAY(SELECT ${absences.userId} FROM ${absences}
    INNER JOIN ${users} ON ${users.workspaceId} = ${absences.workspaceId} AND ${users.id} = ${absences.userId}
    WHERE ${coversMe(ctx, today)}))`;
}
