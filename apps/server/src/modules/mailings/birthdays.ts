import type { TBirthdayRunResult, TLocale } from '@clientela/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from '../../db/client.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Actor } from '../authz/index.ts';
import { contacts } from '../contacts/index.ts';
import { isSuppressed } from '../gdpr/index.ts';
import type { JobHandler } from '../jobs/jobs.ts';
// The tasks module's own service, so that the task shows in the owner's day and they are told of it.
import { createTask } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import { audienceWhere, automationActor } from './birthday-audience.ts';
import { birthdayTimeZone, bornOn, localDay } from './birthday-dates.ts';
import { greetingSender } from './birthday-mail.ts';
import { isPermanentFailure } from './mail-send.ts';
import { birthdayGreetings, birthdaySettings, mailTemplates } from './mailings.table.ts';
import { mergeFieldsOf } from './merge-fields.ts';

/** The hourly job that greets the contacts whose birthday is today (in the workspace's time zone). */
export const BIRTHDAY_JOB = 'birthday-greetings';

/** The kind of the "give a present" tasks. */
export const BIRTHDAY_TASK_KIND = 'birthday';

/** The task's title in its assignee's language: task titles are data, read as written. */
const TITLES: Record<TLocale, (name: string) => string> = {
  en: (name) => `Give a present to ${name}`,
  ru: (name) => `Вручить подарок ко дню рождения: ${name}`,
  it: (name) => `Fare un regalo di compleanno a ${name}`,
};

const BATCH = 200;

type Setting = typeof birthdaySettings.$inferSelect;
type Due = {
  id: string;
  name: string | null;
  birthday: string | null;
  consent: 'granted' | 'withdrawn' | null;
  bouncedAt: Date | null;
  ownerId: string | null;
  ownerActive: boolean | null;
  ownerLocale: TLocale | null;
  ownerTimeZone: string | null;
};

/**
 * Greets today's birthdays of every workspace with the automation on (or of `only` that one):
 * each contact once a year, however many runs. The greeting row is claimed first (its key is
 * the contact and the year), then acted on: a task is given in the claim's transaction; a mail
 * is sent after it, so a mail is sent at most once, and a failure is recorded as such.
 */
export async function runBirthdays(
  db: Database,
  mail: MailSettings | undefined,
  publicUrl: string,
  now: Date,
  only?: string,
): Promise<TBirthdayRunResult> {
  const settings = await db
    .select()
    .from(birthdaySettings)
    .where(and(eq(birthdaySettings.enabled, true), only ? eq(birthdaySettings.workspaceId, only) : undefined));
  const total = { greeted: 0, skipped: 0 };
  let failure: unknown;
  for (const setting of settings) {
    try {
      const run = await greetWorkspace(db, setting, mail, publicUrl, now);
      total.greeted += run.greeted;
      total.skipped += run.skipped;
    } catch (error) {
      // One workspace's trouble must not keep the others' greetings back; the job still fails.
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return total;
}

async function greetWorkspace(db: Database, setting: Setting, mail: MailSettings | undefined, publicUrl: string, now: Date) {
  const { workspaceId } = setting;
  const run = { greeted: 0, skipped: 0 };
  const actor = await automationActor(db, workspaceId);
  if (!actor) return run;
  let versions: (typeof mailTemplates.$inferSelect)['versions'] | undefined;
  if (setting.action === 'email') {
    // Without a mail server or a template nobody is claimed: today's birthdays wait for them.
    if (!mail || !setting.templateId) return run;
    const [template] = await db
      .select({ versions: mailTemplates.versions })
      .from(mailTemplates)
      .where(
        and(
          eq(mailTemplates.workspaceId, workspaceId),
          eq(mailTemplates.id, setting.templateId),
          eq(mailTemplates.purpose, 'birthday'),
          sql`${mailTemplates.deletedAt} IS NULL`,
        ),
      );
    if (!template || Object.keys(template.versions).length === 0) return run;
    versions = template.versions;
  }
  const today = localDay(now, await birthdayTimeZone(db, workspaceId));
  const due: Due[] = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      birthday: contacts.birthday,
      consent: contacts.marketingConsent,
      bouncedAt: contacts.emailBouncedAt,
      ownerId: contacts.ownerId,
      ownerActive: users.active,
      ownerLocale: users.locale,
      ownerTimeZone: users.timeZone,
    })
    .from(contacts)
    .leftJoin(users, and(eq(users.workspaceId, contacts.workspaceId), eq(users.id, contacts.ownerId)))
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        bornOn(today),
        await audienceWhere(db, actor, setting),
        sql`NOT EXISTS (SELECT 1 FROM ${birthdayGreetings} g
          WHERE g.workspace_id = ${workspaceId} AND g.contact_id = ${contacts.id} AND g.year = ${today.year})`,
      ),
    )
    .orderBy(contacts.id);
  const sender = versions && mail ? greetingSender(mail, publicUrl) : null;
  try {
    for (let start = 0; start < due.length; start += BATCH) {
      const batch = due.slice(start, start + BATCH);
      if (sender && versions) {
        const recipients = await mergeFieldsOf(
          db,
          workspaceId,
          batch.map((c) => c.id),
        );
        for (const contact of batch) {
          const recipient = recipients.get(contact.id);
          // An erased person's address is never mailed again, even typed in anew on another contact.
          const suppressed = !!recipient?.email && (await isSuppressed(db, workspaceId, recipient.email));
          const status =
            contact.consent !== 'granted' || suppressed
              ? 'skipped_no_consent'
              : !recipient?.email || contact.bouncedAt
                ? 'skipped_no_email'
                : 'done';
          const token = await claim(db, workspaceId, contact.id, today, 'email', status);
          if (!token) continue;
          if (status !== 'done' || !recipient?.email) {
            run.skipped += 1;
            continue;
          }
          try {
            await sender.send({ ...recipient, email: recipient.email }, versions, ageOn(today, contact.birthday), token);
            run.greeted += 1;
          } catch (error) {
            await settle(db, workspaceId, contact.id, today.year, { status: 'failed' });
            // A refusal for good: the address bounces, and marketing mail skips it from now on.
            if (isPermanentFailure(error)) {
              await db
                .update(contacts)
                .set({ emailBouncedAt: sql`now()` })
                .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contact.id), isNull(contacts.emailBouncedAt)));
            }
            run.skipped += 1;
          }
        }
      } else {
        for (const contact of batch) if (await giveTask(db, actor, contact, today)) run.greeted += 1;
      }
    }
  } finally {
    sender?.close();
  }
  return run;
}

/** The age a contact born on `birthday` (YYYY-MM-DD) turns in `today`'s year. */
const ageOn = (today: DateTime, birthday: string | null) => (birthday ? today.year - Number(birthday.slice(0, 4)) : 0);

/** Claims a contact's greeting of this year: its unsubscribe token, or null when another run has it already. */
async function claim(
  db: Database,
  workspaceId: string,
  contactId: string,
  today: DateTime,
  action: 'email' | 'task',
  status: (typeof birthdayGreetings.$inferInsert)['status'],
): Promise<string | null> {
  const [claimed] = await db
    .insert(birthdayGreetings)
    .values({ workspaceId, contactId, year: today.year, on: today.toISODate() as string, action, status })
    .onConflictDoNothing()
    .returning({ token: birthdayGreetings.token });
  return claimed?.token ?? null;
}

async function settle(
  db: Database,
  workspaceId: string,
  contactId: string,
  year: number,
  set: Partial<typeof birthdayGreetings.$inferInsert>,
) {
  await db
    .update(birthdayGreetings)
    .set(set)
    .where(
      and(eq(birthdayGreetings.workspaceId, workspaceId), eq(birthdayGreetings.contactId, contactId), eq(birthdayGreetings.year, year)),
    );
}

/**
 * Gives the contact's owner (an administrator when the contact has none, or theirs has left) a
 * "give a present" task due today, linked to the contact, in the claim's transaction: a task
 * that cannot be given leaves the birthday unclaimed for the next run.
 */
async function giveTask(db: Database, actor: Actor, contact: Due, today: DateTime): Promise<boolean> {
  const { workspaceId } = actor;
  const hasOwner = Boolean(contact.ownerId && contact.ownerActive);
  const assigneeId = hasOwner ? (contact.ownerId as string) : actor.userId;
  const locale = (hasOwner && contact.ownerLocale) || 'en';
  const zone = (hasOwner && contact.ownerTimeZone) || today.zoneName || 'UTC';
  const dueAt = DateTime.fromObject({ year: today.year, month: today.month, day: today.day, hour: 23, minute: 59 }, { zone });
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Database;
    if (!(await claim(txDb, workspaceId, contact.id, today, 'task', 'done'))) return false;
    const task = await createTask(
      { db: txDb, actor },
      {
        title: TITLES[locale](contact.name ?? ''),
        kind: BIRTHDAY_TASK_KIND,
        assigneeId,
        contactIds: [contact.id],
        dueAt: (dueAt.isValid ? dueAt : today.endOf('day')).toISO() as string,
      },
    );
    await settle(txDb, workspaceId, contact.id, today.year, { taskId: task.id });
    return true;
  });
}

/** Greets today's birthdays of every workspace with the automation on; each contact once a year. */
export function birthdayJob(db: Database, mail: MailSettings | undefined, publicUrl: string, clock: Clock): JobHandler {
  return async () => {
    await runBirthdays(db, mail, publicUrl, clock.now());
  };
}
