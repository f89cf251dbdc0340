import {
  ZCompany,
  ZCompanyList,
  ZCompanyListQuery,
  ZCreateCompanyInput,
  ZIdParams,
  ZRecordHistory,
  ZUpdateCompanyInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { companyHistory, createCompany, deleteCompany, getCompany, listCompanies, updateCompany } from './companies.service.ts';

/** Companies of the shared customer base. */
export async function companyRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['companies'];
  api.get('/companies', { schema: { tags, querystring: ZCompanyListQuery, response: { 200: ZCompanyList } } }, async (request) =>
    listCompanies(ctxOf(db, request), request.query),
  );
  api.post('/companies', { schema: { tags, body: ZCreateCompanyInput, response: { 201: ZCompany } } }, async (request, reply) =>
    reply.status(201).send(await createCompany(ctxOf(db, request), request.body)),
  );
  api.get('/companies/:id', { schema: { tags, params: ZIdParams, response: { 200: ZCompany } } }, async (request) =>
    getCompany(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/companies/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCompanyInput, response: { 200: ZCompany } } },
    async (request) => updateCompany(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/companies/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteCompany(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get('/companies/:id/history', { schema: { tags, params: ZIdParams, response: { 200: ZRecordHistory } } }, async (request) =>
    companyHistory(ctxOf(db, request), request.params.id),
  );
}
