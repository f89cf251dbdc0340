import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * The next number of a kind of document in its year ("Q-2026-0007", "O-2026-0132"), taken in the
 * caller's transaction: two documents made at once wait for each other's counter and never share one.
 */
export async function nextNumber(tx: Executor, workspaceId: string, kind: 'Q' | 'O', day: string): Promise<string> {
  const year = Number(day.slice(0, 4));
  const result = await tx.execute<{ last: number }>(sql`
    INSERT INTO document_counter (workspace_id, kind, year, last) VALUES (${workspaceId}, ${kind}, ${year}, 1)
    ON CONFLICT (workspace_id, kind, year) DO UPDATE SET last = document_counter.last + 1
    RETURNING last`);
  const last = result.rows[0]?.last ?? 1;
  return `${kind}-${year}-${String(last).padStart(4, '0')}`;
}
