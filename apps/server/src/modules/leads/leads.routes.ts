import {
  ZConvertLeadInput,
  ZCreateLeadInput,
  ZCreateWebFormInput,
  ZDisqualifyLeadInput,
  ZIdParams,
  ZLead,
  ZLeadList,
  ZLeadListQuery,
  ZLeadMatches,
  ZLeadStatusInput,
  ZUpdateLeadInput,
  ZUpdateWebFormInput,
  ZWebForm,
  ZWebFormList,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { convertLead } from './convert-lead.ts';
import { leadMatches } from './lead-matches.ts';
import { getLead } from './lead-rows.ts';
import { createLead, deleteLead, disqualifyLead, setLeadStatus, updateLead } from './lead-writes.ts';
import { listLeads } from './list-leads.ts';
import { createWebForm, deleteWebForm, getWebForm, listWebForms, updateWebForm } from './web-forms.service.ts';

/** Leads (`/leads`, with their conversion) and the web forms that capture them (`/web-forms`). */
export async function leadRoutes(app: FastifyInstance, { db, publicUrl }: ModuleOptions) {
  const api = typed(app);
  const tags = ['leads'];
  const whole = { params: ZIdParams, response: { 200: ZLead } };
  api.get('/leads', { schema: { tags, querystring: ZLeadListQuery, response: { 200: ZLeadList } } }, async (request) =>
    listLeads(ctxOf(db, request), request.query),
  );
  api.post('/leads', { schema: { tags, body: ZCreateLeadInput, response: { 201: ZLead } } }, async (request, reply) => {
    const ctx = ctxOf(db, request);
    const id = await createLead(ctx, request.body);
    return reply.status(201).send(await getLead(ctx, id));
  });
  api.get('/leads/:id', { schema: { tags, ...whole } }, async (request) => getLead(ctxOf(db, request), request.params.id));
  api.patch('/leads/:id', { schema: { tags, ...whole, body: ZUpdateLeadInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await updateLead(ctx, request.params.id, request.body);
    return getLead(ctx, request.params.id);
  });
  api.delete('/leads/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteLead(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.post('/leads/:id/status', { schema: { tags, ...whole, body: ZLeadStatusInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await setLeadStatus(ctx, request.params.id, request.body);
    return getLead(ctx, request.params.id);
  });
  api.post('/leads/:id/disqualify', { schema: { tags, ...whole, body: ZDisqualifyLeadInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await disqualifyLead(ctx, request.params.id, request.body);
    return getLead(ctx, request.params.id);
  });
  api.post('/leads/:id/convert', { schema: { tags, ...whole, body: ZConvertLeadInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await convertLead(ctx, request.params.id, request.body);
    return getLead(ctx, request.params.id);
  });
  api.get('/leads/:id/matches', { schema: { tags, params: ZIdParams, response: { 200: ZLeadMatches } } }, async (request) =>
    leadMatches(ctxOf(db, request), request.params.id),
  );

  const formTags = ['web forms'];
  const form = { params: ZIdParams, response: { 200: ZWebForm } };
  api.get('/web-forms', { schema: { tags: formTags, response: { 200: ZWebFormList } } }, async (request) =>
    listWebForms(ctxOf(db, request), publicUrl),
  );
  api.post('/web-forms', { schema: { tags: formTags, body: ZCreateWebFormInput, response: { 201: ZWebForm } } }, async (request, reply) => {
    const ctx = ctxOf(db, request);
    const id = await createWebForm(ctx, request.body);
    return reply.status(201).send(await getWebForm(ctx, publicUrl, id));
  });
  api.get('/web-forms/:id', { schema: { tags: formTags, ...form } }, async (request) =>
    getWebForm(ctxOf(db, request), publicUrl, request.params.id),
  );
  api.patch('/web-forms/:id', { schema: { tags: formTags, ...form, body: ZUpdateWebFormInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await updateWebForm(ctx, request.params.id, request.body);
    return getWebForm(ctx, publicUrl, request.params.id);
  });
  api.delete('/web-forms/:id', { schema: { tags: formTags, params: ZIdParams } }, async (request, reply) => {
    await deleteWebForm(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
