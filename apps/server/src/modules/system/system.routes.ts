import { ZSystemStatus } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { systemStatus } from './system-status.ts';

/** The system status for administrators: the answering process, the primary database, read replicas and jobs. */
export async function systemRoutes(app: FastifyInstance, { db, replicas }: ModuleOptions) {
  const api = typed(app);
  const tags = ['system'];
  api.get('/system/status', { schema: { tags, response: { 200: ZSystemStatus } } }, async (request, reply) => {
    // Figures of this moment: no cache between the page and the server may keep them.
    reply.header('cache-control', 'no-store');
    return systemStatus(ctxOf(db, request), replicas);
  });
}
