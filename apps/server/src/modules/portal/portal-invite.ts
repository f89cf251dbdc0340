import {
  PORTAL_INVITE_TTL_DAYS,
  type TInvitePortalUserInput,
  type TLocale,
  type TPortalUser,
  ZInvitePortalUserInput,
} from '@clientela/contract';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import { hashSecret, newSecret } from '../../lib/tokens.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { portalTokens, portalUsers } from './portal.table.ts';
import { invitationMail, sendInvitation } from './portal-invite-mail.ts';
import { getPortalUser, lockPortalUserForUpdate, refuseInStatus } from './portal-users.service.ts';

/** Where invitations go out through and the address their links point to. */
export type InviteOptions = { mail: MailSettings | undefined; publicUrl: string };

function requireMail(mail: MailSettings | undefined): MailSettings {
  if (!mail) throw new AppError('mail_not_configured', 'No mail server is configured: the invitation cannot be sent');
  return mail;
}

/** Refuses a contact who works only for companies whose portal access is switched off (one with no company may use the portal). */
async function assertPortalAccess(tx: Executor, workspaceId: string, contactId: string) {
  const { rows } = await tx.execute<{ companies: number; open: number }>(sql`
    SELECT count(*)::int AS companies, count(*) FILTER (WHERE co.portal_access)::int AS open
      FROM contact_company cc
      JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
     WHERE cc.workspace_id = ${workspaceId} AND cc.contact_id = ${contactId} AND co.deleted_at IS NULL`);
  const counts = rows[0];
  if (counts && counts.companies > 0 && counts.open === 0) {
    throw new AppError('portal_disabled', 'The customer portal is switched off for every company of this contact');
  }
}

/**
 * A new invitation link for the account (earlier unused invitation links stop working), mailed
 * in the account's language. Runs inside the caller's transaction, so that a mail server that
 * refuses the mail leaves nothing written.
 */
async function issueInvitation(
  ctx: Ctx,
  tx: Executor,
  mail: MailSettings,
  publicUrl: string,
  account: { id: string; email: string; language: TLocale; contactName: string },
) {
  const workspaceId = ctx.actor.workspaceId;
  await tx
    .update(portalTokens)
    .set({ expiresAt: sql`least(${portalTokens.expiresAt}, now())` })
    .where(
      and(
        eq(portalTokens.workspaceId, workspaceId),
        eq(portalTokens.portalUserId, account.id),
        eq(portalTokens.purpose, 'invite'),
        isNull(portalTokens.usedAt),
      ),
    );
  const secret = newSecret();
  await tx.insert(portalTokens).values({
    workspaceId,
    portalUserId: account.id,
    purpose: 'invite',
    tokenHash: hashSecret(secret),
    expiresAt: sql`now() + ${`${PORTAL_INVITE_TTL_DAYS} days`}::interval`,
  });
  const [workspace] = await tx
    .select({ name: workspaces.name, title: workspaces.portalTitle, color: workspaces.portalColor })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const message = invitationMail(account.language, {
    name: account.contactName,
    workspace: workspace?.title || workspace?.name || '',
    url: `${publicUrl.replace(/\/+$/, '')}/portal/link/${secret}`,
    days: PORTAL_INVITE_TTL_DAYS,
    color: workspace?.color ?? null,
  });
  try {
    await sendInvitation(mail, { to: { name: account.contactName, address: account.email }, ...message });
  } catch (error) {
    throw new AppError('mail_not_configured', `The mail server did not take the invitation: ${(error as Error).message}`);
  }
}

/** The language an invitation is written in when none is chosen: the contact's, else the inviter's. */
async function defaultLanguage(ctx: Ctx, tx: Executor, contactLanguage: TLocale | null): Promise<TLocale> {
  if (contactLanguage) return contactLanguage;
  const [me] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  return me?.locale ?? 'en';
}

/**
 * Invites a contact to the portal: makes their account (status `invited`) and a link valid for
 * a week, and mails it. A contact whose invitation is still pending gets a new one (`created`
 * is then false); one with an active or disabled account is refused.
 */
export async function invitePortalUser(
  ctx: Ctx,
  raw: TInvitePortalUserInput,
  { mail, publicUrl }: InviteOptions,
): Promise<{ user: TPortalUser; created: boolean }> {
  const input = ZInvitePortalUserInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const [contact] = await tx
      .select({
        id: contacts.id,
        name: contacts.name,
        emails: contacts.emails,
        language: contacts.language,
        ownerId: contacts.ownerId,
        unitId: contacts.unitId,
        deletedAt: contacts.deletedAt,
      })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, workspaceId),
          eq(contacts.id, input.contactId),
          await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
        ),
      )
      .for('update');
    if (!contact) throw notFound('contact');
    await contactPolicy.authorize(ctx.actor, 'update', contact);
    if (contact.deletedAt) throw new AppError('conflict', 'The contact is in the bin: restore it before inviting it');
    await assertPortalAccess(tx, workspaceId, contact.id);
    const [existing] = await tx
      .select({ id: portalUsers.id, status: portalUsers.status, email: portalUsers.email, language: portalUsers.language })
      .from(portalUsers)
      .where(and(eq(portalUsers.workspaceId, workspaceId), eq(portalUsers.contactId, contact.id)))
      .for('update');
    if (existing && existing.status !== 'invited') {
      throw new AppError('already_invited', `The contact already has a portal account (${existing.status})`);
    }
    const email = input.email ?? existing?.email ?? contact.emails[0]?.value.trim().toLowerCase();
    if (!email) {
      throw new AppError('validation_failed', 'The contact has no e-mail address', {
        errors: [{ path: 'email', message: 'Give an e-mail address: the contact has none' }],
      });
    }
    const [taken] = await tx
      .select({ id: portalUsers.id })
      .from(portalUsers)
      .where(
        and(eq(portalUsers.workspaceId, workspaceId), eq(portalUsers.email, email), ...(existing ? [ne(portalUsers.id, existing.id)] : [])),
      );
    if (taken) {
      throw new AppError('email_taken', 'Another portal account uses this address', {
        errors: [{ path: 'email', message: 'Another portal account uses this address' }],
      });
    }
    const language = input.language ?? existing?.language ?? (await defaultLanguage(ctx, tx, contact.language));
    const sender = requireMail(mail);
    const values = { email, language, invitedById: ctx.actor.userId, invitedAt: sql`now()`, updatedAt: sql`now()` };
    const [account] = existing
      ? await tx
          .update(portalUsers)
          .set(values)
          .where(and(eq(portalUsers.workspaceId, workspaceId), eq(portalUsers.id, existing.id)))
          .returning({ id: portalUsers.id })
      : await tx
          .insert(portalUsers)
          .values({ ...values, workspaceId, contactId: contact.id, status: 'invited' })
          .returning({ id: portalUsers.id });
    if (!account) throw new Error('portal user write returned nothing');
    await issueInvitation(ctx, tx, sender, publicUrl, { id: account.id, email, language, contactName: contact.name ?? '' });
    return { user: await getPortalUser(ctx, account.id, tx), created: !existing };
  });
}

/** Sends a pending invitation again with a new link; the earlier links stop working. */
export async function resendInvitation(ctx: Ctx, id: string, { mail, publicUrl }: InviteOptions): Promise<TPortalUser> {
  return ctx.db.transaction(async (tx) => {
    const account = await lockPortalUserForUpdate(ctx, tx, id);
    if (account.status !== 'invited') refuseInStatus(account.status, 'Only a pending invitation can be sent again');
    await assertPortalAccess(tx, ctx.actor.workspaceId, account.contactId);
    const sender = requireMail(mail);
    const [contact] = await tx
      .select({ name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.actor.workspaceId), eq(contacts.id, account.contactId)));
    await tx
      .update(portalUsers)
      .set({ invitedById: ctx.actor.userId, invitedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(portalUsers.workspaceId, ctx.actor.workspaceId), eq(portalUsers.id, id)));
    await issueInvitation(ctx, tx, sender, publicUrl, { ...account, contactName: contact?.name ?? '' });
    return getPortalUser(ctx, id, tx);
  });
}
