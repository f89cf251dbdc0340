import { z } from 'zod';
import { ZAgreement } from './activities.ts';
import { LIST_LIMIT_MAX, listOf, ZDay, ZId } from './common.ts';

/**
 * Where a contract stands on renewal: it renews by itself, it must be renegotiated, renewal was
 * agreed by word, or it has ended (its slot or subject is free again).
 */
export const RENEWAL_STATES = ['auto_renew', 'to_renegotiate', 'verbally_renewed', 'ended'] as const;
export const ZRenewalState = z.enum(RENEWAL_STATES);
export type TRenewalState = z.infer<typeof ZRenewalState>;

const ZRef = z.object({ id: ZId, name: z.string() });

export const ZContract = z.object({
  id: ZId,
  number: z.string(),
  subject: z.string(),
  company: ZRef,
  contact: ZRef.nullable(),
  startDate: ZDay.nullable(),
  endDate: ZDay.nullable(),
  /** The contract's value in its currency, as a decimal string ("12500.00"). */
  value: z.string().nullable(),
  currency: z.string().nullable(),
  renewal: ZRenewalState,
  responsible: ZRef.nullable(),
  unitId: ZId.nullable(),
  notes: z.string().nullable(),
  /** Agreements about this contract that still bind us (open and not past their date). */
  bindingAgreements: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TContract = z.infer<typeof ZContract>;

const text = (max: number) => z.string().trim().max(max);
const money = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'A positive amount with at most two decimals')
  .nullable();

const contractFields = {
  number: text(60).min(1),
  subject: text(300).min(1),
  companyId: ZId,
  contactId: ZId.nullable().optional(),
  startDate: ZDay.nullable().optional(),
  endDate: ZDay.nullable().optional(),
  value: money.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR or RUB')
    .nullable()
    .optional(),
  renewal: ZRenewalState.optional(),
  responsibleId: ZId.nullable().optional(),
  notes: text(10_000).nullable().optional(),
};

export const ZCreateContractInput = z.strictObject(contractFields);
export type TCreateContractInput = z.infer<typeof ZCreateContractInput>;

export const ZUpdateContractInput = z.strictObject({
  ...contractFields,
  number: contractFields.number.optional(),
  subject: contractFields.subject.optional(),
  companyId: contractFields.companyId.optional(),
  /**
   * Ending a contract that agreements still bind answers 409 `binding_agreements` listing them;
   * sent again with their ids here, it ends (the person has seen them).
   */
  acknowledgedAgreementIds: z.array(ZId).max(100).optional(),
});
export type TUpdateContractInput = z.infer<typeof ZUpdateContractInput>;

export const CONTRACT_SORTS = ['endDate', 'number', 'createdAt'] as const;

export const ZContractListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[companyId]': ZId.optional(),
  'filter[renewal]': ZRenewalState.optional(),
  /** Contracts not ended whose end date falls within the next N days (0–3660). */
  'filter[expiringWithin]': z.coerce.number().int().min(0).max(3660).optional(),
  /** Contracts not ended whose end date has passed. */
  'filter[expired]': z.enum(['true']).optional(),
  'filter[responsibleId]': ZId.optional(),
});
export type TContractListQuery = z.infer<typeof ZContractListQuery>;
export const ZContractList = listOf(ZContract);

/** The agreements about a contract, binding ones first: what the UI shows before it is ended. */
export const ZContractAgreements = z.object({ data: z.array(ZAgreement) });
