import { z } from 'zod';
import { ZId } from './common.ts';

/** The records a share can open: the owned records of the CRM. */
export const SHAREABLE_ENTITIES = ['companies', 'contacts', 'deals', 'cases', 'leads'] as const;
export const ZShareableEntity = z.enum(SHAREABLE_ENTITIES);
export type TShareableEntity = z.infer<typeof ZShareableEntity>;

/** What a share grants: reading the record, or reading and changing it. */
export const SHARE_ACCESS = ['read', 'update'] as const;
export const ZShareAccess = z.enum(SHARE_ACCESS);
export type TShareAccess = z.infer<typeof ZShareAccess>;

/** One share of a record with a person or a unit. */
export const ZRecordShare = z.object({
  id: ZId,
  entity: ZShareableEntity,
  recordId: ZId,
  userId: ZId.nullable(),
  unitId: ZId.nullable(),
  /** The person's or the unit's name. */
  name: z.string(),
  access: ZShareAccess,
  /** Who shared it (null once they are gone). */
  createdById: ZId.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TRecordShare = z.infer<typeof ZRecordShare>;
export const ZRecordShareList = z.object({ data: z.array(ZRecordShare) });
export type TRecordShareList = z.infer<typeof ZRecordShareList>;

/** Which record's shares to list. */
export const ZRecordShareQuery = z.strictObject({ entity: ZShareableEntity, recordId: ZId });
export type TRecordShareQuery = z.infer<typeof ZRecordShareQuery>;

/** Shares a record with a person or a unit (exactly one); sharing with the same target again changes the access. */
export const ZCreateRecordShareInput = z
  .strictObject({
    entity: ZShareableEntity,
    recordId: ZId,
    userId: ZId.optional(),
    unitId: ZId.optional(),
    access: ZShareAccess.default('read'),
  })
  .refine((input) => (input.userId === undefined) !== (input.unitId === undefined), {
    message: 'Give either a person or a unit',
    path: ['userId'],
  });
export type TCreateRecordShareInput = z.input<typeof ZCreateRecordShareInput>;
