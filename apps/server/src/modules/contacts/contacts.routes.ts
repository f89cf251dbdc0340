import {
  ZBulkInput,
  ZBulkResult,
  ZContact,
  ZContactList,
  ZContactListQuery,
  ZCreateContactInput,
  ZIdParams,
  ZRecordHistory,
  ZUpdateContactInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { bulkContacts, contactHistory, createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.service.ts';

/** People of the shared customer base. */
export async function contactRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['contacts'];
  api.get('/contacts', { schema: { tags, querystring: ZContactListQuery, response: { 200: ZContactList } } }, async (request) =>
    listContacts(ctxOf(db, request), request.query),
  );
  api.post('/contacts', { schema: { tags, body: ZCreateContactInput, response: { 201: ZContact } } }, async (request, reply) =>
    reply.status(201).send(await createContact(ctxOf(db, request), request.body)),
  );
  api.post('/contacts/bulk', { schema: { tags, body: ZBulkInput, response: { 200: ZBulkResult } } }, async (request) =>
    bulkContacts(ctxOf(db, request), request.body),
  );
  api.get('/contacts/:id', { schema: { tags, params: ZIdParams, response: { 200: ZContact } } }, async (request) =>
    getContact(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/contacts/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateContactInput, response: { 200: ZContact } } },
    async (request) => updateContact(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/contacts/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteContact(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get('/contacts/:id/history', { schema: { tags, params: ZIdParams, response: { 200: ZRecordHistory } } }, async (request) =>
    contactHistory(ctxOf(db, request), request.params.id),
  );
}
