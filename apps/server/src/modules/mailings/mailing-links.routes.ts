import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';

/**
 * The links of marketing e-mails, outside the API and without sign-in: `/u/:token` the unsubscribe
 * page and its RFC 8058 one-click POST; `/t/o/:token` the open pixel and `/t/c/:token` the click
 * redirect, when the mailing tracks them.
 */
export async function mailingLinkRoutes(_app: FastifyInstance, _options: { db: Database; publicUrl: string }) {}
