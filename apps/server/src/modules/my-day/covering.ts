import type { TMyDayCovering } from '@clientela/contract';
import { and, asc, eq, gte, type SQL, sql } from 'drizzle-orm';
import { runPrepared } from '../../db/prepared.ts';
import type { Ctx } from '../../http/context.ts';
import { absences, absent, coveredUsersSql, coversDay } from '../absences/index.ts';

/** The colleagues away today whom I cover for. */
export async function coveredPeople(ctx: Ctx): Promise<TMyDayCovering[]> {
  const rows = await runPrepared(
    ctx.db
      .select({ id: absent.id, name: absent.name, startsOn: absences.startsOn, endsOn: absences.endsOn, note: absences.note })
      .from(absences)
      .innerJoin(absent, and(eq(absent.workspaceId, absences.workspaceId), eq(absent.id, absences.userId)))
      .where(
        and(
          eq(absences.workspaceId, ctx.actor.workspaceId),
          eq(absences.deputyId, ctx.actor.userId),
          // The index's bound; the exact test is in the absent person's own time zone.
          gte(absences.endsOn, sql`current_date - 1`),
          coversDay(absent.timeZone),
        ),
      )
      .orderBy(asc(absent.name), asc(absences.startsOn)),
  );
  // Two absences of one person overlapping today: they are covered once.
  const seen = new Set<string>();
  return rows.flatMap(({ id, name, ...days }) => {
    if (seen.has(id) || id === ctx.actor.userId) return [];
    seen.add(id);
    return [{ person: { id, name }, ...days }];
  });
}

/**
 * SQL for a uuid[] of me and the colleagues I cover for today (the absences module's rule): a
 * subquery of the queries that need it, so that they do not wait for `coveredPeople` first.
 */
export function meAndCoveredSql(ctx: Ctx): SQL {
  return sql`(ARRAY[${ctx.actor.userId}::uuid] || ARRAY${coveredUsersSql(ctx.actor.workspaceId, ctx.actor.userId)})`;
}
