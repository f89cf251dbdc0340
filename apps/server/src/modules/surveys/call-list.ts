import type { TCallList, TCallListInput, TCallListResult, TLocale } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { createTask, tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import { findSurvey, invalid } from './survey-rows.ts';
import { surveyPolicy } from './surveys.policy.ts';
import { surveyInvitations, surveyResponses } from './surveys.table.ts';

/** At most this many assignments are made in one go. */
const CALL_LIST_MAX = 500;

/** A call task's title in its assignee's language. */
const TITLES: Record<TLocale, { detractor: string; silent: string }> = {
  en: { detractor: 'Call {name}: NPS {nps} in {survey}', silent: 'Call {name}: did not answer {survey}' },
  ru: { detractor: 'Позвонить: {name}, NPS {nps} в опросе «{survey}»', silent: 'Позвонить: {name} не ответил(а) на опрос «{survey}»' },
  it: {
    detractor: 'Chiamare {name}: NPS {nps} nel sondaggio «{survey}»',
    silent: 'Chiamare {name}: non ha risposto al sondaggio «{survey}»',
  },
};

function titleOf(locale: TLocale, values: { name: string; nps: number | null; survey: string }): string {
  const template = values.nps === null ? TITLES[locale].silent : TITLES[locale].detractor;
  return template.replace('{name}', values.name).replace('{nps}', String(values.nps)).replace('{survey}', values.survey);
}

type Candidate = { contactId: string; name: string; ownerId: string | null; nps: number | null };

/**
 * Makes one call assignment per detractor (NPS 0–6) and/or contact who did not answer, among the
 * contacts the actor may read that have none yet, through the tasks module (so it shows in My day
 * and is notified); to `assigneeId`, else the contact's owner, else the actor. All or nothing.
 */
export async function createCallList(ctx: Ctx, id: string, input: TCallListInput): Promise<TCallListResult> {
  await surveyPolicy.authorize(ctx.actor, 'manage');
  const readable = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  const [actor] = await ctx.db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  let dueAt: string | null = null;
  if (input.dueOn) {
    const due = DateTime.fromISO(input.dueOn, { zone: actor?.timeZone ?? 'UTC' }).set({ hour: 18 });
    if (!due.isValid) throw invalid('The day is not valid', [{ path: 'dueOn', message: 'Not a day' }]);
    dueAt = due.toISO();
  }
  return ctx.db.transaction(async (tx) => {
    // The survey's row lock makes two call lists at once take turns: nobody gets two calls.
    const survey = await findSurvey(ctx, tx, id, true);
    const who = input.who;
    const detractor = sql`${surveyResponses.nps} <= 6`;
    const silent = sql`${surveyInvitations.answeredAt} IS NULL`;
    const chosen = who === 'detractors' ? detractor : who === 'non_responders' ? silent : sql`(${detractor} OR ${silent})`;
    const candidates: Candidate[] = await tx
      .select({ contactId: contacts.id, name: contacts.name, ownerId: contacts.ownerId, nps: surveyResponses.nps })
      .from(surveyInvitations)
      .innerJoin(contacts, and(eq(contacts.workspaceId, surveyInvitations.workspaceId), eq(contacts.id, surveyInvitations.contactId)))
      .leftJoin(
        surveyResponses,
        and(
          eq(surveyResponses.workspaceId, surveyInvitations.workspaceId),
          eq(surveyResponses.surveyId, surveyInvitations.surveyId),
          eq(surveyResponses.contactId, surveyInvitations.contactId),
        ),
      )
      .where(
        and(
          eq(surveyInvitations.workspaceId, ctx.actor.workspaceId),
          eq(surveyInvitations.surveyId, id),
          sql`${surveyInvitations.callTaskId} IS NULL`,
          sql`${contacts.deletedAt} IS NULL`,
          readable,
          chosen,
        ),
      )
      .orderBy(contacts.name, contacts.id)
      .limit(CALL_LIST_MAX)
      .then((rows) => rows.map((row) => ({ ...row, name: row.name ?? '' })));
    const locales = new Map(
      (await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.workspaceId, ctx.actor.workspaceId))).map((u) => [
        u.id,
        u.locale as TLocale,
      ]),
    );
    const inTx: Ctx = { ...ctx, db: tx as unknown as Database };
    for (const candidate of candidates) {
      const assigneeId = input.assigneeId ?? candidate.ownerId ?? ctx.actor.userId;
      const task = await createTask(inTx, {
        title: titleOf(locales.get(assigneeId) ?? 'en', { name: candidate.name, nps: candidate.nps, survey: survey.name }),
        assigneeId,
        contactIds: [candidate.contactId],
        dueAt,
      });
      await tx
        .update(surveyInvitations)
        .set({ callTaskId: task.id })
        .where(
          and(
            eq(surveyInvitations.workspaceId, ctx.actor.workspaceId),
            eq(surveyInvitations.surveyId, id),
            eq(surveyInvitations.contactId, candidate.contactId),
          ),
        );
    }
    return { created: candidates.length };
  });
}

/** The survey's call assignments with their status, by contact name, of the contacts the actor may read. */
export async function listCallList(ctx: Ctx, id: string): Promise<TCallList> {
  await surveyPolicy.authorize(ctx.actor, 'read');
  await findSurvey(ctx, ctx.db, id);
  const readable = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  const [actor] = await ctx.db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  const zone = actor?.timeZone ?? 'UTC';
  const rows = await ctx.db
    .select({
      contactId: contacts.id,
      contactName: contacts.name,
      nps: surveyResponses.nps,
      answeredAt: surveyInvitations.answeredAt,
      taskId: tasks.id,
      title: tasks.title,
      status: tasks.status,
      assigneeId: tasks.assigneeId,
      assigneeName: users.name,
      dueAt: tasks.dueAt,
    })
    .from(surveyInvitations)
    .innerJoin(contacts, and(eq(contacts.workspaceId, surveyInvitations.workspaceId), eq(contacts.id, surveyInvitations.contactId)))
    .innerJoin(tasks, and(eq(tasks.workspaceId, surveyInvitations.workspaceId), eq(tasks.id, surveyInvitations.callTaskId)))
    .leftJoin(users, and(eq(users.workspaceId, tasks.workspaceId), eq(users.id, tasks.assigneeId)))
    .leftJoin(
      surveyResponses,
      and(
        eq(surveyResponses.workspaceId, surveyInvitations.workspaceId),
        eq(surveyResponses.surveyId, surveyInvitations.surveyId),
        eq(surveyResponses.contactId, surveyInvitations.contactId),
      ),
    )
    .where(and(eq(surveyInvitations.workspaceId, ctx.actor.workspaceId), eq(surveyInvitations.surveyId, id), readable))
    .orderBy(contacts.name, contacts.id);
  return {
    data: rows.map((row) => ({
      contact: { id: row.contactId, name: row.contactName ?? '' },
      nps: row.nps,
      answered: row.answeredAt !== null,
      task: {
        id: row.taskId,
        title: row.title,
        status: row.status,
        assignee: row.assigneeId && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null,
        // The day the reader sees the task due on, in their time zone, not UTC's.
        dueOn: row.dueAt ? DateTime.fromJSDate(row.dueAt, { zone }).toISODate() : null,
      },
    })),
  };
}
