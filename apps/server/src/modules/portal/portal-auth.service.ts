import type { TPortalLink, TPortalLinkInput, TPortalLoginInput, TPortalMe } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { csrfTokenFor, hashSecret, newSecret } from '../../lib/tokens.ts';
import { type AuditEventInput, recordAudit } from '../audit/index.ts';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/login-throttle.ts';
import { PORTAL_SESSION_TTL_MS } from './portal-session.ts';

export type PortalClient = { ip: string; userAgent: string | undefined };

/** A portal account as sign-in sees it: whether it may sign in at all, and what for. */
type Account = {
  workspace_id: string;
  workspace_slug: string;
  workspace_name: string;
  id: string;
  contact_id: string;
  email: string;
  password_hash: string | null;
  status: 'invited' | 'active' | 'disabled';
  language: 'en' | 'ru' | 'it';
  name: string;
  contact_live: boolean;
  has_company: boolean;
  has_access: boolean;
};

const ACCOUNT_COLUMNS = sql`
  w.id AS workspace_id, w.slug AS workspace_slug, w.name AS workspace_name, u.id, u.contact_id, u.email, u.password_hash,
  u.status, u.language, coalesce(c.name, '') AS name, c.deleted_at IS NULL AS contact_live,
  EXISTS (SELECT 1 FROM contact_company cc JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
           WHERE cc.workspace_id = u.workspace_id AND cc.contact_id = u.contact_id AND co.deleted_at IS NULL) AS has_company,
  EXISTS (SELECT 1 FROM contact_company cc JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
           WHERE cc.workspace_id = u.workspace_id AND cc.contact_id = u.contact_id AND co.deleted_at IS NULL AND co.portal_access) AS has_access`;

/** The rules of `portalActorFromSession`: a contact not in the bin, and portal access through a company (or no company at all). */
const mayUsePortal = (account: Account) => account.contact_live && (!account.has_company || account.has_access);

async function findAccount(db: Executor, workspaceSlug: string, email: string): Promise<Account | undefined> {
  const { rows } = await db.execute<Account>(sql`
    SELECT ${ACCOUNT_COLUMNS}
      FROM portal_user u
      JOIN workspace w ON w.id = u.workspace_id
      JOIN contact c ON c.workspace_id = u.workspace_id AND c.id = u.contact_id
     WHERE w.slug = ${workspaceSlug} AND u.email = ${email.trim().toLowerCase()}
     LIMIT 1`);
  return rows[0];
}

/** A freshly opened portal session: the cookie's secret and what the browser is told. */
export type OpenedPortalSession = { secret: string; me: TPortalMe };

/** The `me` answer for a portal account and the secret of its session. */
export async function portalMeOf(db: Executor, workspaceId: string, portalUserId: string, secret: string): Promise<TPortalMe> {
  const { rows } = await db.execute<{
    id: string;
    contact_id: string;
    email: string;
    language: 'en' | 'ru' | 'it';
    name: string;
    slug: string;
    workspace_name: string;
    companies: { id: string; name: string }[] | null;
  }>(sql`
    SELECT u.id, u.contact_id, u.email, u.language, coalesce(c.name, '') AS name, w.slug, w.name AS workspace_name,
           (SELECT json_agg(json_build_object('id', co.id, 'name', co.name) ORDER BY co.name, co.id)
              FROM contact_company cc JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
             WHERE cc.workspace_id = u.workspace_id AND cc.contact_id = u.contact_id AND co.deleted_at IS NULL AND co.portal_access) AS companies
      FROM portal_user u
      JOIN workspace w ON w.id = u.workspace_id
      JOIN contact c ON c.workspace_id = u.workspace_id AND c.id = u.contact_id
     WHERE u.workspace_id = ${workspaceId} AND u.id = ${portalUserId}`);
  const row = rows[0];
  if (!row) throw new AppError('unauthenticated', 'Sign in to the portal to continue');
  return {
    portalUserId: row.id,
    contactId: row.contact_id,
    name: row.name,
    email: row.email,
    language: row.language,
    workspace: { slug: row.slug, name: row.workspace_name },
    companies: row.companies ?? [],
    csrfToken: csrfTokenFor(secret),
  };
}

/** Ends the portal session a cookie's secret belongs to. */
export async function revokePortalSession(db: Executor, secret: string): Promise<void> {
  await db.execute(sql`UPDATE portal_session SET revoked_at = now() WHERE token_hash = ${hashSecret(secret)} AND revoked_at IS NULL`);
}

/**
 * Opens a portal session for an account and notes the sign-in. A session the browser held before
 * is revoked, so a cookie planted before sign-in is worthless after it.
 */
async function openPortalSession(
  tx: Executor,
  account: { workspace_id: string; id: string },
  client: PortalClient,
  previousSecret: string | undefined,
): Promise<OpenedPortalSession> {
  if (previousSecret) await revokePortalSession(tx, previousSecret);
  const secret = newSecret();
  await tx.execute(sql`
    INSERT INTO portal_session (workspace_id, portal_user_id, token_hash, user_agent, ip, expires_at)
    VALUES (${account.workspace_id}, ${account.id}, ${hashSecret(secret)}, ${client.userAgent?.slice(0, 500) ?? null}, ${client.ip},
            now() + ${`${PORTAL_SESSION_TTL_MS / 1000} seconds`}::interval)`);
  await tx.execute(sql`UPDATE portal_user SET last_login_at = now() WHERE workspace_id = ${account.workspace_id} AND id = ${account.id}`);
  return { secret, me: await portalMeOf(tx, account.workspace_id, account.id, secret) };
}

// Failures of the portal are counted apart from employees' sign-ins (same table, own keys).
const throttleKeys = (input: { workspace: string; email: string }, ip: string) => ({
  email: `portal:${input.workspace}:${input.email}`,
  ip: `portal:${ip}`,
});

/**
 * Checks e-mail and password of an active portal account and opens a session. Unknown address,
 * wrong password and an account that may not sign in all answer the same 401.
 */
export async function portalLogin(
  db: Database,
  input: TPortalLoginInput,
  client: PortalClient,
  previousSecret: string | undefined,
): Promise<OpenedPortalSession> {
  const keys = throttleKeys(input, client.ip);
  const account = await findAccount(db, input.workspace, input.email);
  // Written to the account's workspace like employees' sign-ins; an address no account has has no audit log to go to.
  const audit = (event: Pick<AuditEventInput, 'action' | 'outcome' | 'actorName' | 'details'>) =>
    account
      ? recordAudit(db, {
          workspaceId: account.workspace_id,
          actorKind: 'portal',
          actorId: account.id,
          ip: client.ip,
          userAgent: client.userAgent ?? null,
          request: 'POST /api/portal/auth/login',
          ...event,
        })
      : undefined;
  try {
    await assertNotThrottled(db, keys.email, keys.ip);
  } catch (error) {
    await audit({ action: 'auth.login_failed', outcome: 'denied', actorName: input.email, details: { status: 429 } });
    throw error;
  }
  const passwordOk = await verifyPassword(account?.password_hash ?? null, input.password);
  if (!account || !passwordOk || account.status !== 'active' || !mayUsePortal(account)) {
    await audit({ action: 'auth.login_failed', outcome: 'failure', actorName: input.email });
    await recordFailure(db, keys.email, keys.ip);
    throw new AppError('invalid_credentials', 'Wrong e-mail or password');
  }
  await clearFailures(db, keys.email);
  const session = await db.transaction((tx) => openPortalSession(tx, account, client, previousSecret));
  await audit({ action: 'auth.login', actorName: account.name || account.email });
  return session;
}

/** An active account that may sign in, by workspace and address, for a mailed sign-in link; undefined when there is none. */
export async function accountForMagicLink(db: Database, workspaceSlug: string, email: string) {
  const account = await findAccount(db, workspaceSlug, email);
  if (!account || account.status !== 'active' || !mayUsePortal(account)) return undefined;
  return account;
}

/** Makes a one-time link for an account; returns its secret (only its hash is kept). */
export async function createPortalToken(
  db: Executor,
  account: { workspace_id: string; id: string },
  purpose: 'invite' | 'magic_link' | 'password_reset',
  ttlMinutes: number,
): Promise<string> {
  const secret = newSecret();
  await db.execute(sql`
    INSERT INTO portal_token (workspace_id, portal_user_id, purpose, token_hash, expires_at)
    VALUES (${account.workspace_id}, ${account.id}, ${purpose}, ${hashSecret(secret)}, now() + ${`${ttlMinutes} minutes`}::interval)`);
  return secret;
}

type LinkRow = Account & { token_id: string; purpose: 'invite' | 'magic_link' | 'password_reset' };

/** A link still usable: unknown, used, expired, or of an account that may not sign in, all read as invalid. */
async function findLink(db: Executor, secret: string, lock: boolean): Promise<LinkRow> {
  const { rows } = await db.execute<LinkRow>(sql`
    SELECT ${ACCOUNT_COLUMNS}, t.id AS token_id, t.purpose
      FROM portal_token t
      JOIN portal_user u ON u.workspace_id = t.workspace_id AND u.id = t.portal_user_id
      JOIN workspace w ON w.id = u.workspace_id
      JOIN contact c ON c.workspace_id = u.workspace_id AND c.id = u.contact_id
     WHERE t.token_hash = ${hashSecret(secret)} AND t.used_at IS NULL AND t.expires_at > now()
     LIMIT 1
     ${lock ? sql`FOR UPDATE OF t` : sql``}`);
  const link = rows[0];
  const usable = link && mayUsePortal(link) && (link.purpose === 'magic_link' ? link.status === 'active' : link.status !== 'disabled');
  if (!link || !usable) throw new AppError('link_invalid', 'This link is unknown, already used or expired');
  return link;
}

const needsPassword = (link: LinkRow) => link.purpose === 'password_reset' || (link.purpose === 'invite' && !link.password_hash);

/** What a one-time link is, before it is used. */
export async function readPortalLink(db: Database, secret: string): Promise<TPortalLink> {
  const link = await findLink(db, secret, false);
  return {
    purpose: link.purpose,
    email: link.email,
    name: link.name,
    language: link.language,
    workspace: { slug: link.workspace_slug, name: link.workspace_name },
    needsPassword: needsPassword(link),
  };
}

/**
 * Uses a one-time link and signs in, in one transaction: the link is marked used (a second use
 * fails), an invitation activates the account and sets the password it needs.
 */
export async function usePortalLink(
  db: Database,
  secret: string,
  input: TPortalLinkInput,
  client: PortalClient,
  previousSecret: string | undefined,
): Promise<OpenedPortalSession> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const link = await findLink(tx, secret, true);
    if (needsPassword(link) && !passwordHash) {
      throw new AppError('validation_failed', 'Choose a password to accept the invitation', {
        errors: [{ path: 'password', message: 'Required' }],
      });
    }
    await tx.execute(sql`UPDATE portal_token SET used_at = now() WHERE workspace_id = ${link.workspace_id} AND id = ${link.token_id}`);
    const setPassword = link.purpose !== 'magic_link' && passwordHash;
    await tx.execute(sql`
      UPDATE portal_user SET status = 'active', activated_at = coalesce(activated_at, now()), updated_at = now()
             ${setPassword ? sql`, password_hash = ${passwordHash}` : sql``}
       WHERE workspace_id = ${link.workspace_id} AND id = ${link.id}`);
    if (setPassword) {
      // A new password ends the account's other sessions.
      await tx.execute(sql`UPDATE portal_session SET revoked_at = now()
        WHERE workspace_id = ${link.workspace_id} AND portal_user_id = ${link.id} AND revoked_at IS NULL`);
    }
    return openPortalSession(tx, link, client, previousSecret);
  });
}
