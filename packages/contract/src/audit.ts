import { z } from 'zod';
import { listOf, ZDay, ZId } from './common.ts';

/** What the audit log records; the web app translates each. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'access.denied',
  'export',
  'import',
  'delete',
  'merge',
  'role.change',
  'token.use',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export const ZAuditOutcome = z.enum(AUDIT_OUTCOMES);
export type TAuditOutcome = z.infer<typeof ZAuditOutcome>;

export const AUDIT_ACTOR_KINDS = ['user', 'token', 'portal', 'anonymous', 'system'] as const;

/** Days the audit log keeps its events, at least and at most. */
export const AUDIT_RETENTION_MIN_DAYS = 30;
export const AUDIT_RETENTION_MAX_DAYS = 3650;

/** One recorded event: who did what, when, from where. */
export const ZAuditEvent = z.object({
  id: ZId,
  at: z.string(),
  actorKind: z.enum(AUDIT_ACTOR_KINDS),
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  outcome: ZAuditOutcome,
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
  /** The request line, e.g. `DELETE /api/v1/companies/…`. */
  request: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/** One value or several (`?action=a&action=b` or `?action=a,b`). */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean),
    z.array(item).max(20).optional(),
  );

/** Filters of the audit log; days are the reader's, in their time zone. */
export const ZAuditLogQuery = z.strictObject({
  action: oneOrMany(ZAuditAction),
  actor: ZId.optional(),
  outcome: ZAuditOutcome.optional(),
  entity: z.string().max(100).optional(),
  recordId: z.string().max(200).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TAuditLogQuery = z.input<typeof ZAuditLogQuery>;

export const ZAuditEventList = listOf(ZAuditEvent);
export type TAuditEventList = z.infer<typeof ZAuditEventList>;
