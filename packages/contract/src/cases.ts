import { z } from 'zod';
import { LIST_LIMIT_MAX, ZDay, ZId, ZTimeZone } from './common.ts';

/** What a case is: a complaint, a request, or a question. */
export const CASE_KINDS = ['complaint', 'request', 'question'] as const;
export const ZCaseKind = z.enum(CASE_KINDS);
export type TCaseKind = z.infer<typeof ZCaseKind>;

/** How the case reached us (and how a reply reaches the customer). */
export const CASE_CHANNELS = ['phone', 'email', 'web_form', 'portal', 'in_person'] as const;
export const ZCaseChannel = z.enum(CASE_CHANNELS);
export type TCaseChannel = z.infer<typeof ZCaseChannel>;

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ZCasePriority = z.enum(CASE_PRIORITIES);
export type TCasePriority = z.infer<typeof ZCasePriority>;

/**
 * A case's life: new → assigned → in progress ⇄ waiting for the customer / for another unit →
 * resolved → closed; a resolved or closed case can be reopened (then in progress again).
 * While waiting for the customer the SLA clock stops.
 */
export const CASE_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_customer',
  'waiting_unit',
  'resolved',
  'closed',
  'reopened',
] as const;
export const ZCaseStatus = z.enum(CASE_STATUSES);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;
/** Statuses in which a case is still being handled (its SLA runs, unless waiting for the customer). */
export const OPEN_CASE_STATUSES = ['new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_unit', 'reopened'] as const;

/** Whether the complaint was justified. */
export const CASE_VERDICTS = ['founded', 'unfounded', 'partly_founded'] as const;
export const ZCaseVerdict = z.enum(CASE_VERDICTS);
export type TCaseVerdict = z.infer<typeof ZCaseVerdict>;

/** A reply to the customer, an internal note, or what the customer wrote or said. */
export const CASE_MESSAGE_KINDS = ['reply', 'note', 'customer'] as const;
export const ZCaseMessageKind = z.enum(CASE_MESSAGE_KINDS);

const text = (max: number) => z.string().trim().max(max);
const ZRef = z.object({ id: ZId, name: z.string() });

// ---------------------------------------------------------------- types and categories

export const ZCaseCategory = z.object({ id: ZId, typeId: ZId, name: z.string(), position: z.number().int(), active: z.boolean() });
export type TCaseCategory = z.infer<typeof ZCaseCategory>;

/** `GET /case-types`: every type with its categories, in order (inactive ones too, flagged). */
export const ZCaseType = z.object({
  id: ZId,
  name: z.string(),
  kind: ZCaseKind,
  position: z.number().int(),
  active: z.boolean(),
  categories: z.array(ZCaseCategory),
  /** How many cases use it (a type in use is deactivated, not deleted). */
  cases: z.number().int(),
});
export type TCaseType = z.infer<typeof ZCaseType>;
export const ZCaseTypeList = z.object({ data: z.array(ZCaseType) });

/** Creates or changes a type (admins); `categories` replaces the list when sent (kept by id, new ones without). */
export const ZCaseTypeInput = z.strictObject({
  name: text(120).min(1),
  kind: ZCaseKind.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  categories: z
    .array(
      z.strictObject({
        id: ZId.optional(),
        name: text(120).min(1),
        position: z.number().int().min(0).max(10_000).optional(),
        active: z.boolean().optional(),
      }),
    )
    .max(200)
    .optional(),
});
export type TCaseTypeInput = z.infer<typeof ZCaseTypeInput>;
export const ZUpdateCaseTypeInput = ZCaseTypeInput.partial();
export type TUpdateCaseTypeInput = z.infer<typeof ZUpdateCaseTypeInput>;

// ---------------------------------------------------------------- working calendars and SLA policies

/** One working interval of a weekday (0 = Sunday … 6 = Saturday), in minutes from midnight. */
export const ZWorkingInterval = z
  .strictObject({ day: z.number().int().min(0).max(6), from: z.number().int().min(0).max(1440), to: z.number().int().min(0).max(1440) })
  .refine((i) => i.to > i.from, { path: ['to'], message: 'Ends before it starts' });

/** Working hours of a unit (or with `unitId` null, the workspace's default) with its holidays. */
export const ZWorkingCalendar = z.object({
  id: ZId,
  name: z.string(),
  unit: ZRef.nullable(),
  timeZone: z.string(),
  hours: z.array(z.object({ day: z.number().int(), from: z.number().int(), to: z.number().int() })),
  holidays: z.array(ZDay),
  updatedAt: z.iso.datetime(),
});
export type TWorkingCalendar = z.infer<typeof ZWorkingCalendar>;
export const ZWorkingCalendarList = z.object({ data: z.array(ZWorkingCalendar) });

export const ZWorkingCalendarInput = z.strictObject({
  name: text(120).min(1),
  unitId: ZId.nullable().optional(),
  timeZone: ZTimeZone,
  hours: z.array(ZWorkingInterval).max(70),
  holidays: z.array(ZDay).max(400).optional(),
});
export type TWorkingCalendarInput = z.infer<typeof ZWorkingCalendarInput>;
export const ZUpdateWorkingCalendarInput = ZWorkingCalendarInput.partial();
export type TUpdateWorkingCalendarInput = z.infer<typeof ZUpdateWorkingCalendarInput>;

/** Answer and resolution times, in working minutes, for a type and priority (null: any). */
export const ZSlaPolicy = z.object({
  id: ZId,
  name: z.string(),
  type: ZRef.nullable(),
  priority: ZCasePriority.nullable(),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  warnBeforeMinutes: z.number().int(),
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;
export const ZSlaPolicyList = z.object({ data: z.array(ZSlaPolicy) });

const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 365);
export const ZSlaPolicyInput = z.strictObject({
  name: text(120).min(1),
  typeId: ZId.nullable().optional(),
  priority: ZCasePriority.nullable().optional(),
  firstResponseMinutes: minutes,
  resolutionMinutes: minutes,
  warnBeforeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .optional(),
  active: z.boolean().optional(),
});
export type TSlaPolicyInput = z.infer<typeof ZSlaPolicyInput>;
export const ZUpdateSlaPolicyInput = ZSlaPolicyInput.partial();
export type TUpdateSlaPolicyInput = z.infer<typeof ZUpdateSlaPolicyInput>;

/** Where one of a case's two SLA targets stands. */
export const ZSlaTarget = z.object({
  dueAt: z.iso.datetime().nullable(),
  /** Done at (the first reply, or the resolution). */
  metAt: z.iso.datetime().nullable(),
  /** Working minutes left (negative once breached); null when met or without a policy. */
  minutesLeft: z.number().int().nullable(),
  state: z.enum(['none', 'running', 'paused', 'warning', 'breached', 'met', 'missed']),
  breachedAt: z.iso.datetime().nullable(),
});
export const ZCaseSla = z.object({
  policy: ZRef.nullable(),
  paused: z.boolean(),
  firstResponse: ZSlaTarget,
  resolution: ZSlaTarget,
});
export type TCaseSla = z.infer<typeof ZCaseSla>;

// ---------------------------------------------------------------- routing

export const ZCaseRoutingRule = z.object({
  id: ZId,
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  type: ZRef.nullable(),
  category: ZRef.nullable(),
  product: ZRef.nullable(),
  customerClass: z.enum(['A', 'B', 'C']).nullable(),
  channel: ZCaseChannel.nullable(),
  unit: ZRef.nullable(),
  user: ZRef.nullable(),
  process: ZRef.nullable(),
});
export type TCaseRoutingRule = z.infer<typeof ZCaseRoutingRule>;
export const ZCaseRoutingRuleList = z.object({ data: z.array(ZCaseRoutingRule) });

/** A rule needs a target: a unit, a person, or a published process. */
export const ZCaseRoutingRuleInput = z.strictObject({
  name: text(120).min(1),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  typeId: ZId.nullable().optional(),
  categoryId: ZId.nullable().optional(),
  productId: ZId.nullable().optional(),
  customerClass: z.enum(['A', 'B', 'C']).nullable().optional(),
  channel: ZCaseChannel.nullable().optional(),
  unitId: ZId.nullable().optional(),
  userId: ZId.nullable().optional(),
  processDefinitionId: ZId.nullable().optional(),
});
export type TCaseRoutingRuleInput = z.infer<typeof ZCaseRoutingRuleInput>;
export const ZUpdateCaseRoutingRuleInput = ZCaseRoutingRuleInput.partial();
export type TUpdateCaseRoutingRuleInput = z.infer<typeof ZUpdateCaseRoutingRuleInput>;

// ---------------------------------------------------------------- cases

/** One message of a case's conversation. */
export const ZCaseMessage = z.object({
  id: ZId,
  kind: ZCaseMessageKind,
  channel: ZCaseChannel.nullable(),
  body: z.string(),
  author: ZRef.nullable(),
  articles: z.array(z.object({ id: ZId, title: z.string() })),
  /** The e-mail copy to the customer, when one was sent. */
  email: z.object({ to: z.string(), state: z.enum(['pending', 'sending', 'sent', 'failed']) }).nullable(),
  createdAt: z.iso.datetime(),
});
export type TCaseMessage = z.infer<typeof ZCaseMessage>;

/** One change in a case's life, from its history. */
export const ZCaseEvent = z.object({
  at: z.iso.datetime(),
  actor: ZRef.nullable(),
  action: z.enum(['created', 'updated', 'deleted']),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
});

/** A case as lists show it. */
export const ZCaseSummary = z.object({
  id: ZId,
  number: z.string(),
  subject: z.string(),
  kind: ZCaseKind,
  type: ZRef,
  category: ZRef.nullable(),
  channel: ZCaseChannel,
  priority: ZCasePriority,
  status: ZCaseStatus,
  company: ZRef.nullable(),
  contact: ZRef.nullable(),
  /** True when the case names a customer the reader may not see. */
  customerHidden: z.boolean(),
  product: ZRef.nullable(),
  owner: ZRef.nullable(),
  unit: ZRef.nullable(),
  verdict: ZCaseVerdict.nullable(),
  sla: ZCaseSla,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

/** A case, whole. */
export const ZCase = ZCaseSummary.extend({
  description: z.string().nullable(),
  order: z.object({ id: ZId, number: z.string() }).nullable(),
  verdictReason: z.string().nullable(),
  resolution: z.string().nullable(),
  compensation: z.object({ amount: z.string().nullable(), currency: z.string().nullable(), note: z.string().nullable() }),
  satisfaction: z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.iso.datetime() }).nullable(),
  /** The hand-over to another unit waiting to be accepted. */
  handover: z.object({ taskId: ZId, unit: ZRef.nullable(), assignee: ZRef.nullable(), status: z.string() }).nullable(),
  routedBy: ZRef.nullable(),
  process: z.object({ instanceId: ZId, name: z.string() }).nullable(),
  firstRespondedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  reopenedCount: z.number().int(),
  createdBy: ZRef.nullable(),
  messages: z.array(ZCaseMessage),
  history: z.array(ZCaseEvent),
  /** The customer has had this many unfounded complaints (this one included) in the last 12 months. */
  customerUnfoundedComplaints: z.number().int(),
  /**
   * The case's contact has an e-mail address a reply can be sent to (told also to those who may
   * not read the contact: the reply goes out without showing them the address).
   */
  customerEmail: z.boolean(),
  mayChange: z.boolean(),
  mayDelete: z.boolean(),
});
export type TCase = z.infer<typeof ZCase>;

export const CASE_SORTS = ['createdAt', 'updatedAt', 'priority', 'resolutionDueAt'] as const;

/** `GET /cases`: filters combine (AND); `q` searches number and subject. */
export const ZCaseListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.enum([...CASE_SORTS, ...CASE_SORTS.map((s) => `-${s}` as const)]).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[status]': z.string().max(200).optional(),
  /** `open`: every status but resolved and closed. */
  'filter[open]': z.enum(['true']).optional(),
  'filter[typeId]': ZId.optional(),
  'filter[categoryId]': ZId.optional(),
  'filter[kind]': ZCaseKind.optional(),
  'filter[channel]': ZCaseChannel.optional(),
  'filter[priority]': ZCasePriority.optional(),
  'filter[ownerId]': ZId.optional(),
  'filter[unitId]': ZId.optional(),
  'filter[companyId]': ZId.optional(),
  'filter[contactId]': ZId.optional(),
  'filter[productId]': ZId.optional(),
  'filter[verdict]': ZCaseVerdict.optional(),
  /** Cases whose SLA is breached (either target), or at risk (warning). */
  'filter[sla]': z.enum(['breached', 'warning']).optional(),
  'filter[mine]': z.enum(['true']).optional(),
  'filter[createdFrom]': ZDay.optional(),
  'filter[createdTo]': ZDay.optional(),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;
export const ZCaseList = z.object({
  data: z.array(ZCaseSummary),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  totalIsEstimate: z.boolean().optional(),
});

const caseFields = {
  subject: text(300).min(1),
  description: text(20_000).nullable().optional(),
  typeId: ZId,
  categoryId: ZId.nullable().optional(),
  channel: ZCaseChannel,
  priority: ZCasePriority.optional(),
  companyId: ZId.nullable().optional(),
  contactId: ZId.nullable().optional(),
  productId: ZId.nullable().optional(),
  orderId: ZId.nullable().optional(),
};

/**
 * Registers a case. Without `ownerId`/`unitId` the routing rules decide (and, failing them, the
 * person registering it keeps it); a customer (company or contact) is required.
 */
export const ZCreateCaseInput = z.strictObject({
  ...caseFields,
  ownerId: ZId.nullable().optional(),
  unitId: ZId.nullable().optional(),
});
export type TCreateCaseInput = z.infer<typeof ZCreateCaseInput>;

/** Changes a case's fields (not its status: see transitions). */
export const ZUpdateCaseInput = z.strictObject({
  ...caseFields,
  subject: caseFields.subject.optional(),
  typeId: ZId.optional(),
  channel: ZCaseChannel.optional(),
  ownerId: ZId.nullable().optional(),
  verdict: ZCaseVerdict.nullable().optional(),
  verdictReason: text(5_000).nullable().optional(),
  resolution: text(20_000).nullable().optional(),
  compensationAmount: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,2})?$/)
    .nullable()
    .optional(),
  compensationCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  compensationNote: text(2_000).nullable().optional(),
});
export type TUpdateCaseInput = z.infer<typeof ZUpdateCaseInput>;

/**
 * Moves a case on. Resolving needs a resolution and, for a complaint, a verdict (sent here or set
 * before); a `note` is kept in the history.
 */
export const ZCaseTransitionInput = z.strictObject({
  to: ZCaseStatus,
  note: text(2_000).optional(),
  verdict: ZCaseVerdict.optional(),
  verdictReason: text(5_000).optional(),
  resolution: text(20_000).min(1).optional(),
});
export type TCaseTransitionInput = z.infer<typeof ZCaseTransitionInput>;

/**
 * Adds a message. A `reply` with `channel: 'email'` is e-mailed to the case's contact; other
 * channels record a reply given by phone or in person. The first reply meets the first-response
 * target. `articleIds`: the knowledge-base articles inserted into it (counted as used).
 */
export const ZCaseMessageInput = z.strictObject({
  kind: ZCaseMessageKind,
  channel: ZCaseChannel.optional(),
  body: text(50_000).min(1),
  articleIds: z.array(ZId).max(20).optional(),
});
export type TCaseMessageInput = z.infer<typeof ZCaseMessageInput>;

/** Hands the case to another unit (or a person there): an assignment that must be accepted first. */
export const ZCaseHandoverInput = z.strictObject({
  unitId: ZId.optional(),
  assigneeId: ZId.optional(),
  note: text(2_000).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
});
export type TCaseHandoverInput = z.infer<typeof ZCaseHandoverInput>;

/** The customer's satisfaction after closing, 1–5 with a comment. */
export const ZCaseSatisfactionInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: text(2_000).nullable().optional(),
});
export type TCaseSatisfactionInput = z.infer<typeof ZCaseSatisfactionInput>;

// ---------------------------------------------------------------- statistics

export const CASE_STAT_DIMENSIONS = ['type', 'category', 'product', 'owner', 'unit', 'channel', 'verdict', 'priority'] as const;
export const ZCaseStatDimension = z.enum(CASE_STAT_DIMENSIONS);
export type TCaseStatDimension = z.infer<typeof ZCaseStatDimension>;

/**
 * `GET /case-statistics`: a period of whole days in the reader's time zone (default this month; with
 * only `from`, to the end of its month; with only `to`, from the start of its month; three years at
 * most), grouped by a dimension, compared with the previous period as long (whole months with as
 * many whole months before) and the same period a year before. `unitId` narrows to a unit and the
 * units below it.
 */
export const ZCaseStatisticsQuery = z.strictObject({
  from: ZDay.optional(),
  to: ZDay.optional(),
  by: ZCaseStatDimension.default('type'),
  kind: ZCaseKind.optional(),
  unitId: ZId.optional(),
});
export type TCaseStatisticsQuery = z.infer<typeof ZCaseStatisticsQuery>;

const ZPeriodFigures = z.object({
  from: ZDay,
  to: ZDay,
  /** Cases registered in the period. */
  received: z.number().int(),
  /** Cases resolved in the period (whenever registered). */
  resolved: z.number().int(),
  /** Cases registered in the period and not resolved or closed yet. */
  open: z.number().int(),
  /**
   * Share of resolution targets met among those due or done in the period, 0–1; null without any.
   * A target counts once: in the period it was done, or, still undone, in the period it fell due.
   */
  slaCompliance: z.number().nullable(),
  firstResponseCompliance: z.number().nullable(),
  /** Average handling time, creation to resolution, in hours (calendar time). */
  avgHandlingHours: z.number().nullable(),
  /** Average customer satisfaction (1–5) of the ratings given in the period. */
  avgSatisfaction: z.number().nullable(),
  /** Cases resolved in the period with the verdict unfounded. */
  unfounded: z.number().int(),
});

export const ZCaseStatistics = z.object({
  by: ZCaseStatDimension,
  current: ZPeriodFigures,
  previous: ZPeriodFigures,
  lastYear: ZPeriodFigures,
  /** One row per value of the dimension: received in each period, and this period's details. */
  rows: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.string(),
      current: z.number().int(),
      previous: z.number().int(),
      lastYear: z.number().int(),
      resolved: z.number().int(),
      slaCompliance: z.number().nullable(),
      avgHandlingHours: z.number().nullable(),
    }),
  ),
  /** Customers with two or more unfounded complaints in the last 12 months. */
  repeatedUnfounded: z.array(
    z.object({ company: ZRef.nullable(), contact: ZRef.nullable(), unfounded: z.number().int(), lastAt: z.iso.datetime() }),
  ),
});
export type TCaseStatistics = z.infer<typeof ZCaseStatistics>;
