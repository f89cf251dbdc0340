import { z } from 'zod';

/** What a mail template is for. */
export const TEMPLATE_PURPOSES = ['marketing', 'survey', 'birthday'] as const;
export const ZTemplatePurpose = z.enum(TEMPLATE_PURPOSES);
export type TTemplatePurpose = z.infer<typeof ZTemplatePurpose>;

export const MAILING_STATUSES = ['draft', 'queued', 'sending', 'paused', 'done', 'cancelled'] as const;
export const ZMailingStatus = z.enum(MAILING_STATUSES);
export type TMailingStatus = z.infer<typeof ZMailingStatus>;

/** One recipient's fate; the `skipped_*` ones were never sent, by the consent rules or for lack of an address. */
export const RECIPIENT_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'bounced',
  'skipped_no_consent',
  'skipped_unsubscribed',
  'skipped_no_email',
] as const;
export const ZRecipientStatus = z.enum(RECIPIENT_STATUSES);
export type TRecipientStatus = z.infer<typeof ZRecipientStatus>;

/** A contact's marketing consent: given, withdrawn (unsubscribed), or never asked (null). */
export const CONSENT_STATES = ['granted', 'withdrawn'] as const;
export const ZConsentState = z.enum(CONSENT_STATES);
export type TConsentState = z.infer<typeof ZConsentState>;

/** Where a consent change came from. */
export const CONSENT_SOURCES = ['manual', 'web_form', 'import', 'unsubscribe_link', 'portal', 'api'] as const;
export const ZConsentSource = z.enum(CONSENT_SOURCES);
export type TConsentSource = z.infer<typeof ZConsentSource>;

/** What the birthday automation does for a contact whose birthday is today. */
export const BIRTHDAY_ACTIONS = ['email', 'task'] as const;
export const ZBirthdayAction = z.enum(BIRTHDAY_ACTIONS);
export type TBirthdayAction = z.infer<typeof ZBirthdayAction>;
