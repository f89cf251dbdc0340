/** The audit log: its writer, the capture of every route's notable requests, and the retention sweep. */
export { registerAuditCapture } from './capture.ts';
export { AUDIT_PRUNE_JOB, pruneAuditEvents } from './prune-audit-events.ts';
export { type AuditEventInput, recordAudit } from './record-audit.ts';
