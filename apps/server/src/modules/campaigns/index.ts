export {
  type AttributedRow,
  type AttributionInput,
  type AttributionNames,
  assertAttribution,
  attributionNames,
  attributionValues,
  hasConvertingTouch,
  NO_ATTRIBUTION_NAMES,
  presentAttribution,
} from './attribution.ts';
export { campaignCosts, campaigns, leadSources } from './campaigns.table.ts';
