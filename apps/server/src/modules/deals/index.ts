export { assertReadableDeals, type DealRef, readableDealRefs, readableDealSql } from './deal-refs.ts';
export { dealPolicy } from './deals.policy.ts';
export { createDeal, createdInDays, readableDeals } from './deals.service.ts';
export { dealStageChanges, deals, lostReasons, pipelineStages, pipelines } from './deals.table.ts';
export { ensureDefaultPipeline } from './pipelines.service.ts';
