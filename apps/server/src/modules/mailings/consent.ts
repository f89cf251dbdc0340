import type { TConsent, TConsentBulk, TConsentBulkResult, TConsentSource, TConsentState, TConsentUpdate } from '@clientela/contract';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { consentEvents, mailingRecipients } from './mailings.table.ts';

const reach = { owner: contacts.ownerId, unit: contacts.unitId };

/**
 * Sets the marketing consent of contacts of a workspace and records one consent event each, in one
 * transaction (a savepoint when `executor` is one already). A withdrawal holds at once: the contacts'
 * queued mailing messages and survey invitations are skipped. A repeat of the present state from the same source with
 * nothing to add changes nothing. The caller has checked who may do it; returns the contacts changed.
 */
export async function setConsentOf(
  executor: Executor,
  workspaceId: string,
  contactIds: readonly string[],
  change: { state: TConsentState; source: TConsentSource; detail: string | null; actorId: string | null },
): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const { state, source, actorId } = change;
  const detail = change.detail?.trim() || null;
  return executor.transaction(async (tx) => {
    const changed = await tx
      .update(contacts)
      .set({ marketingConsent: state, consentSource: source, consentAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(contacts.workspaceId, workspaceId),
          inArray(contacts.id, [...contactIds]),
          detail === null
            ? sql`(${contacts.marketingConsent} IS DISTINCT FROM ${state} OR ${contacts.consentSource} IS DISTINCT FROM ${source})`
            : undefined,
        ),
      )
      .returning({ id: contacts.id });
    if (changed.length > 0) {
      await tx.insert(consentEvents).values(changed.map(({ id }) => ({ workspaceId, contactId: id, state, source, detail, actorId })));
    }
    if (state === 'withdrawn') {
      await tx
        .update(mailingRecipients)
        .set({ status: 'skipped_unsubscribed', updatedAt: sql`now()` })
        .where(
          and(
            eq(mailingRecipients.workspaceId, workspaceId),
            inArray(mailingRecipients.contactId, [...contactIds]),
            eq(mailingRecipients.status, 'queued'),
          ),
        );
      // Their survey invitations not sent yet stop too; the invitation's statuses have no
      // 'unsubscribed', so they settle as 'skipped_no_email' (not to be e-mailed).
      await tx.execute(sql`UPDATE survey_invitation SET status = 'skipped_no_email'
        WHERE workspace_id = ${workspaceId} AND status = 'queued'
          AND contact_id IN (${sql.join(
            contactIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`);
    }
    return changed.map(({ id }) => id);
  });
}

/**
 * Sets one contact's marketing consent (from a lead's conversion, an unsubscribe link, …), with its
 * consent event; a withdrawal skips the contact's queued mailing messages at once. Whoever calls it
 * has decided that the change is allowed. Returns whether anything changed.
 */
export async function setConsent(
  executor: Executor,
  workspaceId: string,
  contactId: string,
  state: TConsentState,
  source: TConsentSource,
  detail: string | null,
  actorId: string | null,
): Promise<boolean> {
  const changed = await setConsentOf(executor, workspaceId, [contactId], { state, source, detail, actorId });
  return changed.length > 0;
}

/** The contact's row when the actor may see it (locked for a change); 404 otherwise, another workspace's included. */
async function findVisible(ctx: Ctx, db: Executor, id: string, lock = false) {
  const query = db
    .select({ id: contacts.id, ownerId: contacts.ownerId, unitId: contacts.unitId })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.actor.workspaceId),
        eq(contacts.id, id),
        isNull(contacts.deletedAt),
        await contactPolicy.filter(ctx.actor, 'read', reach),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('contact');
  return row;
}

async function consentOf(db: Executor, workspaceId: string, contactId: string): Promise<TConsent> {
  const [row] = await db
    .select({
      state: contacts.marketingConsent,
      at: contacts.consentAt,
      source: contacts.consentSource,
      emailBouncedAt: contacts.emailBouncedAt,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  if (!row) throw notFound('contact');
  const history = await db
    .select({
      id: consentEvents.id,
      state: consentEvents.state,
      source: consentEvents.source,
      detail: consentEvents.detail,
      actorId: consentEvents.actorId,
      actorName: users.name,
      at: consentEvents.at,
    })
    .from(consentEvents)
    .leftJoin(users, and(eq(users.workspaceId, consentEvents.workspaceId), eq(users.id, consentEvents.actorId)))
    .where(and(eq(consentEvents.workspaceId, workspaceId), eq(consentEvents.contactId, contactId)))
    .orderBy(desc(consentEvents.at), desc(consentEvents.id));
  return {
    contactId,
    state: row.state,
    at: row.at?.toISOString() ?? null,
    source: row.source,
    emailBouncedAt: row.emailBouncedAt?.toISOString() ?? null,
    history: history.map(({ actorId, actorName, at, ...event }) => ({
      ...event,
      actor: actorId ? { id: actorId, name: actorName ?? '' } : null,
      at: at.toISOString(),
    })),
  };
}

/** A contact's consent and its history, for whoever may read the contact. */
export async function getConsent(ctx: Ctx, contactId: string): Promise<TConsent> {
  await findVisible(ctx, ctx.db, contactId);
  return consentOf(ctx.db, ctx.actor.workspaceId, contactId);
}

/** Grants or withdraws a contact's consent, for whoever may change the contact. */
export async function updateConsent(ctx: Ctx, contactId: string, input: TConsentUpdate): Promise<TConsent> {
  const { workspaceId, userId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const row = await findVisible(ctx, tx, contactId, true);
    await contactPolicy.authorize(ctx.actor, 'update', row);
    await setConsentOf(tx, workspaceId, [contactId], {
      state: input.state,
      source: input.source ?? 'manual',
      detail: input.detail ?? null,
      actorId: userId,
    });
    return consentOf(tx, workspaceId, contactId);
  });
}

/** The same consent change for a selection, checked record by record: all of them, or none. */
export async function bulkConsent(ctx: Ctx, input: TConsentBulk): Promise<TConsentBulkResult> {
  const { actor } = ctx;
  const ids = [...new Set(input.contactIds)];
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: contacts.id, ownerId: contacts.ownerId, unitId: contacts.unitId })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, actor.workspaceId),
          inArray(contacts.id, ids),
          isNull(contacts.deletedAt),
          await contactPolicy.filter(actor, 'read', reach),
        ),
      )
      .orderBy(contacts.id)
      .for('update');
    const byId = new Map(rows.map((row) => [row.id, row]));
    const unseen = input.contactIds.flatMap((id, index) =>
      byId.has(id) ? [] : [{ path: `contactIds.${index}`, message: 'No such contact' }],
    );
    if (unseen.length > 0) throw new AppError('not_found', `${unseen.length} of the selected contacts do not exist`, { errors: unseen });
    const refused: { path: string; message: string }[] = [];
    for (const [index, id] of input.contactIds.entries()) {
      if (!(await contactPolicy.can(actor, 'update', byId.get(id))))
        refused.push({ path: `contactIds.${index}`, message: 'You may not change this contact' });
    }
    if (refused.length > 0)
      throw new AppError('forbidden', `You may not change ${refused.length} of the selected contacts`, { errors: refused });
    const changed = await setConsentOf(tx, actor.workspaceId, ids, {
      state: input.state,
      source: input.source ?? 'manual',
      detail: input.detail ?? null,
      actorId: actor.userId,
    });
    return { updated: changed.length };
  });
}
