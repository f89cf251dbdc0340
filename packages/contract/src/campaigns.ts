import { z } from 'zod';

/** What kind of marketing effort a campaign is. */
export const CAMPAIGN_KINDS = ['exhibition', 'seminar', 'web_ads', 'press', 'mailing', 'other'] as const;
export const ZCampaignKind = z.enum(CAMPAIGN_KINDS);
export type TCampaignKind = z.infer<typeof ZCampaignKind>;

export const CAMPAIGN_STATUSES = ['planned', 'running', 'finished', 'cancelled'] as const;
export const ZCampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type TCampaignStatus = z.infer<typeof ZCampaignStatus>;
