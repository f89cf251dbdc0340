import { z } from 'zod';
import { ZEmail } from './common.ts';

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
  /** Another contact of the mailing has the same address: it gets the one message. */
  'skipped_duplicate',
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

const text = (max: number) => z.string().trim().max(max);
const ZRef = z.object({ id: z.uuid(), name: z.string() });
const ZLanguage = z.enum(['en', 'ru', 'it']);

// ---------------------------------------------------------------- merge fields

/**
 * The `{{placeholders}}` a template may use. `custom.<key>` gives a contact's custom field,
 * `survey_link` exists only in survey templates, `manager_phone` only when the manager has one.
 * A missing value is empty; `{{#company}}…{{/company}}` shows a part only when it is there.
 */
export const MERGE_FIELDS = [
  'first_name',
  'last_name',
  'name',
  'company',
  'position',
  'city',
  'manager',
  'manager_email',
  'manager_phone',
  'unsubscribe_url',
  'survey_link',
] as const;
export type TMergeField = (typeof MERGE_FIELDS)[number];
/** The placeholder of a contact's custom field: `{{custom.<key>}}`. */
export const CUSTOM_MERGE_FIELD_PREFIX = 'custom.';

// ---------------------------------------------------------------- templates

/** One language's version of a template: subject and MJML body, both with `{{placeholders}}`. */
export const ZTemplateVersion = z.strictObject({ subject: text(300).min(1), mjml: z.string().min(1).max(500_000) });
export type TTemplateVersion = z.infer<typeof ZTemplateVersion>;

/** A template's versions by language; at least one. */
export const ZTemplateVersions = z
  .strictObject({ en: ZTemplateVersion.optional(), ru: ZTemplateVersion.optional(), it: ZTemplateVersion.optional() })
  .refine((v) => Boolean(v.en || v.ru || v.it), { message: 'Write the template in at least one language' });
export type TTemplateVersions = z.infer<typeof ZTemplateVersions>;

export const ZMailTemplate = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: ZTemplatePurpose,
  versions: z.object({ en: ZTemplateVersion.optional(), ru: ZTemplateVersion.optional(), it: ZTemplateVersion.optional() }),
  /** The languages written, the fallback one first. */
  languages: z.array(ZLanguage),
  createdBy: ZRef,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TMailTemplate = z.infer<typeof ZMailTemplate>;

/** `GET /templates?purpose=&q=`: every live template, newest change first. */
export const ZMailTemplateListQuery = z.strictObject({ purpose: ZTemplatePurpose.optional(), q: z.string().max(200).optional() });
export type TMailTemplateListQuery = z.infer<typeof ZMailTemplateListQuery>;
export const ZMailTemplateList = z.object({ data: z.array(ZMailTemplate), nextCursor: z.string().nullable(), total: z.number().int() });

/**
 * Creates or changes a template. Every version is compiled on save; MJML or placeholder problems
 * answer 400 `invalid_template` with `errors` at `versions.<lang>.mjml` (with the line) or `.subject`.
 */
export const ZMailTemplateInput = z.strictObject({
  name: text(200).min(1),
  purpose: ZTemplatePurpose.optional(),
  versions: ZTemplateVersions,
});
export type TMailTemplateInput = z.infer<typeof ZMailTemplateInput>;
export const ZUpdateMailTemplateInput = ZMailTemplateInput.partial();
export type TUpdateMailTemplateInput = z.infer<typeof ZUpdateMailTemplateInput>;

/**
 * `POST /templates/:id/preview`: the template filled for a contact, or with sample values.
 * With `version`, that unsaved text of the language is shown instead of the saved one (400 `invalid_template` if it does not compile).
 */
export const ZTemplatePreviewInput = z.strictObject({
  language: ZLanguage,
  contactId: z.uuid().optional(),
  version: ZTemplateVersion.optional(),
});
export type TTemplatePreviewInput = z.infer<typeof ZTemplatePreviewInput>;
/** `POST /templates/preview`: a template not saved yet, its one version filled like a saved one's. */
export const ZNewTemplatePreviewInput = ZTemplatePreviewInput.extend({ version: ZTemplateVersion });
export type TNewTemplatePreviewInput = z.infer<typeof ZNewTemplatePreviewInput>;
export const ZTemplatePreview = z.object({
  /** The version shown: the one asked for, or the fallback one when the template lacks it. */
  language: ZLanguage,
  subject: z.string(),
  html: z.string(),
  text: z.string(),
});
export type TTemplatePreview = z.infer<typeof ZTemplatePreview>;

/** `POST /templates/:id/test`: one test mail to the actor (or `to`), subject prefixed "[Test]"; 503 `mail_not_configured` without SMTP. */
export const ZTemplateTestInput = z.strictObject({ language: ZLanguage, to: ZEmail.optional() });
export type TTemplateTestInput = z.infer<typeof ZTemplateTestInput>;
export const ZTemplateTestResult = z.object({ to: z.string(), messageId: z.string().nullable() });
export type TTemplateTestResult = z.infer<typeof ZTemplateTestResult>;

// ---------------------------------------------------------------- mailings

export const PER_MINUTE_MAX = 10_000;

/** How many recipients are in each status (all statuses present, zero when none). */
export const ZRecipientCounts = z.object(
  Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, z.number().int()])) as Record<TRecipientStatus, z.ZodNumber>,
);
export type TRecipientCounts = z.infer<typeof ZRecipientCounts>;

export const ZMailing = z.object({
  id: z.uuid(),
  name: z.string(),
  status: ZMailingStatus,
  template: ZRef,
  campaign: ZRef.nullable(),
  /** The segment (a saved view of contacts or companies) or the static list mailed. */
  view: ZRef.extend({ entity: z.enum(['company', 'contact']) }).nullable(),
  list: ZRef.extend({ entity: z.enum(['company', 'contact']) }).nullable(),
  perMinute: z.number().int(),
  trackOpens: z.boolean(),
  trackClicks: z.boolean(),
  /** Recipients when queued (0 for a draft). */
  total: z.number().int(),
  counts: ZRecipientCounts,
  opened: z.number().int(),
  clicked: z.number().int(),
  /** Share of the recipients settled (sent, skipped, bounced or failed), 0…1. */
  progress: z.number(),
  queuedAt: z.iso.datetime().nullable(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  createdBy: ZRef,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TMailing = z.infer<typeof ZMailing>;

/** `GET /mailings?status=&campaignId=&limit=&cursor=`: newest first. */
export const ZMailingListQuery = z.strictObject({
  status: ZMailingStatus.optional(),
  campaignId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TMailingListQuery = z.infer<typeof ZMailingListQuery>;
export const ZMailingList = z.object({ data: z.array(ZMailing), nextCursor: z.string().nullable(), total: z.number().int() });

const mailingFields = {
  name: text(200).min(1),
  templateId: z.uuid(),
  campaignId: z.uuid().nullable().optional(),
  /** A saved view of contacts or companies (companies: their contacts), or … */
  viewId: z.uuid().nullable().optional(),
  /** … a static list of contacts or companies. Exactly one of the two. */
  listId: z.uuid().nullable().optional(),
  perMinute: z.number().int().min(1).max(PER_MINUTE_MAX).optional(),
  trackOpens: z.boolean().optional(),
  trackClicks: z.boolean().optional(),
};

/** Creates a draft mailing (admins and managers). */
export const ZMailingInput = z.strictObject(mailingFields).refine((m) => Boolean(m.viewId) !== Boolean(m.listId), {
  path: ['viewId'],
  message: 'Choose a saved view or a static list',
});
export type TMailingInput = z.infer<typeof ZMailingInput>;
/** Changes a draft; sending `viewId` clears `listId` and the other way round. */
export const ZUpdateMailingInput = z
  .strictObject(mailingFields)
  .partial()
  .refine((m) => !(m.viewId && m.listId), { path: ['viewId'], message: 'Choose a saved view or a static list, not both' });
export type TUpdateMailingInput = z.infer<typeof ZUpdateMailingInput>;

export const ZMailingRecipient = z.object({
  contact: ZRef,
  email: z.string().nullable(),
  status: ZRecipientStatus,
  attempts: z.number().int(),
  error: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  openedAt: z.iso.datetime().nullable(),
  clickedAt: z.iso.datetime().nullable(),
});
export type TMailingRecipient = z.infer<typeof ZMailingRecipient>;

/** `GET /mailings/:id/recipients?status=&limit=&cursor=`: in contact order. */
export const ZMailingRecipientQuery = z.strictObject({
  status: ZRecipientStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TMailingRecipientQuery = z.infer<typeof ZMailingRecipientQuery>;
export const ZMailingRecipientList = z.object({
  data: z.array(ZMailingRecipient),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
