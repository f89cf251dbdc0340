export {
  type AttributedRow,
  type AttributionInput,
  type AttributionNames,
  assertAttribution,
  attributionNames,
  attributionValues,
  DEAL_TOUCH,
  dealAttributions,
  NO_ATTRIBUTION_NAMES,
  presentAttribution,
  presentDealAttributions,
} from './attribution.ts';
export { campaignCosts, campaigns, leadSources } from './campaigns.table.ts';
