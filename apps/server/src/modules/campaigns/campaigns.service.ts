import type {
  TCampaign,
  TCampaignCost,
  TCampaignDetail,
  TCampaignListQuery,
  TCreateCampaignCostInput,
  TCreateCampaignInput,
  TUpdateCampaignCostInput,
  TUpdateCampaignInput,
} from '@clientela/contract';
import { and, asc, eq, ilike, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort, type SortField } from '../../lib/pagination.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { savedViews, staticLists } from '../views/index.ts';
import { marketingPolicy } from './campaigns.policy.ts';
import { campaignCosts, campaigns, leadSources } from './campaigns.table.ts';
import { presentFigures, roiFigures } from './roi.ts';
import { invalid } from './shared.ts';

const costSums = {
  plannedCost: sql<string>`(SELECT coalesce(sum(planned), 0)::numeric(16, 2)::text FROM campaign_cost cc
    WHERE cc.workspace_id = ${campaigns.workspaceId} AND cc.campaign_id = ${campaigns.id})`,
  actualCost: sql<string>`(SELECT coalesce(sum(actual), 0)::numeric(16, 2)::text FROM campaign_cost cc
    WHERE cc.workspace_id = ${campaigns.workspaceId} AND cc.campaign_id = ${campaigns.id})`,
};

const SORTS: Record<'createdAt', SortField> = { createdAt: { column: campaigns.createdAt, cast: 'timestamptz' } };

function selectCampaigns(db: Executor, key: SQL<string> = sql<string>`''`) {
  return db
    .select({
      key,
      campaign: campaigns,
      sourceName: leadSources.name,
      ownerName: users.name,
      viewName: savedViews.name,
      viewEntity: savedViews.entity,
      listName: staticLists.name,
      listEntity: staticLists.entity,
      ...costSums,
    })
    .from(campaigns)
    .leftJoin(leadSources, and(eq(leadSources.workspaceId, campaigns.workspaceId), eq(leadSources.id, campaigns.sourceId)))
    .leftJoin(users, and(eq(users.workspaceId, campaigns.workspaceId), eq(users.id, campaigns.ownerId)))
    .leftJoin(savedViews, and(eq(savedViews.workspaceId, campaigns.workspaceId), eq(savedViews.id, campaigns.segmentViewId)))
    .leftJoin(staticLists, and(eq(staticLists.workspaceId, campaigns.workspaceId), eq(staticLists.id, campaigns.segmentListId)));
}
type Selected = Awaited<ReturnType<typeof selectCampaigns>>[number];

function present(row: Selected, baseCurrency: string, mayChange: boolean): TCampaign {
  const c = row.campaign;
  const segment =
    c.segmentViewId && row.viewName !== null && row.viewEntity !== null
      ? { type: 'view' as const, id: c.segmentViewId, name: row.viewName, entity: row.viewEntity }
      : c.segmentListId && row.listName !== null && row.listEntity !== null
        ? { type: 'list' as const, id: c.segmentListId, name: row.listName, entity: row.listEntity }
        : null;
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    budget: c.budget,
    baseCurrency,
    source: c.sourceId ? { id: c.sourceId, name: row.sourceName ?? '' } : null,
    owner: c.ownerId ? { id: c.ownerId, name: row.ownerName ?? '' } : null,
    segment,
    description: c.description,
    plannedCost: row.plannedCost,
    actualCost: row.actualCost,
    mayChange,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

const live = (workspaceId: string) => and(eq(campaigns.workspaceId, workspaceId), isNull(campaigns.deletedAt));

/** Campaigns, newest first, filtered; keyset-paginated on (created_at, id). */
export async function listCampaigns(ctx: Ctx, query: TCampaignListQuery) {
  await marketingPolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const q = query.q?.trim();
  const filters: (SQL | undefined)[] = [
    live(workspaceId),
    q ? ilike(campaigns.name, `%${escapeLike(q)}%`) : undefined,
    query['filter[kind]'] ? eq(campaigns.kind, query['filter[kind]']) : undefined,
    query['filter[status]'] ? eq(campaigns.status, query['filter[status]']) : undefined,
    query['filter[sourceId]'] ? eq(campaigns.sourceId, query['filter[sourceId]']) : undefined,
    query['filter[ownerId]'] ? eq(campaigns.ownerId, query['filter[ownerId]']) : undefined,
    // Running at some time in the period: starts before its end, ends after its start.
    query['filter[to]'] ? sql`(${campaigns.startsOn} IS NULL OR ${campaigns.startsOn} <= ${query['filter[to]']}::date)` : undefined,
    query['filter[from]'] ? sql`(${campaigns.endsOn} IS NULL OR ${campaigns.endsOn} >= ${query['filter[from]']}::date)` : undefined,
  ];
  const where = and(...filters);
  const keyset = parseSort(undefined, SORTS, '-createdAt');
  const [rows, counted, baseCurrency, mayChange] = await Promise.all([
    selectCampaigns(ctx.db, cursorKey(keyset))
      .where(and(where, afterCursor(keyset, campaigns.id, query.cursor)))
      .orderBy(...orderBy(keyset, campaigns.id))
      .limit(query.limit + 1),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(campaigns).where(where),
    baseCurrencyOf(ctx.db, workspaceId),
    marketingPolicy.can(ctx.actor, 'manage'),
  ]);
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.campaign.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  return {
    data: page.map((row) => present(row, baseCurrency, mayChange)),
    nextCursor,
    total: counted[0]?.n ?? 0,
  };
}

async function findLive(ctx: Ctx, db: Executor, id: string, lock = false) {
  const query = db
    .select()
    .from(campaigns)
    .where(and(live(ctx.actor.workspaceId), eq(campaigns.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('campaign');
  return row;
}

/** One campaign with its cost lines, their totals and what it brought (all time). */
export async function getCampaign(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TCampaignDetail> {
  await marketingPolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await selectCampaigns(db).where(and(live(workspaceId), eq(campaigns.id, id)));
  if (!row) throw notFound('campaign');
  const [costs, figures, baseCurrency, mayChange] = await Promise.all([
    db
      .select()
      .from(campaignCosts)
      .where(and(eq(campaignCosts.workspaceId, workspaceId), eq(campaignCosts.campaignId, id)))
      .orderBy(asc(campaignCosts.incurredOn), asc(campaignCosts.createdAt)),
    roiFigures(db, { workspaceId, period: null, by: 'campaign', attribution: 'converted', only: id }),
    baseCurrencyOf(db, workspaceId),
    marketingPolicy.can(ctx.actor, 'manage'),
  ]);
  const results = presentFigures(figures.find((f) => f.item === id));
  const [left] = row.campaign.budget
    ? (await db.execute<{ left: string }>(sql`SELECT (${row.campaign.budget}::numeric - ${row.actualCost}::numeric)::text AS left`)).rows
    : [];
  return {
    ...present(row, baseCurrency, mayChange),
    costs: costs.map(presentCost),
    totals: { planned: row.plannedCost, actual: row.actualCost, budgetLeft: left?.left ?? null },
    results: {
      leads: results.leads,
      deals: results.deals,
      wonDeals: results.wonDeals,
      wonRevenue: results.revenue,
      costPerLead: results.costPerLead,
      costPerWonDeal: results.costPerWonDeal,
      roi: results.roi,
    },
  };
}

const presentCost = (row: typeof campaignCosts.$inferSelect): TCampaignCost => ({
  id: row.id,
  description: row.description,
  planned: row.planned,
  actual: row.actual,
  incurredOn: row.incurredOn,
});

type Links = Pick<TUpdateCampaignInput, 'sourceId' | 'ownerId' | 'segmentViewId' | 'segmentListId'>;

/** The source, owner and segment named exist in the workspace (the segment visible to the actor): else 400 naming each. */
async function checkLinks(ctx: Ctx, db: Executor, input: Links) {
  const workspaceId = ctx.actor.workspaceId;
  const errors: { path: string; message: string }[] = [];
  const exists = async (query: SQL) => (await db.execute<{ ok: boolean }>(sql`SELECT EXISTS (${query}) AS ok`)).rows[0]?.ok ?? false;
  const visible = sql`(shared OR owner_id = ${ctx.actor.userId})`;
  if (input.sourceId && !(await exists(sql`SELECT 1 FROM lead_source WHERE workspace_id = ${workspaceId} AND id = ${input.sourceId}`)))
    errors.push({ path: 'sourceId', message: 'No such lead source' });
  if (input.ownerId && !(await exists(sql`SELECT 1 FROM app_user WHERE workspace_id = ${workspaceId} AND id = ${input.ownerId}`)))
    errors.push({ path: 'ownerId', message: 'No such user' });
  if (
    input.segmentViewId &&
    !(await exists(sql`SELECT 1 FROM saved_view WHERE workspace_id = ${workspaceId} AND id = ${input.segmentViewId} AND ${visible}`))
  )
    errors.push({ path: 'segmentViewId', message: 'No such saved view' });
  if (
    input.segmentListId &&
    !(await exists(sql`SELECT 1 FROM static_list WHERE workspace_id = ${workspaceId} AND id = ${input.segmentListId} AND ${visible}`))
  )
    errors.push({ path: 'segmentListId', message: 'No such list' });
  if (errors.length > 0) throw new AppError('validation_failed', 'The campaign names what does not exist', { errors });
}

/** A new campaign; its owner is the actor unless told. */
export async function createCampaign(ctx: Ctx, input: TCreateCampaignInput): Promise<TCampaignDetail> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
  await checkLinks(ctx, ctx.db, { ...input, ownerId });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...input, ownerId, workspaceId: ctx.actor.workspaceId })
      .returning({ id: campaigns.id });
    if (!row) throw new Error('campaign insert returned nothing');
    return getCampaign(ctx, row.id, tx);
  });
}

/** Changes the fields sent; the dates are checked against the stored ones. */
export async function updateCampaign(ctx: Ctx, id: string, input: TUpdateCampaignInput): Promise<TCampaignDetail> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  await checkLinks(ctx, ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const current = await findLive(ctx, tx, id, true);
    const startsOn = input.startsOn === undefined ? current.startsOn : input.startsOn;
    const endsOn = input.endsOn === undefined ? current.endsOn : input.endsOn;
    if (startsOn && endsOn && endsOn < startsOn) throw invalid('endsOn', 'Ends before it starts');
    // A segment replaces the other kind of segment.
    const segment = input.segmentViewId ? { segmentListId: null } : input.segmentListId ? { segmentViewId: null } : {};
    await tx
      .update(campaigns)
      .set({ ...input, ...segment, updatedAt: sql`now()` })
      .where(and(eq(campaigns.workspaceId, ctx.actor.workspaceId), eq(campaigns.id, id)));
    return getCampaign(ctx, id, tx);
  });
}

/** Moves a campaign to the bin: gone from lists and reports; records keep pointing at it. */
export async function deleteCampaign(ctx: Ctx, id: string): Promise<void> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  await findLive(ctx, ctx.db, id);
  await ctx.db
    .update(campaigns)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(campaigns.workspaceId, ctx.actor.workspaceId), eq(campaigns.id, id)));
}

/** Adds a cost line; answers the whole campaign, totals changed. */
export async function addCost(ctx: Ctx, id: string, input: TCreateCampaignCostInput): Promise<TCampaignDetail> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  return ctx.db.transaction(async (tx) => {
    await findLive(ctx, tx, id, true);
    await tx.insert(campaignCosts).values({ ...input, campaignId: id, workspaceId: ctx.actor.workspaceId });
    return getCampaign(ctx, id, tx);
  });
}

/** Changes a cost line. */
export async function updateCost(ctx: Ctx, id: string, costId: string, input: TUpdateCampaignCostInput): Promise<TCampaignDetail> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  return ctx.db.transaction(async (tx) => {
    await findLive(ctx, tx, id, true);
    const where = and(eq(campaignCosts.workspaceId, ctx.actor.workspaceId), eq(campaignCosts.campaignId, id), eq(campaignCosts.id, costId));
    const [row] =
      Object.keys(input).length > 0
        ? await tx.update(campaignCosts).set(input).where(where).returning({ id: campaignCosts.id })
        : await tx.select({ id: campaignCosts.id }).from(campaignCosts).where(where);
    if (!row) throw notFound('cost line');
    return getCampaign(ctx, id, tx);
  });
}

/** Removes a cost line. */
export async function deleteCost(ctx: Ctx, id: string, costId: string): Promise<TCampaignDetail> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  return ctx.db.transaction(async (tx) => {
    await findLive(ctx, tx, id, true);
    const [row] = await tx
      .delete(campaignCosts)
      .where(and(eq(campaignCosts.workspaceId, ctx.actor.workspaceId), eq(campaignCosts.campaignId, id), eq(campaignCosts.id, costId)))
      .returning({ id: campaignCosts.id });
    if (!row) throw notFound('cost line');
    return getCampaign(ctx, id, tx);
  });
}
