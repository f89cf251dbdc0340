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
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/** One notification; the web app words it in the reader's language from its kind. */
export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  /** The task it is about, and its title when the notification was made. */
  taskId: ZId.nullable(),
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
