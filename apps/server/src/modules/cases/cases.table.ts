import { CASE_CHANNELS, CASE_KINDS, CASE_MESSAGE_KINDS, CASE_PRIORITIES, CASE_STATUSES, CASE_VERDICTS } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { portalUsers } from '../portal/portal.table.ts';
import { products } from '../products/products.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A type of case an admin defines ("Product complaint", "Delivery question"), with its kind. */
export const caseTypes = pgTable(
  'case_type',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CASE_KINDS }).notNull().default('complaint'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('case_type_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

/** A category inside a case type ("Quality", "Packaging"); statistics count cases per category. */
export const caseCategories = pgTable(
  'case_category',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    typeId: uuid('type_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.typeId], foreignColumns: [caseTypes.workspaceId, caseTypes.id] }).onDelete('cascade'),
    uniqueIndex('case_category_name_key').on(t.workspaceId, t.typeId, sql`lower(${t.name})`),
  ],
);

/**
 * Working hours of a unit (or, without a unit, of the whole workspace): the clock SLA times run on.
 * `hours` holds each weekday's intervals in minutes from midnight (0 = Sunday … 6 = Saturday), in
 * the calendar's time zone; `holidays` the days off.
 */
export const workingCalendars = pgTable(
  'working_calendar',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** The unit whose calendar it is; null: the workspace's default calendar. */
    unitId: uuid('unit_id'),
    timeZone: text('time_zone').notNull(),
    hours: jsonb('hours').$type<{ day: number; from: number; to: number }[]>().notNull(),
    holidays: date('holidays').array().notNull().default(sql`'{}'::date[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }).onDelete('cascade'),
    // One calendar per unit, and one default per workspace.
    uniqueIndex('working_calendar_unit_key').on(t.workspaceId, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

/**
 * How fast cases of a type and priority must be answered and resolved, in working minutes of the
 * responsible unit's calendar. Null type or priority: any. The most specific policy applies.
 */
export const slaPolicies = pgTable(
  'sla_policy',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    typeId: uuid('type_id'),
    priority: text('priority', { enum: CASE_PRIORITIES }),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    /** How long before a due time the responsible person is reminded. */
    warnBeforeMinutes: integer('warn_before_minutes').notNull().default(60),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.typeId], foreignColumns: [caseTypes.workspaceId, caseTypes.id] }).onDelete('cascade'),
    uniqueIndex('sla_policy_scope_key').on(
      t.workspaceId,
      sql`coalesce(${t.typeId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.priority}, '')`,
    ),
  ],
);

/** Where a new case goes: the first active rule (by position) whose conditions all hold. */
export const caseRoutingRules = pgTable(
  'case_routing_rule',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    // Conditions; null: any.
    typeId: uuid('type_id'),
    categoryId: uuid('category_id'),
    productId: uuid('product_id'),
    customerClass: text('customer_class', { enum: ['A', 'B', 'C'] }),
    channel: text('channel', { enum: CASE_CHANNELS }),
    // Targets: a unit, a person, or both (the person within the unit); a published process may handle it.
    unitId: uuid('unit_id'),
    userId: uuid('user_id'),
    processDefinitionId: uuid('process_definition_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.typeId], foreignColumns: [caseTypes.workspaceId, caseTypes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
    index('case_routing_rule_position_idx').on(t.workspaceId, t.position),
  ],
);

/** A complaint, request or question from a customer, owned by a person and a unit until it is closed. */
export const supportCases = pgTable(
  'support_case',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** "C-2026-00042": numbered per workspace and year. */
    number: text('number').notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    typeId: uuid('type_id').notNull(),
    categoryId: uuid('category_id'),
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    priority: text('priority', { enum: CASE_PRIORITIES }).notNull().default('normal'),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('new'),
    companyId: uuid('company_id'),
    contactId: uuid('contact_id'),
    productId: uuid('product_id'),
    orderId: uuid('order_id'),
    /** The responsible person; null only while the case waits in its unit's queue. */
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    /** The hand-over to another unit waiting to be accepted (an assignment); the case stays with its owner until then. */
    handoverTaskId: uuid('handover_task_id'),
    routingRuleId: uuid('routing_rule_id'),
    processInstanceId: uuid('process_instance_id'),
    verdict: text('verdict', { enum: CASE_VERDICTS }),
    verdictReason: text('verdict_reason'),
    resolution: text('resolution'),
    compensationAmount: numeric('compensation_amount', { precision: 14, scale: 2 }),
    compensationCurrency: text('compensation_currency'),
    compensationNote: text('compensation_note'),
    satisfaction: smallint('satisfaction'),
    satisfactionComment: text('satisfaction_comment'),
    satisfactionAt: timestamp('satisfaction_at', { withTimezone: true }),
    // SLA: the policy applied, the due times (null while paused), and what has happened.
    slaPolicyId: uuid('sla_policy_id'),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    /** Since when the SLA clock is stopped (waiting for the customer), with the working minutes that were left. */
    slaPausedAt: timestamp('sla_paused_at', { withTimezone: true }),
    firstResponseLeftMinutes: integer('first_response_left_minutes'),
    resolutionLeftMinutes: integer('resolution_left_minutes'),
    firstResponseWarnedAt: timestamp('first_response_warned_at', { withTimezone: true }),
    firstResponseBreachedAt: timestamp('first_response_breached_at', { withTimezone: true }),
    resolutionWarnedAt: timestamp('resolution_warned_at', { withTimezone: true }),
    resolutionBreachedAt: timestamp('resolution_breached_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    reopenedCount: integer('reopened_count').notNull().default(0),
    /** Who registered the case: a member of staff, or the customer through the portal (exactly one). */
    createdById: uuid('created_by_id'),
    createdByPortalUserId: uuid('created_by_portal_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('support_case_number_key').on(t.workspaceId, t.number),
    foreignKey({ columns: [t.workspaceId, t.typeId], foreignColumns: [caseTypes.workspaceId, caseTypes.id] }),
    foreignKey({ columns: [t.workspaceId, t.categoryId], foreignColumns: [caseCategories.workspaceId, caseCategories.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdById], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdByPortalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }),
    check('support_case_one_creator', sql`num_nonnulls(created_by_id, created_by_portal_user_id) = 1`),
    // The list, newest first, and its common filters.
    index('support_case_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()).where(sql`deleted_at IS NULL`),
    index('support_case_status_idx').on(t.workspaceId, t.status, t.createdAt.desc(), t.id.desc()).where(sql`deleted_at IS NULL`),
    index('support_case_owner_idx').on(t.workspaceId, t.ownerId, t.createdAt.desc()).where(sql`deleted_at IS NULL`),
    index('support_case_unit_idx').on(t.workspaceId, t.unitId, t.createdAt.desc()).where(sql`deleted_at IS NULL`),
    index('support_case_company_idx').on(t.workspaceId, t.companyId, t.createdAt.desc()).where(sql`company_id IS NOT NULL`),
    index('support_case_contact_idx').on(t.workspaceId, t.contactId, t.createdAt.desc()).where(sql`contact_id IS NOT NULL`),
    // The SLA sweep: open cases with a due time still to warn or escalate about.
    index('support_case_sla_idx')
      .on(t.workspaceId, t.resolutionDueAt)
      .where(sql`deleted_at IS NULL AND status NOT IN ('resolved', 'closed') AND sla_paused_at IS NULL`),
    // The list sorted by priority (urgent first) or by resolution due time (never due last); both
    // directions read these backwards or forwards (the list orders desc nulls last / asc nulls first).
    index('support_case_priority_idx')
      .on(
        t.workspaceId,
        sql`(CASE ${t.priority} WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END) DESC NULLS LAST`,
        sql`${t.id} DESC NULLS LAST`,
      )
      .where(sql`deleted_at IS NULL`),
    index('support_case_resolution_due_idx')
      .on(t.workspaceId, sql`coalesce(${t.resolutionDueAt}, 'infinity'::timestamptz) DESC NULLS LAST`, sql`${t.id} DESC NULLS LAST`)
      .where(sql`deleted_at IS NULL`),
    // The list of one type, newest first; and the case a hand-over assignment belongs to.
    index('support_case_type_idx').on(t.workspaceId, t.typeId, t.createdAt.desc(), t.id.desc()).where(sql`deleted_at IS NULL`),
    index('support_case_handover_idx').on(t.workspaceId, t.handoverTaskId).where(sql`handover_task_id IS NOT NULL`),
    // Open cases, newest first: of the workspace, and of a unit (the list's `filter[open]`).
    index('support_case_open_idx')
      .on(t.workspaceId, t.createdAt.desc(), t.id.desc())
      .where(sql`deleted_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_unit', 'reopened')`),
    index('support_case_unit_open_idx')
      .on(t.workspaceId, t.unitId, t.createdAt.desc(), t.id.desc())
      .where(sql`deleted_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_unit', 'reopened')`),
    // The KPI board's complaints resolved in a period.
    index('support_case_complaint_resolved_idx')
      .on(t.workspaceId, t.resolvedAt)
      .where(sql`deleted_at IS NULL AND kind = 'complaint' AND resolved_at IS NOT NULL`),
    // The SLA sweep's first responses still owed, over all workspaces.
    index('support_case_first_response_due_idx')
      .on(t.firstResponseDueAt)
      .where(sql`deleted_at IS NULL AND first_responded_at IS NULL AND sla_paused_at IS NULL AND status NOT IN ('resolved', 'closed')`),
    // The portal's list of a customer's cases, newest first: a company's or a contact's live ones in
    // list order, so a page reads a page of rows however many cases the customer has.
    index('support_case_company_live_idx')
      .on(t.workspaceId, t.companyId, t.createdAt.desc(), t.id.desc())
      .where(sql`company_id IS NOT NULL AND deleted_at IS NULL`),
    index('support_case_contact_live_idx')
      .on(t.workspaceId, t.contactId, t.createdAt.desc(), t.id.desc())
      .where(sql`contact_id IS NOT NULL AND deleted_at IS NULL`),
    // The portal's count of a customer's open cases: a company's or a contact's open ones alone.
    index('support_case_company_open_idx')
      .on(t.workspaceId, t.companyId, t.status)
      .where(
        sql`company_id IS NOT NULL AND deleted_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_unit', 'reopened')`,
      ),
    index('support_case_contact_open_idx')
      .on(t.workspaceId, t.contactId, t.status)
      .where(
        sql`contact_id IS NOT NULL AND deleted_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_unit', 'reopened')`,
      ),
    // Case statistics: the cases whose events fall in the hours a daily sum cannot answer (the
    // edges of a period in the reader's zone, and today); `created_at` has its index above.
    index('support_case_resolved_idx').on(t.workspaceId, t.resolvedAt).where(sql`deleted_at IS NULL AND resolved_at IS NOT NULL`),
    index('support_case_responded_idx')
      .on(t.workspaceId, t.firstRespondedAt)
      .where(sql`deleted_at IS NULL AND first_responded_at IS NOT NULL`),
    index('support_case_rated_idx').on(t.workspaceId, t.satisfactionAt).where(sql`deleted_at IS NULL AND satisfaction_at IS NOT NULL`),
    index('support_case_resolution_owed_idx')
      .on(t.workspaceId, t.resolutionDueAt)
      .where(sql`deleted_at IS NULL AND resolved_at IS NULL AND sla_policy_id IS NOT NULL AND resolution_due_at IS NOT NULL`),
    index('support_case_response_owed_idx')
      .on(t.workspaceId, t.firstResponseDueAt)
      .where(sql`deleted_at IS NULL AND first_responded_at IS NULL AND sla_policy_id IS NOT NULL AND first_response_due_at IS NOT NULL`),
    // Statistics' customers with repeated unfounded complaints, by registration.
    index('support_case_unfounded_idx')
      .on(t.workspaceId, t.createdAt)
      .where(sql`deleted_at IS NULL AND kind = 'complaint' AND verdict = 'unfounded'`),
    index('support_case_subject_trgm_idx').using('gin', sql`lower(${t.number} || ' ' || ${t.subject}) gin_trgm_ops`),
  ],
);

/**
 * Case statistics summed per UTC day and per UTC month, for each dimension the statistics group
 * by (`dimension`: type, category, product, owner, unit, channel, verdict, priority; `value` its
 * id or word, null for none), per unit (`whole` false) and for the whole workspace (`whole` true,
 * no unit), and per kind. Kept by a PostgreSQL trigger in the same transaction as every case
 * write (migration `case_daily`), so a year's statistics read a few thousand rows instead of every
 * case of two years; the hours at a period's edges in the reader's zone come from the cases.
 */
export const caseDaily = pgTable(
  'case_daily',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    whole: boolean('whole').notNull(),
    grain: text('grain', { enum: ['day', 'month'] }).notNull(),
    /** The UTC day, or the first day of the UTC month. */
    day: date('day', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id'),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    value: text('value'),
    /** Cases registered that day, and those of them still open. */
    received: integer('received').notNull().default(0),
    open: integer('open').notNull().default(0),
    /** Cases resolved that day, their handling time from registration, and the unfounded ones. */
    resolved: integer('resolved').notNull().default(0),
    handlingSeconds: numeric('handling_seconds').notNull().default('0'),
    unfounded: integer('unfounded').notNull().default(0),
    /** Resolution targets met or missed that day (resolved under a policy), met, and still owed falling due that day. */
    slaDone: integer('sla_done').notNull().default(0),
    slaMet: integer('sla_met').notNull().default(0),
    slaOwed: integer('sla_owed').notNull().default(0),
    /** The same for the first reply. */
    firstResponseDone: integer('first_response_done').notNull().default(0),
    firstResponseMet: integer('first_response_met').notNull().default(0),
    firstResponseOwed: integer('first_response_owed').notNull().default(0),
    /** Ratings given that day. */
    satisfactionSum: integer('satisfaction_sum').notNull().default(0),
    satisfactionN: integer('satisfaction_n').notNull().default(0),
    /** A row number: the primary key with the workspace (the natural key below may hold nulls). */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('case_daily_key').on(t.workspaceId, t.dimension, t.whole, t.grain, t.day, t.unitId, t.kind, t.value).nullsNotDistinct(),
  ],
);

/** A message on a case: a reply to the customer, an internal note, or the customer's own words. */
export const caseMessages = pgTable(
  'case_message',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind', { enum: CASE_MESSAGE_KINDS }).notNull(),
    /** How a reply reached the customer: e-mailed by Clientela, or said by phone or in person. */
    channel: text('channel', { enum: CASE_CHANNELS }),
    body: text('body').notNull(),
    authorId: uuid('author_id'),
    /** The customer's own words written in the portal: their portal account. */
    portalUserId: uuid('portal_user_id'),
    /** The knowledge-base articles inserted into it. */
    articleIds: uuid('article_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The e-mail copy to the customer: pending until sent, then sent or failed; null when none. */
    emailState: text('email_state', { enum: ['pending', 'sending', 'sent', 'failed'] }),
    emailTo: text('email_to'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.caseId], foreignColumns: [supportCases.workspaceId, supportCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.authorId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.portalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }),
    index('case_message_case_idx').on(t.workspaceId, t.caseId, t.createdAt),
    index('case_message_email_queue_idx').on(t.createdAt).where(sql`email_state IN ('pending', 'sending')`),
  ],
);
