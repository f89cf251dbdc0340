import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from '../../db/client.ts';
import { auditEvents } from './audit.table.ts';

/** One event to keep: who (kind, id, name as it was then), what, how it ended, on which record, from where. */
export type AuditEventInput = {
  workspaceId: string;
  actorKind: 'user' | 'token' | 'portal' | 'anonymous' | 'system';
  actorId?: string | null;
  actorName?: string | null;
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  entity?: string | null;
  recordId?: string | null;
  request?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Never passwords, tokens or cookies. */
  details?: Record<string, unknown>;
};

const clip = (value: string | null | undefined, max: number) => (value == null ? null : value.slice(0, max));

/**
 * Writes audit events in one INSERT. It never fails the request it records: a failure is logged
 * and the request goes on; the caller awaits it so the event is kept before the answer leaves.
 */
export async function recordAudit(db: Executor, events: AuditEventInput | AuditEventInput[], log?: FastifyBaseLogger): Promise<void> {
  const rows = (Array.isArray(events) ? events : [events]).map((event) => ({
    workspaceId: event.workspaceId,
    actorKind: event.actorKind,
    actorId: event.actorId ?? null,
    actorName: clip(event.actorName, 300),
    action: event.action,
    outcome: event.outcome ?? 'success',
    entity: clip(event.entity, 100),
    recordId: clip(event.recordId, 200),
    request: clip(event.request, 1000),
    ip: clip(event.ip, 100),
    userAgent: clip(event.userAgent, 500),
    details: event.details ?? {},
  }));
  if (rows.length === 0) return;
  try {
    await db.insert(auditEvents).values(rows);
  } catch (error) {
    (log ?? console).error({ err: error, actions: rows.map((row) => row.action) }, 'audit event not recorded');
  }
}
