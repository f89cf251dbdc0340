import type { TMarkNotificationsRead, TNotification, TNotificationKind, TNotificationListQuery } from '@clientela/contract';
import { NOTIFICATION_DEFAULTS, ZMarkNotificationsRead } from '@clientela/contract';
import { and, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { afterCursor, encodeCursor, type Keyset } from '../../lib/pagination.ts';
import { users } from '../users/index.ts';
import { mailIsSent } from './mail-queue.ts';
import { notifications } from './notifications.table.ts';

const KEYSET: Keyset = { name: 'createdAt', field: { column: notifications.createdAt, cast: 'timestamptz' }, direction: 'desc' };

/**
 * Tells people about a task or a case, in the caller's transaction (the step and its notice commit together); never
 * the actor themself. Each person's preferences say whether it shows in the app and goes by e-mail.
 */
export async function notify(tx: Executor, workspaceId: string, recipients: readonly (string | null)[], notice: Notice): Promise<void> {
  const statement = notifySql(workspaceId, recipients, notice);
  if (statement) await tx.execute(statement);
}

type Notice = {
  kind: TNotificationKind;
  taskId?: string | null;
  caseId?: string | null;
  title: string;
  actorId: string;
  detail?: Record<string, string>;
};

/** notify() as one INSERT statement (null when nobody is told), for the caller to run or to put in its own statement. */
export function notifySql(workspaceId: string, recipients: readonly (string | null)[], notice: Notice): SQL | null {
  const userIds = [...new Set(recipients.filter((id): id is string => Boolean(id) && id !== notice.actorId))];
  if (userIds.length === 0) return null;
  const wanted = NOTIFICATION_DEFAULTS[notice.kind];
  const inApp = sql`coalesce(p.in_app, ${wanted.inApp}::boolean)`;
  const email = sql`coalesce(p.email, ${wanted.email}::boolean) AND ${mailIsSent()}::boolean AND u.active AND u.email <> ''`;
  // One statement however many recipients: each one's choice (or the kind's default) decides whether
  // the bell shows it (otherwise it is written already read) and whether an e-mail is queued.
  return sql`
    INSERT INTO notification (workspace_id, user_id, kind, task_id, case_id, title, actor_id, detail, read_at, email_state)
    SELECT u.workspace_id, u.id, ${notice.kind}, ${notice.taskId ?? null}::uuid, ${notice.caseId ?? null}::uuid, ${notice.title}, ${notice.actorId}::uuid,
      ${notice.detail ? JSON.stringify(notice.detail) : null}::jsonb,
      CASE WHEN ${inApp} THEN NULL ELSE now() END,
      CASE WHEN ${email} THEN 'pending' END
    FROM app_user u
    LEFT JOIN notification_preference p ON p.workspace_id = u.workspace_id AND p.user_id = u.id AND p.kind = ${notice.kind}
    WHERE u.workspace_id = ${workspaceId} AND u.id IN (${sql.join(
      userIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      AND (${inApp} OR (${email}))`;
}

/**
 * Writes many notices at once from a query `source` giving (workspace_id, user_id, kind, task_id,
 * title, detail) rows (and case_id with `withCase`), deciding for each as notify() does: each person's preference or the kind's
 * default says whether it shows in the app and whether an e-mail is queued. It is a data-modifying
 * WITH query (`RETURNING 1`), for statements such as the reminder sweep.
 */
export function writeNoticesSql(source: SQL, { withCase = false }: { withCase?: boolean } = {}): SQL {
  // The kinds' defaults as CASE expressions rather than a joined VALUES list: a join there made the
  // planner expect a handful of rows and look each person up one by one in a large sweep.
  const byKind = (choice: 'inApp' | 'email') =>
    sql.raw(
      `CASE n.kind ${Object.entries(NOTIFICATION_DEFAULTS)
        .map(([kind, d]) => `WHEN '${kind}' THEN ${d[choice]}`)
        .join(' ')} END`,
    );
  const inApp = sql`coalesce(p.in_app, ${byKind('inApp')})`;
  const email = sql`coalesce(p.email, ${byKind('email')}) AND ${mailIsSent()}::boolean AND u.email <> ''`;
  return sql`
    INSERT INTO notification (workspace_id, user_id, kind, task_id, case_id, title, detail, read_at, email_state)
    SELECT n.workspace_id, n.user_id, n.kind, n.task_id, ${withCase ? sql`n.case_id` : sql`NULL::uuid`}, n.title, n.detail,
      CASE WHEN ${inApp} THEN NULL ELSE now() END, CASE WHEN ${email} THEN 'pending' END
    FROM (${source}) n
    JOIN app_user u ON u.workspace_id = n.workspace_id AND u.id = n.user_id AND u.active
    LEFT JOIN notification_preference p ON p.workspace_id = n.workspace_id AND p.user_id = n.user_id AND p.kind = n.kind
    WHERE ${inApp} OR (${email})
    RETURNING 1`;
}

/** The active members of a unit (a queue's people), but the actor. */
export async function membersOf(tx: Executor, workspaceId: string, unitId: string, except: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.unitId, unitId), eq(users.active, true), ne(users.id, except)));
  return rows.map((r) => r.id);
}

async function unreadOf(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(eq(notifications.workspaceId, ctx.actor.workspaceId), eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)),
    );
  return row?.n ?? 0;
}

/** The person's own notifications, newest first, with their unread count. Nobody reads another's. */
export async function listNotifications(ctx: Ctx, query: TNotificationListQuery) {
  const mine = and(
    eq(notifications.workspaceId, ctx.actor.workspaceId),
    eq(notifications.userId, ctx.actor.userId),
    query['filter[unread]'] ? isNull(notifications.readAt) : undefined,
  );
  const [rows, unread] = await Promise.all([
    ctx.db
      .select({ notification: notifications, actorName: users.name, key: sql<string>`${notifications.createdAt}::text` })
      .from(notifications)
      .leftJoin(users, and(eq(users.workspaceId, notifications.workspaceId), eq(users.id, notifications.actorId)))
      .where(and(mine, afterCursor(KEYSET, notifications.id, query.cursor)))
      .orderBy(sql`${notifications.createdAt} desc nulls last`, sql`${notifications.id} desc nulls last`)
      .limit(query.limit + 1),
    unreadOf(ctx),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(
      ({ notification: n, actorName }): TNotification => ({
        id: n.id,
        kind: n.kind,
        taskId: n.taskId,
        caseId: n.caseId,
        title: n.title,
        actor: n.actorId && actorName ? { id: n.actorId, name: actorName } : null,
        detail: n.detail ?? null,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      }),
    ),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.key, last.notification.id) : null,
    unread,
  };
}

/** Marks the person's own notifications as read (some, or all); others' ids are ignored. */
export async function markRead(ctx: Ctx, raw: TMarkNotificationsRead): Promise<{ unread: number }> {
  const input = ZMarkNotificationsRead.parse(raw);
  await ctx.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.workspaceId, ctx.actor.workspaceId),
        eq(notifications.userId, ctx.actor.userId),
        isNull(notifications.readAt),
        input.ids ? inArray(notifications.id, input.ids) : undefined,
      ),
    );
  return { unread: await unreadOf(ctx) };
}
