import { z } from 'zod';
import { LIST_LIMIT_MAX, ZId } from './common.ts';

/**
 * What a person is told about: a task given to them or to their unit's queue, and each step of a
 * task they sent (accepted, declined, done) or were given (confirmed, reopened).
 */
export const NOTIFICATION_KINDS = [
  'task_assigned',
  'task_queued',
  'task_accepted',
  'task_declined',
  'task_done',
  'task_confirmed',
  'task_reopened',
  // Reminders and escalations made by the sweep; `detail.reason` says why a head was told.
  'task_due_soon',
  'task_overdue',
  'task_escalated',
  // The assignee is away: the task went to their deputy (told to the sender), or was handed to one (told to the deputy).
  'task_redirected',
  'task_covered',
  // Cases: one given to a person (or their unit's queue), a first-response or resolution due time
  // coming close (to the responsible person), and one passed (to the unit head).
  'case_assigned',
  'case_sla_warning',
  'case_sla_breached',
  // The customer wrote on their case in the portal (to the responsible person).
  'case_customer_replied',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/** One notification; the web app words it in the reader's language from its kind. */
export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  /** The task it is about, and its title when the notification was made. */
  taskId: ZId.nullable(),
  /** The case it is about (`case_*` kinds). */
  caseId: ZId.nullable(),
  title: z.string(),
  /** Who caused it. */
  actor: z.object({ id: ZId, name: z.string() }).nullable(),
  /**
   * What the kind needs besides the task. `task_escalated`: `reason` (overdue, not_received,
   * not_accepted) and `assignee` (a name, or the queue's unit). `task_redirected` and
   * `task_covered`: `absent` and `deputy` (names).
   */
  detail: z.record(z.string(), z.string()).nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(20),
  cursor: z.string().max(500).optional(),
  'filter[unread]': z.enum(['true']).optional(),
});
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

/** Newest first, with the person's unread count. */
export const ZNotificationList = z.object({ data: z.array(ZNotification), nextCursor: z.string().nullable(), unread: z.number().int() });

/** Marks some notifications (`ids`), or all (`all: true`), as read. */
export const ZMarkNotificationsRead = z
  .strictObject({ ids: z.array(ZId).min(1).max(200).optional(), all: z.literal(true).optional() })
  .refine((input) => Boolean(input.ids) !== Boolean(input.all), { path: ['ids'], message: 'Send either ids or all' });
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;
export const ZUnreadCount = z.object({ unread: z.number().int() });

/**
 * What a person gets of each kind until they choose otherwise: every kind shows in the app; an
 * e-mail goes for what asks them to act (a task given to them or their queue, one overdue,
 * escalated, or moved because someone is away).
 */
export const NOTIFICATION_DEFAULTS: Readonly<Record<TNotificationKind, { inApp: boolean; email: boolean }>> = {
  task_assigned: { inApp: true, email: true },
  task_queued: { inApp: true, email: true },
  task_accepted: { inApp: true, email: false },
  task_declined: { inApp: true, email: false },
  task_done: { inApp: true, email: false },
  task_confirmed: { inApp: true, email: false },
  task_reopened: { inApp: true, email: false },
  task_due_soon: { inApp: true, email: false },
  task_overdue: { inApp: true, email: true },
  task_escalated: { inApp: true, email: true },
  task_redirected: { inApp: true, email: true },
  task_covered: { inApp: true, email: true },
  case_assigned: { inApp: true, email: true },
  case_sla_warning: { inApp: true, email: false },
  case_sla_breached: { inApp: true, email: true },
  case_customer_replied: { inApp: true, email: true },
};

/** How one kind of notice reaches the person: shown in the app, sent by e-mail. */
export const ZNotificationPreference = z.strictObject({ kind: ZNotificationKind, inApp: z.boolean(), email: z.boolean() });
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

/** The person's choice for every kind, in the order of NOTIFICATION_KINDS (the default where they chose nothing). */
export const ZNotificationPreferences = z.object({ data: z.array(ZNotificationPreference) });
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** Sets the person's own choice for the kinds listed, each at most once; kinds not listed keep theirs. */
export const ZPutNotificationPreferences = z
  .strictObject({ data: z.array(ZNotificationPreference).max(NOTIFICATION_KINDS.length) })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.data.forEach((preference, index) => {
      if (seen.has(preference.kind)) ctx.addIssue({ code: 'custom', path: ['data', index, 'kind'], message: 'Each kind at most once' });
      seen.add(preference.kind);
    });
  });
export type TPutNotificationPreferences = z.infer<typeof ZPutNotificationPreferences>;
