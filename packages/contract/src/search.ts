import { z } from 'zod';
import { ZId } from './common.ts';

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** One hit of the global search; `type` names the resource the id belongs to. */
export const ZSearchHit = z.object({
  type: z.enum(['company', 'contact', 'user', 'unit', 'agreement', 'attachment']),
  id: ZId,
  title: z.string(),
  subtitle: z.string().nullable(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;
export const ZSearchResult = z.object({ data: z.array(ZSearchHit) });
