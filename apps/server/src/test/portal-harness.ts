import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { csrfTokenFor, hashSecret, newSecret } from '../lib/tokens.ts';
import { PORTAL_COOKIE, PORTAL_SESSION_TTL_MS } from '../modules/portal/portal-session.ts';
import type { TestApp } from './harness.ts';

/** A customer signed in to the portal: sends the portal cookie and its CSRF token on writes. */
export type PortalBrowser = {
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
  portalUserId: string;
  contactId: string;
};

/**
 * Gives a contact an active portal account and an open session, straight in the database
 * (the sign-in routes have their own tests): for tests of what a signed-in customer may do.
 */
export async function portalCustomer(
  t: TestApp,
  contact: { workspaceId: string; contactId: string; email: string; language?: 'en' | 'ru' | 'it' },
): Promise<PortalBrowser> {
  const { rows } = await t.db.execute<{ id: string }>(sql`
    INSERT INTO portal_user (workspace_id, contact_id, email, status, language, activated_at)
    VALUES (${contact.workspaceId}, ${contact.contactId}, ${contact.email.toLowerCase()}, 'active', ${contact.language ?? 'en'}, now())
    ON CONFLICT (workspace_id, contact_id) DO UPDATE SET status = 'active'
    RETURNING id`);
  const portalUserId = rows[0]?.id;
  if (!portalUserId) throw new Error('no portal user');
  const secret = newSecret();
  await t.db.execute(sql`
    INSERT INTO portal_session (workspace_id, portal_user_id, token_hash, expires_at)
    VALUES (${contact.workspaceId}, ${portalUserId}, ${hashSecret(secret)}, now() + ${`${PORTAL_SESSION_TTL_MS / 1000} seconds`}::interval)`);
  const cookie = `${PORTAL_COOKIE}=${secret}`;
  const csrfToken = csrfTokenFor(secret);
  return {
    cookie,
    csrfToken,
    portalUserId,
    contactId: contact.contactId,
    request: (options) =>
      t.app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } } as InjectOptions),
  };
}
