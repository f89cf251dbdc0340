import {
  ZChangePasswordInput,
  ZCreateUserInput,
  ZIdParams,
  ZMe,
  ZUpdateProfileInput,
  ZUpdateUserInput,
  ZUser,
  ZUserList,
  ZUserListQuery,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { hashSecret } from '../../lib/tokens.ts';
import { presentMe } from './users.presenter.ts';
import { changePassword, createUser, getUser, listUsers, updateProfile, updateUser } from './users.service.ts';

/** The signed-in user's own profile, and the admin's management of people. */
export async function userRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);

  api.get('/me', { schema: { tags: ['me'], response: { 200: ZMe } } }, async (request) => {
    const signedIn = request.signedIn;
    if (!signedIn) throw new AppError('unauthenticated', 'Sign in to continue');
    return presentMe(signedIn.user, signedIn.workspace, signedIn.actor);
  });

  api.patch('/me', { schema: { tags: ['me'], body: ZUpdateProfileInput, response: { 200: ZMe } } }, async (request) => {
    const row = await updateProfile(ctxOf(db, request), request.body);
    const signedIn = request.signedIn;
    if (!signedIn) throw new AppError('unauthenticated', 'Sign in to continue');
    return presentMe(row, signedIn.workspace, signedIn.actor);
  });

  api.post('/me/password', { schema: { tags: ['me'], body: ZChangePasswordInput } }, async (request, reply) => {
    const keep = request.sessionSecret ? hashSecret(request.sessionSecret) : null;
    await changePassword(ctxOf(db, request), request.body, keep);
    return reply.status(204).send();
  });

  const tags = ['users'];
  api.get('/users', { schema: { tags, querystring: ZUserListQuery, response: { 200: ZUserList } } }, async (request) =>
    listUsers(ctxOf(db, request), request.query),
  );
  api.post('/users', { schema: { tags, body: ZCreateUserInput, response: { 201: ZUser } } }, async (request, reply) =>
    reply.status(201).send(await createUser(ctxOf(db, request), request.body)),
  );
  api.get('/users/:id', { schema: { tags, params: ZIdParams, response: { 200: ZUser } } }, async (request) =>
    getUser(ctxOf(db, request), request.params.id),
  );
  api.patch('/users/:id', { schema: { tags, params: ZIdParams, body: ZUpdateUserInput, response: { 200: ZUser } } }, async (request) =>
    updateUser(ctxOf(db, request), request.params.id, request.body),
  );
}
