import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZDay, ZId } from './common.ts';
import { ZDealRef, ZDealStageChange } from './deals.ts';
import { ZTask } from './tasks.ts';

/** What happened with a customer: a call, a meeting, a visit, an e-mail or a note. */
export const ACTIVITY_TYPES = ['call', 'meeting', 'visit', 'email', 'note'] as const;
export const ZActivityType = z.enum(ACTIVITY_TYPES);
export type TActivityType = z.infer<typeof ZActivityType>;

/** Who started a call or an e-mail. */
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const ZDirection = z.enum(DIRECTIONS);

/** How a call ended. */
export const CALL_OUTCOMES = ['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
export const ZCallOutcome = z.enum(CALL_OUTCOMES);

/** Which fields belong to which activity type; anything else sent for a type is refused. */
export const ACTIVITY_FIELDS_OF: Record<
  TActivityType,
  readonly ('direction' | 'outcome' | 'durationMinutes' | 'place' | 'participants')[]
> = {
  call: ['direction', 'outcome', 'durationMinutes'],
  meeting: ['place', 'participants', 'durationMinutes'],
  visit: ['place', 'participants', 'durationMinutes'],
  email: ['direction'],
  note: [],
};

/** A customer record something is about. */
export const LINKED_ENTITIES = ['company', 'contact'] as const;
export const ZLinkedEntity = z.enum(LINKED_ENTITIES);
export const ZRecordRef = z.object({ type: ZLinkedEntity, id: ZId, name: z.string() });
export type TRecordRef = z.infer<typeof ZRecordRef>;

const ZPerson = z.object({ id: ZId, name: z.string() });

export const ZActivity = z.object({
  id: ZId,
  type: ZActivityType,
  subject: z.string().nullable(),
  /** Rich text (HTML) cleaned on the server: only formatting and links survive. */
  body: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  durationMinutes: z.number().int().nullable(),
  direction: ZDirection.nullable(),
  outcome: ZCallOutcome.nullable(),
  place: z.string().nullable(),
  /** People present who are not contacts in the base. */
  participants: z.string().nullable(),
  followUpAt: z.iso.datetime().nullable(),
  /** The companies and contacts it is about, as far as the reader may see them. */
  links: z.array(ZRecordRef),
  /** The deals it is about, as far as the reader may see them. */
  deals: z.array(ZDealRef),
  author: ZPerson.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Whether the reader may change it, and remove it (the screens offer only what the server allows). */
  mayChange: z.boolean(),
  mayDelete: z.boolean(),
});
export type TActivity = z.infer<typeof ZActivity>;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const links = z.array(ZId).max(50);

const activityFields = {
  subject: optionalText(300),
  body: z.string().max(100_000).nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .optional(),
  direction: ZDirection.nullable().optional(),
  outcome: ZCallOutcome.nullable().optional(),
  place: optionalText(300),
  participants: optionalText(1_000),
  followUpAt: z.iso.datetime({ offset: true }).nullable().optional(),
  companyIds: links.optional(),
  contactIds: links.optional(),
  dealIds: links.optional(),
};

/** Logs an activity; it must be about at least one company, contact or deal. */
export const ZCreateActivityInput = z.strictObject({ type: ZActivityType, ...activityFields });
export type TCreateActivityInput = z.infer<typeof ZCreateActivityInput>;

/** A partial update: only the fields sent change; `companyIds`/`contactIds`/`dealIds` replace the links when sent. */
export const ZUpdateActivityInput = z.strictObject({ type: ZActivityType.optional(), ...activityFields });
export type TUpdateActivityInput = z.infer<typeof ZUpdateActivityInput>;

/** Comma-separated values of one enum, e.g. `filter[type]=call,meeting`. */
export function commaList<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .max(200)
    .transform((raw, ctx) => {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      for (const item of items) {
        if (!(values as readonly string[]).includes(item)) {
          ctx.addIssue({ code: 'custom', message: `Unknown value "${item}"; allowed: ${values.join(', ')}` });
          return z.NEVER;
        }
      }
      return items as T[number][];
    });
}

const page = {
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
};

/** `GET /activities`: my activities, a record's, the follow-ups due. */
export const ZActivityListQuery = z.strictObject({
  ...page,
  'filter[type]': commaList(ACTIVITY_TYPES).optional(),
  'filter[authorId]': ZId.optional(),
  'filter[companyId]': ZId.optional(),
  'filter[contactId]': ZId.optional(),
  /** Activities whose follow-up falls before this moment (open follow-ups of a day or a week). */
  'filter[followUpBefore]': z.iso.datetime({ offset: true }).optional(),
  'filter[followUpAfter]': z.iso.datetime({ offset: true }).optional(),
});
export type TActivityListQuery = z.infer<typeof ZActivityListQuery>;
export const ZActivityList = listOf(ZActivity);

/** What a timeline shows: activities by type, agreements, and changes of the record itself. */
export const TIMELINE_TYPES = [...ACTIVITY_TYPES, 'agreement', 'system'] as const;
/** What a deal's timeline shows: its activities by type, its agreements and tasks, and its moves between stages. */
export const DEAL_TIMELINE_TYPES = [...ACTIVITY_TYPES, 'agreement', 'task', 'stage'] as const;
export type TTimelineType = (typeof TIMELINE_TYPES)[number] | (typeof DEAL_TIMELINE_TYPES)[number];

export const ZTimelineQuery = z.strictObject({
  ...page,
  'filter[type]': commaList(TIMELINE_TYPES).optional(),
  /** Who did it: an activity's author, an agreement's creator, a change's author. */
  'filter[personId]': ZId.optional(),
});
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

export const ZDealTimelineQuery = z.strictObject({
  ...page,
  'filter[type]': commaList(DEAL_TIMELINE_TYPES).optional(),
  /** Who did it: an activity's author, an agreement's creator, a task's sender, a move's author. */
  'filter[personId]': ZId.optional(),
});
export type TDealTimelineQuery = z.infer<typeof ZDealTimelineQuery>;

/** A record created, changed, merged or moved to the bin, or an agreement whose status or date changed, as history keeps it. */
export const ZSystemEvent = z.object({
  action: z.enum(['created', 'updated', 'deleted']),
  /** The customer record itself, or one of its agreements (its status changed, it was removed). */
  record: z.object({ type: z.enum(['company', 'contact', 'agreement']), id: ZId, name: z.string() }),
  actor: ZPerson.nullable(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  /** Names of the people the changes name by id (a new owner), by id. */
  people: z.record(z.string(), z.string()),
});
export type TSystemEvent = z.infer<typeof ZSystemEvent>;

/** Agreements' statuses: proposed and agreed are open (they bind us); the others are closed. */
export const AGREEMENT_STATUSES = ['proposed', 'agreed', 'fulfilled', 'broken', 'cancelled'] as const;
export const OPEN_AGREEMENT_STATUSES = ['proposed', 'agreed'] as const;
export const ZAgreementStatus = z.enum(AGREEMENT_STATUSES);
export type TAgreementStatus = z.infer<typeof ZAgreementStatus>;

/** A promise made to or by a customer, binding the whole company. */
export const ZAgreement = z.object({
  id: ZId,
  title: z.string(),
  details: z.string().nullable(),
  status: ZAgreementStatus,
  company: z.object({ id: ZId, name: z.string() }).nullable(),
  contact: z.object({ id: ZId, name: z.string() }).nullable(),
  /** The customer is one the reader may not see: the promise shows, not with whom. */
  customerHidden: z.boolean(),
  /** Who agreed on our side. */
  agreedBy: ZPerson.nullable(),
  agreedOn: ZDay,
  validUntil: ZDay.nullable(),
  /** What the promise reserves or concerns ("ad slot page 3, Fridays"); searchable. */
  resource: z.string().nullable(),
  /** The contract it is about (e.g. a promise to renew it). */
  contract: z.object({ id: ZId, number: z.string(), subject: z.string() }).nullable(),
  /** The deal it was made in, when the reader may see that deal (always sent by the server). */
  deal: ZDealRef.nullable().optional(),
  /** Open (proposed or agreed) and not past its date. */
  binding: z.boolean(),
  createdBy: ZPerson.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Whether the reader may change it (its status too), and remove it. */
  mayChange: z.boolean(),
  mayDelete: z.boolean(),
});
export type TAgreement = z.infer<typeof ZAgreement>;

const agreementFields = {
  title: text(300).min(1),
  details: optionalText(10_000),
  status: ZAgreementStatus,
  companyId: ZId.nullable(),
  contactId: ZId.nullable(),
  agreedById: ZId,
  agreedOn: ZDay,
  validUntil: ZDay.nullable(),
  resource: optionalText(300),
  contractId: ZId.nullable(),
  /** The deal it was made in: one the actor may read, with the same company as the agreement. */
  dealId: ZId.nullable(),
};

export const ZCreateAgreementInput = z.strictObject({
  ...agreementFields,
  status: agreementFields.status.default('agreed'),
  companyId: agreementFields.companyId.optional(),
  contactId: agreementFields.contactId.optional(),
  agreedById: agreementFields.agreedById.optional(),
  agreedOn: agreementFields.agreedOn.optional(),
  validUntil: agreementFields.validUntil.optional(),
  contractId: agreementFields.contractId.optional(),
  dealId: agreementFields.dealId.optional(),
});
export type TCreateAgreementInput = z.input<typeof ZCreateAgreementInput>;

export const ZUpdateAgreementInput = z.strictObject({
  title: agreementFields.title.optional(),
  details: agreementFields.details,
  status: agreementFields.status.optional(),
  companyId: agreementFields.companyId.optional(),
  contactId: agreementFields.contactId.optional(),
  agreedById: agreementFields.agreedById.optional(),
  agreedOn: agreementFields.agreedOn.optional(),
  validUntil: agreementFields.validUntil.optional(),
  resource: agreementFields.resource,
  contractId: agreementFields.contractId.optional(),
  dealId: agreementFields.dealId.optional(),
});
export type TUpdateAgreementInput = z.infer<typeof ZUpdateAgreementInput>;

export const AGREEMENT_SORTS = ['agreedOn', 'createdAt', 'updatedAt'] as const;

/** `GET /agreements`: the company-wide list. `q` looks in the title, details and resource. */
export const ZAgreementListQuery = z.strictObject({
  ...page,
  q: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
  'filter[status]': commaList(AGREEMENT_STATUSES).optional(),
  /** Only agreements that bind us today (open and not past their date). */
  'filter[binding]': z.enum(['true', 'false']).optional(),
  /** A company's agreements, with those made with its contacts. */
  'filter[companyId]': ZId.optional(),
  'filter[contactId]': ZId.optional(),
  'filter[contractId]': ZId.optional(),
  /** The agreements made in a deal the reader may read. */
  'filter[dealId]': ZId.optional(),
  'filter[agreedById]': ZId.optional(),
  /** Agreements about a resource: a substring of it, any case. */
  'filter[resource]': z.string().max(200).optional(),
});
export type TAgreementListQuery = z.infer<typeof ZAgreementListQuery>;
export const ZAgreementList = listOf(ZAgreement);

/** A task on a deal's timeline, at the time it was sent: what, how it stands, who has it, by when. */
export const ZTimelineTask = ZTask.pick({
  id: true,
  title: true,
  priority: true,
  status: true,
  dueAt: true,
  sender: true,
  assignee: true,
  queue: true,
});
export type TTimelineTask = z.infer<typeof ZTimelineTask>;

export const ZTimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), id: ZId, at: z.iso.datetime(), activity: ZActivity }),
  z.object({ kind: z.literal('agreement'), id: ZId, at: z.iso.datetime(), agreement: ZAgreement }),
  z.object({ kind: z.literal('system'), id: ZId, at: z.iso.datetime(), event: ZSystemEvent }),
  z.object({ kind: z.literal('task'), id: ZId, at: z.iso.datetime(), task: ZTimelineTask }),
  /** A deal moved from one stage to another (or entered its first). */
  z.object({ kind: z.literal('stage'), id: ZId, at: z.iso.datetime(), change: ZDealStageChange }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;
export const ZTimeline = z.object({ data: z.array(ZTimelineItem), nextCursor: z.string().nullable() });
export type TTimeline = z.infer<typeof ZTimeline>;
