import type { TCreateDealInput, TDeal } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';

/** How each language writes the decimals of an amount. */
export const DECIMAL_SEPARATOR = { en: '.', ru: ',', it: ',' } as const;

/** An amount as the API takes it: at most two decimals, no grouping ("5200.50"); null when empty. */
export function toAmount(value: string | number | null | undefined): string | null {
  const text = value?.toString().trim();
  if (!text) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number.toFixed(2) : text;
}

/** What the deal form holds while being edited. */
export type DealFormValues = {
  title?: string;
  pipelineId?: string;
  stageId?: string;
  companyId?: string | null;
  contactId?: string | null;
  ownerId?: string | null;
  source?: string | null;
  amount?: string | null;
  currency?: string | null;
  probability?: number | null;
  expectedCloseOn?: Dayjs | null;
  notes?: string | null;
};

const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The form's values as the API takes them; the close date is a plain day, formatted from the picked day itself. */
export function toDealInput(values: DealFormValues): TCreateDealInput {
  const amount = toAmount(values.amount);
  return {
    title: values.title?.trim() ?? '',
    pipelineId: values.pipelineId,
    stageId: values.stageId,
    companyId: values.companyId ?? null,
    contactId: values.contactId ?? null,
    ownerId: values.ownerId ?? null,
    source: textOrNull(values.source),
    amount,
    currency: amount ? (values.currency ?? null) : null,
    // Left out unless typed: a deal without its own chance follows its stage's.
    probability: values.probability,
    expectedCloseOn: values.expectedCloseOn ? values.expectedCloseOn.format('YYYY-MM-DD') : null,
    notes: textOrNull(values.notes),
  };
}

/** A deal, ready for the form. */
export function toDealFormValues(deal: TDeal): DealFormValues {
  return {
    title: deal.title,
    pipelineId: deal.pipelineId,
    stageId: deal.stage.id,
    companyId: deal.company?.id ?? null,
    contactId: deal.contact?.id ?? null,
    ownerId: deal.owner?.id ?? null,
    source: deal.source,
    amount: deal.amount,
    currency: deal.currency,
    probability: deal.probability,
    // dayjs reads `YYYY-MM-DD` as local midnight of that day: the day shown is the day stored.
    expectedCloseOn: deal.expectedCloseOn ? dayjs(deal.expectedCloseOn) : null,
    notes: deal.notes,
  };
}
