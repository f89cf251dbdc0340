import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { csrfTokenFor, hashSecret, safeEqual } from '../../lib/tokens.ts';

/** The portal's own cookie: a customer's session never opens the staff API, nor a staff session the portal's. */
export const PORTAL_COOKIE = 'clientela_portal';
export const PORTAL_SESSION_TTL_MS = 30 * 24 * 3600_000;
// Touching last-seen on every request would turn each read into a write.
const TOUCH_AFTER_MS = 60_000;

/** A signed-in customer: their portal account, their contact and the companies whose portal they may see. */
export type PortalActor = {
  workspaceId: string;
  portalUserId: string;
  sessionId: string;
  contactId: string;
  email: string;
  language: 'en' | 'ru' | 'it';
  /** The companies the contact works for that have portal access; their cases, orders and quotes are the contact's to see. */
  companyIds: string[];
};

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalActor | null;
    portalSecret: string | null;
  }
  interface FastifyContextConfig {
    /** A portal route anyone may call (sign-in, invitation links, branding). */
    portalPublic?: boolean;
  }
}

type Row = {
  workspace_id: string;
  session_id: string;
  portal_user_id: string;
  contact_id: string;
  email: string;
  language: 'en' | 'ru' | 'it';
  last_seen_at: Date;
  company_ids: string[];
};

/**
 * Resolves a portal cookie's secret to the customer, or null: the session must be open, the
 * account active and the contact not in the bin. A contact who works only for companies whose
 * portal access is switched off cannot sign in; one with no company at all sees their own cases.
 */
export async function portalActorFromSession(db: Database, secret: string): Promise<PortalActor | null> {
  const { rows } = await db.execute<Row>(sql`
    SELECT s.workspace_id, s.id AS session_id, u.id AS portal_user_id, u.contact_id, u.email, u.language, s.last_seen_at,
           coalesce((SELECT array_agg(cc.company_id ORDER BY cc.company_id) FROM contact_company cc
                       JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
                      WHERE cc.workspace_id = s.workspace_id AND cc.contact_id = u.contact_id
                        AND co.deleted_at IS NULL AND co.portal_access), '{}') AS company_ids,
           EXISTS (SELECT 1 FROM contact_company cc
                     JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
                    WHERE cc.workspace_id = s.workspace_id AND cc.contact_id = u.contact_id AND co.deleted_at IS NULL) AS has_company
      FROM portal_session s
      JOIN portal_user u ON u.workspace_id = s.workspace_id AND u.id = s.portal_user_id
      JOIN contact c ON c.workspace_id = u.workspace_id AND c.id = u.contact_id
     WHERE s.token_hash = ${hashSecret(secret)} AND s.revoked_at IS NULL AND s.expires_at > now()
       AND u.status = 'active' AND c.deleted_at IS NULL
     LIMIT 1`);
  const row = rows[0] as (Row & { has_company: boolean }) | undefined;
  if (!row) return null;
  if (row.has_company && row.company_ids.length === 0) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
    // Sliding expiry: a session in use stays open.
    await db.execute(sql`UPDATE portal_session SET last_seen_at = now(), expires_at = now() + ${`${PORTAL_SESSION_TTL_MS / 1000} seconds`}::interval
      WHERE workspace_id = ${row.workspace_id} AND id = ${row.session_id}`);
  }
  return {
    workspaceId: row.workspace_id,
    portalUserId: row.portal_user_id,
    sessionId: row.session_id,
    contactId: row.contact_id,
    email: row.email,
    language: row.language,
    companyIds: row.company_ids,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The portal API's gate: every `/api/portal/…` route needs a portal session unless marked
 * `portalPublic`; writes sent with the cookie must carry the CSRF token derived from it
 * (`X-CSRF-Token`, given at sign-in and by `GET /api/portal/me`). Staff cookies and API tokens open nothing here.
 */
export function authenticatePortal(db: Database) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const secret = request.cookies[PORTAL_COOKIE];
    if (secret) {
      request.portal = await portalActorFromSession(db, secret);
      if (request.portal) request.portalSecret = secret;
    }
    if (request.is404 || request.routeOptions.config.portalPublic === true) return;
    if (!request.portal || !secret) throw new AppError('unauthenticated', 'Sign in to the portal to continue');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(secret))) {
        throw new AppError('csrf_failed', 'Send the X-CSRF-Token header you received at sign-in');
      }
    }
  };
}

/** The signed-in customer of a portal route (the gate has checked there is one). */
export function portalActorOf(request: FastifyRequest): PortalActor {
  if (!request.portal) throw new AppError('unauthenticated', 'Sign in to the portal to continue');
  return request.portal;
}
