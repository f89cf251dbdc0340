import { z } from 'zod';
import { ZActivityType, ZAgreementStatus, ZRecordRef } from './activities.ts';
import { ZId } from './common.ts';
import { ZRenewalState } from './contracts.ts';
import { ZTask } from './tasks.ts';

const ZDay = z.iso.date();
const ZPerson = z.object({ id: ZId, name: z.string() });

/** Whose item it is when it is not the reader's own: the colleague they cover for. */
const coveringFor = ZPerson.nullable();

/** A task on my day: mine, or of a colleague I cover for; its timeline, description, checklist and watchers are on its page. */
export const ZMyDayTask = ZTask.omit({ timeline: true, description: true, checklist: true, watchers: true }).extend({ coveringFor });
export type TMyDayTask = z.infer<typeof ZMyDayTask>;

/** A call, meeting or visit planned today, or a follow-up due; `at` is when it is (or the follow-up is) due. */
export const ZMyDayActivity = z.object({
  id: ZId,
  type: ZActivityType,
  subject: z.string().nullable(),
  at: z.iso.datetime(),
  durationMinutes: z.number().int().nullable(),
  place: z.string().nullable(),
  /** The companies and contacts it is about, as far as the reader may see them. */
  links: z.array(ZRecordRef),
  coveringFor,
});
export type TMyDayActivity = z.infer<typeof ZMyDayActivity>;

/** An open agreement of mine whose date is near or past. */
export const ZMyDayAgreement = z.object({
  id: ZId,
  title: z.string(),
  status: ZAgreementStatus,
  validUntil: ZDay,
  /** The customer, named only to a reader who may read it. */
  company: ZPerson.nullable(),
  contact: ZPerson.nullable(),
  expired: z.boolean(),
});
export type TMyDayAgreement = z.infer<typeof ZMyDayAgreement>;

/** A live contract I am responsible for that ends soon or has ended without being closed. */
export const ZMyDayContract = z.object({
  id: ZId,
  number: z.string(),
  subject: z.string(),
  company: ZPerson,
  endDate: ZDay,
  renewal: ZRenewalState,
  expired: z.boolean(),
});
export type TMyDayContract = z.infer<typeof ZMyDayContract>;

/** A colleague away today whom I cover for. */
export const ZMyDayCovering = z.object({ person: ZPerson, startsOn: ZDay, endsOn: ZDay, note: z.string().nullable() });
export type TMyDayCovering = z.infer<typeof ZMyDayCovering>;

/** Up to `MY_DAY_CAP` items of a section, and how many there are in all. */
const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** How many items each section lists at most. */
export const MY_DAY_CAP = 50;

/** `GET /my-day`: what needs the reader today, in their time zone. */
export const ZMyDay = z.object({
  /** Today in the reader's time zone. */
  date: ZDay,
  timeZone: z.string(),
  /** Open tasks assigned to me (or to those I cover for) due before today. */
  overdue: section(ZMyDayTask),
  /** Open tasks assigned to me (or to those I cover for) due today. */
  dueToday: section(ZMyDayTask),
  /** Tasks sent to me or waiting in my unit's queue, not yet accepted or declined. */
  toAccept: section(ZMyDayTask),
  /** Tasks I sent that are done and wait for my confirmation. */
  toConfirm: section(ZMyDayTask),
  /** Calls, meetings and visits planned for today. */
  meetings: section(ZMyDayActivity),
  /** Follow-ups due today or overdue. */
  followUps: section(ZMyDayActivity),
  /** Open agreements I made that lapse within 30 days or have lapsed. */
  agreements: section(ZMyDayAgreement),
  /** Live contracts I am responsible for that end within 30 days or have ended. */
  contracts: section(ZMyDayContract),
  /** The colleagues away today whom I cover for. */
  covering: section(ZMyDayCovering),
});
export type TMyDay = z.infer<typeof ZMyDay>;
