import type { TAgreement, TAgreementStatus, TCreateAgreementInput, TUpdateAgreementInput } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';
import { textOrNull } from '../customers/payload.ts';

/** The agreement form's values; days are picker values. */
export type AgreementFormValues = {
  title?: string;
  details?: string | null;
  status: TAgreementStatus;
  companyId?: string | null;
  contactId?: string | null;
  agreedById?: string | null;
  agreedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
  resource?: string | null;
  contractId?: string | null;
  dealId?: string | null;
};

/** A new agreement with the customer given (in the deal given), agreed today by the user. */
export function newAgreementValues(
  meId: string,
  customer: { companyId?: string; contactId?: string; contractId?: string; dealId?: string },
): AgreementFormValues {
  return {
    title: '',
    details: '',
    status: 'agreed',
    companyId: customer.companyId ?? null,
    contactId: customer.contactId ?? null,
    agreedById: meId,
    agreedOn: dayjs().startOf('day'),
    validUntil: null,
    resource: '',
    contractId: customer.contractId ?? null,
    dealId: customer.dealId ?? null,
  };
}

/** An agreement as the form shows it for editing. */
export function toAgreementFormValues(agreement: TAgreement): AgreementFormValues {
  return {
    title: agreement.title,
    details: agreement.details ?? '',
    status: agreement.status,
    companyId: agreement.company?.id ?? null,
    contactId: agreement.contact?.id ?? null,
    agreedById: agreement.agreedBy?.id ?? null,
    agreedOn: dayjs(agreement.agreedOn),
    validUntil: agreement.validUntil ? dayjs(agreement.validUntil) : null,
    resource: agreement.resource ?? '',
    contractId: agreement.contract?.id ?? null,
    dealId: agreement.deal?.id ?? null,
  };
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** The form's values as the API takes them; days stay plain calendar days. */
export function toAgreementInput(values: AgreementFormValues): TCreateAgreementInput {
  const input: TCreateAgreementInput = {
    title: values.title?.trim() ?? '',
    details: textOrNull(values.details),
    status: values.status,
    companyId: values.companyId ?? null,
    contactId: values.contactId ?? null,
    agreedOn: day(values.agreedOn) ?? undefined,
    validUntil: day(values.validUntil),
    resource: textOrNull(values.resource),
    contractId: values.contractId ?? null,
    dealId: values.dealId ?? null,
  };
  if (values.agreedById) input.agreedById = values.agreedById;
  return input;
}

/**
 * What an edit changes: only the fields that differ from the agreement as it was opened, so that
 * a customer the editor may not see is never sent back (nor erased).
 */
export function agreementChanges(before: TCreateAgreementInput, after: TCreateAgreementInput): TUpdateAgreementInput {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value ?? null) !== JSON.stringify(before[key as keyof TCreateAgreementInput] ?? null)) changes[key] = value;
  }
  return changes as TUpdateAgreementInput;
}
