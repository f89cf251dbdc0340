import { ZCreateWorkspaceInput, ZLoginInput, ZProblem, ZSession, ZSetupStatus } from '@clientela/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { AppError } from '../../http/errors.ts';
import { type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { csrfTokenFor } from '../../lib/tokens.ts';
import { presentMe } from '../users/index.ts';
import { createFirstWorkspace, needsSetup } from '../workspaces/index.ts';
import { actorOfUser, SESSION_TTL_MS } from './actor.ts';
import { login, type OpenedSession, openSession, revokeSession } from './auth.service.ts';

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: OpenedSession) {
  reply.setCookie(SESSION_COOKIE, session.secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

const clientOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

/** Sign-in, sign-out, the current session, and the first-start workspace creation. */
export async function authRoutes(app: FastifyInstance, { db, authRateLimit }: ModuleOptions) {
  const api = typed(app);
  const rateLimit = { max: authRateLimit, timeWindow: 60_000 };
  const tags = ['auth'];
  // Reachable without signing in: the reference page shows them without a lock.
  const security: [] = [];

  api.get('/setup', { config: { public: true }, schema: { tags, security, response: { 200: ZSetupStatus } } }, async () => ({
    needsSetup: await needsSetup(db),
  }));

  api.post(
    '/setup',
    {
      config: { public: true, rateLimit },
      schema: { tags, security, body: ZCreateWorkspaceInput, response: { 201: ZSession, 409: ZProblem } },
    },
    async (request, reply) => {
      const { workspace, admin } = await createFirstWorkspace(db, request.body);
      const session = await openSession(db, admin, clientOf(request));
      setSessionCookie(request, reply, session);
      return reply
        .status(201)
        .send({ user: presentMe(admin, workspace, await actorOfUser(db, workspace.id, admin.id)), csrfToken: session.csrfToken });
    },
  );

  api.post(
    '/auth/login',
    {
      config: { public: true, rateLimit },
      schema: { tags, security, body: ZLoginInput, response: { 200: ZSession, 401: ZProblem, 429: ZProblem } },
    },
    async (request, reply) => {
      const { session, user, workspace } = await login(db, request.body, clientOf(request), request.cookies[SESSION_COOKIE]);
      setSessionCookie(request, reply, session);
      return { user: presentMe(user, workspace, await actorOfUser(db, workspace.id, user.id)), csrfToken: session.csrfToken };
    },
  );

  api.post('/auth/logout', { config: { public: true }, schema: { tags, security } }, async (request, reply) => {
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) await revokeSession(db, secret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get('/auth/session', { schema: { tags, response: { 200: ZSession } } }, async (request) => {
    const signedIn = request.signedIn;
    if (!signedIn || request.authMethod !== 'cookie' || !request.sessionSecret) {
      throw new AppError('unauthenticated', 'No browser session');
    }
    return { user: presentMe(signedIn.user, signedIn.workspace, signedIn.actor), csrfToken: csrfTokenFor(request.sessionSecret) };
  });
}
