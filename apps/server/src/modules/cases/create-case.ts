import { type TCreateCaseInput, ZCreateCaseInput } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { unitOfUser } from '../activities/records.ts';
import { recordChange } from '../history/index.ts';
import { membersOf, notify } from '../notifications/index.ts';
import { startInstance } from '../processes/runtime.ts';
import { units } from '../units/index.ts';
import { type CaseRow, invalid, TRACKED } from './case-rows.ts';
import { checkCaseLinks } from './case-writes.ts';
import { casePolicy } from './cases.policy.ts';
import { supportCases } from './cases.table.ts';
import { matchRoutingRule } from './routing-rules.service.ts';
import { slaForNewCase } from './sla/sla-clock.ts';

/**
 * The next case number of the workspace in the year of `now` on the registering person's calendar
 * ("C-2026-00042"), taken in the caller's transaction: two cases registered at once wait for
 * each other's counter and never share a number (the counter row sales documents use, kind `C`).
 */
export async function nextCaseNumber(tx: Executor, workspaceId: string, actorId: string, now: Date): Promise<string> {
  const { rows } = await tx.execute<{ year: number; last: number }>(sql`
    WITH y AS (
      SELECT extract(year FROM ${now.toISOString()}::timestamptz AT TIME ZONE coalesce(
        (SELECT time_zone FROM app_user WHERE workspace_id = ${workspaceId} AND id = ${actorId}), 'UTC'))::int AS year
    )
    INSERT INTO document_counter (workspace_id, kind, year, last) SELECT ${workspaceId}, 'C', y.year, 1 FROM y
    ON CONFLICT (workspace_id, kind, year) DO UPDATE SET last = document_counter.last + 1
    RETURNING year, last`);
  const row = rows[0];
  if (!row) throw new Error('case counter returned nothing');
  return `C-${row.year}-${String(row.last).padStart(5, '0')}`;
}

async function unitExists(db: Executor, workspaceId: string, unitId: string) {
  const [unit] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, unitId)));
  if (!unit) throw invalid('No such unit', [{ path: 'unitId', message: 'No such unit' }]);
}

type Placement = {
  ownerId: string | null;
  unitId: string | null;
  status: 'new' | 'assigned';
  routingRuleId: string | null;
  processDefinitionId: string | null;
};

/**
 * Who registers a case: a member of staff (who keeps it when nothing else decides), or a customer
 * in the portal, whose case falls back to `fallback` (the company's account manager or an admin).
 */
export type CaseAuthor =
  | { kind: 'staff'; userId: string; unitId: string | null }
  | { kind: 'portal'; portalUserId: string; fallback: { ownerId: string; unitId: string | null } };

/** Who answers for a case when no person, unit or routing rule decides. */
const fallbackOf = (author: CaseAuthor) => (author.kind === 'staff' ? { ownerId: author.userId, unitId: author.unitId } : author.fallback);

/**
 * The id kept as the actor of the case's history, notices and process: the member of staff, or
 * the customer's portal account (no staff name is shown for it).
 */
export const authorId = (author: CaseAuthor) => (author.kind === 'staff' ? author.userId : author.portalUserId);

/**
 * Who handles a new case: the person or unit named, else the first matching routing rule (a person:
 * theirs; a unit: its queue; a process: started on the case), else the author's fallback (the person registering it).
 */
async function placeCase(tx: Executor, workspaceId: string, author: CaseAuthor, input: TCreateCaseInput): Promise<Placement> {
  if (input.ownerId) {
    const ownUnit = await unitOfUser(tx, workspaceId, input.ownerId, 'ownerId');
    if (input.unitId) {
      await unitExists(tx, workspaceId, input.unitId);
      if (ownUnit !== input.unitId)
        throw invalid('The person is not in that unit', [{ path: 'ownerId', message: 'Not a member of the unit' }]);
    }
    return { ownerId: input.ownerId, unitId: input.unitId ?? ownUnit, status: 'assigned', routingRuleId: null, processDefinitionId: null };
  }
  if (input.unitId) {
    await unitExists(tx, workspaceId, input.unitId);
    return { ownerId: null, unitId: input.unitId, status: 'new', routingRuleId: null, processDefinitionId: null };
  }
  const rule = await matchRoutingRule(tx, workspaceId, {
    typeId: input.typeId,
    categoryId: input.categoryId ?? null,
    productId: input.productId ?? null,
    companyId: input.companyId ?? null,
    contactId: input.contactId ?? null,
    channel: input.channel,
  });
  const mine = { ...fallbackOf(author), status: 'assigned' as const };
  if (!rule) return { ...mine, routingRuleId: null, processDefinitionId: null };
  const routed = { routingRuleId: rule.id, processDefinitionId: rule.processDefinitionId };
  if (rule.userId) {
    const unitId = rule.unitId ?? (await unitOfUser(tx, workspaceId, rule.userId, 'ownerId'));
    return { ownerId: rule.userId, unitId, status: 'assigned', ...routed };
  }
  if (rule.unitId) return { ownerId: null, unitId: rule.unitId, status: 'new', ...routed };
  // A process alone: the person registering it answers for the case while the process runs.
  return { ...mine, ...routed };
}

/**
 * Registers a case: checks its links, numbers it, places it (see placeCase), sets its SLA, starts
 * the routing rule's process on it, keeps it in history and tells who now has it (the owner, or
 * every member of the unit whose queue it waits in). Returns the new case's id.
 */
export async function createCase(ctx: Ctx, raw: TCreateCaseInput, now: Date): Promise<string> {
  const input = ZCreateCaseInput.parse(raw);
  await casePolicy.authorize(ctx.actor, 'create');
  const author: CaseAuthor = { kind: 'staff', userId: ctx.actor.userId, unitId: ctx.actor.unitId };
  const row = await ctx.db.transaction((tx) => registerCase(tx, ctx.actor.workspaceId, author, input, now));
  return row.id;
}

/**
 * The part of registering a case that staff and the portal share, in the caller's transaction
 * (the caller has authorised the author): see createCase.
 */
export async function registerCase(
  tx: Executor,
  workspaceId: string,
  author: CaseAuthor,
  input: TCreateCaseInput,
  now: Date,
): Promise<CaseRow> {
  const actorId = authorId(author);
  const links = {
    typeId: input.typeId,
    categoryId: input.categoryId ?? null,
    companyId: input.companyId ?? null,
    contactId: input.contactId ?? null,
    productId: input.productId ?? null,
    orderId: input.orderId ?? null,
  };
  const { kind } = await checkCaseLinks(tx, workspaceId, links);
  const placement = await placeCase(tx, workspaceId, author, input);
  // The year of the number is read on the registering person's calendar (a customer's: the case's handler's).
  const number = await nextCaseNumber(tx, workspaceId, author.kind === 'staff' ? author.userId : author.fallback.ownerId, now);
  const priority = input.priority ?? 'normal';
  const sla = await slaForNewCase(
    tx,
    workspaceId,
    { typeId: input.typeId, priority, unitId: placement.unitId, status: placement.status, firstRespondedAt: null, createdAt: now },
    now,
  );
  const [row] = await tx
    .insert(supportCases)
    .values({
      workspaceId,
      number,
      subject: input.subject,
      description: input.description || null,
      kind,
      ...links,
      channel: input.channel,
      priority,
      status: placement.status,
      ownerId: placement.ownerId,
      unitId: placement.unitId,
      routingRuleId: placement.routingRuleId,
      ...sla,
      createdById: author.kind === 'staff' ? author.userId : null,
      createdByPortalUserId: author.kind === 'portal' ? author.portalUserId : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('case insert returned nothing');
  await recordChange(tx, {
    workspaceId,
    entityType: 'case',
    entityId: row.id,
    actorId,
    action: 'created',
    before: null,
    after: row,
    fields: TRACKED,
  });
  let saved: CaseRow = row;
  // A process started for a customer's case runs on behalf of the person it fell back to.
  const processActor = author.kind === 'staff' ? author.userId : author.fallback.ownerId;
  if (placement.processDefinitionId) saved = await startRoutedProcess(tx, processActor, saved, placement.processDefinitionId, now);
  await tellNewHandler(tx, actorId, saved);
  return saved;
}

/**
 * Starts the routing rule's process on the new case and keeps its instance on the case. A process
 * that refuses to start (unpublished since the rule was saved) does not stop the case from being
 * registered: the case stays where it was placed, without a process.
 */
async function startRoutedProcess(tx: Executor, actorId: string, row: CaseRow, definitionId: string, now: Date): Promise<CaseRow> {
  let instanceId: string;
  try {
    const started = await startInstance(
      tx,
      { workspaceId: row.workspaceId, definitionId, actorId, record: { type: 'case', id: row.id } },
      now,
    );
    instanceId = started.id;
  } catch (error) {
    if (error instanceof AppError) return row;
    throw error;
  }
  const [withProcess] = await tx
    .update(supportCases)
    .set({ processInstanceId: instanceId })
    .where(and(eq(supportCases.workspaceId, row.workspaceId), eq(supportCases.id, row.id)))
    .returning();
  return withProcess ?? row;
}

/** A `case_assigned` notice to the case's owner, or to every member of the unit whose queue it waits in. */
export async function tellNewHandler(tx: Executor, actorId: string, c: CaseRow): Promise<void> {
  const recipients = c.ownerId ? [c.ownerId] : c.unitId ? await membersOf(tx, c.workspaceId, c.unitId, actorId) : [];
  await notify(tx, c.workspaceId, recipients, { kind: 'case_assigned', caseId: c.id, title: `${c.number} ${c.subject}`, actorId });
}
