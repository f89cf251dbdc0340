import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { csrfTokenFor, safeEqual } from '../lib/tokens.ts';
import { actorFromApiToken, actorFromSession, forRequest, type SignedIn } from '../modules/auth/actor.ts';
import type { SignedInCache } from '../modules/auth/signed-in-cache.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'clientela_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, from `Authorization: Bearer` or the session cookie. Routes not
 * marked public refuse anonymous calls; cookie-authenticated writes must carry the CSRF token.
 */
export function authenticate(db: Database, cache: SignedInCache) {
  // Requests of one sign-in that find it missing from the cache together (it is kept 5 s) share
  // one read of it, instead of each reading it again at the same moment.
  const loading = new Map<string, Promise<SignedIn | null>>();
  const load = async (kind: 's' | 't', secret: string, key: string) => {
    const signedIn = kind === 's' ? await actorFromSession(db, secret) : await actorFromApiToken(db, secret);
    if (signedIn) {
      // Read now what the sign-in remembers, before any route opens a transaction: read later from
      // inside one, it would need a second pooled connection while holding the first.
      await Promise.all([signedIn.actor.unitTree(), signedIn.actor.sharedResources?.()]);
      cache.set(key, signedIn);
    }
    return signedIn;
  };
  const resolve = (kind: 's' | 't', secret: string) => {
    const key = `${kind}:${secret}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let pending = loading.get(key);
    if (!pending) {
      pending = load(kind, secret, key).finally(() => loading.delete(key));
      loading.set(key, pending);
    }
    return pending;
  };
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const isPublic = request.is404 || request.routeOptions.config.public === true || !request.url.startsWith('/api/v1/');
    const authorization = request.headers.authorization;
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const signedIn = await resolve('t', authorization.slice(7).trim());
      if (!signedIn) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired');
      request.actor = forRequest(signedIn.actor);
      request.authMethod = 'token';
      request.signedIn = signedIn;
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) {
      const signedIn = await resolve('s', secret);
      if (signedIn) {
        request.actor = forRequest(signedIn.actor);
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

/**
 * The writes that may change who may do what, or what a sign-in carries: sign-in and sign-out,
 * the person's own profile, users and their roles, defined roles, units (scopes follow the unit tree), API
 * tokens, the workspace, record shares (a sign-in remembers whether anything is shared with the person). A new route that changes any of these belongs here.
 */
const ACCESS_WRITES = /^\/api\/v1\/(auth|me|users|units|api-tokens|workspace|roles|record-shares)(\/|\?|$)/;

/**
 * A successful write that may have changed who may do what (logout, a role, a revoked token)
 * makes this process forget the workspace's cached sign-ins before answering, so the very next
 * request sees the change. Other processes hear it from PostgreSQL's NOTIFY triggers. Other
 * writes (customers, imports…) leave the cache alone: clearing it after each of them cost every
 * next request of the workspace a round trip to read its sign-in again.
 */
export function forgetAfterWrites(cache: SignedInCache) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.signedIn && !SAFE_METHODS.has(request.method) && reply.statusCode < 400 && ACCESS_WRITES.test(request.url)) {
      cache.clearWorkspace(request.signedIn.user.workspaceId);
    }
    return payload;
  };
}
