import type { Readable } from 'node:stream';
import type { TPortalCaseMessageInput, TPortalCaseRatingInput, TPortalCreateCaseInput } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { storeAttachment } from '../attachments/attachments.service.ts';
import { type CaseRow, caseMessages, invalidTransition, registerCase, saveCase, supportCases } from '../cases/index.ts';
import { notify } from '../notifications/index.ts';
import { findVisibleCase } from './portal-cases.ts';
import type { PortalActor } from './portal-session.ts';

const invalid = (detail: string, errors: FieldError[]) => new AppError('validation_failed', detail, { errors });

/**
 * Who answers for a customer's case when no routing rule decides: the company's account manager,
 * else the workspace's first admin, so that a case from the portal is never left unowned.
 */
async function fallbackOwner(tx: Executor, workspaceId: string, companyId: string | null) {
  const manager = sql`(SELECT owner_id FROM company WHERE workspace_id = ${workspaceId} AND id = ${companyId}::uuid)`;
  const { rows } = await tx.execute<{ id: string; unit_id: string | null }>(sql`SELECT u.id, u.unit_id FROM app_user u
    WHERE u.workspace_id = ${workspaceId} AND u.active AND (u.id = ${manager} OR u.role = 'admin')
    ORDER BY (u.id IS NOT DISTINCT FROM ${manager}) DESC, u.created_at, u.id
    LIMIT 1`);
  const row = rows[0];
  if (!row) throw new Error('the workspace has no active admin');
  return { ownerId: row.id, unitId: row.unit_id };
}

/** The case type a customer's case gets: the one asked for (checked when the case is registered), else the first active one. */
async function typeFor(tx: Executor, workspaceId: string, typeId: string | undefined): Promise<string> {
  if (typeId) return typeId;
  const { rows } = await tx.execute<{ id: string }>(sql`SELECT id FROM case_type
    WHERE workspace_id = ${workspaceId} AND active ORDER BY position, name LIMIT 1`);
  const first = rows[0];
  if (!first) throw invalid('Requests cannot be opened yet', [{ path: 'typeId', message: 'No case type is set up' }]);
  return first.id;
}

/** The company of a customer's case: one of theirs they name, or their only one (none when they have none). */
function companyFor(actor: PortalActor, companyId: string | undefined): string | null {
  if (companyId) {
    if (!actor.companyIds.includes(companyId)) throw invalid('No such company', [{ path: 'companyId', message: 'No such company' }]);
    return companyId;
  }
  if (actor.companyIds.length > 1)
    throw invalid('Choose the company the request is for', [{ path: 'companyId', message: 'Choose one of your companies' }]);
  return actor.companyIds[0] ?? null;
}

/** An order a customer names must be one of their companies'. */
async function checkOrder(tx: Executor, actor: PortalActor, orderId: string | undefined) {
  if (!orderId) return;
  const { rows } = await tx.execute(sql`SELECT 1 FROM sales_order WHERE workspace_id = ${actor.workspaceId} AND id = ${orderId}
    AND company_id = ANY(${sql.param(actor.companyIds)}::uuid[])`);
  if (rows.length === 0) throw invalid('No such order', [{ path: 'orderId', message: 'No such order' }]);
}

/**
 * A customer opens a case in the portal: channel `portal`, their contact, their company; numbered,
 * given its SLA and routed exactly as a case staff register (see registerCase), falling back to the
 * company's account manager or an admin. Returns the new case's id.
 */
export async function createPortalCase(db: Database, actor: PortalActor, input: TPortalCreateCaseInput, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const companyId = companyFor(actor, input.companyId);
    await checkOrder(tx, actor, input.orderId);
    const typeId = await typeFor(tx, actor.workspaceId, input.typeId);
    const fallback = await fallbackOwner(tx, actor.workspaceId, companyId);
    const row = await registerCase(
      tx,
      actor.workspaceId,
      { kind: 'portal', portalUserId: actor.portalUserId, fallback },
      {
        subject: input.subject,
        description: input.description,
        typeId,
        channel: 'portal',
        priority: input.priority,
        companyId,
        contactId: actor.contactId,
        productId: input.productId ?? null,
        orderId: input.orderId ?? null,
      },
      now,
    );
    return row.id;
  });
}

/** A visible case, locked for a write. */
async function lockVisibleCase(tx: Executor, actor: PortalActor, id: string): Promise<CaseRow> {
  const visible = await findVisibleCase(tx, actor, id);
  const [row] = await tx
    .select()
    .from(supportCases)
    .where(and(eq(supportCases.workspaceId, actor.workspaceId), eq(supportCases.id, visible.id)))
    .for('update');
  if (!row) throw new Error('visible case not found');
  return row;
}

/**
 * Where a customer's reply moves the case: one waiting for them goes back to work (the SLA clock
 * resumes, as when staff record the answer); a resolved one reopens. A closed case takes no reply
 * (409): the customer opens a new request.
 */
function afterCustomerReply(row: CaseRow): Partial<CaseRow> {
  if (row.status === 'closed') throw invalidTransition('The case is closed: open a new request');
  if (row.status === 'resolved') return { status: 'reopened', reopenedCount: row.reopenedCount + 1, resolvedAt: null, closedAt: null };
  // A hand-over waiting to be accepted keeps the case where it is, as the staff transition does.
  if (row.status === 'waiting_customer' && !row.handoverTaskId && row.ownerId) return { status: 'in_progress' };
  return {};
}

/** The customer writes on their case: a `customer` message by their portal account; the case moves on (see afterCustomerReply). */
export async function addPortalMessage(db: Database, actor: PortalActor, id: string, input: TPortalCaseMessageInput, now: Date) {
  await db.transaction(async (tx) => {
    const row = await lockVisibleCase(tx, actor, id);
    const changes = afterCustomerReply(row);
    await tx.insert(caseMessages).values({
      workspaceId: actor.workspaceId,
      caseId: row.id,
      kind: 'customer',
      channel: 'portal',
      body: input.body,
      portalUserId: actor.portalUserId,
      createdAt: now,
    });
    await saveCase(tx, actor.portalUserId, row, changes, now, { message: 'customer' });
    // The responsible person hears of it at once (a case waiting in a unit's queue has nobody yet).
    await notify(tx, actor.workspaceId, [row.ownerId], {
      kind: 'case_customer_replied',
      caseId: row.id,
      title: `${row.number} ${row.subject}`,
      actorId: actor.portalUserId,
    });
  });
}

/** The customer rates a resolved or closed case, once: 1–5 and a comment. 409 before resolution or when rated already. */
export async function ratePortalCase(db: Database, actor: PortalActor, id: string, input: TPortalCaseRatingInput, now: Date) {
  await db.transaction(async (tx) => {
    const row = await lockVisibleCase(tx, actor, id);
    if (row.status !== 'resolved' && row.status !== 'closed') throw invalidTransition('A request is rated once it is resolved');
    if (row.satisfaction !== null) throw new AppError('conflict', 'The request is rated already');
    await saveCase(
      tx,
      actor.portalUserId,
      row,
      { satisfaction: input.satisfaction, satisfactionComment: input.comment || null, satisfactionAt: now },
      now,
    );
  });
}

/** A file the customer attaches to their case (same size and type rules as staff's files). */
export async function uploadPortalCaseFile(
  db: Database,
  root: string,
  actor: PortalActor,
  caseId: string,
  file: { fileName: string; declaredType: string; stream: Readable; truncated: () => boolean },
) {
  try {
    await findVisibleCase(db, actor, caseId);
  } catch (error) {
    file.stream.resume();
    throw error;
  }
  return storeAttachment(
    db,
    root,
    { workspaceId: actor.workspaceId, uploadedByPortalUserId: actor.portalUserId },
    { entityType: 'case', entityId: caseId, ...file },
  );
}
