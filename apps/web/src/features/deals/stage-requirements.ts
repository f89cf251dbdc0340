import { DEAL_REQUIRED_FIELDS, type TDeal, type TDealRequiredField, type TPipelineStage } from '@clientela/contract';
import { isApiError } from '../../lib/api.ts';

const HAS: Record<TDealRequiredField, (deal: TDeal) => boolean> = {
  amount: (deal) => deal.amount !== null,
  expectedCloseOn: (deal) => deal.expectedCloseOn !== null,
  companyId: (deal) => deal.company !== null,
  contactId: (deal) => deal.contact !== null,
  source: (deal) => Boolean(deal.source?.trim()),
  lostReasonId: (deal) => deal.lostReason !== null,
};

/** The fields `stage` requires that `deal` lacks, in the contract's order. */
export function missingFields(deal: TDeal, stage: TPipelineStage): TDealRequiredField[] {
  return DEAL_REQUIRED_FIELDS.filter(
    // A lost reason only counts on a lost stage, as the server has it.
    (field) => stage.requiredFields.includes(field) && !HAS[field](deal) && (field !== 'lostReasonId' || stage.kind === 'lost'),
  );
}

/** The fields a 400 `stage_requirements` names (`amount`, `body.amount`, `/amount`); none for any other error. */
export function requiredByServer(error: unknown): TDealRequiredField[] {
  if (!isApiError(error, 'stage_requirements')) return [];
  const named = new Set(error.errors.map((item) => item.path.replace(/^\/|^body[./]/, '').split(/[./]/)[0]));
  // `currency` comes with `amount`: both are asked together.
  if (named.has('currency')) named.add('amount');
  return DEAL_REQUIRED_FIELDS.filter((field) => named.has(field));
}
