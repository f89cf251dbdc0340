import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { FieldError } from '../../http/errors.ts';
import { recordChange } from '../history/index.ts';
import { type CaseRow, invalid, TRACKED } from './case-rows.ts';
import { supportCases } from './cases.table.ts';
import { type SlaInputs, slaForChange } from './sla/sla-clock.ts';

/** What a case links to, as checked on creation and change. */
export type CaseLinks = {
  typeId: string;
  categoryId: string | null;
  companyId: string | null;
  contactId: string | null;
  productId: string | null;
  orderId: string | null;
};

/**
 * Checks a case's links in one statement: a customer is named; the type, category (of that type),
 * product, order, company and contact exist in the workspace; the contact works for the company
 * when both are named. Only the links in `changed` are looked at (a kept link is not judged
 * again). 400 naming each field; returns the type's kind.
 */
export async function checkCaseLinks(
  db: Executor,
  workspaceId: string,
  v: CaseLinks,
  changed: (field: keyof CaseLinks) => boolean = () => true,
): Promise<{ kind: 'complaint' | 'request' | 'question' }> {
  const errors: FieldError[] = [];
  if (!v.companyId && !v.contactId) errors.push({ path: 'companyId', message: 'Choose the customer: a company or a contact' });
  const ask = (field: keyof CaseLinks, value: string | null) => (value !== null && changed(field) ? value : null);
  const { rows } = await db.execute<{
    kind: 'complaint' | 'request' | 'question' | null;
    type_active: boolean | null;
    category_ok: boolean;
    product_ok: boolean;
    order_ok: boolean;
    company_ok: boolean;
    contact_ok: boolean;
    contact_of_company: boolean;
  }>(sql`SELECT
    (SELECT kind FROM case_type WHERE workspace_id = ${workspaceId} AND id = ${v.typeId}) AS kind,
    (SELECT active FROM case_type WHERE workspace_id = ${workspaceId} AND id = ${v.typeId}) AS type_active,
    ${ask('categoryId', v.categoryId)}::uuid IS NULL OR EXISTS (SELECT 1 FROM case_category WHERE workspace_id = ${workspaceId}
      AND id = ${v.categoryId} AND type_id = ${v.typeId} AND active) AS category_ok,
    ${ask('productId', v.productId)}::uuid IS NULL OR EXISTS (SELECT 1 FROM product WHERE workspace_id = ${workspaceId}
      AND id = ${v.productId} AND deleted_at IS NULL) AS product_ok,
    ${ask('orderId', v.orderId)}::uuid IS NULL OR EXISTS (SELECT 1 FROM sales_order WHERE workspace_id = ${workspaceId}
      AND id = ${v.orderId}) AS order_ok,
    ${ask('companyId', v.companyId)}::uuid IS NULL OR EXISTS (SELECT 1 FROM company WHERE workspace_id = ${workspaceId}
      AND id = ${v.companyId} AND deleted_at IS NULL) AS company_ok,
    ${ask('contactId', v.contactId)}::uuid IS NULL OR EXISTS (SELECT 1 FROM contact WHERE workspace_id = ${workspaceId}
      AND id = ${v.contactId} AND deleted_at IS NULL) AS contact_ok,
    ${v.companyId}::uuid IS NULL OR ${v.contactId}::uuid IS NULL OR EXISTS (SELECT 1 FROM contact_company
      WHERE workspace_id = ${workspaceId} AND contact_id = ${v.contactId} AND company_id = ${v.companyId}) AS contact_of_company`);
  const found = rows[0];
  // A type made inactive keeps its cases, but new ones (and moves to it) are refused.
  if (!found?.kind || (changed('typeId') && !found.type_active)) errors.push({ path: 'typeId', message: 'No such case type' });
  if (found && !found.category_ok) errors.push({ path: 'categoryId', message: 'No such category of this type' });
  if (found && !found.product_ok) errors.push({ path: 'productId', message: 'No such product' });
  if (found && !found.order_ok) errors.push({ path: 'orderId', message: 'No such order' });
  if (found && !found.company_ok) errors.push({ path: 'companyId', message: 'No such company' });
  if (found && !found.contact_ok) errors.push({ path: 'contactId', message: 'No such contact' });
  else if (found && !found.contact_of_company && (changed('contactId') || changed('companyId')))
    errors.push({ path: 'contactId', message: 'The contact does not work for this company' });
  if (errors.length > 0) throw invalid('The case is not valid', errors);
  return { kind: found?.kind ?? 'complaint' };
}

/** What the SLA clock looks at in a case. */
export const slaInputsOf = (c: CaseRow): SlaInputs => ({
  typeId: c.typeId,
  priority: c.priority,
  unitId: c.unitId,
  status: c.status,
  firstRespondedAt: c.firstRespondedAt,
  createdAt: c.createdAt,
});

const SLA_FIELDS = ['status', 'priority', 'typeId', 'unitId', 'firstRespondedAt'] as const;

/**
 * Writes a change to a locked case in the caller's transaction: asks the SLA clock again when
 * status, priority, type, unit or first reply change, and keeps the change in the case's history
 * (`note` and `message` are kept there only).
 */
export async function saveCase(
  tx: Executor,
  actorId: string,
  before: CaseRow,
  changes: Partial<CaseRow>,
  now: Date,
  extra: { note?: string | null; message?: string | null } = {},
): Promise<CaseRow> {
  const merged = { ...before, ...changes };
  const slaChanged = SLA_FIELDS.some((field) => {
    const a = before[field];
    const b = merged[field];
    return (a instanceof Date ? a.getTime() : a) !== (b instanceof Date ? b.getTime() : b);
  });
  const sla = slaChanged ? await slaForChange(tx, before.workspaceId, before, slaInputsOf(merged), now) : {};
  const [updated] = await tx
    .update(supportCases)
    .set({ ...changes, ...sla, updatedAt: now })
    .where(and(eq(supportCases.workspaceId, before.workspaceId), eq(supportCases.id, before.id)))
    .returning();
  if (!updated) throw new Error('case update returned nothing');
  await recordChange(tx, {
    workspaceId: before.workspaceId,
    entityType: 'case',
    entityId: before.id,
    actorId,
    action: 'updated',
    before,
    after: { ...updated, note: extra.note ?? null, message: extra.message ?? null },
    fields: TRACKED,
  });
  return updated;
}
