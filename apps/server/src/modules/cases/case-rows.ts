import type { TCaseSummary } from '@clientela/contract';
import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { products } from '../products/index.ts';
import { units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { casePolicy } from './cases.policy.ts';
import { caseCategories, caseTypes, supportCases } from './cases.table.ts';
import { slaPresenter } from './sla/sla-clock.ts';

export type CaseRow = typeof supportCases.$inferSelect;

/** 400 `validation_failed` naming the offending fields. */
export const invalid = (message: string, errors: FieldError[]) => new AppError('validation_failed', message, { errors });

/** 409 `invalid_transition`: the case's present status does not allow it. */
export const invalidTransition = (detail: string) => new AppError('invalid_transition', detail);

/** Whether the customer's names may be shown to this reader, as SQL beside each row. */
export type CustomerVisibility = { company: SQL<boolean>; contact: SQL<boolean> };

/** The reader's right to see each case's customer, as SQL for selectCases. */
export async function customerVisibility(ctx: Ctx): Promise<CustomerVisibility> {
  const [company, contact] = await Promise.all([
    companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
    contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
  ]);
  return {
    company: sql<boolean>`coalesce(${companies.deletedAt} IS NULL AND ${company}, false)`,
    contact: sql<boolean>`coalesce(${contacts.deletedAt} IS NULL AND ${contact}, false)`,
  };
}

/** The name of the row of `table` a case points to by `column`: a scalar sub-select, planned at once, where a join would add to the planner's search. */
const nameOf = (table: typeof caseTypes | typeof caseCategories | typeof products | typeof users | typeof units, column: AnyColumn) =>
  sql<
    string | null
  >`(SELECT ${table.name} FROM ${table} WHERE ${table.workspaceId} = ${supportCases.workspaceId} AND ${table.id} = ${column})`;

/**
 * Cases with everything a list shows in one statement: the names of type, category, product,
 * owner and unit, and the customer's names with whether the reader may see them. `extra` adds
 * the cursor key and the capped count of a list page.
 */
export function selectCases(
  db: Pick<Executor, 'select'>,
  visible: CustomerVisibility,
  extra: { key?: SQL<string>; capped?: SQL<number> } = {},
) {
  return db
    .select({
      row: supportCases,
      typeName: sql<string>`coalesce(${nameOf(caseTypes, supportCases.typeId)}, '')`,
      categoryName: nameOf(caseCategories, supportCases.categoryId),
      productName: nameOf(products, supportCases.productId),
      ownerName: nameOf(users, supportCases.ownerId),
      unitName: nameOf(units, supportCases.unitId),
      companyName: companies.name,
      companyVisible: visible.company,
      contactName: sql<string | null>`coalesce(${contacts.name}, '')`,
      contactVisible: visible.contact,
      cursorKey: extra.key ?? sql<string>`NULL`,
      capped: extra.capped ?? sql<number | null>`NULL`,
    })
    .from(supportCases)
    .leftJoin(companies, and(eq(companies.workspaceId, supportCases.workspaceId), eq(companies.id, supportCases.companyId)))
    .leftJoin(contacts, and(eq(contacts.workspaceId, supportCases.workspaceId), eq(contacts.id, supportCases.contactId)));
}

export type SelectedCase = Awaited<ReturnType<ReturnType<typeof selectCases>['where']>>[number];

const ref = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

/**
 * Presents selected cases; the SLA presenter reads the policies and calendars it needs once for the
 * whole page (or comes ready, read while the page was).
 */
export async function presentSummaries(
  ctx: Ctx,
  db: Executor,
  rows: readonly SelectedCase[],
  now: Date,
  presenter?: Promise<(row: CaseRow) => TCaseSummary['sla']>,
): Promise<TCaseSummary[]> {
  if (rows.length === 0) return [];
  const sla = await (presenter ?? slaPresenter(db, ctx.actor.workspaceId, now));
  return rows.map((selected) => {
    const c = selected.row;
    return {
      id: c.id,
      number: c.number,
      subject: c.subject,
      kind: c.kind,
      type: { id: c.typeId, name: selected.typeName },
      category: ref(c.categoryId, selected.categoryName),
      channel: c.channel,
      priority: c.priority,
      status: c.status,
      company: selected.companyVisible ? ref(c.companyId, selected.companyName) : null,
      contact: selected.contactVisible ? ref(c.contactId, selected.contactName) : null,
      customerHidden: Boolean((c.companyId && !selected.companyVisible) || (c.contactId && !selected.contactVisible)),
      product: ref(c.productId, selected.productName),
      owner: ref(c.ownerId, selected.ownerName),
      unit: ref(c.unitId, selected.unitName),
      verdict: c.verdict,
      sla: sla(c),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  });
}

/**
 * The cases the actor may read: as far as their role reaches (all staff read every case unless a
 * defined role narrows it), and those shared with them or their unit.
 */
export function readableCases(ctx: Ctx): Promise<SQL> {
  return casePolicy.filter(ctx.actor, 'read', { owner: supportCases.ownerId, unit: supportCases.unitId, id: supportCases.id });
}

/** The live case `id` of the actor's workspace, where the actor may read it. */
export async function readableCase(ctx: Ctx, id: string): Promise<SQL | undefined> {
  return and(
    eq(supportCases.workspaceId, ctx.actor.workspaceId),
    eq(supportCases.id, id),
    sql`${supportCases.deletedAt} IS NULL`,
    await readableCases(ctx),
  );
}

/** A live case the actor may read; 404 for any other. Locked for a write when asked. */
export async function findCase(ctx: Ctx, db: Executor, id: string, lock = false): Promise<CaseRow> {
  const query = db
    .select()
    .from(supportCases)
    .where(await readableCase(ctx, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('case');
  return row;
}

/** The policy's view of a case: its responsible person and unit. */
export const caseRef = (row: Pick<CaseRow, 'id' | 'ownerId' | 'unitId'>) => ({ id: row.id, ownerId: row.ownerId, unitId: row.unitId });

/** The fields a case's history keeps. */
export const TRACKED = [
  'subject',
  'description',
  'typeId',
  'categoryId',
  'channel',
  'priority',
  'status',
  'companyId',
  'contactId',
  'productId',
  'orderId',
  'ownerId',
  'unitId',
  'handoverTaskId',
  'processInstanceId',
  'verdict',
  'verdictReason',
  'resolution',
  'compensationAmount',
  'compensationCurrency',
  'compensationNote',
  'satisfaction',
  'satisfactionComment',
  'firstRespondedAt',
  'resolvedAt',
  'closedAt',
  'reopenedCount',
  'note',
  'message',
];
