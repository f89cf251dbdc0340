import type { TMyDay } from '@clientela/contract';
import type { Ctx } from '../../http/context.ts';
import { coveredPeople, meAndCoveredSql } from './covering.ts';
import { myActivities, presentActivitySections } from './my-activities.ts';
import { EXPIRY_HORIZON_DAYS, expiringAgreements, expiringContracts } from './my-records.ts';
import { myTaskSections, presentTaskSections } from './my-tasks.ts';
import { addDays, dayIn, startOfDay } from './zoned-day.ts';

/**
 * What needs the actor today, in their time zone: their tasks overdue and due today, those to
 * accept and to confirm, today's meetings, follow-ups due, agreements and contracts running out,
 * and the same tasks, meetings and follow-ups of the colleagues they cover for. Each section is
 * capped and carries its total; the task sections are one statement, the meetings and follow-ups
 * another, and all run side by side.
 */
export async function myDay(ctx: Ctx, timeZone: string, now = new Date()): Promise<TMyDay> {
  const today = dayIn(timeZone, now);
  const start = startOfDay(today, timeZone);
  const end = startOfDay(addDays(today, 1), timeZone);
  const horizon = addDays(today, EXPIRY_HORIZON_DAYS);

  const people = meAndCoveredSql(ctx);
  const [coveringList, taskRows, activityRows, agreements, contracts] = await Promise.all([
    coveredPeople(ctx),
    myTaskSections(ctx, people, start, end),
    myActivities(ctx, people, start, end),
    expiringAgreements(ctx, today, horizon),
    expiringContracts(ctx, today, horizon),
  ]);
  const covered = new Map(coveringList.map((c) => [c.person.id, c.person]));
  const [taskSections, activitySections] = await Promise.all([
    presentTaskSections(ctx, taskRows, covered),
    presentActivitySections(ctx, activityRows, covered),
  ]);
  return {
    date: today,
    timeZone,
    ...taskSections,
    ...activitySections,
    agreements,
    contracts,
    covering: { items: coveringList, total: coveringList.length },
  };
}
