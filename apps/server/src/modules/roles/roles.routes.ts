import { ZCreateRoleInput, ZDefinedRole, ZDefinedRoleList, ZIdParams, ZRoleCatalogue, ZUpdateRoleInput } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createRole, deleteRole, getRole, listRoles, roleCatalogue, updateRole } from './roles.service.ts';

/** Roles an admin defines: per resource and action a scope, per field hidden or read-only. */
export async function roleRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['roles'];
  api.get('/roles', { schema: { tags, response: { 200: ZDefinedRoleList } } }, async (request) => listRoles(ctxOf(db, request)));
  api.get('/roles/catalogue', { schema: { tags, response: { 200: ZRoleCatalogue } } }, async (request) =>
    roleCatalogue(ctxOf(db, request)),
  );
  api.post('/roles', { schema: { tags, body: ZCreateRoleInput, response: { 201: ZDefinedRole } } }, async (request, reply) =>
    reply.status(201).send(await createRole(ctxOf(db, request), request.body)),
  );
  api.get('/roles/:id', { schema: { tags, params: ZIdParams, response: { 200: ZDefinedRole } } }, async (request) =>
    getRole(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/roles/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateRoleInput, response: { 200: ZDefinedRole } } },
    async (request) => updateRole(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/roles/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteRole(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
