import {
  ZContract,
  ZContractAgreements,
  ZContractList,
  ZContractListQuery,
  ZCreateContractInput,
  ZIdParams,
  ZUpdateContractInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { contractAgreements, createContract, deleteContract, getContract, listContracts, updateContract } from './contracts.service.ts';

/** Contracts with customers: dates, value, renewal, and the agreements about them. */
export async function contractRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['contracts'];
  api.get('/contracts', { schema: { tags, querystring: ZContractListQuery, response: { 200: ZContractList } } }, async (request) =>
    listContracts(ctxOf(db, request), request.query),
  );
  api.post('/contracts', { schema: { tags, body: ZCreateContractInput, response: { 201: ZContract } } }, async (request, reply) =>
    reply.status(201).send(await createContract(ctxOf(db, request), request.body)),
  );
  api.get('/contracts/:id', { schema: { tags, params: ZIdParams, response: { 200: ZContract } } }, async (request) =>
    getContract(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/contracts/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateContractInput, response: { 200: ZContract } } },
    async (request) => updateContract(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/contracts/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteContract(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get('/contracts/:id/agreements', { schema: { tags, params: ZIdParams, response: { 200: ZContractAgreements } } }, async (request) =>
    contractAgreements(ctxOf(db, request), request.params.id),
  );
}
