import {
  PORTAL_MAGIC_LINK_TTL_MINUTES,
  PORTAL_PASSWORD_RESET_TTL_MINUTES,
  type TPortalMagicLinkInput,
  ZPortalLink,
  ZPortalLinkInput,
  ZPortalLoginInput,
  ZPortalMagicLinkInput,
  ZPortalMe,
  ZPortalPasswordChange,
  ZPortalProfile,
  ZPortalProfileUpdate,
  ZProblem,
} from '@clientela/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { type ModuleOptions, typed } from '../../http/route-helpers.ts';
import {
  accountForMagicLink,
  createPortalToken,
  type OpenedPortalSession,
  portalLogin,
  portalMeOf,
  readPortalLink,
  revokePortalSession,
  usePortalLink,
} from './portal-auth.service.ts';
import { portalLinkMail, sendPortalMail } from './portal-auth-mail.ts';
import { portalMyData } from './portal-my-data.ts';
import { changePortalPassword, getPortalProfile, updatePortalProfile } from './portal-profile.service.ts';
import { PORTAL_COOKIE, PORTAL_SESSION_TTL_MS, portalActorOf } from './portal-session.ts';

const ZTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

function setPortalCookie(request: FastifyRequest, reply: FastifyReply, session: OpenedPortalSession) {
  reply.setCookie(PORTAL_COOKIE, session.secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: PORTAL_SESSION_TTL_MS / 1000,
  });
}

const clientOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

/** Sign-in (password, magic link, invitation), the customer's own details, consent and personal data (`/api/portal/auth`, `/me`, `/profile`, `/my-data`). */
export async function portalAccountRoutes(app: FastifyInstance, { db, authRateLimit, mail, publicUrl }: ModuleOptions) {
  const api = typed(app);
  const rateLimit = { max: authRateLimit, timeWindow: 60_000 };
  const tags = ['portal'];
  const security: [] = [];
  const publicRoute = { portalPublic: true, rateLimit };

  api.post(
    '/auth/login',
    {
      config: publicRoute,
      schema: { tags, security, body: ZPortalLoginInput, response: { 200: ZPortalMe, 401: ZProblem, 429: ZProblem } },
    },
    async (request, reply) => {
      const session = await portalLogin(db, request.body, clientOf(request), request.cookies[PORTAL_COOKIE]);
      setPortalCookie(request, reply, session);
      return session.me;
    },
  );

  /** Mails a one-time link to an active account; the answer is the same whether the address has one or not. */
  const mailLink = (purpose: 'magic_link' | 'password_reset', minutes: number) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!mail) throw new AppError('mail_not_configured', 'The portal cannot send e-mail: no mail server is configured');
    const input = request.body as TPortalMagicLinkInput;
    const account = await accountForMagicLink(db, input.workspace, input.email);
    if (account) {
      const secret = await createPortalToken(db, account, purpose, minutes);
      const url = `${publicUrl.replace(/\/+$/, '')}/portal/link/${secret}`;
      const message = portalLinkMail(purpose, account.language, { name: account.name, workspace: account.workspace_name, url, minutes });
      // Sent after answering: the answer's time must not tell whether the address has an account.
      void sendPortalMail(mail, { to: { name: account.name, address: account.email }, ...message }).catch((error: unknown) =>
        request.log.warn({ err: error }, 'portal link not sent'),
      );
    }
    return reply.status(202).send();
  };

  api.post(
    '/auth/magic-link',
    { config: publicRoute, schema: { tags, security, body: ZPortalMagicLinkInput } },
    mailLink('magic_link', PORTAL_MAGIC_LINK_TTL_MINUTES),
  );

  api.post(
    '/auth/password-reset',
    { config: publicRoute, schema: { tags, security, body: ZPortalMagicLinkInput } },
    mailLink('password_reset', PORTAL_PASSWORD_RESET_TTL_MINUTES),
  );

  api.get(
    '/auth/link/:token',
    { config: publicRoute, schema: { tags, security, params: ZTokenParams, response: { 200: ZPortalLink, 404: ZProblem } } },
    async (request) => readPortalLink(db, request.params.token),
  );

  api.post(
    '/auth/link/:token',
    {
      config: publicRoute,
      schema: { tags, security, params: ZTokenParams, body: ZPortalLinkInput, response: { 200: ZPortalMe, 400: ZProblem, 404: ZProblem } },
    },
    async (request, reply) => {
      const session = await usePortalLink(db, request.params.token, request.body ?? {}, clientOf(request), request.cookies[PORTAL_COOKIE]);
      setPortalCookie(request, reply, session);
      return session.me;
    },
  );

  api.post('/auth/logout', { config: { portalPublic: true }, schema: { tags, security } }, async (request, reply) => {
    const secret = request.cookies[PORTAL_COOKIE];
    if (secret) await revokePortalSession(db, secret);
    reply.clearCookie(PORTAL_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get('/me', { schema: { tags, response: { 200: ZPortalMe, 401: ZProblem } } }, async (request) => {
    const actor = portalActorOf(request);
    return portalMeOf(db, actor.workspaceId, actor.portalUserId, request.portalSecret ?? '');
  });

  api.get('/profile', { schema: { tags, response: { 200: ZPortalProfile } } }, async (request) =>
    getPortalProfile(db, portalActorOf(request)),
  );

  api.patch(
    '/profile',
    { schema: { tags, body: ZPortalProfileUpdate, response: { 200: ZPortalProfile, 400: ZProblem } } },
    async (request) => updatePortalProfile(db, portalActorOf(request), request.body),
  );

  api.post('/profile/password', { config: { rateLimit }, schema: { tags, body: ZPortalPasswordChange } }, async (request, reply) => {
    await changePortalPassword(db, portalActorOf(request), request.body, request.ip);
    return reply.status(204).send();
  });

  api.get('/my-data', { schema: { tags, produces: ['application/json'] } }, async (request, reply) => {
    const data = await portalMyData(db, portalActorOf(request));
    return reply
      .header('content-disposition', 'attachment; filename="my-data.json"')
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });
}
