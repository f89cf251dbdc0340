import { z } from 'zod';
import { ZDay, ZId } from './common.ts';
import { ZBirthdayAction, ZConsentSource, ZConsentState } from './mailings.ts';

const ZPersonRef = z.object({ id: ZId, name: z.string() });

/** One change of a contact's marketing consent: what, when, where from and by whom (null: no user, e.g. an unsubscribe link). */
export const ZConsentEvent = z.object({
  id: ZId,
  state: ZConsentState,
  source: ZConsentSource,
  detail: z.string().nullable(),
  actor: ZPersonRef.nullable(),
  at: z.iso.datetime(),
});
export type TConsentEvent = z.infer<typeof ZConsentEvent>;

/** A contact's marketing consent now (null: never asked) and every change of it, newest first. */
export const ZConsent = z.object({
  contactId: ZId,
  state: ZConsentState.nullable(),
  at: z.iso.datetime().nullable(),
  source: ZConsentSource.nullable(),
  /** Marketing mail skips an address that bounced, whatever the consent. */
  emailBouncedAt: z.iso.datetime().nullable(),
  history: z.array(ZConsentEvent),
});
export type TConsent = z.infer<typeof ZConsent>;

/** `PUT /contacts/:id/consent`: grant or withdraw a contact's consent. */
export const ZConsentUpdate = z.strictObject({
  state: ZConsentState,
  source: ZConsentSource.default('manual'),
  /** Where it was given: "signed form at the fair", "phone call", … */
  detail: z.string().trim().max(500).nullish(),
});
export type TConsentUpdate = z.input<typeof ZConsentUpdate>;

export const CONSENT_BULK_MAX = 1000;

/** `POST /contacts/consent/bulk`: the same change for a selection; all or nothing. */
export const ZConsentBulk = ZConsentUpdate.extend({
  contactIds: z.array(ZId).min(1).max(CONSENT_BULK_MAX),
});
export type TConsentBulk = z.input<typeof ZConsentBulk>;

export const ZConsentBulkResult = z.object({ updated: z.number().int() });
export type TConsentBulkResult = z.infer<typeof ZConsentBulkResult>;

/** The workspace's birthday automation. */
export const ZBirthdaySettings = z.object({
  enabled: z.boolean(),
  /** `email`: a template of purpose `birthday` to consenting contacts; `task`: the contact's owner is told to give a present. */
  action: ZBirthdayAction,
  templateId: ZId.nullable(),
  /** Only contacts of this saved view or static list; both null: everyone with a birthday. */
  viewId: ZId.nullable(),
  listId: ZId.nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
export type TBirthdaySettings = z.infer<typeof ZBirthdaySettings>;

/** `PUT /marketing/birthdays` (admins). */
export const ZBirthdaySettingsInput = z
  .strictObject({
    enabled: z.boolean(),
    action: ZBirthdayAction,
    templateId: ZId.nullable().default(null),
    viewId: ZId.nullable().default(null),
    listId: ZId.nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.action === 'email' && !input.templateId) {
      ctx.addIssue({ code: 'custom', path: ['templateId'], message: 'A birthday template is needed to send greetings' });
    }
    if (input.viewId && input.listId) {
      ctx.addIssue({ code: 'custom', path: ['listId'], message: 'Choose a view or a list, not both' });
    }
  });
export type TBirthdaySettingsInput = z.input<typeof ZBirthdaySettingsInput>;

/** `POST /marketing/birthdays/run`: how many of today's birthdays were greeted by this run. */
export const ZBirthdayRunResult = z.object({
  /** Greetings done now: mails sent or tasks given. */
  greeted: z.number().int(),
  /** Birthdays handled now but not greeted (no consent, no address, sending failed). */
  skipped: z.number().int(),
});
export type TBirthdayRunResult = z.infer<typeof ZBirthdayRunResult>;

export const ZUpcomingBirthdaysQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(14),
});

/** A contact whose birthday falls within the next days, in the workspace's time zone. */
export const ZUpcomingBirthday = z.object({
  contactId: ZId,
  name: z.string(),
  birthday: ZDay,
  /** The day it is celebrated next (today included); 29 February falls on the 28th in other years. */
  date: ZDay,
  /** The age they turn that day. */
  age: z.number().int(),
  owner: ZPersonRef.nullable(),
  /** Already greeted this year by the automation. */
  greeted: z.boolean(),
});
export type TUpcomingBirthday = z.infer<typeof ZUpcomingBirthday>;

export const ZUpcomingBirthdays = z.object({ data: z.array(ZUpcomingBirthday) });
export type TUpcomingBirthdays = z.infer<typeof ZUpcomingBirthdays>;
