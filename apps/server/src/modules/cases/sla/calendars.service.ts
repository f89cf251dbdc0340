import {
  type TUpdateWorkingCalendarInput,
  type TWorkingCalendar,
  type TWorkingCalendarInput,
  ZUpdateWorkingCalendarInput,
  ZWorkingCalendarInput,
} from '@clientela/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.ts';
import type { Ctx } from '../../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../../http/errors.ts';
import { units } from '../../units/units.table.ts';
import { caseSettingsPolicy } from '../cases.policy.ts';
import { workingCalendars } from '../cases.table.ts';

type CalendarRow = typeof workingCalendars.$inferSelect;
type Interval = { day: number; from: number; to: number };

const taken = () =>
  new AppError('conflict', 'This unit already has a calendar', {
    errors: [{ path: 'unitId', message: 'This unit already has a calendar' }],
  });
const isUniqueViolation = (error: unknown) =>
  ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code === '23505';

/** The intervals that overlap another of the same day, by their position in the list. */
export function overlappingIntervals(hours: readonly Interval[]): FieldError[] {
  const errors: FieldError[] = [];
  hours.forEach((a, i) => {
    const clash = hours.some((b, j) => j < i && b.day === a.day && a.from < b.to && b.from < a.to);
    if (clash) errors.push({ path: `hours.${i}`, message: 'Overlaps another interval of the same day' });
  });
  return errors;
}

/**
 * The calendar of a unit: its own, else its nearest ancestor's, else the workspace's default; null
 * when there is none (every minute counts). `unitsById` gives each unit's parent.
 */
export function calendarFor<C extends Pick<CalendarRow, 'unitId'>>(
  calendars: readonly C[],
  parentOf: ReadonlyMap<string, string | null>,
  unitId: string | null,
): C | null {
  const byUnit = new Map(calendars.map((c) => [c.unitId, c]));
  const seen = new Set<string>();
  for (let unit = unitId; unit && !seen.has(unit); unit = parentOf.get(unit) ?? null) {
    seen.add(unit);
    const own = byUnit.get(unit);
    if (own) return own;
  }
  return byUnit.get(null) ?? null;
}

/** Every calendar of the workspace and each unit's parent, for calendarFor(). */
export async function calendarsOf(db: Executor, workspaceId: string) {
  const [calendars, tree] = await Promise.all([
    db.select().from(workingCalendars).where(eq(workingCalendars.workspaceId, workspaceId)),
    db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.workspaceId, workspaceId)),
  ]);
  return { calendars, parentOf: new Map(tree.map((u) => [u.id, u.parentId])) };
}

async function present(db: Executor, workspaceId: string, id?: string): Promise<TWorkingCalendar[]> {
  const rows = await db
    .select({ calendar: workingCalendars, unitName: units.name })
    .from(workingCalendars)
    .leftJoin(units, and(eq(units.workspaceId, workingCalendars.workspaceId), eq(units.id, workingCalendars.unitId)))
    .where(and(eq(workingCalendars.workspaceId, workspaceId), id ? eq(workingCalendars.id, id) : undefined))
    .orderBy(asc(sql`${workingCalendars.unitId} IS NOT NULL`), asc(units.name));
  return rows.map(({ calendar: c, unitName }) => ({
    id: c.id,
    name: c.name,
    unit: c.unitId ? { id: c.unitId, name: unitName ?? '' } : null,
    timeZone: c.timeZone,
    hours: [...c.hours].sort((a, b) => a.day - b.day || a.from - b.from),
    holidays: c.holidays,
    updatedAt: c.updatedAt.toISOString(),
  }));
}

/** The working calendars; every member of staff may read them. */
export async function listWorkingCalendars(ctx: Ctx): Promise<{ data: TWorkingCalendar[] }> {
  await caseSettingsPolicy.authorize(ctx.actor, 'read');
  return { data: await present(ctx.db, ctx.actor.workspaceId) };
}

type Fields = Pick<z.infer<typeof ZWorkingCalendarInput>, 'name' | 'timeZone' | 'hours'> & {
  unitId: string | null;
  holidays: string[];
};

async function check(tx: Executor, workspaceId: string, c: Fields) {
  const errors = overlappingIntervals(c.hours);
  if (c.hours.length === 0) errors.push({ path: 'hours', message: 'A calendar needs at least one working interval' });
  if (c.unitId) {
    const [unit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.workspaceId, workspaceId), eq(units.id, c.unitId)));
    if (!unit) errors.push({ path: 'unitId', message: 'No such unit' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', errors[0]?.message, { errors });
}

async function save(ctx: Ctx, write: (tx: Executor) => Promise<string>): Promise<TWorkingCalendar> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const id = await write(tx);
      const [saved] = await present(tx, ctx.actor.workspaceId, id);
      if (!saved) throw notFound('working calendar');
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

const columns = (c: Fields) => ({
  name: c.name,
  unitId: c.unitId,
  timeZone: c.timeZone,
  hours: c.hours.map(({ day, from, to }) => ({ day, from, to })),
  holidays: [...new Set(c.holidays)].sort(),
});

/** An admin adds a calendar: the workspace's default (no unit) or a unit's; one each. */
export async function createWorkingCalendar(ctx: Ctx, raw: TWorkingCalendarInput): Promise<TWorkingCalendar> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const input = ZWorkingCalendarInput.parse(raw);
  return save(ctx, async (tx) => {
    const fields: Fields = { ...input, unitId: input.unitId ?? null, holidays: input.holidays ?? [] };
    await check(tx, ctx.actor.workspaceId, fields);
    const [row] = await tx
      .insert(workingCalendars)
      .values({ workspaceId: ctx.actor.workspaceId, ...columns(fields) })
      .returning({ id: workingCalendars.id });
    return row?.id as string;
  });
}

/** An admin changes a calendar; running cases keep their due times until they change. */
export async function updateWorkingCalendar(ctx: Ctx, id: string, raw: TUpdateWorkingCalendarInput): Promise<TWorkingCalendar> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const input = ZUpdateWorkingCalendarInput.parse(raw);
  return save(ctx, async (tx) => {
    const where = and(eq(workingCalendars.workspaceId, ctx.actor.workspaceId), eq(workingCalendars.id, id));
    const [before] = await tx.select().from(workingCalendars).where(where).for('update');
    if (!before) throw notFound('working calendar');
    const fields: Fields = {
      name: input.name ?? before.name,
      unitId: input.unitId === undefined ? before.unitId : input.unitId,
      timeZone: input.timeZone ?? before.timeZone,
      hours: input.hours ?? before.hours,
      holidays: input.holidays ?? before.holidays,
    };
    await check(tx, ctx.actor.workspaceId, fields);
    await tx
      .update(workingCalendars)
      .set({ ...columns(fields), updatedAt: sql`now()` })
      .where(where);
    return id;
  });
}

/** An admin removes a calendar: its unit's cases count in the parent's or the default calendar from their next change. */
export async function deleteWorkingCalendar(ctx: Ctx, id: string): Promise<void> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const deleted = await ctx.db
    .delete(workingCalendars)
    .where(and(eq(workingCalendars.workspaceId, ctx.actor.workspaceId), eq(workingCalendars.id, id)))
    .returning({ id: workingCalendars.id });
  if (deleted.length === 0) throw notFound('working calendar');
}
