import { ZConsentRecord, ZEraseInput, ZErasure, ZIdParams, ZPersonDataStatus, ZPersonExport } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { attachment, ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { erasePerson } from './erase-person.ts';
import { exportPerson } from './person-export.ts';
import { consentRecord, personDataStatus } from './person-status.ts';

/** A person's data (GDPR): the export file, the record of consents, the erasure and its state (`/gdpr/contacts/:id/…`). */
export async function gdprRoutes(app: FastifyInstance, options: ModuleOptions) {
  const { db } = options;
  const api = typed(app);
  const tags = ['gdpr'];
  api.get('/gdpr/contacts/:id', { schema: { tags, params: ZIdParams, response: { 200: ZPersonDataStatus } } }, async (request) =>
    personDataStatus(ctxOf(db, request), request.params.id),
  );
  api.get(
    '/gdpr/contacts/:id/export',
    { schema: { tags, params: ZIdParams, response: { 200: ZPersonExport } } },
    async (request, reply) => {
      const data = await exportPerson(ctxOf(db, request), request.params.id);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', attachment(`person-${request.params.id}.json`));
      return data;
    },
  );
  api.get('/gdpr/contacts/:id/consents', { schema: { tags, params: ZIdParams, response: { 200: ZConsentRecord } } }, async (request) =>
    consentRecord(ctxOf(db, request), request.params.id),
  );
  api.post(
    '/gdpr/contacts/:id/erase',
    { schema: { tags, params: ZIdParams, body: ZEraseInput, response: { 200: ZErasure } } },
    async (request) => erasePerson(ctxOf(db, request), request.params.id, request.body),
  );
}
