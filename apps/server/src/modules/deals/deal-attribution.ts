import type { TCreateDealInput, TStageKind, TUpdateDealInput } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type AttributedRow, type AttributionInput, assertAttribution, hasConvertingTouch } from '../campaigns/index.ts';

const FIELDS = ['sourceId', 'campaignId', 'convertedSourceId', 'convertedCampaignId'] as const;

/** The first touch of a deal's contact, else of its company: the first of them that has one. */
async function customerFirstTouch(
  db: Executor,
  workspaceId: string,
  contactId: string | null,
  companyId: string | null,
): Promise<Pick<AttributedRow, 'sourceId' | 'campaignId'> | null> {
  if (!contactId && !companyId) return null;
  const result = await db.execute<{ source_id: string | null; campaign_id: string | null }>(sql`
    SELECT x.source_id, x.campaign_id FROM (
      SELECT 1 AS rank, c.source_id, c.campaign_id FROM contact c WHERE c.workspace_id = ${workspaceId} AND c.id = ${contactId}::uuid
      UNION ALL
      SELECT 2, co.source_id, co.campaign_id FROM company co WHERE co.workspace_id = ${workspaceId} AND co.id = ${companyId}::uuid
    ) x
    WHERE coalesce(x.source_id, x.campaign_id) IS NOT NULL
    ORDER BY x.rank LIMIT 1`);
  const row = result.rows[0];
  return row ? { sourceId: row.source_id, campaignId: row.campaign_id } : null;
}

/** A won deal without a converting touch was converted by its first touch. */
function convertedWhenWon(touch: AttributedRow, wonNow: boolean): AttributedRow {
  if (!wonNow || hasConvertingTouch(touch)) return touch;
  return { ...touch, convertedSourceId: touch.sourceId, convertedCampaignId: touch.campaignId };
}

/**
 * The attribution of a new deal: as given (each source and campaign must exist in the workspace,
 * 400 `validation_failed` naming the field), else its contact's or its company's first touch; a
 * deal created won takes its first touch as its converting one when it has none.
 */
export async function attributionOfNewDeal(
  db: Executor,
  workspaceId: string,
  input: TCreateDealInput,
  customer: { contactId: string | null; companyId: string | null },
  kind: TStageKind,
): Promise<AttributedRow> {
  await assertAttribution(db, workspaceId, input);
  const given = input.sourceId || input.campaignId;
  const first = given
    ? { sourceId: input.sourceId ?? null, campaignId: input.campaignId ?? null }
    : ((await customerFirstTouch(db, workspaceId, customer.contactId, customer.companyId)) ?? { sourceId: null, campaignId: null });
  return convertedWhenWon(
    { ...first, convertedSourceId: input.convertedSourceId ?? null, convertedCampaignId: input.convertedCampaignId ?? null },
    kind === 'won',
  );
}

/**
 * The attribution of a changed deal: the fields sent (those that change must exist in the
 * workspace), the others kept; entering a won stage without a converting touch sets its first one.
 */
export async function attributionOfChangedDeal(
  db: Executor,
  workspaceId: string,
  deal: AttributedRow,
  input: TUpdateDealInput,
  enteredWon: boolean,
): Promise<AttributedRow> {
  const changed: AttributionInput = {};
  const next: AttributedRow = {
    sourceId: deal.sourceId,
    campaignId: deal.campaignId,
    convertedSourceId: deal.convertedSourceId,
    convertedCampaignId: deal.convertedCampaignId,
  };
  for (const field of FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    next[field] = value;
    // A campaign removed since keeps its place on the deals that already name it.
    if (value !== deal[field]) changed[field] = value;
  }
  await assertAttribution(db, workspaceId, changed);
  return convertedWhenWon(next, enteredWon);
}
