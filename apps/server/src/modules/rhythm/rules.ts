import { DEFAULT_RHYTHM_RULES, type TRhythmRule, type TRhythmRules, ZRhythmRules } from '@clientela/contract';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { contactRhythmRules } from './rhythm.table.ts';

/** A workspace's three rules, A, B and C; a class nobody set follows the defaults. */
export async function rulesOf(db: Executor, workspaceId: string): Promise<TRhythmRule[]> {
  const rows = await db.select().from(contactRhythmRules).where(eq(contactRhythmRules.workspaceId, workspaceId));
  return DEFAULT_RHYTHM_RULES.map((rule) => {
    const row = rows.find((r) => r.class === rule.class);
    return row ? { class: row.class, everyDays: row.everyDays, activityTypes: row.activityTypes, createTasks: row.createTasks } : rule;
  });
}

/** How often each class of customer must be contacted; everyone may read it. */
export async function getRhythmRules(ctx: Ctx): Promise<TRhythmRules> {
  return { rules: await rulesOf(ctx.db, ctx.actor.workspaceId) };
}

/** Sets the three rules at once; admins only. Bad input writes nothing. */
export async function putRhythmRules(ctx: Ctx, raw: TRhythmRules): Promise<TRhythmRules> {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an admin sets how often customers must be contacted');
  const { rules } = ZRhythmRules.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db
    .insert(contactRhythmRules)
    .values(rules.map((rule) => ({ workspaceId, ...rule })))
    .onConflictDoUpdate({
      target: [contactRhythmRules.workspaceId, contactRhythmRules.class],
      set: {
        everyDays: sql`excluded.every_days`,
        activityTypes: sql`excluded.activity_types`,
        createTasks: sql`excluded.create_tasks`,
        updatedAt: sql`now()`,
      },
    });
  return getRhythmRules(ctx);
}

/** The rules as SQL rows (class, every_days, types) to join customers with. */
export function rulesSql(rules: readonly TRhythmRule[]) {
  return sql`(VALUES ${sql.join(
    rules.map((r) => sql`(${r.class}, ${r.everyDays}::int, ${`{${r.activityTypes.join(',')}}`}::text[])`),
    sql`, `,
  )}) AS rule(class, every_days, types)`;
}
