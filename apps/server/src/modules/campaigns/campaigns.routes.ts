import {
  ZBudget,
  ZBudgetInput,
  ZBudgetQuery,
  ZCampaignCostParams,
  ZCampaignDetail,
  ZCampaignList,
  ZCampaignListQuery,
  ZCreateCampaignCostInput,
  ZCreateCampaignInput,
  ZCreateLeadSourceInput,
  ZIdParams,
  ZLeadSource,
  ZLeadSourceList,
  ZLeadSourceOrderInput,
  ZRoi,
  ZRoiCut,
  ZRoiCutQuery,
  ZRoiQuery,
  ZUpdateCampaignCostInput,
  ZUpdateCampaignInput,
  ZUpdateLeadSourceInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { getBudget, putBudget } from './budget.ts';
import {
  addCost,
  createCampaign,
  deleteCampaign,
  deleteCost,
  getCampaign,
  listCampaigns,
  updateCampaign,
  updateCost,
} from './campaigns.service.ts';
import { createLeadSource, deleteLeadSource, listLeadSources, orderLeadSources, updateLeadSource } from './lead-sources.service.ts';
import { roiCut, roiReport } from './roi.ts';

/** Campaigns with their costs (`/campaigns`), lead sources (`/lead-sources`), the budget plan and ROI (`/marketing/...`). */
export async function campaignRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['marketing'];

  api.get('/lead-sources', { schema: { tags, response: { 200: ZLeadSourceList } } }, async (request) => ({
    data: await listLeadSources(ctxOf(db, request)),
  }));
  api.post('/lead-sources', { schema: { tags, body: ZCreateLeadSourceInput, response: { 201: ZLeadSource } } }, async (request, reply) =>
    reply.status(201).send(await createLeadSource(ctxOf(db, request), request.body)),
  );
  api.put(
    '/lead-sources/order',
    { schema: { tags, body: ZLeadSourceOrderInput, response: { 200: ZLeadSourceList } } },
    async (request) => ({
      data: await orderLeadSources(ctxOf(db, request), request.body),
    }),
  );
  api.patch(
    '/lead-sources/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateLeadSourceInput, response: { 200: ZLeadSource } } },
    async (request) => updateLeadSource(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/lead-sources/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteLeadSource(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });

  api.get('/campaigns', { schema: { tags, querystring: ZCampaignListQuery, response: { 200: ZCampaignList } } }, async (request) =>
    listCampaigns(ctxOf(db, request), request.query),
  );
  api.post('/campaigns', { schema: { tags, body: ZCreateCampaignInput, response: { 201: ZCampaignDetail } } }, async (request, reply) =>
    reply.status(201).send(await createCampaign(ctxOf(db, request), request.body)),
  );
  api.get('/campaigns/:id', { schema: { tags, params: ZIdParams, response: { 200: ZCampaignDetail } } }, async (request) =>
    getCampaign(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/campaigns/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCampaignInput, response: { 200: ZCampaignDetail } } },
    async (request) => updateCampaign(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/campaigns/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteCampaign(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.post(
    '/campaigns/:id/costs',
    { schema: { tags, params: ZIdParams, body: ZCreateCampaignCostInput, response: { 201: ZCampaignDetail } } },
    async (request, reply) => reply.status(201).send(await addCost(ctxOf(db, request), request.params.id, request.body)),
  );
  api.patch(
    '/campaigns/:id/costs/:costId',
    { schema: { tags, params: ZCampaignCostParams, body: ZUpdateCampaignCostInput, response: { 200: ZCampaignDetail } } },
    async (request) => updateCost(ctxOf(db, request), request.params.id, request.params.costId, request.body),
  );
  api.delete(
    '/campaigns/:id/costs/:costId',
    { schema: { tags, params: ZCampaignCostParams, response: { 200: ZCampaignDetail } } },
    async (request) => deleteCost(ctxOf(db, request), request.params.id, request.params.costId),
  );

  api.get('/marketing/budget', { schema: { tags, querystring: ZBudgetQuery, response: { 200: ZBudget } } }, async (request) =>
    getBudget(ctxOf(db, request), request.query.year),
  );
  api.put('/marketing/budget', { schema: { tags, body: ZBudgetInput } }, async (request, reply) => {
    await putBudget(ctxOf(db, request), request.body);
    return reply.status(204).send();
  });
  api.get('/marketing/roi', { schema: { tags, querystring: ZRoiQuery, response: { 200: ZRoi } } }, async (request) =>
    roiReport(ctxOf(db, request), request.query),
  );
  api.get('/marketing/roi/cut', { schema: { tags, querystring: ZRoiCutQuery, response: { 200: ZRoiCut } } }, async (request) =>
    roiCut(ctxOf(db, request), request.query),
  );
}
