import {
  ZBulkInput,
  ZBulkResult,
  ZCompany,
  ZCompanyGroup,
  ZCompanyGroupList,
  ZCompanyList,
  ZCompanyListQuery,
  ZCreateCompanyGroupInput,
  ZCreateCompanyInput,
  ZIdParams,
  ZRecordHistory,
  ZUpdateCompanyGroupInput,
  ZUpdateCompanyInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import {
  bulkCompanies,
  companyHistory,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  updateCompany,
} from './companies.service.ts';
import {
  createCompanyGroup,
  deleteCompanyGroup,
  getCompanyGroup,
  listCompanyGroups,
  updateCompanyGroup,
} from './company-groups.service.ts';

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
  api.post('/companies/bulk', { schema: { tags, body: ZBulkInput, response: { 200: ZBulkResult } } }, async (request) =>
    bulkCompanies(ctxOf(db, request), request.body),
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

/** Client groups: linked legal entities. */
export async function companyGroupRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['company-groups'];
  api.get('/company-groups', { schema: { tags, response: { 200: ZCompanyGroupList } } }, async (request) =>
    listCompanyGroups(ctxOf(db, request)),
  );
  api.post(
    '/company-groups',
    { schema: { tags, body: ZCreateCompanyGroupInput, response: { 201: ZCompanyGroup } } },
    async (request, reply) => reply.status(201).send(await createCompanyGroup(ctxOf(db, request), request.body)),
  );
  api.get('/company-groups/:id', { schema: { tags, params: ZIdParams, response: { 200: ZCompanyGroup } } }, async (request) =>
    getCompanyGroup(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/company-groups/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCompanyGroupInput, response: { 200: ZCompanyGroup } } },
    async (request) => updateCompanyGroup(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/company-groups/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteCompanyGroup(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
