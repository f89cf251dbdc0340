import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZDay, ZId } from './common.ts';
import { ZDealRef } from './deals.ts';

/** How urgent an assignment is. */
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ZTaskPriority = z.enum(TASK_PRIORITIES);

/**
 * An assignment's life cycle: sent → received (the assignee opened it) → accepted (with a
 * committed date) or declined (with a reason) → in progress → done (with a result) → confirmed
 * by the sender, or reopened by the sender back to in progress or accepted.
 */
export const TASK_STATUSES = ['sent', 'received', 'accepted', 'declined', 'in_progress', 'done', 'confirmed'] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

/** The records an assignment may be about. */
export const TASK_RECORD_TYPES = ['company', 'contact', 'agreement', 'contract', 'case'] as const;
export const ZTaskRecordType = z.enum(TASK_RECORD_TYPES);
export const ZTaskRecordRef = z.object({ type: ZTaskRecordType, id: ZId, name: z.string() });

const ZPerson = z.object({ id: ZId, name: z.string() });

export const ZChecklistItem = z.strictObject({ text: z.string().trim().min(1).max(500), done: z.boolean().default(false) });

/** One step of an assignment's life: who moved it, when, from what to what, and why. */
export const ZTaskEvent = z.object({
  at: z.iso.datetime(),
  actor: ZPerson.nullable(),
  from: ZTaskStatus.nullable(),
  to: ZTaskStatus,
  note: z.string().nullable(),
});

/** An assignment from a person to a person or to a unit's queue. */
export const ZTask = z.object({
  id: ZId,
  title: z.string(),
  description: z.string().nullable(),
  priority: ZTaskPriority,
  /** The type of work, to look up the unit's standard lead time ("equipment testing"). */
  kind: z.string().nullable(),
  dueAt: z.iso.datetime().nullable(),
  status: ZTaskStatus,
  checklist: z.array(z.object({ text: z.string(), done: z.boolean() })),
  /** The companies, contacts, agreements, contracts and cases it is about, as far as the reader may see them. */
  links: z.array(ZTaskRecordRef),
  /** The deals it is about, as far as the reader may see them. */
  deals: z.array(ZDealRef),
  /** How many of the records (deals too) it is about the reader may not see (named to those who may). */
  hiddenLinks: z.number().int(),
  sender: ZPerson.nullable(),
  /** Whoever has it; null while a queue task waits for a member to take it. */
  assignee: ZPerson.nullable(),
  /** The unit whose queue it was sent to. */
  queue: z.object({ id: ZId, name: z.string() }).nullable(),
  watchers: z.array(ZPerson),
  receivedAt: z.iso.datetime().nullable(),
  committedDate: ZDay.nullable(),
  declineReason: z.string().nullable(),
  result: z.string().nullable(),
  /** Every transition, oldest first. */
  timeline: z.array(ZTaskEvent),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TTask = z.infer<typeof ZTask>;

/** A unit's standard lead time for a type of work, and the earliest due date it implies from today. */
export const ZLeadTimeAdvice = z.object({
  unitId: ZId,
  kind: z.string(),
  days: z.number().int().nullable(),
  earliestDue: ZDay.nullable(),
});
export type TLeadTimeAdvice = z.infer<typeof ZLeadTimeAdvice>;

/**
 * The created task, with the queue's lead time when it went to a queue with a kind, and, when the
 * chosen assignee is away, who it went to instead (their deputy).
 */
export const ZCreatedTask = ZTask.extend({
  leadTime: ZLeadTimeAdvice.nullable(),
  redirected: z.object({ absent: ZPerson, deputy: ZPerson }).nullable().optional(),
});
export type TCreatedTask = z.infer<typeof ZCreatedTask>;

const text = (max: number) => z.string().trim().max(max);
const ids = z.array(ZId).max(50);

const taskFields = {
  title: text(300).min(1),
  description: text(20_000).nullable().optional(),
  priority: ZTaskPriority.optional(),
  kind: text(100).min(1).nullable().optional(),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  checklist: z.array(ZChecklistItem).max(100).optional(),
  companyIds: ids.optional(),
  contactIds: ids.optional(),
  agreementIds: ids.optional(),
  contractIds: ids.optional(),
  dealIds: ids.optional(),
  /** Cases it is about (a hand-over of a case to another unit is one). */
  caseIds: ids.optional(),
  watcherIds: ids.optional(),
};

/** Sends an assignment to a person (`assigneeId`) or to a unit's queue (`queueUnitId`), exactly one of them. */
export const ZCreateTaskInput = z.strictObject({
  ...taskFields,
  assigneeId: ZId.optional(),
  queueUnitId: ZId.optional(),
});
export type TCreateTaskInput = z.infer<typeof ZCreateTaskInput>;

/** A partial update: only the fields sent change; the id lists replace the links when sent. */
export const ZUpdateTaskInput = z.strictObject({ ...taskFields, title: taskFields.title.optional() });
export type TUpdateTaskInput = z.infer<typeof ZUpdateTaskInput>;

/** Moves a task on: `committedDate` to accept, `reason` to decline, `result` to finish. */
export const ZTaskTransitionInput = z.strictObject({
  to: ZTaskStatus,
  note: text(2_000).optional(),
  committedDate: ZDay.optional(),
  reason: text(2_000).min(1).optional(),
  result: text(20_000).min(1).optional(),
});
export type TTaskTransitionInput = z.infer<typeof ZTaskTransitionInput>;

export const TASK_SORTS = ['dueAt', 'createdAt'] as const;

/** `GET /tasks`: mine, sent by me, my queues' waiting tasks, by status, the overdue ones. */
export const ZTaskListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.enum([...TASK_SORTS, ...TASK_SORTS.map((s) => `-${s}` as const)]).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[mine]': z.enum(['true']).optional(),
  'filter[sentByMe]': z.enum(['true']).optional(),
  /** Tasks waiting in the queues of my unit, not yet taken. */
  'filter[myQueues]': z.enum(['true']).optional(),
  'filter[status]': ZTaskStatus.optional(),
  /** Not done nor confirmed, nor declined, and past the due time. */
  'filter[overdue]': z.enum(['true']).optional(),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;
export const ZTaskList = listOf(ZTask);

export const ZLeadTimeQuery = z.strictObject({ unitId: ZId, kind: text(100).min(1) });

export const ZUnitLeadTime = z.object({ kind: z.string(), days: z.number().int() });
export const ZUnitLeadTimes = z.object({ data: z.array(ZUnitLeadTime) });
/** Replaces a unit's lead times. */
export const ZPutUnitLeadTimes = z.strictObject({
  data: z.array(z.strictObject({ kind: text(100).min(1), days: z.number().int().min(0).max(3650) })).max(200),
});
export type TPutUnitLeadTimes = z.infer<typeof ZPutUnitLeadTimes>;
