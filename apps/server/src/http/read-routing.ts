import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { type ReadReplicas, walPosition } from '../db/replicas.ts';

/** The cookie holding the primary's WAL position after a person's last write. */
export const WROTE_COOKIE = 'clientela_wrote';
/** Long enough for any replica that is up to catch up; after it, reads are not held to the primary. */
const WROTE_MAX_AGE_S = 300;

declare module 'fastify' {
  interface FastifyRequest {
    /** Where this request's heavy reads go: a replica that has seen the person's writes, or absent (the primary). */
    readDb?: Database;
  }
}

const isRead = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD';

/**
 * Sends the reads of signed-in people (by cookie) to a replica that has replayed their last write,
 * and after each of their writes remembers the primary's position in a cookie. Requests made with
 * an API token keep no cookies, so they read from the primary: a script sees what it just wrote.
 */
export function registerReadRouting(app: FastifyInstance, replicas: ReadReplicas): void {
  app.addHook('preHandler', async (request) => {
    if (!isRead(request) || request.authMethod !== 'cookie') return;
    const wrote = request.cookies[WROTE_COOKIE];
    request.readDb = replicas.pick(wrote ? walPosition(wrote) : null);
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (isRead(request) || request.authMethod !== 'cookie' || reply.statusCode >= 400) return payload;
    const position = await replicas.primaryPosition();
    reply.setCookie(WROTE_COOKIE, position, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: WROTE_MAX_AGE_S,
    });
    return payload;
  });
}
