import {
  ZCaseRoutingRule,
  ZCaseRoutingRuleInput,
  ZCaseRoutingRuleList,
  ZCaseType,
  ZCaseTypeInput,
  ZCaseTypeList,
  ZIdParams,
  ZUpdateCaseRoutingRuleInput,
  ZUpdateCaseTypeInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createCaseType, deleteCaseType, listCaseTypes, updateCaseType } from './case-types.service.ts';
import { createRoutingRule, deleteRoutingRule, listRoutingRules, updateRoutingRule } from './routing-rules.service.ts';

/** Case types with categories and routing rules: `/case-types`, `/case-routing-rules`. */
export async function caseSettingsRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['cases'];
  api.get('/case-types', { schema: { tags, response: { 200: ZCaseTypeList } } }, async (request) => ({
    data: await listCaseTypes(ctxOf(db, request)),
  }));
  api.post('/case-types', { schema: { tags, body: ZCaseTypeInput, response: { 201: ZCaseType } } }, async (request, reply) =>
    reply.status(201).send(await createCaseType(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/case-types/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCaseTypeInput, response: { 200: ZCaseType } } },
    async (request) => updateCaseType(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/case-types/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteCaseType(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });

  api.get('/case-routing-rules', { schema: { tags, response: { 200: ZCaseRoutingRuleList } } }, async (request) => ({
    data: await listRoutingRules(ctxOf(db, request)),
  }));
  api.post(
    '/case-routing-rules',
    { schema: { tags, body: ZCaseRoutingRuleInput, response: { 201: ZCaseRoutingRule } } },
    async (request, reply) => reply.status(201).send(await createRoutingRule(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/case-routing-rules/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCaseRoutingRuleInput, response: { 200: ZCaseRoutingRule } } },
    async (request) => updateRoutingRule(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/case-routing-rules/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteRoutingRule(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
