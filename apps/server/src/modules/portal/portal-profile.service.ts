import type { TPortalPasswordChange, TPortalProfile, TPortalProfileUpdate } from '@clientela/contract';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/login-throttle.ts';
import { companies } from '../companies/index.ts';
import { contactCompanies, contacts } from '../contacts/index.ts';
import { withNormalisedCopies } from '../customers/index.ts';
import { diff, recordChanges } from '../history/index.ts';
import { setConsent } from '../mailings/index.ts';
import { portalUsers } from './portal.table.ts';
import type { PortalActor } from './portal-session.ts';

/** What the customer may change of their contact, and so what the history compares. */
const TRACKED = ['firstName', 'lastName', 'position', 'phones', 'emails', 'preferredChannel'] as const;

async function lockContact(db: Executor, actor: PortalActor, lock: boolean) {
  const query = db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, actor.workspaceId), eq(contacts.id, actor.contactId), isNull(contacts.deletedAt)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('unauthenticated', 'Sign in to the portal to continue');
  return row;
}

/** The customer's own details, as the portal shows them. */
export async function getPortalProfile(db: Executor, actor: PortalActor): Promise<TPortalProfile> {
  const contact = await lockContact(db, actor, false);
  const [account] = await db
    .select({ email: portalUsers.email, language: portalUsers.language })
    .from(portalUsers)
    .where(and(eq(portalUsers.workspaceId, actor.workspaceId), eq(portalUsers.id, actor.portalUserId)));
  const links = await db
    .select({ id: companies.id, name: companies.name, role: contactCompanies.role })
    .from(contactCompanies)
    .innerJoin(companies, and(eq(companies.workspaceId, contactCompanies.workspaceId), eq(companies.id, contactCompanies.companyId)))
    .where(
      and(
        eq(contactCompanies.workspaceId, actor.workspaceId),
        eq(contactCompanies.contactId, actor.contactId),
        isNull(companies.deletedAt),
        eq(companies.portalAccess, true),
      ),
    )
    .orderBy(asc(companies.name));
  return {
    signInEmail: account?.email ?? actor.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    position: contact.position,
    phones: contact.phones,
    emails: contact.emails,
    preferredChannel: contact.preferredChannel,
    language: account?.language ?? actor.language,
    marketingConsent: contact.marketingConsent === 'granted',
    consentAt: contact.consentAt?.toISOString() ?? null,
    companies: links,
  };
}

/**
 * Changes the customer's own details in one transaction: the contact's fields (with the normalised
 * copies search and duplicates read), the portal's language, and the marketing consent (a consent
 * event with source `portal`). The contact's history records the change as made by the customer.
 */
export async function updatePortalProfile(db: Database, actor: PortalActor, input: TPortalProfileUpdate): Promise<TPortalProfile> {
  const { language, marketingConsent, ...fields } = input;
  await db.transaction(async (tx) => {
    const before = await lockContact(tx, actor, true);
    const [after] = await tx
      .update(contacts)
      .set({ ...withNormalisedCopies(fields), updatedAt: sql`now()` })
      .where(and(eq(contacts.workspaceId, actor.workspaceId), eq(contacts.id, actor.contactId)))
      .returning();
    if (!after) throw new AppError('unauthenticated', 'Sign in to the portal to continue');
    if (!after.firstName.trim() && !after.lastName.trim()) {
      throw new AppError('validation_failed', 'A first or a last name is needed', { errors: [{ path: 'lastName', message: 'Required' }] });
    }
    const changes = diff(before, after, TRACKED);
    if (changes.length > 0) {
      // No member of staff made it: the entry names the customer's portal account instead.
      await tx.insert(recordChanges).values({
        workspaceId: actor.workspaceId,
        entityType: 'contact',
        entityId: actor.contactId,
        actorId: null,
        action: 'updated',
        changes: [...changes, { field: 'portalUser', old: null, new: actor.email }],
      });
    }
    if (language) {
      await tx
        .update(portalUsers)
        .set({ language, updatedAt: sql`now()` })
        .where(and(eq(portalUsers.workspaceId, actor.workspaceId), eq(portalUsers.id, actor.portalUserId)));
    }
    if (marketingConsent !== undefined && marketingConsent !== (before.marketingConsent === 'granted')) {
      await setConsent(tx, actor.workspaceId, actor.contactId, marketingConsent ? 'granted' : 'withdrawn', 'portal', null, null);
    }
  });
  return getPortalProfile(db, { ...actor, ...(language ? { language } : {}) });
}

/** Changes the portal password after checking the present one; the account's other sessions end. */
export async function changePortalPassword(db: Database, actor: PortalActor, input: TPortalPasswordChange, ip: string): Promise<void> {
  const key = `portal-password:${actor.workspaceId}:${actor.portalUserId}`;
  await assertNotThrottled(db, key, `portal:${ip}`);
  const [account] = await db
    .select({ passwordHash: portalUsers.passwordHash })
    .from(portalUsers)
    .where(and(eq(portalUsers.workspaceId, actor.workspaceId), eq(portalUsers.id, actor.portalUserId)));
  if (!(await verifyPassword(account?.passwordHash ?? null, input.current))) {
    await recordFailure(db, key, `portal:${ip}`);
    throw new AppError('invalid_credentials', 'The current password is not right', {
      errors: [{ path: 'current', message: 'Wrong password' }],
    });
  }
  await clearFailures(db, key);
  const passwordHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx
      .update(portalUsers)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(portalUsers.workspaceId, actor.workspaceId), eq(portalUsers.id, actor.portalUserId)));
    await tx.execute(sql`UPDATE portal_session SET revoked_at = now()
      WHERE workspace_id = ${actor.workspaceId} AND portal_user_id = ${actor.portalUserId} AND revoked_at IS NULL
        AND id <> ${actor.sessionId}`);
  });
}
