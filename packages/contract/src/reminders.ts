import { z } from 'zod';

/** A number of minutes up to four weeks; 0 turns that reminder off. */
const minutes = z.number().int().min(0).max(40_320);

/**
 * When a workspace reminds and escalates assignments: the assignee `remindBeforeMinutes` before
 * the due time; the head of the assignee's unit when a task is overdue, not opened within
 * `notReceivedMinutes` of being sent, or not accepted within `notAcceptedMinutes` of being
 * opened; again every `repeatMinutes` while it stays so (0: once).
 */
export const ZTaskReminderRules = z.strictObject({
  remindBeforeMinutes: minutes,
  notReceivedMinutes: minutes,
  notAcceptedMinutes: minutes,
  repeatMinutes: z.union([z.literal(0), z.number().int().min(15).max(40_320)]),
});
export type TTaskReminderRules = z.infer<typeof ZTaskReminderRules>;

export const DEFAULT_TASK_REMINDER_RULES: TTaskReminderRules = {
  remindBeforeMinutes: 24 * 60,
  notReceivedMinutes: 4 * 60,
  notAcceptedMinutes: 24 * 60,
  repeatMinutes: 24 * 60,
};

/** Moves a server's clock forward (only where the operator allowed it), then sweeps at once. */
export const ZAdvanceClock = z.strictObject({ minutes: z.number().int().min(1).max(525_600) });
export const ZClockState = z.object({ now: z.iso.datetime(), offsetMinutes: z.number(), sent: z.number().int() });
