import {
  ZPortalHome,
  ZPortalListQuery,
  ZPortalManagerResponse,
  ZPortalOrderDetail,
  ZPortalOrderList,
  ZPortalQuoteDetail,
  ZPortalQuoteList,
  ZPortalSurveys,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attachment, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { quotePdf } from '../sales/index.ts';
import { letterheadOf } from '../workspaces/index.ts';
import { getPortalOrder, getPortalQuote, listPortalOrders, listPortalQuotes, portalQuoteForPdf } from './portal-documents-sales.ts';
import { portalHome, portalManager, portalSurveys } from './portal-home.ts';
import { portalActorOf } from './portal-session.ts';

// A path id that is not a uuid is simply not one of the customer's documents: 404, as for another company's.
const ZDocumentParams = z.strictObject({ id: z.string().max(100) });

/** The customer's orders, quotes, surveys to answer and dedicated manager (`/api/portal/orders`, `/quotes`, `/surveys`, `/manager`, `/home`). */
export async function portalDocumentRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['portal'];
  api.get('/home', { schema: { tags, response: { 200: ZPortalHome } } }, async (request) => portalHome(db, portalActorOf(request)));

  api.get('/orders', { schema: { tags, querystring: ZPortalListQuery, response: { 200: ZPortalOrderList } } }, async (request) =>
    listPortalOrders(db, portalActorOf(request), request.query),
  );
  api.get('/orders/:id', { schema: { tags, params: ZDocumentParams, response: { 200: ZPortalOrderDetail } } }, async (request) =>
    getPortalOrder(db, portalActorOf(request), request.params.id),
  );

  api.get('/quotes', { schema: { tags, querystring: ZPortalListQuery, response: { 200: ZPortalQuoteList } } }, async (request) =>
    listPortalQuotes(db, portalActorOf(request), request.query),
  );
  api.get('/quotes/:id', { schema: { tags, params: ZDocumentParams, response: { 200: ZPortalQuoteDetail } } }, async (request) =>
    getPortalQuote(db, portalActorOf(request), request.params.id),
  );
  api.get('/quotes/:id/pdf', { schema: { tags, params: ZDocumentParams } }, async (request, reply) => {
    const actor = portalActorOf(request);
    const quote = await portalQuoteForPdf(db, actor, request.params.id);
    const pdf = await quotePdf(quote, { letterhead: await letterheadOf(db, actor.workspaceId), author: quote.owner?.name ?? '' });
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(`${quote.number}-v${quote.version}.pdf`))
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  api.get('/surveys', { schema: { tags, response: { 200: ZPortalSurveys } } }, async (request) =>
    portalSurveys(db, portalActorOf(request)),
  );
  api.get('/manager', { schema: { tags, response: { 200: ZPortalManagerResponse } } }, async (request) =>
    portalManager(db, portalActorOf(request)),
  );
}
