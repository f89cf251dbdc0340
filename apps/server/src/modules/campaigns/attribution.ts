import type { TAttribution } from '@clientela/contract';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { campaigns, leadSources } from './campaigns.table.ts';

/** The attribution columns of a contact, company, deal or lead row. */
export type AttributedRow = {
  sourceId: string | null;
  campaignId: string | null;
  convertedSourceId: string | null;
  convertedCampaignId: string | null;
};
export type AttributionInput = { [K in keyof AttributedRow]?: string | null };

/** Names of the sources and campaigns some rows point to. */
export type AttributionNames = { sources: Map<string, string>; campaigns: Map<string, string> };

const SOURCE_FIELDS = ['sourceId', 'convertedSourceId'] as const;
const CAMPAIGN_FIELDS = ['campaignId', 'convertedCampaignId'] as const;

/** Loads, in two small queries, the names the rows' attribution shows (a soft-deleted campaign keeps its name). */
export async function attributionNames(db: Executor, workspaceId: string, rows: AttributedRow[]): Promise<AttributionNames> {
  const sourceIds = [...new Set(rows.flatMap((r) => SOURCE_FIELDS.map((f) => r[f])).filter((id): id is string => id !== null))];
  const campaignIds = [...new Set(rows.flatMap((r) => CAMPAIGN_FIELDS.map((f) => r[f])).filter((id): id is string => id !== null))];
  const [sources, named] = await Promise.all([
    sourceIds.length === 0
      ? []
      : db
          .select({ id: leadSources.id, name: leadSources.name })
          .from(leadSources)
          .where(and(eq(leadSources.workspaceId, workspaceId), inArray(leadSources.id, sourceIds))),
    campaignIds.length === 0
      ? []
      : db
          .select({ id: campaigns.id, name: campaigns.name })
          .from(campaigns)
          .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.id, campaignIds))),
  ]);
  return { sources: new Map(sources.map((s) => [s.id, s.name])), campaigns: new Map(named.map((c) => [c.id, c.name])) };
}

/** No names at all: for a presenter whose caller has no rows with attribution. */
export const NO_ATTRIBUTION_NAMES: AttributionNames = { sources: new Map(), campaigns: new Map() };

/** A row's attribution as the API shows it. */
export function presentAttribution(row: AttributedRow, names: AttributionNames): TAttribution {
  const ref = (id: string | null, map: Map<string, string>) => (id ? { id, name: map.get(id) ?? '' } : null);
  return {
    source: ref(row.sourceId, names.sources),
    campaign: ref(row.campaignId, names.campaigns),
    convertedSource: ref(row.convertedSourceId, names.sources),
    convertedCampaign: ref(row.convertedCampaignId, names.campaigns),
  };
}

/**
 * Checks that the sources and campaigns an input names exist in the workspace (a deleted campaign
 * does not); 400 `validation_failed` naming each field that does not.
 */
export async function assertAttribution(db: Executor, workspaceId: string, input: AttributionInput): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  for (const field of SOURCE_FIELDS) {
    const id = input[field];
    if (!id) continue;
    const [found] = await db
      .select({ id: leadSources.id })
      .from(leadSources)
      .where(and(eq(leadSources.workspaceId, workspaceId), eq(leadSources.id, id)));
    if (!found) errors.push({ path: field, message: 'No such lead source' });
  }
  for (const field of CAMPAIGN_FIELDS) {
    const id = input[field];
    if (!id) continue;
    const [found] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id), isNull(campaigns.deletedAt)));
    if (!found) errors.push({ path: field, message: 'No such campaign' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'No such lead source or campaign', { errors });
}

/** The attribution fields an input sets (only those sent), for an insert or an update. */
export function attributionValues(input: AttributionInput): AttributionInput {
  const values: AttributionInput = {};
  for (const field of [...SOURCE_FIELDS, ...CAMPAIGN_FIELDS]) if (input[field] !== undefined) values[field] = input[field];
  return values;
}

/**
 * The attribution of the deal aliased `d`, as a LATERAL subquery: that of the lead converted into
 * it, else of its contact, else of its company, the first that has any. (The deal table has no
 * attribution columns of its own yet.)
 */
export const DEAL_TOUCH = sql.raw(`LEFT JOIN LATERAL (
    SELECT x.source_id, x.campaign_id, x.converted_source_id, x.converted_campaign_id FROM (
      SELECT 1 AS rank, l.source_id, l.campaign_id, l.converted_source_id, l.converted_campaign_id
        FROM lead l WHERE l.workspace_id = d.workspace_id AND l.converted_deal_id = d.id AND l.deleted_at IS NULL
      UNION ALL
      SELECT 2, c.source_id, c.campaign_id, c.converted_source_id, c.converted_campaign_id
        FROM contact c WHERE c.workspace_id = d.workspace_id AND c.id = d.contact_id
      UNION ALL
      SELECT 3, co.source_id, co.campaign_id, co.converted_source_id, co.converted_campaign_id
        FROM company co WHERE co.workspace_id = d.workspace_id AND co.id = d.company_id
    ) x
    WHERE coalesce(x.source_id, x.campaign_id, x.converted_source_id, x.converted_campaign_id) IS NOT NULL
    ORDER BY x.rank LIMIT 1
  ) t ON true`);

/** The attribution of some deals, by deal id (see DEAL_TOUCH). */
export async function dealAttributions(db: Executor, workspaceId: string, dealIds: string[]): Promise<Map<string, AttributedRow>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db.execute<{
    id: string;
    source_id: string | null;
    campaign_id: string | null;
    converted_source_id: string | null;
    converted_campaign_id: string | null;
  }>(sql`SELECT d.id, t.source_id, t.campaign_id, t.converted_source_id, t.converted_campaign_id
    FROM deal d ${DEAL_TOUCH}
    WHERE d.workspace_id = ${workspaceId} AND d.id IN ${sql`(${sql.join(
      dealIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`}`);
  return new Map(
    rows.rows.map((r) => [
      r.id,
      {
        sourceId: r.source_id,
        campaignId: r.campaign_id,
        convertedSourceId: r.converted_source_id,
        convertedCampaignId: r.converted_campaign_id,
      },
    ]),
  );
}

/** The attribution of some deals with the names it shows, by deal id. */
export async function presentDealAttributions(db: Executor, workspaceId: string, dealIds: string[]): Promise<Map<string, TAttribution>> {
  const touches = await dealAttributions(db, workspaceId, dealIds);
  const names = await attributionNames(db, workspaceId, [...touches.values()]);
  return new Map([...touches].map(([id, touch]) => [id, presentAttribution(touch, names)]));
}
