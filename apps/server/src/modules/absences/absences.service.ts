import { type TAbsence, type TAbsenceListQuery, type TCreateAbsence, ZCreateAbsence } from '@clientela/contract';
import { and, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../http/errors.ts';
import { afterCursor, type Keyset, orderBy, pageOf } from '../../lib/pagination.ts';
import { users } from '../users/index.ts';
import { absencePolicy } from './absences.policy.ts';
import { absences } from './absences.table.ts';
import { applyAbsenceMoves } from './apply-moves.ts';
import { absent, coversDay, deputy } from './cover.ts';

const KEYSET: Keyset = { name: 'startsOn', field: { column: absences.startsOn }, direction: 'asc' };

const invalid = (errors: FieldError[]) => new AppError('validation_failed', 'The absence is not valid', { errors });

/** Today's date (YYYY-MM-DD) in a time zone. */
function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** SQL true for the absences the actor may see: their own, those they cover or marked, and their role's reach. */
async function readableAbsenceSql(ctx: Ctx): Promise<SQL> {
  const { actor } = ctx;
  return or(
    await absencePolicy.filter(actor, 'read', { owner: absences.userId, unit: absent.unitId }),
    eq(absences.deputyId, actor.userId),
    eq(absences.createdBy, actor.userId),
  ) as SQL;
}

function selectAbsences(db: Executor) {
  return db
    .select({
      absence: absences,
      userName: absent.name,
      unitId: absent.unitId,
      deputyName: deputy.name,
      current: sql<boolean>`${coversDay(absent.timeZone)}`,
      key: sql<string>`${absences.startsOn}::text`,
    })
    .from(absences)
    .innerJoin(absent, and(eq(absent.workspaceId, absences.workspaceId), eq(absent.id, absences.userId)))
    .innerJoin(deputy, and(eq(deputy.workspaceId, absences.workspaceId), eq(deputy.id, absences.deputyId)));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectAbsences>['where']>>[number];

function present(row: Row): TAbsence {
  const { absence } = row;
  return {
    id: absence.id,
    user: { id: absence.userId, name: row.userName },
    deputy: { id: absence.deputyId, name: row.deputyName },
    startsOn: absence.startsOn,
    endsOn: absence.endsOn,
    mode: absence.mode,
    note: absence.note,
    createdAt: absence.createdAt.toISOString(),
    current: row.current,
  };
}

async function findReadable(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await selectAbsences(ctx.db).where(
    and(eq(absences.workspaceId, ctx.actor.workspaceId), eq(absences.id, id), await readableAbsenceSql(ctx)),
  );
  if (!row) throw notFound('absence');
  return row;
}

/** The absences the actor may see, earliest first: of one person, and only those not over yet, on request. */
export async function listAbsences(ctx: Ctx, query: TAbsenceListQuery) {
  const conditions = and(
    eq(absences.workspaceId, ctx.actor.workspaceId),
    await readableAbsenceSql(ctx),
    query['filter[user]'] ? eq(absences.userId, query['filter[user]']) : undefined,
    query['filter[upcoming]'] ? sql`${absences.endsOn} >= (now() AT TIME ZONE ${absent.timeZone})::date` : undefined,
  );
  const rows = await selectAbsences(ctx.db)
    .where(and(conditions, afterCursor(KEYSET, absences.id, query.cursor)))
    .orderBy(...orderBy(KEYSET, absences.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(absences)
    .innerJoin(absent, and(eq(absent.workspaceId, absences.workspaceId), eq(absent.id, absences.userId)))
    .where(conditions);
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.absence.id, cursorKey: row.key })),
    query.limit,
    KEYSET,
  );
  return { data: page.map(present), nextCursor, total: counted?.n ?? 0 };
}

/**
 * Marks an absence: one's own, a manager's for the people of their unit tree, an admin's for
 * anyone. The deputy is another active person; the absence is not over already; the same
 * person's absences never overlap (409 `absence_overlaps`). A `move` absence that has begun
 * hands its person's open tasks over at once.
 */
export async function createAbsence(ctx: Ctx, raw: TCreateAbsence): Promise<TAbsence> {
  const input = ZCreateAbsence.parse(raw);
  const { actor } = ctx;
  const workspaceId = actor.workspaceId;
  const userId = input.userId ?? actor.userId;
  const [person] = await ctx.db
    .select({ unitId: users.unitId, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  if (!person) throw invalid([{ path: 'userId', message: 'No such user' }]);
  if (!(await absencePolicy.can(actor, 'create', { ownerId: userId, unitId: person.unitId })))
    throw forbidden('You may mark only your own absences');
  const errors: FieldError[] = [];
  if (input.deputyId === userId) errors.push({ path: 'deputyId', message: 'The deputy must be someone else' });
  else {
    const [found] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, input.deputyId), eq(users.active, true)));
    if (!found) errors.push({ path: 'deputyId', message: 'No such user' });
  }
  if (input.endsOn < todayIn(person.timeZone)) errors.push({ path: 'endsOn', message: 'This absence is already over' });
  if (errors.length > 0) throw invalid(errors);

  const id = await ctx.db.transaction(async (tx) => {
    // One absence at a time per person: the person's row is the lock that keeps two overlapping ones out.
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)))
      .for('no key update');
    const [overlap] = await tx
      .select({ startsOn: absences.startsOn, endsOn: absences.endsOn })
      .from(absences)
      .where(
        and(
          eq(absences.workspaceId, workspaceId),
          eq(absences.userId, userId),
          lte(absences.startsOn, input.endsOn),
          gte(absences.endsOn, input.startsOn),
        ),
      )
      .limit(1);
    if (overlap)
      throw new AppError('absence_overlaps', `Already away from ${overlap.startsOn} to ${overlap.endsOn}`, {
        errors: [{ path: 'startsOn', message: 'Overlaps another absence' }],
      });
    const [row] = await tx
      .insert(absences)
      .values({
        workspaceId,
        userId,
        deputyId: input.deputyId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        mode: input.mode,
        note: input.note || null,
        createdBy: actor.userId,
      })
      .returning({ id: absences.id });
    if (!row) throw new Error('absence insert returned nothing');
    return row.id;
  });
  if (input.mode === 'move') await applyAbsenceMoves(ctx.db, new Date(), { workspaceId, id });
  return present(await findReadable(ctx, id));
}

/**
 * Cancels an absence: its person, whoever marked it, a manager over the person's unit, an admin.
 * Its deputy gets 403; those who may not see it, 404. Tasks already handed over stay with the deputy.
 */
export async function deleteAbsence(ctx: Ctx, id: string): Promise<void> {
  const { actor } = ctx;
  const row = await findReadable(ctx, id);
  const may =
    row.absence.createdBy === actor.userId ||
    (await absencePolicy.can(actor, 'delete', { ownerId: row.absence.userId, unitId: row.unitId }));
  if (!may) throw forbidden('Only the absent person, whoever marked it, or their manager cancels it');
  await ctx.db.delete(absences).where(and(eq(absences.workspaceId, actor.workspaceId), eq(absences.id, id)));
}
