import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { inReportLane } from '../analysis/index.ts';

/** A rhythm report's query is stopped after this long, so that it can never hold the database. */
export const REPORT_TIMEOUT_MS = 10_000;

/**
 * Runs a report's query in a read-only transaction with a statement timeout: one that runs away
 * answers "try again" (429) instead of stalling everyone else's requests.
 */
export async function inReportQuery<T>(ctx: Ctx, work: (tx: Executor) => Promise<T>): Promise<T> {
  try {
    // In the reports' lane: a burst of reports takes at most its share of the machine.
    return await inReportLane(() =>
      ctx.db.transaction(
        async (tx) => {
          await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${REPORT_TIMEOUT_MS}`));
          // Room to count and sort a whole workspace's customers in memory rather than on disk.
          await tx.execute(sql.raw("SET LOCAL work_mem = '32MB'"));
          return work(tx);
        },
        { accessMode: 'read only' },
      ),
    );
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === '57014')
      throw new AppError('too_many_requests', 'The report took too long: try again in a moment', { headers: { 'retry-after': '5' } });
    throw error;
  }
}
