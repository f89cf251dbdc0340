import { ZIdParams, ZInvitePortalUserInput, ZPortalUser, ZPortalUserList, ZPortalUserListQuery } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { invitePortalUser, resendInvitation } from './portal-invite.ts';
import { disablePortalUser, enablePortalUser, getPortalUser, listPortalUsers } from './portal-users.service.ts';

/** Staff manage customers' portal accounts: invite, resend, disable (`/api/v1/portal-users`). */
export async function portalUserRoutes(app: FastifyInstance, { db, mail, publicUrl }: ModuleOptions) {
  const api = typed(app);
  const tags = ['portal-users'];
  api.get('/portal-users', { schema: { tags, querystring: ZPortalUserListQuery, response: { 200: ZPortalUserList } } }, async (request) =>
    listPortalUsers(ctxOf(db, request), request.query),
  );
  api.post(
    '/portal-users',
    { schema: { tags, body: ZInvitePortalUserInput, response: { 200: ZPortalUser, 201: ZPortalUser } } },
    async (request, reply) => {
      const { user, created } = await invitePortalUser(ctxOf(db, request), request.body, { mail, publicUrl });
      return reply.status(created ? 201 : 200).send(user);
    },
  );
  api.get('/portal-users/:id', { schema: { tags, params: ZIdParams, response: { 200: ZPortalUser } } }, async (request) =>
    getPortalUser(ctxOf(db, request), request.params.id),
  );
  api.post('/portal-users/:id/resend', { schema: { tags, params: ZIdParams, response: { 200: ZPortalUser } } }, async (request) =>
    resendInvitation(ctxOf(db, request), request.params.id, { mail, publicUrl }),
  );
  api.post('/portal-users/:id/disable', { schema: { tags, params: ZIdParams, response: { 200: ZPortalUser } } }, async (request) =>
    disablePortalUser(ctxOf(db, request), request.params.id),
  );
  api.post('/portal-users/:id/enable', { schema: { tags, params: ZIdParams, response: { 200: ZPortalUser } } }, async (request) =>
    enablePortalUser(ctxOf(db, request), request.params.id),
  );
}
