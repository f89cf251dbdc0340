import type { TTask } from '@clientela/contract';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { coveredUsersSql } from '../absences/index.ts';
import { readableRecords } from '../activities/records.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contracts } from '../contracts/contracts.table.ts';
import { readableDealRefs } from '../deals/index.ts';
import { units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { taskPolicy } from './tasks.policy.ts';
import { taskEvents, taskLinks, tasks } from './tasks.table.ts';

export type TaskRow = typeof tasks.$inferSelect;

/**
 * SQL true for the tasks the actor may read: those they take part in (sender, assignee, watcher,
 * member of the queue's unit, deputy of the assignee while away), plus their role's reach (a manager's unit tree, an admin's all).
 * A queue is read by the members of that very unit only: a sub-unit is its own team with its
 * own queue, and the heads above it reach it as managers.
 */
export async function readableTaskSql(ctx: Ctx): Promise<SQL> {
  const { actor } = ctx;
  const scope = taskPolicy.scope(actor, 'read');
  if (scope === 'all') return sql`true`;
  const parts = [
    sql`${tasks.senderId} = ${actor.userId}`,
    sql`${tasks.assigneeId} = ${actor.userId}`,
    sql`${actor.userId}::uuid = ANY(${tasks.watcherIds})`,
  ];
  if (actor.unitId) parts.push(sql`${tasks.queueUnitId} = ${actor.unitId}`);
  // A deputy reads the open tasks of the people they cover for while those are away (in the same statement).
  parts.push(
    sql`(${tasks.status} NOT IN ('done', 'confirmed', 'declined') AND ${tasks.assigneeId} IN ${coveredUsersSql(actor.workspaceId, actor.userId)})`,
  );
  if (scope === 'unit') {
    const tree = [...(await actor.unitTree())];
    if (tree.length > 0) parts.push(inArray(tasks.unitId, tree));
  }
  if (scope === 'none') return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Agreements and contracts among `ids` the actor may read, with a name to show. */
export async function readableAgreementsAndContracts(
  ctx: Ctx,
  db: Executor,
  ids: { agreement: readonly string[]; contract: readonly string[] },
) {
  const workspaceId = ctx.actor.workspaceId;
  const found = new Map<string, { type: 'agreement' | 'contract'; id: string; name: string }>();
  const [agreementRows, contractRows] = await Promise.all([
    ids.agreement.length === 0
      ? []
      : db
          .select({ id: agreements.id, name: agreements.title })
          .from(agreements)
          .where(and(eq(agreements.workspaceId, workspaceId), inArray(agreements.id, [...ids.agreement]), isNull(agreements.deletedAt))),
    ids.contract.length === 0
      ? []
      : db
          .select({ id: contracts.id, name: sql<string>`${contracts.number} || ' ' || ${contracts.subject}` })
          .from(contracts)
          .innerJoin(companies, and(eq(companies.workspaceId, contracts.workspaceId), eq(companies.id, contracts.companyId)))
          .where(
            and(
              eq(contracts.workspaceId, workspaceId),
              inArray(contracts.id, [...ids.contract]),
              isNull(contracts.deletedAt),
              isNull(companies.deletedAt),
              await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
            ),
          ),
  ]);
  for (const row of agreementRows) found.set(row.id, { type: 'agreement', ...row });
  for (const row of contractRows) found.set(row.id, { type: 'contract', ...row });
  return found;
}

/** The live cases among `ids`, named by number and subject (all staff read every case). */
async function caseRefs(db: Executor, workspaceId: string, ids: readonly string[]) {
  const found = new Map<string, { type: 'case'; id: string; name: string }>();
  if (ids.length === 0) return found;
  const { rows } = await db.execute<{ id: string; name: string }>(sql`SELECT id, number || ' ' || subject AS name FROM support_case
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND id IN (${sql.join(
      [...new Set(ids)].map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  for (const row of rows) found.set(row.id, { type: 'case', id: row.id, name: row.name });
  return found;
}

/**
 * Tasks as the API shows them: links (deals apart) the reader may see, people's names, the
 * timeline (left empty with `timeline: false`, for lists that do not show it, saving its read).
 */
export async function presentTasks(ctx: Ctx, db: Executor, rows: TaskRow[], { timeline = true } = {}): Promise<TTask[]> {
  if (rows.length === 0) return [];
  const workspaceId = ctx.actor.workspaceId;
  const ids = rows.map((row) => row.id);
  const [links, events] = await Promise.all([
    db
      .select()
      .from(taskLinks)
      .where(and(eq(taskLinks.workspaceId, workspaceId), inArray(taskLinks.taskId, ids))),
    timeline
      ? db
          .select()
          .from(taskEvents)
          .where(and(eq(taskEvents.workspaceId, workspaceId), inArray(taskEvents.taskId, ids)))
          .orderBy(asc(taskEvents.at), asc(taskEvents.id))
      : [],
  ]);
  const ofType = (type: string) => links.filter((l) => l.recordType === type).map((l) => l.recordId);
  const personIds = new Set<string>();
  for (const row of rows) {
    personIds.add(row.senderId);
    if (row.assigneeId) personIds.add(row.assigneeId);
    for (const id of row.watcherIds) personIds.add(id);
  }
  for (const event of events) if (event.actorId) personIds.add(event.actorId);
  const unitIds = [...new Set(rows.flatMap((row) => row.queueUnitId ?? []))];
  const [customers, promises, deals, people, queues, cases] = await Promise.all([
    readableRecords(ctx, db, { company: ofType('company'), contact: ofType('contact') }),
    readableAgreementsAndContracts(ctx, db, { agreement: ofType('agreement'), contract: ofType('contract') }),
    readableDealRefs(ctx, db, ofType('deal')),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...personIds]))),
    unitIds.length === 0
      ? []
      : db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.workspaceId, workspaceId), inArray(units.id, unitIds))),
    caseRefs(db, workspaceId, ofType('case')),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const person = (id: string | null) => (id ? { id, name: nameOf.get(id) ?? '' } : null);
  const queueOf = new Map(queues.map((q) => [q.id, q]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    priority: row.priority,
    kind: row.kind,
    dueAt: row.dueAt?.toISOString() ?? null,
    status: row.status,
    checklist: row.checklist,
    links: links.flatMap((link) => {
      if (link.taskId !== row.id) return [];
      const found = customers.get(link.recordId) ?? promises.get(link.recordId) ?? cases.get(link.recordId);
      return found && found.type === link.recordType ? [found] : [];
    }),
    deals: links.flatMap((link) => {
      const deal = link.taskId === row.id && link.recordType === 'deal' ? deals.get(link.recordId) : undefined;
      return deal ? [{ id: deal.id, title: deal.title }] : [];
    }),
    hiddenLinks: links.filter((link) => {
      if (link.taskId !== row.id) return false;
      if (link.recordType === 'deal') return !deals.has(link.recordId);
      const found = customers.get(link.recordId) ?? promises.get(link.recordId) ?? cases.get(link.recordId);
      return !found || found.type !== link.recordType;
    }).length,
    sender: person(row.senderId),
    assignee: person(row.assigneeId),
    queue: row.queueUnitId ? (queueOf.get(row.queueUnitId) ?? { id: row.queueUnitId, name: '' }) : null,
    watchers: row.watcherIds.flatMap((id) => person(id) ?? []),
    receivedAt: row.receivedAt?.toISOString() ?? null,
    committedDate: row.committedDate,
    declineReason: row.declineReason,
    result: row.result,
    timeline: events
      .filter((event) => event.taskId === row.id)
      .map((event) => ({
        at: event.at.toISOString(),
        actor: person(event.actorId),
        from: event.fromStatus,
        to: event.toStatus,
        note: event.note,
      })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
