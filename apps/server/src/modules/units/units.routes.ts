import { ZCreateUnitInput, ZIdParams, ZUnit, ZUnitList, ZUpdateUnitInput } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createUnit, deleteUnit, getUnit, listUnits, updateUnit } from './units.service.ts';

/** The organisation chart: branches and departments. */
export async function unitRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['units'];
  api.get('/units', { schema: { tags, response: { 200: ZUnitList } } }, async (request) => listUnits(ctxOf(db, request)));
  api.post('/units', { schema: { tags, body: ZCreateUnitInput, response: { 201: ZUnit } } }, async (request, reply) =>
    reply.status(201).send(await createUnit(ctxOf(db, request), request.body)),
  );
  api.get('/units/:id', { schema: { tags, params: ZIdParams, response: { 200: ZUnit } } }, async (request) =>
    getUnit(ctxOf(db, request), request.params.id),
  );
  api.patch('/units/:id', { schema: { tags, params: ZIdParams, body: ZUpdateUnitInput, response: { 200: ZUnit } } }, async (request) =>
    updateUnit(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/units/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteUnit(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
