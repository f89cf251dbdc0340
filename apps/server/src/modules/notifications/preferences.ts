import {
  NOTIFICATION_DEFAULTS,
  NOTIFICATION_KINDS,
  type TNotificationPreferences,
  type TPutNotificationPreferences,
  ZPutNotificationPreferences,
} from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { notificationPreferences } from './notifications.table.ts';

/** The person's own choice for every kind of notice, the kind's default where they chose nothing. */
export async function getPreferences(ctx: Ctx): Promise<TNotificationPreferences> {
  const rows = await ctx.db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.workspaceId, ctx.actor.workspaceId), eq(notificationPreferences.userId, ctx.actor.userId)));
  const chosen = new Map(rows.map((row) => [row.kind, row]));
  return {
    data: NOTIFICATION_KINDS.map((kind) => {
      const { inApp, email } = chosen.get(kind) ?? NOTIFICATION_DEFAULTS[kind];
      return { kind, inApp, email };
    }),
  };
}

/** Sets the person's own choice for the kinds given (nobody sets another's); the others keep theirs. */
export async function putPreferences(ctx: Ctx, raw: TPutNotificationPreferences): Promise<TNotificationPreferences> {
  const input = ZPutNotificationPreferences.parse(raw);
  if (input.data.length > 0) {
    await ctx.db
      .insert(notificationPreferences)
      .values(input.data.map((p) => ({ workspaceId: ctx.actor.workspaceId, userId: ctx.actor.userId, ...p })))
      .onConflictDoUpdate({
        target: [notificationPreferences.workspaceId, notificationPreferences.userId, notificationPreferences.kind],
        set: { inApp: sql`excluded.in_app`, email: sql`excluded.email` },
      });
  }
  return getPreferences(ctx);
}
