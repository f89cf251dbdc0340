import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZId } from './common.ts';

/** `show`: the deputy sees and acts on the absent person's open tasks; `move`: they are handed to the deputy. */
export const ABSENCE_MODES = ['show', 'move'] as const;
export const ZAbsenceMode = z.enum(ABSENCE_MODES);
export type TAbsenceMode = z.infer<typeof ZAbsenceMode>;

const ZPerson = z.object({ id: ZId, name: z.string() });
// Years PostgreSQL's dates and people's calendars both hold (year 0 would pass the format and fail the database).
const ZDay = z.iso.date().refine((day) => day >= '2000-01-01' && day <= '2999-12-31', 'Choose a date between 2000 and 2999');

/** A person away from `startsOn` to `endsOn` (days in their time zone, both included), and who covers for them. */
export const ZAbsence = z.object({
  id: ZId,
  user: ZPerson,
  deputy: ZPerson,
  startsOn: ZDay,
  endsOn: ZDay,
  mode: ZAbsenceMode,
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Today, in the absent person's time zone, is one of its days. */
  current: z.boolean(),
});
export type TAbsence = z.infer<typeof ZAbsence>;

/** Marks an absence: one's own (no `userId`), or, for a manager or an admin, someone else's. */
export const ZCreateAbsence = z
  .strictObject({
    userId: ZId.optional(),
    deputyId: ZId,
    startsOn: ZDay,
    endsOn: ZDay,
    mode: ZAbsenceMode.default('show'),
    note: z.string().trim().max(2_000).optional(),
  })
  .refine((input) => input.startsOn <= input.endsOn, { path: ['endsOn'], message: 'Ends before it starts' });
export type TCreateAbsence = z.input<typeof ZCreateAbsence>;

/** `GET /absences`: the ones the reader may see, of one person, only those not over yet. */
export const ZAbsenceListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[user]': ZId.optional(),
  /** Current and future ones: not ended yet in the absent person's time zone. */
  'filter[upcoming]': z.enum(['true']).optional(),
});
export type TAbsenceListQuery = z.infer<typeof ZAbsenceListQuery>;
export const ZAbsenceList = listOf(ZAbsence);
