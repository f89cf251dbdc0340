import { z } from 'zod';
import { listOf, ZId } from './common.ts';

/** A personal API token as listed: the secret itself is never shown again. */
export const ZApiToken = z.object({
  id: ZId,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = listOf(ZApiToken);

export const ZCreateApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  expiresAt: z.iso.datetime().nullable().default(null),
});
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenInput>;

/** Returned once, on creation: `secret` goes into `Authorization: Bearer <secret>`. */
export const ZCreatedApiToken = ZApiToken.extend({ secret: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;
