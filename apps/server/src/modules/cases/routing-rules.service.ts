import {
  type TCaseChannel,
  type TCaseRoutingRule,
  type TCaseRoutingRuleInput,
  type TUpdateCaseRoutingRuleInput,
  ZCaseRoutingRuleInput,
  ZUpdateCaseRoutingRuleInput,
} from '@clientela/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { type FieldError, notFound } from '../../http/errors.ts';
import { invalid } from './case-rows.ts';
import { caseSettingsPolicy } from './cases.policy.ts';
import { caseRoutingRules } from './cases.table.ts';

type RuleRow = typeof caseRoutingRules.$inferSelect;

/** Rules with the names of what they point at, in order. */
async function selectRules(db: Executor, workspaceId: string, only?: string): Promise<TCaseRoutingRule[]> {
  const { rows } = await db.execute<{
    id: string;
    name: string;
    position: number;
    active: boolean;
    customer_class: 'A' | 'B' | 'C' | null;
    channel: TCaseChannel | null;
    type_id: string | null;
    type_name: string | null;
    category_id: string | null;
    category_name: string | null;
    product_id: string | null;
    product_name: string | null;
    unit_id: string | null;
    unit_name: string | null;
    user_id: string | null;
    user_name: string | null;
    process_id: string | null;
    process_name: string | null;
  }>(sql`
    SELECT r.id, r.name, r.position, r.active, r.customer_class, r.channel,
      r.type_id, t.name AS type_name, r.category_id, c.name AS category_name, r.product_id, p.name AS product_name,
      r.unit_id, u.name AS unit_name, r.user_id, a.name AS user_name, r.process_definition_id AS process_id, d.name AS process_name
    FROM case_routing_rule r
    LEFT JOIN case_type t ON t.workspace_id = r.workspace_id AND t.id = r.type_id
    LEFT JOIN case_category c ON c.workspace_id = r.workspace_id AND c.id = r.category_id
    LEFT JOIN product p ON p.workspace_id = r.workspace_id AND p.id = r.product_id
    LEFT JOIN unit u ON u.workspace_id = r.workspace_id AND u.id = r.unit_id
    LEFT JOIN app_user a ON a.workspace_id = r.workspace_id AND a.id = r.user_id
    LEFT JOIN process_definition d ON d.workspace_id = r.workspace_id AND d.id = r.process_definition_id
    WHERE r.workspace_id = ${workspaceId} ${only ? sql`AND r.id = ${only}` : sql``}
    ORDER BY r.position, r.created_at, r.id`);
  const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: r.position,
    active: r.active,
    type: ref(r.type_id, r.type_name),
    category: ref(r.category_id, r.category_name),
    product: ref(r.product_id, r.product_name),
    customerClass: r.customer_class,
    channel: r.channel,
    unit: ref(r.unit_id, r.unit_name),
    user: ref(r.user_id, r.user_name),
    process: ref(r.process_id, r.process_name),
  }));
}

/** Every routing rule, in the order they are tried. */
export async function listRoutingRules(ctx: Ctx): Promise<TCaseRoutingRule[]> {
  await caseSettingsPolicy.authorize(ctx.actor, 'read');
  return selectRules(ctx.db, ctx.actor.workspaceId);
}

type RuleValues = Omit<RuleRow, 'workspaceId' | 'id' | 'createdAt'>;

/**
 * Checks a rule's references in one statement: each must exist in the workspace (the category in
 * the rule's type, the person active, the process published); a rule needs a target. 400 naming each field.
 */
async function checkRule(db: Executor, workspaceId: string, v: RuleValues) {
  const errors: FieldError[] = [];
  if (!v.unitId && !v.userId && !v.processDefinitionId)
    errors.push({ path: 'unitId', message: 'Choose where the cases go: a unit, a person or a process' });
  const { rows } = await db.execute<Record<string, boolean>>(sql`SELECT
    ${v.typeId}::uuid IS NULL OR EXISTS (SELECT 1 FROM case_type WHERE workspace_id = ${workspaceId} AND id = ${v.typeId}) AS "typeId",
    ${v.categoryId}::uuid IS NULL OR EXISTS (SELECT 1 FROM case_category WHERE workspace_id = ${workspaceId} AND id = ${v.categoryId}
      AND (${v.typeId}::uuid IS NULL OR type_id = ${v.typeId})) AS "categoryId",
    ${v.productId}::uuid IS NULL OR EXISTS (SELECT 1 FROM product WHERE workspace_id = ${workspaceId} AND id = ${v.productId} AND deleted_at IS NULL) AS "productId",
    ${v.unitId}::uuid IS NULL OR EXISTS (SELECT 1 FROM unit WHERE workspace_id = ${workspaceId} AND id = ${v.unitId}) AS "unitId",
    ${v.userId}::uuid IS NULL OR EXISTS (SELECT 1 FROM app_user WHERE workspace_id = ${workspaceId} AND id = ${v.userId} AND active
      AND (${v.unitId}::uuid IS NULL OR unit_id = ${v.unitId})) AS "userId",
    ${v.processDefinitionId}::uuid IS NULL OR EXISTS (SELECT 1 FROM process_definition WHERE workspace_id = ${workspaceId}
      AND id = ${v.processDefinitionId} AND deleted_at IS NULL AND published_version IS NOT NULL) AS "processDefinitionId"`);
  const found = rows[0] ?? {};
  const messages: Record<string, string> = {
    typeId: 'No such case type',
    categoryId: 'No such category of this type',
    productId: 'No such product',
    unitId: 'No such unit',
    userId: 'No such active person (in the unit, when one is chosen)',
    processDefinitionId: 'No such published process',
  };
  for (const [path, message] of Object.entries(messages)) if (found[path] === false) errors.push({ path, message });
  if (errors.length > 0) throw invalid('The routing rule is not valid', errors);
}

function valuesOf(input: TUpdateCaseRoutingRuleInput, row?: RuleRow): RuleValues {
  const pick = <K extends keyof TUpdateCaseRoutingRuleInput & keyof RuleValues>(key: K): RuleValues[K] =>
    (input[key] === undefined ? (row?.[key] ?? null) : (input[key] ?? null)) as RuleValues[K];
  return {
    name: input.name ?? row?.name ?? '',
    position: input.position ?? row?.position ?? 0,
    active: input.active ?? row?.active ?? true,
    typeId: pick('typeId'),
    categoryId: pick('categoryId'),
    productId: pick('productId'),
    customerClass: pick('customerClass'),
    channel: pick('channel'),
    unitId: pick('unitId'),
    userId: pick('userId'),
    processDefinitionId: pick('processDefinitionId'),
  };
}

async function oneRule(ctx: Ctx, id: string): Promise<TCaseRoutingRule> {
  const [rule] = await selectRules(ctx.db, ctx.actor.workspaceId, id);
  if (!rule) throw notFound('routing rule');
  return rule;
}

/** Adds a routing rule (admins). */
export async function createRoutingRule(ctx: Ctx, raw: TCaseRoutingRuleInput): Promise<TCaseRoutingRule> {
  const input = ZCaseRoutingRuleInput.parse(raw);
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  const values = valuesOf(input);
  await checkRule(ctx.db, workspaceId, values);
  const [row] = await ctx.db
    .insert(caseRoutingRules)
    .values({ workspaceId, ...values })
    .returning({ id: caseRoutingRules.id });
  if (!row) throw new Error('routing rule insert returned nothing');
  return oneRule(ctx, row.id);
}

/** Changes a routing rule (admins). */
export async function updateRoutingRule(ctx: Ctx, id: string, raw: TUpdateCaseRoutingRuleInput): Promise<TCaseRoutingRule> {
  const input = ZUpdateCaseRoutingRuleInput.parse(raw);
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(caseRoutingRules)
      .where(and(eq(caseRoutingRules.workspaceId, workspaceId), eq(caseRoutingRules.id, id)))
      .for('update');
    if (!row) throw notFound('routing rule');
    const values = valuesOf(input, row);
    await checkRule(tx, workspaceId, values);
    await tx
      .update(caseRoutingRules)
      .set(values)
      .where(and(eq(caseRoutingRules.workspaceId, workspaceId), eq(caseRoutingRules.id, id)));
  });
  return oneRule(ctx, id);
}

/** Removes a routing rule (admins); cases it routed keep their owner. */
export async function deleteRoutingRule(ctx: Ctx, id: string): Promise<void> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const deleted = await ctx.db
    .delete(caseRoutingRules)
    .where(and(eq(caseRoutingRules.workspaceId, ctx.actor.workspaceId), eq(caseRoutingRules.id, id)))
    .returning({ id: caseRoutingRules.id });
  if (deleted.length === 0) throw notFound('routing rule');
}

/** What routing looks at in a new case. */
export type RoutingFacts = {
  typeId: string;
  categoryId: string | null;
  productId: string | null;
  companyId: string | null;
  contactId: string | null;
  channel: TCaseChannel;
};

/**
 * The first active rule, by position, whose conditions all hold for the case; the customer's class
 * is the company's, else the contact's. A rule whose person has left since is passed over.
 */
export async function matchRoutingRule(db: Executor, workspaceId: string, facts: RoutingFacts): Promise<RuleRow | null> {
  const customerClass = sql`coalesce(
    (SELECT class FROM company WHERE workspace_id = ${workspaceId} AND id = ${facts.companyId}::uuid),
    (SELECT class FROM contact WHERE workspace_id = ${workspaceId} AND id = ${facts.contactId}::uuid))`;
  const [rule] = await db
    .select()
    .from(caseRoutingRules)
    .where(
      and(
        eq(caseRoutingRules.workspaceId, workspaceId),
        eq(caseRoutingRules.active, true),
        sql`(${caseRoutingRules.typeId} IS NULL OR ${caseRoutingRules.typeId} = ${facts.typeId})`,
        sql`(${caseRoutingRules.categoryId} IS NULL OR ${caseRoutingRules.categoryId} = ${facts.categoryId}::uuid)`,
        sql`(${caseRoutingRules.productId} IS NULL OR ${caseRoutingRules.productId} = ${facts.productId}::uuid)`,
        sql`(${caseRoutingRules.channel} IS NULL OR ${caseRoutingRules.channel} = ${facts.channel})`,
        sql`(${caseRoutingRules.customerClass} IS NULL OR ${caseRoutingRules.customerClass} = ${customerClass})`,
        sql`(${caseRoutingRules.userId} IS NULL OR EXISTS (SELECT 1 FROM app_user u
          WHERE u.workspace_id = ${caseRoutingRules.workspaceId} AND u.id = ${caseRoutingRules.userId} AND u.active))`,
      ),
    )
    .orderBy(asc(caseRoutingRules.position), asc(caseRoutingRules.createdAt), asc(caseRoutingRules.id))
    .limit(1);
  return rule ?? null;
}
