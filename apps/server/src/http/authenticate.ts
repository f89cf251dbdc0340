import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { csrfTokenFor, safeEqual } from '../lib/tokens.ts';
import { actorFromApiToken, actorFromSession } from '../modules/auth/actor.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'clientela_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, from `Authorization: Bearer` or the session cookie. Routes not
 * marked public refuse anonymous calls; cookie-authenticated writes must carry the CSRF token.
 */
export function authenticate(db: Database) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const isPublic = request.is404 || request.routeOptions.config.public === true || !request.url.startsWith('/api/v1/');
    const authorization = request.headers.authorization;
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const signedIn = await actorFromApiToken(db, authorization.slice(7).trim());
      if (!signedIn) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired');
      request.actor = signedIn.actor;
      request.authMethod = 'token';
      request.signedIn = signedIn;
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) {
      const signedIn = await actorFromSession(db, secret);
      if (signedIn) {
        request.actor = signedIn.actor;
        request.authMethod = 'cookie';
        request.sessionSecret = secret;
        request.signedIn = signedIn;
      }
    }
    if (isPublic) return;
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue');
    if (request.authMethod === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(secret ?? ''))) {
        throw new AppError('csrf_failed', 'Send the X-CSRF-Token header you received at sign-in');
      }
    }
  };
}
