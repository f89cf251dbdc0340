import { z } from 'zod';
import { listOf, ZId } from './common.ts';

/** A branch or department; units form a tree inside a workspace. */
export const ZUnit = z.object({
  id: ZId,
  name: z.string(),
  parentId: ZId.nullable(),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TUnit = z.infer<typeof ZUnit>;
export const ZUnitList = listOf(ZUnit);

export const ZCreateUnitInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  parentId: ZId.nullable().default(null),
});
export type TCreateUnitInput = z.input<typeof ZCreateUnitInput>;

export const ZUpdateUnitInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  parentId: ZId.nullable().optional(),
});
export type TUpdateUnitInput = z.infer<typeof ZUpdateUnitInput>;
