import type { TBirthdayRunResult, TBirthdaySettings, TBirthdaySettingsInput, TUpcomingBirthday } from '@clientela/contract';
import { ZBirthdaySettingsInput } from '@clientela/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/route-helpers.ts';
import { definePolicy, ownOrShared } from '../authz/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { savedViews, staticLists } from '../views/index.ts';
import { audienceWhere } from './birthday-audience.ts';
import { birthdayTimeZone, celebrationIn, localDay } from './birthday-dates.ts';
import { runBirthdays } from './birthdays.ts';
import { birthdayGreetings, birthdaySettings, mailTemplates } from './mailings.table.ts';

/** The birthday automation: everyone sees how it is set, administrators set it and run it. */
export const birthdayPolicy = definePolicy<'read' | 'manage'>('birthday-settings', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all' },
  employee: { read: 'all' },
});

const OFF = { enabled: false, action: 'task', templateId: null, viewId: null, listId: null, updatedAt: null } as const;

async function settingsOf(db: Executor, workspaceId: string) {
  const [row] = await db.select().from(birthdaySettings).where(eq(birthdaySettings.workspaceId, workspaceId));
  return row;
}

function present(row: typeof birthdaySettings.$inferSelect | undefined): TBirthdaySettings {
  if (!row) return { ...OFF };
  const { enabled, action, templateId, viewId, listId, updatedAt } = row;
  return { enabled, action, templateId, viewId, listId, updatedAt: updatedAt.toISOString() };
}

/** How the workspace greets birthdays (off until an administrator sets it). */
export async function getBirthdaySettings(ctx: Ctx): Promise<TBirthdaySettings> {
  await birthdayPolicy.authorize(ctx.actor, 'read');
  return present(await settingsOf(ctx.db, ctx.actor.workspaceId));
}

/** The template must be a live birthday template, the view or list one of contacts the administrator sees. */
async function check(ctx: Ctx, input: ReturnType<typeof ZBirthdaySettingsInput.parse>) {
  const { workspaceId } = ctx.actor;
  const errors: FieldError[] = [];
  if (input.templateId) {
    const [template] = await ctx.db
      .select({ purpose: mailTemplates.purpose })
      .from(mailTemplates)
      .where(and(eq(mailTemplates.workspaceId, workspaceId), eq(mailTemplates.id, input.templateId), isNull(mailTemplates.deletedAt)));
    if (!template) errors.push({ path: 'templateId', message: 'No such template' });
    else if (template.purpose !== 'birthday') errors.push({ path: 'templateId', message: 'Not a birthday template' });
  }
  if (input.viewId) {
    const [view] = await ctx.db
      .select({ entity: savedViews.entity })
      .from(savedViews)
      .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, input.viewId), ownOrShared(ctx.actor, savedViews)));
    if (view?.entity !== 'contact') errors.push({ path: 'viewId', message: 'No such view of contacts' });
  }
  if (input.listId) {
    const [list] = await ctx.db
      .select({ entity: staticLists.entity })
      .from(staticLists)
      .where(and(eq(staticLists.workspaceId, workspaceId), eq(staticLists.id, input.listId), ownOrShared(ctx.actor, staticLists)));
    if (list?.entity !== 'contact') errors.push({ path: 'listId', message: 'No such list of contacts' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', errors[0]?.message, { errors });
}

/** Sets the birthday automation (administrators). */
export async function putBirthdaySettings(ctx: Ctx, raw: TBirthdaySettingsInput): Promise<TBirthdaySettings> {
  await birthdayPolicy.authorize(ctx.actor, 'manage');
  const input = ZBirthdaySettingsInput.parse(raw);
  await check(ctx, input);
  const values = { ...input, updatedAt: sql`now()` };
  const [row] = await ctx.db
    .insert(birthdaySettings)
    .values({ workspaceId: ctx.actor.workspaceId, ...values })
    .onConflictDoUpdate({ target: birthdaySettings.workspaceId, set: values })
    .returning();
  return present(row);
}

/** Greets today's birthdays of the actor's workspace now (administrators); the automation must be on. */
export async function runBirthdaysNow(ctx: Ctx, options: Pick<ModuleOptions, 'mail' | 'clock' | 'publicUrl'>): Promise<TBirthdayRunResult> {
  await birthdayPolicy.authorize(ctx.actor, 'manage');
  const setting = await settingsOf(ctx.db, ctx.actor.workspaceId);
  if (!setting?.enabled) throw new AppError('invalid_transition', 'The birthday greetings are off');
  if (setting.action === 'email' && !options.mail) throw new AppError('mail_not_configured');
  return runBirthdays(ctx.db, options.mail, options.publicUrl, options.clock.now(), ctx.actor.workspaceId);
}

const UPCOMING_MAX = 200;

/**
 * The birthdays of the next `days` days (today first) in the workspace's time zone, among the
 * contacts the automation greets and the reader may see; at most 200, the nearest first.
 */
export async function upcomingBirthdays(ctx: Ctx, days: number, now: Date): Promise<{ data: TUpcomingBirthday[] }> {
  await birthdayPolicy.authorize(ctx.actor, 'read');
  const { workspaceId } = ctx.actor;
  const setting = await settingsOf(ctx.db, workspaceId);
  const today = localDay(now, await birthdayTimeZone(ctx.db, workspaceId));
  const todaySql = sql`${today.toISODate()}::date`;
  const next = sql<string>`(SELECT min(d) FROM (VALUES (${celebrationIn(sql`${today.year}`)}), (${celebrationIn(sql`${today.year + 1}`)})) v(d)
    WHERE d >= ${todaySql})`;
  const rows = await ctx.db
    .select({
      contactId: contacts.id,
      name: contacts.name,
      birthday: contacts.birthday,
      date: sql<string>`(${next})::text`,
      ownerId: contacts.ownerId,
      ownerName: users.name,
      greeted: sql<boolean>`EXISTS (SELECT 1 FROM ${birthdayGreetings} g
        WHERE g.workspace_id = ${workspaceId} AND g.contact_id = ${contacts.id} AND g.year = ${today.year})`,
    })
    .from(contacts)
    .leftJoin(users, and(eq(users.workspaceId, contacts.workspaceId), eq(users.id, contacts.ownerId)))
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        isNull(contacts.deletedAt),
        sql`${contacts.birthday} IS NOT NULL`,
        await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
        setting ? await audienceWhere(ctx.db, ctx.actor, setting) : undefined,
        sql`${next} < ${todaySql} + ${days}::int`,
      ),
    )
    .orderBy(next, contacts.name, contacts.id)
    .limit(UPCOMING_MAX);
  return {
    data: rows.map((row) => ({
      contactId: row.contactId,
      name: row.name ?? '',
      birthday: row.birthday as string,
      date: row.date,
      age: Number(row.date.slice(0, 4)) - Number((row.birthday as string).slice(0, 4)),
      owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
      greeted: Boolean(row.greeted) && row.date.slice(0, 4) === String(today.year),
    })),
  };
}
