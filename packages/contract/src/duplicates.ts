import { z } from 'zod';
import { ZId } from './common.ts';

export const DUPLICATE_ENTITIES = ['company', 'contact'] as const;
export const ZDuplicateEntity = z.enum(DUPLICATE_ENTITIES);
export type TDuplicateEntity = z.infer<typeof ZDuplicateEntity>;

/** Why two records look like the same customer. */
export const DUPLICATE_REASONS = ['email', 'phone', 'tax_number', 'name_city', 'similar_name_city'] as const;
export const ZDuplicateReason = z.enum(DUPLICATE_REASONS);

/** A record as the duplicates screen and the merge dialog compare it. */
export const ZDuplicateRecord = z.object({
  id: ZId,
  name: z.string(),
  city: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  taxNumber: z.string().nullable(),
  owner: z.object({ id: ZId, name: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type TDuplicateRecord = z.infer<typeof ZDuplicateRecord>;

export const ZDuplicatePair = z.object({
  entity: ZDuplicateEntity,
  a: ZDuplicateRecord,
  b: ZDuplicateRecord,
  reasons: z.array(ZDuplicateReason),
});
export type TDuplicatePair = z.infer<typeof ZDuplicatePair>;
export const ZDuplicatePairList = z.object({ data: z.array(ZDuplicatePair), nextCursor: z.string().nullable(), total: z.number().int() });

export const ZDuplicateListQuery = z.strictObject({
  entity: ZDuplicateEntity,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** The values of a record about to be created, to warn about probable duplicates before saving. */
export const ZDuplicateCheckInput = z.strictObject({
  entity: ZDuplicateEntity,
  name: z.string().trim().max(300).optional(),
  firstName: z.string().trim().max(150).optional(),
  lastName: z.string().trim().max(150).optional(),
  city: z.string().trim().max(120).nullable().optional(),
  taxNumber: z.string().trim().max(40).nullable().optional(),
  emails: z.array(z.string().max(254)).max(20).optional(),
  phones: z.array(z.string().max(40)).max(20).optional(),
  /** The record being edited, left out of its own duplicates. */
  exceptId: ZId.optional(),
});
export type TDuplicateCheckInput = z.input<typeof ZDuplicateCheckInput>;
export const ZDuplicateCheckResult = z.object({
  data: z.array(z.object({ record: ZDuplicateRecord, reasons: z.array(ZDuplicateReason) })),
});
export type TDuplicateCheckResult = z.infer<typeof ZDuplicateCheckResult>;

/** "These two are different customers": the pair leaves the duplicates screen. */
export const ZDismissDuplicateInput = z.strictObject({ entity: ZDuplicateEntity, ids: z.tuple([ZId, ZId]) });

/** Fields whose value the merge takes from one chosen record; lists (phones, e-mails, tags…) are joined. */
export const COMPANY_MERGE_FIELDS = [
  'name',
  'legalName',
  'taxNumber',
  'website',
  'status',
  'class',
  'region',
  'city',
  'address',
  'leadSource',
  'ownerId',
  'notes',
] as const;
export const CONTACT_MERGE_FIELDS = [
  'firstName',
  'lastName',
  'position',
  'birthday',
  'preferredChannel',
  'preferences',
  'personalEvents',
  'status',
  'class',
  'region',
  'city',
  'address',
  'leadSource',
  'ownerId',
  'notes',
] as const;

export const ZCreateMergeInput = z.strictObject({
  entity: ZDuplicateEntity,
  /** The record that stays; the others move into it and go to the bin. */
  survivorId: ZId,
  mergedIds: z.array(ZId).min(1).max(9),
  /**
   * For each field (a merge field or `custom.<key>`), the record whose value the survivor keeps;
   * fields not named keep the survivor's value, or take the first other record's when it has none.
   */
  values: z.record(z.string().max(60), ZId).default({}),
});
export type TCreateMergeInput = z.input<typeof ZCreateMergeInput>;

export const ZMerge = z.object({
  id: ZId,
  entity: ZDuplicateEntity,
  survivorId: ZId,
  mergedIds: z.array(ZId),
  /** Names of the merged records as they were. */
  mergedNames: z.array(z.string()),
  /** How many related records moved to the survivor (links, list memberships, subsidiaries, history). */
  moved: z.object({ links: z.number().int(), listMembers: z.number().int(), children: z.number().int(), history: z.number().int() }),
  createdBy: z.object({ id: ZId, name: z.string() }).nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type TMerge = z.infer<typeof ZMerge>;
export const ZMergeList = z.object({ data: z.array(ZMerge), nextCursor: z.string().nullable(), total: z.number().int() });
export const ZMergeListQuery = z.strictObject({ entity: ZDuplicateEntity.optional(), recordId: ZId.optional() });
