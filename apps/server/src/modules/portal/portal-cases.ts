import type {
  TPortalCase,
  TPortalCaseFile,
  TPortalCaseList,
  TPortalCaseListQuery,
  TPortalCaseMessage,
  TPortalCaseOptions,
  TPortalCaseSummary,
} from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { PortalActor } from './portal-session.ts';

/**
 * SQL true for the cases a customer may see: their own contact's, and their companies' (those
 * with portal access). The one rule for every portal read and write of a case.
 */
export function visibleCaseSql(actor: PortalActor, alias = 'c'): SQL {
  const c = sql.raw(alias);
  return sql`${c}.workspace_id = ${actor.workspaceId} AND ${c}.deleted_at IS NULL
    AND (${c}.contact_id = ${actor.contactId} OR ${c}.company_id = ANY(${sql.param(actor.companyIds)}::uuid[]))`;
}

const CLOSED = sql.raw(`('resolved', 'closed')`);

/**
 * The customer's newest cases matching `filter` (conditions on `c`), at most `limit`, as `(id, created_at)`:
 * the contact's own and each company's are read from their own index in creation order and merged, so a
 * company with thousands of cases costs a page of rows, not a sort of all of them (the order is
 * spelt as the indexes `support_case_company_live_idx` and `…_contact_live_idx` keep it).
 */
export function newestVisibleCases(actor: PortalActor, filter: SQL, limit: number): SQL {
  const live = sql`c.workspace_id = ${actor.workspaceId} AND c.deleted_at IS NULL`;
  return sql`SELECT v.id, v.created_at FROM (
      (SELECT c.id, c.created_at FROM support_case c
        WHERE ${live} AND c.contact_id = ${actor.contactId} ${filter}
        ORDER BY c.created_at DESC NULLS LAST, c.id DESC NULLS LAST LIMIT ${limit})
      UNION
      (SELECT p.id, p.created_at FROM unnest(${sql.param(actor.companyIds)}::uuid[]) AS co(id)
        CROSS JOIN LATERAL (SELECT c.id, c.created_at FROM support_case c
          WHERE ${live} AND c.company_id = co.id ${filter}
          ORDER BY c.created_at DESC NULLS LAST, c.id DESC NULLS LAST LIMIT ${limit}) p)
    ) v ORDER BY v.created_at DESC, v.id DESC LIMIT ${limit}`;
}

type SummaryRow = {
  id: string;
  number: string;
  subject: string;
  status: TPortalCaseSummary['status'];
  priority: TPortalCaseSummary['priority'];
  type_id: string;
  type_name: string;
  company_id: string | null;
  company_name: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  last_message_at: string | Date | null;
};

const iso = (value: string | Date) => new Date(value).toISOString();

// The columns of a case summary; the last message a customer may read (never an internal note).
const SUMMARY_COLUMNS = sql`c.id, c.number, c.subject, c.status, c.priority, c.type_id, t.name AS type_name,
  c.company_id, co.name AS company_name, c.created_at, c.updated_at,
  (SELECT max(m.created_at) FROM case_message m WHERE m.workspace_id = c.workspace_id AND m.case_id = c.id AND m.kind <> 'note') AS last_message_at`;
const SUMMARY_JOINS = sql`JOIN case_type t ON t.workspace_id = c.workspace_id AND t.id = c.type_id
  LEFT JOIN company co ON co.workspace_id = c.workspace_id AND co.id = c.company_id`;

function presentSummary(row: SummaryRow): TPortalCaseSummary {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    type: { id: row.type_id, name: row.type_name },
    company: row.company_id ? { id: row.company_id, name: row.company_name ?? '' } : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lastMessageAt: row.last_message_at ? iso(row.last_message_at) : null,
    waitingForYou: row.status === 'waiting_customer',
  };
}

/** A list cursor: the last row's creation time and id. */
const encodeCursor = (row: SummaryRow) => Buffer.from(`${iso(row.created_at)}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new AppError('validation_failed', 'The cursor is not valid', {
      errors: [{ path: 'cursor', message: 'Not a cursor of this list' }],
    });
  return { at, id };
}

/** The customer's cases, newest first, a page at a time (keyset on creation time and id). */
export async function listPortalCases(db: Database, actor: PortalActor, query: TPortalCaseListQuery): Promise<TPortalCaseList> {
  const state =
    query.state === 'open' ? sql`AND c.status NOT IN ${CLOSED}` : query.state === 'closed' ? sql`AND c.status IN ${CLOSED}` : sql``;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const keyset = after ? sql`AND (c.created_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
  const { rows } = await db.execute<SummaryRow>(sql`WITH picked AS (${newestVisibleCases(actor, sql`${state} ${keyset}`, query.limit + 1)})
    SELECT ${SUMMARY_COLUMNS}
    FROM picked JOIN support_case c ON c.workspace_id = ${actor.workspaceId} AND c.id = picked.id ${SUMMARY_JOINS}
    ORDER BY c.created_at DESC, c.id DESC`);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { data: page.map(presentSummary), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

type CaseRow = SummaryRow & {
  description: string | null;
  order_id: string | null;
  order_number: string | null;
  product_id: string | null;
  product_name: string | null;
  resolution: string | null;
  verdict: TPortalCase['verdict'];
  verdict_reason: string | null;
  resolved_at: string | Date | null;
  closed_at: string | Date | null;
  satisfaction: number | null;
  satisfaction_comment: string | null;
  satisfaction_at: string | Date | null;
  contact_name: string | null;
};

/** A case the customer may see, or 404 (another company's case answers as a missing one). */
export async function findVisibleCase(db: Executor, actor: PortalActor, id: string): Promise<CaseRow> {
  const { rows } = await db.execute<CaseRow>(sql`SELECT ${SUMMARY_COLUMNS},
      c.description, c.order_id, o.number AS order_number, c.product_id, p.name AS product_name,
      c.resolution, c.verdict, c.verdict_reason, c.resolved_at, c.closed_at,
      c.satisfaction, c.satisfaction_comment, c.satisfaction_at, ct.name AS contact_name
    FROM support_case c ${SUMMARY_JOINS}
    LEFT JOIN sales_order o ON o.workspace_id = c.workspace_id AND o.id = c.order_id
    LEFT JOIN product p ON p.workspace_id = c.workspace_id AND p.id = c.product_id
    LEFT JOIN contact ct ON ct.workspace_id = c.workspace_id AND ct.id = c.contact_id
    WHERE ${visibleCaseSql(actor)} AND c.id = ${id}`);
  const row = rows[0];
  if (!row) throw notFound('case');
  return row;
}

/** The conversation a customer may read: staff replies and customers' words, never an internal note. */
async function conversationOf(db: Executor, actor: PortalActor, caseId: string, contactName: string | null): Promise<TPortalCaseMessage[]> {
  const { rows } = await db.execute<{
    id: string;
    kind: 'reply' | 'customer';
    body: string;
    staff_name: string | null;
    portal_user_id: string | null;
    customer_name: string | null;
    created_at: string | Date;
  }>(sql`SELECT m.id, m.kind, m.body, u.name AS staff_name, m.portal_user_id, pc.name AS customer_name, m.created_at
    FROM case_message m
    LEFT JOIN app_user u ON u.workspace_id = m.workspace_id AND u.id = m.author_id
    LEFT JOIN portal_user pu ON pu.workspace_id = m.workspace_id AND pu.id = m.portal_user_id
    LEFT JOIN contact pc ON pc.workspace_id = pu.workspace_id AND pc.id = pu.contact_id
    WHERE m.workspace_id = ${actor.workspaceId} AND m.case_id = ${caseId} AND m.kind IN ('reply', 'customer')
    ORDER BY m.created_at, m.id`);
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    body: m.body,
    // The customer's words recorded by staff (a phone call) are the case's contact's.
    authorName: m.kind === 'reply' ? m.staff_name : m.portal_user_id ? m.customer_name : contactName,
    mine: m.portal_user_id === actor.portalUserId,
    createdAt: iso(m.created_at),
  }));
}

/** The files of a case, oldest first. */
async function filesOf(db: Executor, workspaceId: string, caseId: string): Promise<TPortalCaseFile[]> {
  const { rows } = await db.execute<{
    id: string;
    file_name: string;
    content_type: string;
    size: string | number;
    uploaded_by_portal_user_id: string | null;
    created_at: string | Date;
  }>(sql`SELECT id, file_name, content_type, size, uploaded_by_portal_user_id, created_at FROM attachment
    WHERE workspace_id = ${workspaceId} AND entity_type = 'case' AND entity_id = ${caseId}
    ORDER BY created_at, id`);
  return rows.map((f) => ({
    id: f.id,
    fileName: f.file_name,
    contentType: f.content_type,
    size: Number(f.size),
    fromCustomer: f.uploaded_by_portal_user_id !== null,
    createdAt: iso(f.created_at),
  }));
}

/** A case, whole, as the customer sees it; 404 for one they may not see. */
export async function getPortalCase(db: Executor, actor: PortalActor, id: string): Promise<TPortalCase> {
  const row = await findVisibleCase(db, actor, id);
  const [messages, files] = await Promise.all([
    conversationOf(db, actor, row.id, row.contact_name),
    filesOf(db, actor.workspaceId, row.id),
  ]);
  const done = row.status === 'resolved' || row.status === 'closed';
  return {
    ...presentSummary(row),
    description: row.description,
    order: row.order_id ? { id: row.order_id, number: row.order_number ?? '' } : null,
    product: row.product_id ? { id: row.product_id, name: row.product_name ?? '' } : null,
    resolution: done ? row.resolution : null,
    verdict: done ? row.verdict : null,
    verdictReason: done ? row.verdict_reason : null,
    resolvedAt: row.resolved_at ? iso(row.resolved_at) : null,
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    satisfaction:
      row.satisfaction !== null && row.satisfaction_at
        ? { score: row.satisfaction, comment: row.satisfaction_comment, at: iso(row.satisfaction_at) }
        : null,
    mayReply: row.status !== 'closed',
    mayRate: done && row.satisfaction === null,
    messages,
    files,
  };
}

/** One file of a case the customer may see; 404 for any other. */
export async function findPortalCaseFile(db: Executor, actor: PortalActor, caseId: string, attachmentId: string) {
  await findVisibleCase(db, actor, caseId);
  const { rows } = await db.execute<{ id: string; workspace_id: string; file_name: string; content_type: string; size: string | number }>(
    sql`SELECT id, workspace_id, file_name, content_type, size FROM attachment
      WHERE workspace_id = ${actor.workspaceId} AND entity_type = 'case' AND entity_id = ${caseId} AND id = ${attachmentId}`,
  );
  const row = rows[0];
  if (!row) throw notFound('attachment');
  return { id: row.id, workspaceId: row.workspace_id, fileName: row.file_name, contentType: row.content_type, size: Number(row.size) };
}

/** What the new-case form offers: active case types, the customer's companies and their recent orders. */
export async function portalCaseOptions(db: Database, actor: PortalActor): Promise<TPortalCaseOptions> {
  const companyIds = sql`${sql.param(actor.companyIds)}::uuid[]`;
  const [types, companies, orders] = await Promise.all([
    db.execute<{ id: string; name: string }>(sql`SELECT id, name FROM case_type
      WHERE workspace_id = ${actor.workspaceId} AND active ORDER BY position, name`),
    db.execute<{ id: string; name: string }>(sql`SELECT id, name FROM company
      WHERE workspace_id = ${actor.workspaceId} AND id = ANY(${companyIds}) AND deleted_at IS NULL ORDER BY name`),
    db.execute<{ id: string; number: string; company_id: string | null; ordered_on: string | null }>(sql`SELECT id, number, company_id,
        ordered_on::text AS ordered_on FROM sales_order
      WHERE workspace_id = ${actor.workspaceId} AND company_id = ANY(${companyIds}) AND status <> 'cancelled'
      ORDER BY ordered_on DESC, number DESC LIMIT 100`),
  ]);
  return {
    types: types.rows,
    defaultTypeId: types.rows[0]?.id ?? null,
    companies: companies.rows,
    orders: orders.rows.map((o) => ({ id: o.id, number: o.number, companyId: o.company_id, date: o.ordered_on })),
  };
}
