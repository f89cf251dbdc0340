import type { TCampaign, TCampaignKind, TCampaignStatus, TCreateCampaignInput } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';

/** What the campaign form holds while being edited. */
export type CampaignFormValues = {
  name?: string;
  kind?: TCampaignKind;
  status?: TCampaignStatus;
  dates?: [Dayjs | null, Dayjs | null] | null;
  budget?: number | null;
  sourceId?: string | null;
  ownerId?: string | null;
  /** `view:<id>` or `list:<id>`: one select offers both. */
  segment?: string | null;
  description?: string | null;
};

/** The API's fields the form holds under another name, for its field errors. */
export const CAMPAIGN_FORM_FIELD: Record<string, string> = {
  startsOn: 'dates',
  endsOn: 'dates',
  segmentViewId: 'segment',
  segmentListId: 'segment',
};

/** An amount typed in a number input as the API's decimal string. */
export function moneyInput(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed(2);
}

/** The form's values as the API takes them; days are plain calendar dates. */
export function toCampaignInput(values: CampaignFormValues): TCreateCampaignInput {
  const [start, end] = values.dates ?? [null, null];
  const segment = values.segment ?? '';
  return {
    name: values.name?.trim() ?? '',
    kind: values.kind ?? 'other',
    ...(values.status ? { status: values.status } : {}),
    startsOn: start ? start.format('YYYY-MM-DD') : null,
    endsOn: end ? end.format('YYYY-MM-DD') : null,
    budget: moneyInput(values.budget),
    sourceId: values.sourceId ?? null,
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    segmentViewId: segment.startsWith('view:') ? segment.slice(5) : null,
    segmentListId: segment.startsWith('list:') ? segment.slice(5) : null,
    description: values.description?.trim() || null,
  };
}

/** A campaign, ready for the form. */
export function toCampaignFormValues(campaign: TCampaign): CampaignFormValues {
  return {
    name: campaign.name,
    kind: campaign.kind,
    status: campaign.status,
    dates:
      campaign.startsOn || campaign.endsOn
        ? [campaign.startsOn ? dayjs(campaign.startsOn) : null, campaign.endsOn ? dayjs(campaign.endsOn) : null]
        : null,
    budget: campaign.budget === null ? null : Number(campaign.budget),
    sourceId: campaign.source?.id ?? null,
    ownerId: campaign.owner?.id ?? null,
    segment: campaign.segment ? `${campaign.segment.type}:${campaign.segment.id}` : null,
    description: campaign.description,
  };
}
