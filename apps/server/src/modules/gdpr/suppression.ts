import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { normaliseEmail } from '../customers/index.ts';

/** The SHA-256 (hex) of a normalised address: how `mail_suppression` keeps it without keeping it in clear. */
export function emailHash(address: string): string {
  return createHash('sha256').update(normaliseEmail(address), 'utf8').digest('hex');
}

/**
 * The same hash computed in SQL from an address expression, for queries that check many addresses at
 * once (the mailing sender); it matches `emailHash` for addresses without leading tabs or newlines.
 */
export const emailHashSql = (address: ReturnType<typeof sql>) => sql`encode(sha256(convert_to(lower(btrim(${address})), 'UTF8')), 'hex')`;

/** Whether an address of a workspace is never to be mailed again (its person was erased). */
export async function isSuppressed(db: Executor, workspaceId: string, address: string): Promise<boolean> {
  const { rows } = await db.execute(
    sql`SELECT 1 FROM mail_suppression WHERE workspace_id = ${workspaceId} AND email_hash = ${emailHash(address)} LIMIT 1`,
  );
  return rows.length > 0;
}
