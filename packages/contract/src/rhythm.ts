import { z } from 'zod';
import { ZId } from './common.ts';

/** The customer classes a contact rhythm is set for. */
export const RHYTHM_CLASSES = ['A', 'B', 'C'] as const;
export const ZRhythmClass = z.enum(RHYTHM_CLASSES);
export type TRhythmClass = z.infer<typeof ZRhythmClass>;

/** Kinds of activity that may count as a contact. */
export const RHYTHM_ACTIVITY_TYPES = ['call', 'meeting', 'visit', 'email', 'note'] as const;

/** How often customers of a class must be contacted, and which activities count as a contact. */
export const ZRhythmRule = z.strictObject({
  class: ZRhythmClass,
  everyDays: z.number().int().min(1).max(365),
  activityTypes: z
    .array(z.enum(RHYTHM_ACTIVITY_TYPES))
    .min(1, { message: 'Choose at least one kind of activity' })
    .refine((types) => new Set(types).size === types.length, { message: 'Each kind only once' }),
  /** Whether an overdue customer gets a "contact them" task for its owner. */
  createTasks: z.boolean(),
});
export type TRhythmRule = z.infer<typeof ZRhythmRule>;

/** The three rules, one per class, A then B then C. */
export const ZRhythmRules = z.strictObject({
  rules: z
    .array(ZRhythmRule)
    .length(3)
    .refine((rules) => RHYTHM_CLASSES.every((c) => rules.some((r) => r.class === c)), { message: 'One rule for each of A, B and C' }),
});
export type TRhythmRules = z.infer<typeof ZRhythmRules>;

/**
 * The company rule of the furniture maker: A monthly, B every two months, C quarterly. A note is
 * not a contact: only a call, a meeting, a visit or an e-mail is.
 */
export const DEFAULT_RHYTHM_RULES: TRhythmRule[] = [
  { class: 'A', everyDays: 30, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
  { class: 'B', everyDays: 60, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
  { class: 'C', everyDays: 90, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
];

/** The scope of a report: one manager's customers, or one unit's (and the units below it). */
export const ZRhythmScopeQuery = z.strictObject({
  ownerId: ZId.optional(),
  unitId: ZId.optional(),
});
export type TRhythmScopeQuery = z.infer<typeof ZRhythmScopeQuery>;

/** A customer the report names: a company or a contact (a private person with a class). */
export const ZRhythmCustomer = z.object({
  type: z.enum(['company', 'contact']),
  id: ZId,
  name: z.string(),
});

/** A customer whose next contact is past due. */
export const ZRhythmOverdue = ZRhythmCustomer.extend({
  class: ZRhythmClass,
  ownerId: ZId.nullable(),
  /** The last counted contact; null when there was none (the due date then counts from its creation). */
  lastContactAt: z.iso.datetime({ offset: true }).nullable(),
  dueOn: z.iso.date(),
  daysOverdue: z.number().int(),
});
export type TRhythmOverdue = z.infer<typeof ZRhythmOverdue>;

/** One manager's line: customers with a class, how many are on time, how many overdue. */
export const ZRhythmManagerLine = z.object({
  ownerId: ZId.nullable(),
  ownerName: z.string().nullable(),
  total: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  /** On time out of all, in percent with one decimal; 100 with no customers. */
  compliancePercent: z.number(),
});
export type TRhythmManagerLine = z.infer<typeof ZRhythmManagerLine>;

/** How well managers keep the contact rhythm on a given day. */
export const ZRhythmCompliance = z.object({
  today: z.iso.date(),
  managers: z.array(ZRhythmManagerLine),
  totals: ZRhythmManagerLine.omit({ ownerId: true, ownerName: true }),
  /** The most overdue customers first (at most OVERDUE_CAP); `overdueTotal` counts them all. */
  overdue: z.array(ZRhythmOverdue),
  overdueTotal: z.number().int(),
});
export type TRhythmCompliance = z.infer<typeof ZRhythmCompliance>;

/** How many overdue customers a compliance report lists. */
export const RHYTHM_OVERDUE_CAP = 500;
/** How many rows a list for action returns at most. */
export const RHYTHM_LIST_CAP = 500;

export const ZBirthdaysQuery = ZRhythmScopeQuery.extend({ range: z.enum(['week', 'month']).default('month') });
export type TBirthdaysQuery = z.input<typeof ZBirthdaysQuery>;

/** A contact's birthday in the range: the day it is celebrated this year, and the age reached. */
export const ZBirthday = z.object({
  id: ZId,
  name: z.string(),
  ownerId: ZId.nullable(),
  birthday: z.iso.date(),
  /** The day celebrated: 29 February is kept on 28 February in a year without it. */
  celebratedOn: z.iso.date(),
  /** The age reached that day; null when the year of birth is not known (before 1900). */
  age: z.number().int().nullable(),
  phone: z.string().nullable(),
});
export type TBirthday = z.infer<typeof ZBirthday>;

export const ZBirthdays = z.object({ from: z.iso.date(), to: z.iso.date(), data: z.array(ZBirthday), total: z.number().int() });
export type TBirthdays = z.infer<typeof ZBirthdays>;

export const ZNotContactedQuery = ZRhythmScopeQuery.extend({ days: z.coerce.number().int().min(1).max(3650).default(90) });
export type TNotContactedQuery = z.input<typeof ZNotContactedQuery>;

/** A customer nobody has logged any activity with for the days asked (or ever). */
export const ZNotContacted = ZRhythmCustomer.extend({
  ownerId: ZId.nullable(),
  class: ZRhythmClass.nullable(),
  lastActivityAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TNotContacted = z.infer<typeof ZNotContacted>;

export const ZNotContactedList = z.object({ since: z.iso.date(), data: z.array(ZNotContacted), total: z.number().int() });
export type TNotContactedList = z.infer<typeof ZNotContactedList>;

export const ZDormantQuery = ZRhythmScopeQuery.extend({ months: z.coerce.number().int().min(1).max(120).default(6) });
export type TDormantQuery = z.input<typeof ZDormantQuery>;

/** A company that bought before and not since: its last purchase and what it bought in all, in the base currency. */
export const ZDormant = z.object({
  id: ZId,
  name: z.string(),
  ownerId: ZId.nullable(),
  class: ZRhythmClass.nullable(),
  lastPurchaseOn: z.iso.date(),
  lifetimeRevenueBase: z.string(),
});
export type TDormant = z.infer<typeof ZDormant>;

export const ZDormantList = z.object({
  since: z.iso.date(),
  baseCurrency: z.string(),
  data: z.array(ZDormant),
  total: z.number().int(),
});
export type TDormantList = z.infer<typeof ZDormantList>;
