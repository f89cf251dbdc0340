import type { TAttribution } from '@clientela/contract';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
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
  // One after the other: callers pass a transaction too, whose one connection runs a query at a time.
  const sources =
    sourceIds.length === 0
      ? []
      : await db
          .select({ id: leadSources.id, name: leadSources.name })
          .from(leadSources)
          .where(and(eq(leadSources.workspaceId, workspaceId), inArray(leadSources.id, sourceIds)));
  const named =
    campaignIds.length === 0
      ? []
      : await db
          .select({ id: campaigns.id, name: campaigns.name })
          .from(campaigns)
          .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.id, campaignIds)));
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

/** Whether a row names a converting touch (a source or a campaign): that touch then counts, not the first. */
export const hasConvertingTouch = (row: AttributedRow) => row.convertedSourceId !== null || row.convertedCampaignId !== null;

/**
 * The touch a record is credited to, as SQL on the table aliased `alias`: with `converted`, its
 * converting touch when it has one (source and campaign together, never one of each), else its
 * first touch.
 */
export function creditedTouch(alias: string, attribution: 'converted' | 'first'): { sourceId: SQL; campaignId: SQL } {
  const a = sql.raw(alias);
  if (attribution === 'first') return { sourceId: sql`${a}.source_id`, campaignId: sql`${a}.campaign_id` };
  const converted = sql`(${a}.converted_source_id IS NOT NULL OR ${a}.converted_campaign_id IS NOT NULL)`;
  return {
    sourceId: sql`CASE WHEN ${converted} THEN ${a}.converted_source_id ELSE ${a}.source_id END`,
    campaignId: sql`CASE WHEN ${converted} THEN ${a}.converted_campaign_id ELSE ${a}.campaign_id END`,
  };
}
