import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * The audit log: who did what and when (sign-ins, denials, exports, imports, deletions, merges,
 * role changes, API token use). Written by the application, never changed by it: a trigger
 * refuses UPDATE, and DELETE unless the retention sweep sets `clientela.audit_prune`.
 */
export const auditEvents = pgTable(
  'audit_event',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** `user` (session), `token` (API token), `portal` (a customer), `anonymous`, `system`. */
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    /** The actor's name (or the e-mail tried at a failed sign-in) as it was then. */
    actorName: text('actor_name'),
    /** e.g. `auth.login`, `auth.login_failed`, `access.denied`, `export`, `import`, `delete`, `merge`, `role.change`, `token.use`. */
    action: text('action').notNull(),
    /** `success`, `failure` or `denied`. */
    outcome: text('outcome').notNull().default('success'),
    entity: text('entity'),
    recordId: text('record_id'),
    /** The request, e.g. `DELETE /api/v1/companies/…`. */
    request: text('request'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('audit_event_at_idx').on(t.workspaceId, t.at.desc()),
    index('audit_event_action_idx').on(t.workspaceId, t.action, t.at.desc()),
    index('audit_event_actor_idx').on(t.workspaceId, t.actorId, t.at.desc()),
  ],
);
