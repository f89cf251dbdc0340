import type { TContract, TCreateContractInput, TLocale, TRenewalState } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';

/** What the contract form holds while being edited. */
export type ContractFormValues = {
  number?: string;
  subject?: string;
  companyId?: string;
  contactId?: string | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  /** The amount as typed, with a dot for decimals ("5200.5"). */
  value?: string | null;
  currency?: string | null;
  renewal?: TRenewalState;
  responsibleId?: string | null;
  notes?: string | null;
};

const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** An amount as the API takes it: at most two decimals, no grouping ("5200.50"). */
function amount(value: string | null | undefined): string | null {
  const text = value?.toString().trim();
  if (!text) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number.toFixed(2) : text;
}

/**
 * The form's values as the API takes them. Dates are plain calendar days, formatted from the
 * picked day itself so that no time zone can shift them.
 */
export function toContractInput(values: ContractFormValues): TCreateContractInput {
  const value = amount(values.value);
  return {
    number: values.number?.trim() ?? '',
    subject: values.subject?.trim() ?? '',
    companyId: values.companyId ?? '',
    contactId: values.contactId ?? null,
    startDate: values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
    endDate: values.endDate ? values.endDate.format('YYYY-MM-DD') : null,
    value,
    currency: value ? (values.currency ?? null) : null,
    renewal: values.renewal ?? 'to_renegotiate',
    responsibleId: values.responsibleId ?? null,
    notes: textOrNull(values.notes),
  };
}

/** A contract, ready for the form. */
export function toContractFormValues(contract: TContract): ContractFormValues {
  return {
    number: contract.number,
    subject: contract.subject,
    companyId: contract.company.id,
    contactId: contract.contact?.id ?? null,
    // dayjs reads `YYYY-MM-DD` as local midnight of that day: the day shown is the day stored.
    startDate: contract.startDate ? dayjs(contract.startDate) : null,
    endDate: contract.endDate ? dayjs(contract.endDate) : null,
    value: contract.value,
    currency: contract.currency,
    renewal: contract.renewal,
    responsibleId: contract.responsible?.id ?? null,
    notes: contract.notes,
  };
}

/** The currency a new contract starts with: the one of the user's language's country. */
const DEFAULT_CURRENCY: Record<TLocale, string> = { en: 'EUR', ru: 'RUB', it: 'EUR' };

/** A new contract's values: the user is responsible, renewal is to be negotiated. */
export function newContractValues(locale: TLocale, responsibleId: string, companyId?: string): ContractFormValues {
  return { companyId, currency: DEFAULT_CURRENCY[locale], renewal: 'to_renegotiate', responsibleId };
}
