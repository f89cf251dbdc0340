import { ZAbsence, ZAbsenceList, ZAbsenceListQuery, ZCreateAbsence, ZIdParams } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createAbsence, deleteAbsence, listAbsences } from './absences.service.ts';

/** People's absences and their deputies: listing, marking and cancelling them. */
export async function absenceRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['absences'];
  api.get('/absences', { schema: { tags, querystring: ZAbsenceListQuery, response: { 200: ZAbsenceList } } }, async (request) =>
    listAbsences(ctxOf(db, request), request.query),
  );
  api.post('/absences', { schema: { tags, body: ZCreateAbsence, response: { 201: ZAbsence } } }, async (request, reply) =>
    reply.status(201).send(await createAbsence(ctxOf(db, request), request.body)),
  );
  api.delete('/absences/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteAbsence(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
