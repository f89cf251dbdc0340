import type { TCase, TCaseMessage } from '@clientela/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { historyOf } from '../history/index.ts';
import { users } from '../users/index.ts';
import { type CaseRow, caseRef, customerVisibility, presentSummaries, readableCase, selectCases } from './case-rows.ts';
import { casePolicy } from './cases.policy.ts';
import { caseMessages } from './cases.table.ts';

/** The messages of a case, oldest first, with their authors and the articles inserted into them. */
async function messagesOf(db: Executor, workspaceId: string, caseId: string): Promise<TCaseMessage[]> {
  const rows = await db
    .select({
      message: caseMessages,
      authorName: users.name,
      // A customer's message written in the portal is signed with their contact's name.
      portalAuthorName: sql<string | null>`(SELECT ct.name FROM portal_user pu JOIN contact ct ON ct.workspace_id = pu.workspace_id
        AND ct.id = pu.contact_id WHERE pu.workspace_id = ${caseMessages.workspaceId} AND pu.id = ${caseMessages.portalUserId})`,
    })
    .from(caseMessages)
    .leftJoin(users, and(eq(users.workspaceId, caseMessages.workspaceId), eq(users.id, caseMessages.authorId)))
    .where(and(eq(caseMessages.workspaceId, workspaceId), eq(caseMessages.caseId, caseId)))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
  const articleIds = [...new Set(rows.flatMap((r) => r.message.articleIds))];
  const titles = new Map<string, string>();
  if (articleIds.length > 0) {
    const { rows: found } = await db.execute<{ id: string; title: string }>(sql`SELECT id, title FROM kb_article
      WHERE workspace_id = ${workspaceId} AND id IN (${sql.join(
        articleIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    for (const a of found) titles.set(a.id, a.title);
  }
  return rows.map(({ message: m, authorName, portalAuthorName }) => ({
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    body: m.body,
    author: m.authorId
      ? { id: m.authorId, name: authorName ?? '' }
      : m.portalUserId
        ? { id: m.portalUserId, name: portalAuthorName ?? '' }
        : null,
    articles: m.articleIds.flatMap((id) => (titles.has(id) ? [{ id, title: titles.get(id) as string }] : [])),
    email: m.emailTo && m.emailState ? { to: m.emailTo, state: m.emailState } : null,
    createdAt: m.createdAt.toISOString(),
  }));
}

type Extras = {
  created_by_name: string | null;
  order_number: string | null;
  rule_name: string | null;
  process_name: string | null;
  handover_status: string | null;
  handover_unit_id: string | null;
  handover_unit_name: string | null;
  handover_assignee_id: string | null;
  handover_assignee_name: string | null;
  unfounded: number;
  contact_email: boolean;
};

/** What the whole case shows beside its summary, in one statement. */
async function extrasOf(db: Executor, c: CaseRow, now: Date): Promise<Extras> {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  const customer =
    c.companyId && c.contactId
      ? sql`(o.company_id = ${c.companyId} OR o.contact_id = ${c.contactId})`
      : c.companyId
        ? sql`o.company_id = ${c.companyId}`
        : sql`o.contact_id = ${c.contactId}`;
  const { rows } = await db.execute<Extras>(sql`SELECT
    (SELECT name FROM app_user WHERE workspace_id = ${c.workspaceId} AND id = ${c.createdById}) AS created_by_name,
    (SELECT number FROM sales_order WHERE workspace_id = ${c.workspaceId} AND id = ${c.orderId}::uuid) AS order_number,
    (SELECT name FROM case_routing_rule WHERE workspace_id = ${c.workspaceId} AND id = ${c.routingRuleId}::uuid) AS rule_name,
    (SELECT d.name FROM process_instance i JOIN process_definition d ON d.workspace_id = i.workspace_id AND d.id = i.definition_id
      WHERE i.workspace_id = ${c.workspaceId} AND i.id = ${c.processInstanceId}::uuid) AS process_name,
    t.status AS handover_status, hu.id AS handover_unit_id, hu.name AS handover_unit_name,
    t.assignee_id AS handover_assignee_id, a.name AS handover_assignee_name,
    (SELECT count(*)::int FROM support_case o WHERE o.workspace_id = ${c.workspaceId} AND o.deleted_at IS NULL
      AND o.kind = 'complaint' AND o.verdict = 'unfounded' AND o.created_at >= ${since.toISOString()}::timestamptz AND ${customer}) AS unfounded,
    coalesce((SELECT nullif(btrim(emails -> 0 ->> 'value'), '') IS NOT NULL FROM contact
      WHERE workspace_id = ${c.workspaceId} AND id = ${c.contactId}::uuid AND deleted_at IS NULL), false) AS contact_email
    FROM (SELECT 1) one
    LEFT JOIN task t ON t.workspace_id = ${c.workspaceId} AND t.id = ${c.handoverTaskId}::uuid
    LEFT JOIN unit hu ON hu.workspace_id = t.workspace_id AND hu.id = coalesce(t.queue_unit_id, t.unit_id)
    LEFT JOIN app_user a ON a.workspace_id = t.workspace_id AND a.id = t.assignee_id`);
  return rows[0] as Extras;
}

/** A case, whole: its summary, conversation, history, hand-over, routing and process, and the customer's record of unfounded complaints. */
export async function getCase(ctx: Ctx, id: string, now: Date, db: Executor = ctx.db): Promise<TCase> {
  const [selected] = await selectCases(db, await customerVisibility(ctx)).where(await readableCase(ctx, id));
  if (!selected) throw notFound('case');
  const c = selected.row;
  const [[summary], messages, history, extras, mayChange, mayDelete] = await Promise.all([
    presentSummaries(ctx, db, [selected], now),
    messagesOf(db, c.workspaceId, c.id),
    historyOf(db, c.workspaceId, 'case', c.id),
    extrasOf(db, c, now),
    casePolicy.can(ctx.actor, 'update', caseRef(c)),
    casePolicy.can(ctx.actor, 'delete', caseRef(c)),
  ]);
  if (!summary) throw notFound('case');
  const handoverUnitId = extras.handover_unit_id ?? null;
  return {
    ...summary,
    description: c.description,
    order: c.orderId ? { id: c.orderId, number: extras.order_number ?? '' } : null,
    verdictReason: c.verdictReason,
    resolution: c.resolution,
    compensation: { amount: c.compensationAmount, currency: c.compensationCurrency, note: c.compensationNote },
    satisfaction:
      c.satisfaction !== null && c.satisfactionAt
        ? { score: c.satisfaction, comment: c.satisfactionComment, at: c.satisfactionAt.toISOString() }
        : null,
    handover: c.handoverTaskId
      ? {
          taskId: c.handoverTaskId,
          unit: handoverUnitId ? { id: handoverUnitId, name: extras.handover_unit_name ?? '' } : null,
          assignee: extras.handover_assignee_id ? { id: extras.handover_assignee_id, name: extras.handover_assignee_name ?? '' } : null,
          status: extras.handover_status ?? 'sent',
        }
      : null,
    routedBy: c.routingRuleId ? { id: c.routingRuleId, name: extras.rule_name ?? '' } : null,
    process: c.processInstanceId ? { instanceId: c.processInstanceId, name: extras.process_name ?? '' } : null,
    firstRespondedAt: c.firstRespondedAt?.toISOString() ?? null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    reopenedCount: c.reopenedCount,
    createdBy: c.createdById ? { id: c.createdById, name: extras.created_by_name ?? '' } : null,
    messages,
    history: history.map((h) => ({ at: h.at, actor: h.actor, action: h.action, changes: h.changes })),
    customerUnfoundedComplaints: extras.unfounded,
    customerEmail: extras.contact_email,
    mayChange,
    mayDelete,
  };
}
