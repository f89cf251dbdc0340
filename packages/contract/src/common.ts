import { z } from 'zod';

/** Languages the product speaks; the web app and the server share this list. */
export const LOCALES = ['en', 'ru', 'it'] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

/** Roles a user holds inside one workspace. */
export const ROLES = ['admin', 'manager', 'employee'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZId = z.uuid();
export const ZIdParams = z.strictObject({ id: ZId });

/**
 * A calendar day, YYYY-MM-DD. ISO 8601 has a year 0 but PostgreSQL's calendar does not, so such a
 * day is refused here, with the field named, instead of failing in the database.
 */
export const ZDay = z.iso.date().refine((day) => !day.startsWith('0000'), 'There is no year 0');

export const ZEmail = z
  .email()
  .max(254)
  .transform((value) => value.trim().toLowerCase());

/** A password people can still type; long passphrases are welcome. */
export const ZPassword = z.string().min(10).max(200);

export const ZTimeZone = z.string().min(1).max(64).refine(isKnownTimeZone, { message: 'Unknown time zone' });

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const LIST_LIMIT_MAX = 200;

/** Query of every list endpoint: `?q=&sort=&limit=&cursor=`. */
export const ZListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListQuery = z.infer<typeof ZListQuery>;

/** Envelope of every list response. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    /** True when `total` is PostgreSQL's estimate: large lists are not counted row by row. */
    totalIsEstimate: z.boolean().optional(),
  });
}

/** RFC 9457 problem details, with a stable `code` and the offending fields. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;
