import { ZAuditEvent, ZAuditEventList, ZAuditLogQuery, ZIdParams } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { findAuditEvents, getAuditEvent } from './find-audit-events.ts';
import { AUDIT_PRUNE_JOB, AUDIT_PRUNE_SCHEDULE, auditPruneJob } from './prune-audit-events.ts';

/** The audit log, read-only: admins search it; nothing in the application changes it. */
export async function auditRoutes(app: FastifyInstance, { db, jobs }: ModuleOptions) {
  const api = typed(app);
  // Events older than each workspace's retention go once a day.
  if (jobs) await jobs.schedule(AUDIT_PRUNE_JOB, AUDIT_PRUNE_SCHEDULE, auditPruneJob(db));
  const tags = ['audit-log'];
  api.get('/audit-log', { schema: { tags, querystring: ZAuditLogQuery, response: { 200: ZAuditEventList } } }, async (request) =>
    findAuditEvents(ctxOf(db, request), request.query, request.signedIn?.user.timeZone ?? 'UTC'),
  );
  api.get('/audit-log/:id', { schema: { tags, params: ZIdParams, response: { 200: ZAuditEvent } } }, async (request) =>
    getAuditEvent(ctxOf(db, request), request.params.id),
  );
}
