import type {
  DEAL_SORTS,
  TCreateDealInput,
  TDeal,
  TDealListQuery,
  TDealRequiredField,
  TMoveDealInput,
  TUpdateDealInput,
} from '@clientela/contract';
import { FILTER_NONE, ZCreateDealInput, ZMoveDealInput, ZUpdateDealInput } from '@clientela/contract';
import { type AnyColumn, and, asc, eq, gte, ilike, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort, type SortField } from '../../lib/pagination.ts';
import { assertReadable, unitOfUser } from '../activities/records.ts';
import { type AttributionNames, attributionNames, presentAttribution } from '../campaigns/index.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { baseAmountSql, baseCurrencyOf, unknownCurrencies } from '../currencies/index.ts';
import { products } from '../products/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { attributionOfChangedDeal, attributionOfNewDeal } from './deal-attribution.ts';
import { dealPolicy } from './deals.policy.ts';
import { dealStageChanges, deals, lostReasons, pipelineStages, pipelines } from './deals.table.ts';
import { ensureDefaultPipeline, inactiveLostReason } from './pipelines.service.ts';

const SORTS: Record<(typeof DEAL_SORTS)[number], SortField> = {
  stageEnteredAt: { column: deals.stageEnteredAt, cast: 'timestamptz' },
  expectedCloseOn: { column: deals.expectedCloseOn },
  amountBase: { column: deals.amountBase },
  title: { column: deals.title },
  createdAt: { column: deals.createdAt, cast: 'timestamptz' },
};

export function selectDeals(db: Executor, key: SQL<string> = sql<string>`''`) {
  return db
    .select({
      key,
      deal: deals,
      stageName: pipelineStages.name,
      stageKind: pipelineStages.kind,
      stageProbability: pipelineStages.probability,
      companyName: companies.name,
      contactName: contacts.name,
      ownerName: users.name,
      lostReasonName: lostReasons.name,
      productName: products.name,
      baseCurrency: workspaces.baseCurrency,
    })
    .from(deals)
    .innerJoin(pipelineStages, and(eq(pipelineStages.workspaceId, deals.workspaceId), eq(pipelineStages.id, deals.stageId)))
    .innerJoin(workspaces, eq(workspaces.id, deals.workspaceId))
    .leftJoin(companies, and(eq(companies.workspaceId, deals.workspaceId), eq(companies.id, deals.companyId)))
    .leftJoin(contacts, and(eq(contacts.workspaceId, deals.workspaceId), eq(contacts.id, deals.contactId)))
    .leftJoin(users, and(eq(users.workspaceId, deals.workspaceId), eq(users.id, deals.ownerId)))
    .leftJoin(lostReasons, and(eq(lostReasons.workspaceId, deals.workspaceId), eq(lostReasons.id, deals.lostReasonId)))
    .leftJoin(products, and(eq(products.workspaceId, deals.workspaceId), eq(products.id, deals.productId)));
}

type Selected = Awaited<ReturnType<typeof selectDeals>>[number];

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** A deal as the API shows it to this reader; `names` of its sources and campaigns when the caller has loaded them for a page. */
export async function presentDeal(ctx: Ctx, row: Selected, names?: AttributionNames): Promise<TDeal> {
  const { deal } = row;
  const named = names ?? (await attributionNames(ctx.db, deal.workspaceId, [deal]));
  return {
    id: deal.id,
    title: deal.title,
    pipelineId: deal.pipelineId,
    stage: { id: deal.stageId, name: row.stageName, kind: row.stageKind },
    company: ref(deal.companyId, row.companyName),
    contact: ref(deal.contactId, row.contactName),
    owner: ref(deal.ownerId, row.ownerName),
    unitId: deal.unitId,
    source: deal.source,
    product: ref(deal.productId, row.productName),
    amount: deal.amount,
    currency: deal.currency,
    amountBase: deal.amountBase,
    baseCurrency: row.baseCurrency,
    probability: deal.probability ?? row.stageProbability,
    expectedCloseOn: deal.expectedCloseOn,
    closedOn: deal.closedOn,
    lostReason: ref(deal.lostReasonId, row.lostReasonName),
    lostNote: deal.lostNote,
    stageEnteredAt: deal.stageEnteredAt.toISOString(),
    notes: deal.notes,
    attribution: presentAttribution(deal, named),
    mayChange: await dealPolicy.can(ctx.actor, 'update', { id: deal.id, ownerId: deal.ownerId, unitId: deal.unitId }),
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
  };
}

/** The deals this actor may read, as SQL. */
export async function readableDeals(ctx: Ctx): Promise<SQL> {
  return and(
    eq(deals.workspaceId, ctx.actor.workspaceId),
    isNull(deals.deletedAt),
    await dealPolicy.filter(ctx.actor, 'read', { owner: deals.ownerId, unit: deals.unitId, id: deals.id }),
  ) as SQL;
}

export async function findVisible(ctx: Ctx, db: Executor, id: string): Promise<Selected> {
  const [row] = await selectDeals(db).where(and(eq(deals.id, id), await readableDeals(ctx)));
  if (!row) throw notFound('deal');
  return row;
}

export async function getDeal(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TDeal> {
  return presentDeal(ctx, await findVisible(ctx, db, id));
}

type Stage = typeof pipelineStages.$inferSelect;

async function liveStage(db: Executor, workspaceId: string, id: string, path: string): Promise<Stage> {
  const [stage] = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.id, id), isNull(pipelineStages.deletedAt)));
  if (!stage) throw new AppError('validation_failed', 'No such stage', { errors: [{ path, message: 'No such stage' }] });
  return stage;
}

/** Where a deal goes when only a pipeline (or nothing) is named: that pipeline's (the default's) first stage. */
async function firstStage(db: Executor, workspaceId: string, pipelineId: string | undefined): Promise<Stage> {
  const [stage] = await db
    .select({ stage: pipelineStages })
    .from(pipelineStages)
    .innerJoin(pipelines, and(eq(pipelines.workspaceId, pipelineStages.workspaceId), eq(pipelines.id, pipelineStages.pipelineId)))
    .where(
      and(
        eq(pipelineStages.workspaceId, workspaceId),
        isNull(pipelineStages.deletedAt),
        isNull(pipelines.deletedAt),
        pipelineId ? eq(pipelines.id, pipelineId) : eq(pipelines.isDefault, true),
      ),
    )
    .orderBy(sql`${pipelineStages.kind} <> 'open'`, asc(pipelineStages.position))
    .limit(1);
  if (!stage)
    throw new AppError('validation_failed', 'No such pipeline', { errors: [{ path: 'pipelineId', message: 'No such pipeline' }] });
  return stage.stage;
}

/** What a deal holds once written: the fields a stage may require, and the rest. */
type Values = {
  title: string;
  companyId: string | null;
  contactId: string | null;
  ownerId: string | null;
  source: string | null;
  productId: string | null;
  amount: string | null;
  currency: string | null;
  probability: number | null;
  expectedCloseOn: string | null;
  lostReasonId: string | null;
  lostNote: string | null;
  notes: string | null;
};

/** The fields `stage` asks for that `values` lack: 400 `stage_requirements` naming each. */
function assertStageRequirements(stage: Stage, values: Values) {
  const missing = (stage.requiredFields as TDealRequiredField[]).filter((field) => {
    if (field === 'lostReasonId' && stage.kind !== 'lost') return false;
    const value = values[field];
    return value === null || value === '';
  });
  if (missing.length)
    throw new AppError('stage_requirements', `"${stage.name}" needs ${missing.join(', ')}`, {
      errors: missing.map((path) => ({ path, message: `Required in "${stage.name}"` })),
    });
}

/** Checks what a deal links to and names: readable customers, a known currency, an active lost reason. */
async function checkLinks(ctx: Ctx, db: Executor, values: Values, changed: (field: keyof Values) => boolean) {
  const workspaceId = ctx.actor.workspaceId;
  const errors = [];
  if (values.amount !== null && !values.currency) errors.push({ path: 'currency', message: 'An amount needs its currency' });
  if (values.currency && changed('currency'))
    errors.push(...(await unknownCurrencies(db, workspaceId, [{ path: 'currency', code: values.currency }])));
  if (values.productId && changed('productId')) {
    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.workspaceId, workspaceId), eq(products.id, values.productId), isNull(products.deletedAt)));
    if (!product) errors.push({ path: 'productId', message: 'No such product' });
  }
  if (values.lostReasonId && changed('lostReasonId') && (await inactiveLostReason(db, workspaceId, values.lostReasonId)))
    errors.push({ path: 'lostReasonId', message: 'No such lost reason' });
  if (errors.length) throw new AppError('validation_failed', 'The deal is not consistent', { errors });
  await assertReadable(ctx, db, [
    { path: 'companyId', type: 'company', ids: values.companyId && changed('companyId') ? [values.companyId] : [], single: true },
    { path: 'contactId', type: 'contact', ids: values.contactId && changed('contactId') ? [values.contactId] : [], single: true },
  ]);
}

/** Today in the actor's time zone: the day a deal is won or lost. */
const actorToday = (ctx: Ctx) =>
  sql<string>`(SELECT (now() AT TIME ZONE u.time_zone)::date FROM app_user u WHERE u.workspace_id = ${ctx.actor.workspaceId} AND u.id = ${ctx.actor.userId})`;

/** The columns that follow from the values and the stage: close day, rate day, base value. */
function derived(ctx: Ctx, values: Values, stage: Stage, closedOn: SQL | string | null, createdOn: SQL | string) {
  const closed = stage.kind === 'open' ? null : closedOn;
  const rateOn = sql`coalesce(${closed}::date, ${values.expectedCloseOn}::date, ${createdOn}::date)`;
  return {
    closedOn: closed === null ? null : sql`${closed}::date`,
    rateOn,
    amountBase:
      values.amount === null
        ? null
        : baseAmountSql(sql`${ctx.actor.workspaceId}::uuid`, sql`${values.amount}::numeric`, sql`${values.currency}::text`, rateOn),
  };
}

export async function createDeal(ctx: Ctx, raw: TCreateDealInput): Promise<TDeal> {
  const input = ZCreateDealInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ensureDefaultPipeline(ctx.db, workspaceId);
  const id = await ctx.db.transaction(async (tx) => {
    const stage = input.stageId
      ? await liveStage(tx, workspaceId, input.stageId, 'stageId')
      : await firstStage(tx, workspaceId, input.pipelineId);
    if (input.pipelineId && stage.pipelineId !== input.pipelineId)
      throw new AppError('validation_failed', 'The stage is not in that pipeline', {
        errors: [{ path: 'stageId', message: 'Not a stage of this pipeline' }],
      });
    const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
    const unitId = ownerId
      ? ownerId === ctx.actor.userId
        ? ctx.actor.unitId
        : await unitOfUser(tx, workspaceId, ownerId, 'ownerId')
      : null;
    await dealPolicy.authorize(ctx.actor, 'create', { ownerId, unitId });
    const base = input.amount && !input.currency ? await baseCurrencyOf(tx, workspaceId) : undefined;
    const values: Values = {
      title: input.title,
      companyId: input.companyId ?? null,
      contactId: input.contactId ?? null,
      ownerId,
      source: input.source || null,
      productId: input.productId ?? null,
      amount: input.amount ?? null,
      currency: input.currency ?? base ?? null,
      probability: input.probability ?? null,
      expectedCloseOn: input.expectedCloseOn ?? null,
      lostReasonId: stage.kind === 'lost' ? (input.lostReasonId ?? null) : null,
      lostNote: stage.kind === 'lost' ? input.lostNote || null : null,
      notes: input.notes || null,
    };
    await checkLinks(ctx, tx, values, () => true);
    assertStageRequirements(stage, values);
    const attribution = await attributionOfNewDeal(tx, workspaceId, input, values, stage.kind);
    const [row] = await tx
      .insert(deals)
      .values({
        workspaceId,
        ...values,
        ...attribution,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        unitId,
        ...derived(ctx, values, stage, actorToday(ctx), sql`CURRENT_DATE`),
        createdById: ctx.actor.userId,
      })
      .returning({ id: deals.id });
    if (!row) throw new Error('deal insert returned nothing');
    await tx
      .insert(dealStageChanges)
      .values({ workspaceId, dealId: row.id, fromStageId: null, toStageId: stage.id, changedById: ctx.actor.userId });
    return row.id;
  });
  return getDeal(ctx, id);
}

/**
 * Changes a deal, and moves it when `stageId` names another stage: the target stage's required
 * fields must then be there (400 `stage_requirements` naming the missing ones), the move is kept
 * in the deal's stage history, and a won or lost stage closes it today.
 */
export async function updateDeal(ctx: Ctx, id: string, raw: TUpdateDealInput): Promise<TDeal> {
  const input = ZUpdateDealInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    // Locked first, so that two moves at once each see the other's result; the stage it goes to
    // (or its own) comes in the same round trip.
    const [locked] = await tx
      .select({ deal: deals, createdOn: sql<string>`(${deals.createdAt} AT TIME ZONE 'UTC')::date::text`, target: pipelineStages })
      .from(deals)
      .leftJoin(
        pipelineStages,
        and(
          eq(pipelineStages.workspaceId, deals.workspaceId),
          eq(pipelineStages.id, sql`coalesce(${input.stageId ?? null}::uuid, ${deals.stageId})`),
          isNull(pipelineStages.deletedAt),
        ),
      )
      .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)))
      .for('update', { of: deals });
    const visible =
      locked && (await dealPolicy.can(ctx.actor, 'read', { id: locked.deal.id, ownerId: locked.deal.ownerId, unitId: locked.deal.unitId }));
    if (!locked || locked.deal.deletedAt || !visible) throw notFound('deal');
    const deal = locked.deal;
    await dealPolicy.authorize(ctx.actor, 'update', { id: deal.id, ownerId: deal.ownerId, unitId: deal.unitId });

    let stage: Stage;
    if (input.stageId && input.stageId !== deal.stageId) {
      if (!locked.target)
        throw new AppError('validation_failed', 'No such stage', { errors: [{ path: 'stageId', message: 'No such stage' }] });
      stage = locked.target;
    } else if (input.pipelineId && input.pipelineId !== deal.pipelineId) stage = await firstStage(tx, workspaceId, input.pipelineId);
    else stage = locked.target ?? (await liveStage(tx, workspaceId, deal.stageId, 'stageId'));
    if (input.pipelineId && stage.pipelineId !== input.pipelineId)
      throw new AppError('validation_failed', 'The stage is not in that pipeline', {
        errors: [{ path: 'stageId', message: 'Not a stage of this pipeline' }],
      });
    const moved = stage.id !== deal.stageId;

    const pick = <K extends keyof Values>(key: K, current: Values[K]): Values[K] =>
      (input[key as keyof TUpdateDealInput] === undefined ? current : (input[key as keyof TUpdateDealInput] ?? null)) as Values[K];
    const values: Values = {
      title: input.title ?? deal.title,
      companyId: pick('companyId', deal.companyId),
      contactId: pick('contactId', deal.contactId),
      ownerId: pick('ownerId', deal.ownerId),
      source: pick('source', deal.source) || null,
      productId: pick('productId', deal.productId),
      amount: pick('amount', deal.amount),
      currency: pick('currency', deal.currency),
      probability: pick('probability', deal.probability),
      expectedCloseOn: pick('expectedCloseOn', deal.expectedCloseOn),
      lostReasonId: stage.kind === 'lost' ? pick('lostReasonId', deal.lostReasonId) : null,
      lostNote: stage.kind === 'lost' ? pick('lostNote', deal.lostNote) || null : null,
      notes: pick('notes', deal.notes) || null,
    };
    if (values.amount !== null && !values.currency && input.amount !== undefined) {
      values.currency = (await baseCurrencyOf(tx, workspaceId)) ?? null;
    }
    const changed = (field: keyof Values) => values[field] !== (deal as Record<string, unknown>)[field];
    await checkLinks(ctx, tx, values, changed);
    if (moved || input.stageId) assertStageRequirements(stage, values);
    const attribution = await attributionOfChangedDeal(tx, workspaceId, deal, input, moved && stage.kind === 'won');

    let unitId = deal.unitId;
    if (values.ownerId !== deal.ownerId) {
      unitId = values.ownerId ? await unitOfUser(tx, workspaceId, values.ownerId, 'ownerId') : null;
      // Handing a deal over is changing it for the new owner's unit as well.
      await dealPolicy.authorize(ctx.actor, 'assign', { ownerId: values.ownerId, unitId });
    }
    const closedOn = moved ? actorToday(ctx) : deal.closedOn;
    await tx
      .update(deals)
      .set({
        ...values,
        ...attribution,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        unitId,
        ...derived(ctx, values, stage, closedOn, locked.createdOn),
        ...(moved ? { stageEnteredAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
    if (moved)
      await tx
        .insert(dealStageChanges)
        .values({ workspaceId, dealId: id, fromStageId: deal.stageId, toStageId: stage.id, changedById: ctx.actor.userId });
  });
  // The actor may change it, so may read it: read back by id with a prepared statement (a move is
  // the board's most frequent write, and planning this join took a third of it).
  return presentDeal(ctx, await dealById(ctx.db, workspaceId, id));
}

const byId = new WeakMap<Executor, ReturnType<typeof prepareById>>();
const prepareById = (db: Executor) =>
  selectDeals(db)
    .where(and(eq(deals.workspaceId, sql.placeholder('workspaceId')), eq(deals.id, sql.placeholder('id'))))
    .prepare('deal_by_id');

async function dealById(db: Executor, workspaceId: string, id: string): Promise<Selected> {
  let statement = byId.get(db);
  if (!statement) {
    statement = prepareById(db);
    byId.set(db, statement);
  }
  const [row] = await statement.execute({ workspaceId, id });
  if (!row) throw notFound('deal');
  return row;
}

/** A card dropped on another stage, with what that stage asks for. */
export async function moveDeal(ctx: Ctx, id: string, raw: TMoveDealInput): Promise<TDeal> {
  const input = ZMoveDealInput.parse(raw);
  return updateDeal(ctx, id, input);
}

export async function deleteDeal(ctx: Ctx, id: string): Promise<void> {
  const { deal } = await findVisible(ctx, ctx.db, id);
  await dealPolicy.authorize(ctx.actor, 'delete', { ownerId: deal.ownerId, unitId: deal.unitId });
  await ctx.db
    .update(deals)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(deals.workspaceId, ctx.actor.workspaceId), eq(deals.id, id)));
}

/** A filter on an id column; `none` asks for the rows without one. */
const idOrNone = (column: AnyColumn, value: string | undefined) =>
  value === undefined ? undefined : value === FILTER_NONE ? isNull(column) : eq(column, value);

/**
 * Deals by their company's region, as the sales report groups them (trimmed, blank as none);
 * `none`: deals without a company or whose company has no region.
 */
function regionFilter(workspaceId: string, region: string | undefined): SQL | undefined {
  if (region === undefined) return undefined;
  const withRegion = (value: SQL) =>
    sql`${deals.companyId} IN (SELECT c.id FROM company c WHERE c.workspace_id = ${workspaceId} AND ${value})`;
  return region === FILTER_NONE
    ? sql`(${deals.companyId} IS NULL OR NOT ${withRegion(sql`nullif(btrim(c.region), '') IS NOT NULL`)})`
    : withRegion(sql`btrim(c.region) = ${region}`);
}

/** The reader's time zone, as their profile names it: the calendar their date filters are read in. */
export const readerZone = (ctx: Ctx) =>
  sql<string>`(SELECT u.time_zone FROM app_user u WHERE u.workspace_id = ${ctx.actor.workspaceId} AND u.id = ${ctx.actor.userId})`;

/** Deals created from the start of `from` to the end of `to` (both included) on the calendar of `zone`. */
export function createdInDays(zone: SQL | string, from: string | undefined, to: string | undefined): SQL | undefined {
  return and(
    from ? sql`${deals.createdAt} >= (${from}::date::timestamp AT TIME ZONE ${zone})` : undefined,
    to ? sql`${deals.createdAt} < ((${to}::date + 1)::timestamp AT TIME ZONE ${zone})` : undefined,
  );
}

/**
 * Deals that reached a stage, as the funnel counts them: they entered it (their stage history or
 * their present stage says so), or, for an open stage, a later open stage or a won one of its pipeline.
 */
function reachedStage(workspaceId: string, stageId: string | undefined): SQL | undefined {
  if (stageId === undefined) return undefined;
  return sql`EXISTS (SELECT 1 FROM pipeline_stage target
      JOIN pipeline_stage s ON s.workspace_id = target.workspace_id AND s.pipeline_id = target.pipeline_id AND s.deleted_at IS NULL
        AND (s.id = target.id OR (target.kind = 'open' AND (s.kind = 'won' OR (s.kind = 'open' AND s.position > target.position))))
    WHERE target.workspace_id = ${workspaceId} AND target.id = ${stageId} AND target.pipeline_id = ${deals.pipelineId}
      AND (s.id = ${deals.stageId} OR EXISTS (SELECT 1 FROM deal_stage_change c
        WHERE c.workspace_id = ${deals.workspaceId} AND c.deal_id = ${deals.id} AND c.to_stage_id = s.id)))`;
}

/** Deals lost for a reason; `none`: lost with no reason given. */
function lostReasonFilter(workspaceId: string, reasonId: string | undefined): SQL | undefined {
  if (reasonId !== FILTER_NONE) return idOrNone(deals.lostReasonId, reasonId);
  return sql`${deals.lostReasonId} IS NULL
    AND ${deals.stageId} IN (SELECT s.id FROM pipeline_stage s WHERE s.workspace_id = ${workspaceId} AND s.kind = 'lost')`;
}

/** The filters of the deals list, shared with the board. */
export async function dealConditions(ctx: Ctx, query: Pick<TDealListQuery, 'q' | 'filter[ownerId]'> & Partial<TDealListQuery>) {
  const q = query.q?.trim();
  const status = query['filter[status]'];
  return [
    await readableDeals(ctx),
    query['filter[pipelineId]'] ? eq(deals.pipelineId, query['filter[pipelineId]']) : undefined,
    query['filter[stageId]'] ? eq(deals.stageId, query['filter[stageId]']) : undefined,
    idOrNone(deals.ownerId, query['filter[ownerId]']),
    idOrNone(deals.companyId, query['filter[companyId]']),
    query['filter[contactId]'] ? eq(deals.contactId, query['filter[contactId]']) : undefined,
    idOrNone(deals.unitId, query['filter[unitId]']),
    idOrNone(deals.productId, query['filter[productId]']),
    regionFilter(ctx.actor.workspaceId, query['filter[region]']),
    query['filter[closedFrom]'] ? gte(deals.closedOn, query['filter[closedFrom]']) : undefined,
    query['filter[closedTo]'] ? lte(deals.closedOn, query['filter[closedTo]']) : undefined,
    createdInDays(readerZone(ctx), query['filter[createdFrom]'], query['filter[createdTo]']),
    reachedStage(ctx.actor.workspaceId, query['filter[reachedStageId]']),
    lostReasonFilter(ctx.actor.workspaceId, query['filter[lostReasonId]']),
    status
      ? sql`${deals.stageId} IN (SELECT s.id FROM pipeline_stage s WHERE s.workspace_id = ${ctx.actor.workspaceId} AND s.kind = ${status})`
      : undefined,
    q
      ? or(
          ilike(deals.title, `%${escapeLike(q)}%`),
          sql`${deals.companyId} IN (SELECT c.id FROM company c WHERE c.workspace_id = ${ctx.actor.workspaceId} AND c.name ILIKE ${`%${escapeLike(q)}%`})`,
        )
      : undefined,
  ];
}

const COUNT_CAP = 10_000;

/** Deals the actor may read, filtered and sorted, page by page. */
export async function listDeals(ctx: Ctx, query: TDealListQuery) {
  const keyset = parseSort(query.sort, SORTS, '-stageEnteredAt');
  const conditions = await dealConditions(ctx, query);
  const [rows, counted] = await Promise.all([
    selectDeals(ctx.db, cursorKey(keyset))
      .where(and(...conditions, afterCursor(keyset, deals.id, query.cursor)))
      .orderBy(...orderBy(keyset, deals.id))
      .limit(query.limit + 1),
    ctx.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${deals} WHERE ${and(...conditions)} LIMIT ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.deal.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  const total = counted.rows[0]?.n ?? 0;
  const names = await attributionNames(
    ctx.db,
    ctx.actor.workspaceId,
    page.map((row) => row.deal),
  );
  return {
    data: await Promise.all(page.map((row) => presentDeal(ctx, row, names))),
    nextCursor,
    total,
    ...(total > COUNT_CAP ? { totalIsEstimate: true } : {}),
  };
}
