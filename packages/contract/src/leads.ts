import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZDay, ZEmail, ZId, ZLocale } from './common.ts';
import { ZAmount, ZCurrencyCode } from './currencies.ts';

/** A lead's life: new → working → qualified → converted, or disqualified at any point before converting. */
export const LEAD_STATUSES = ['new', 'working', 'qualified', 'converted', 'disqualified'] as const;
export const ZLeadStatus = z.enum(LEAD_STATUSES);
export type TLeadStatus = z.infer<typeof ZLeadStatus>;

/** How a lead reached us. */
export const LEAD_CHANNELS = ['manual', 'import', 'web_form'] as const;
export const ZLeadChannel = z.enum(LEAD_CHANNELS);
export type TLeadChannel = z.infer<typeof ZLeadChannel>;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const ZRef = z.object({ id: ZId, name: z.string() });

/** The lead's fields a web form can show, in the order a new form lists them. */
export const LEAD_FORM_FIELDS = ['firstName', 'lastName', 'companyName', 'position', 'email', 'phone', 'city', 'message'] as const;
export const ZLeadFormField = z.enum(LEAD_FORM_FIELDS);
export type TLeadFormField = z.infer<typeof ZLeadFormField>;

/** Fields that identify a lead: at least one of them must be filled. */
export const LEAD_IDENTITY_FIELDS = ['firstName', 'lastName', 'companyName', 'email', 'phone'] as const;

/** Statuses a lead can be moved to by hand (`POST /leads/:id/status`); converting and disqualifying have their own routes. */
export const LEAD_MANUAL_STATUSES = ['new', 'working', 'qualified'] as const;

export const ZLeadPhone = text(40).refine((v) => /\d{3,}/.test(v.replace(/\D/g, '')), { message: 'Not a phone number' });

// ---------------------------------------------------------------- leads

/** A lead as lists show it. */
export const ZLeadSummary = z.object({
  id: ZId,
  status: ZLeadStatus,
  channel: ZLeadChannel,
  firstName: z.string(),
  lastName: z.string(),
  /** First and last name together ('' when neither is known). */
  name: z.string(),
  companyName: z.string().nullable(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  language: ZLocale.nullable(),
  marketingConsent: z.boolean(),
  owner: ZRef.nullable(),
  source: ZRef.nullable(),
  campaign: ZRef.nullable(),
  webForm: ZRef.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TLeadSummary = z.infer<typeof ZLeadSummary>;

/** A lead, whole. */
export const ZLead = ZLeadSummary.extend({
  message: z.string().nullable(),
  unit: ZRef.nullable(),
  disqualifyReason: z.string().nullable(),
  /** The touch that converted it (the lead's own source and campaign when converted). */
  convertedSource: ZRef.nullable(),
  convertedCampaign: ZRef.nullable(),
  /** What the conversion made or used; null until converted. */
  conversion: z
    .object({
      contact: ZRef.nullable(),
      company: ZRef.nullable(),
      deal: ZRef.nullable(),
      at: z.iso.datetime(),
      by: ZRef.nullable(),
    })
    .nullable(),
  /** The submitter's address, browser and referring page (web-form leads). */
  submittedFrom: z.object({ ip: z.string().optional(), userAgent: z.string().optional(), referrer: z.string().optional() }).nullable(),
  createdBy: ZRef.nullable(),
  mayChange: z.boolean(),
  mayDelete: z.boolean(),
});
export type TLead = z.infer<typeof ZLead>;

/** `GET /leads`: newest first; filters combine (AND); `q` searches name, company, e-mail and phone. */
export const ZLeadListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.enum(['-createdAt']).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  /** One status or several, comma-separated. */
  'filter[status]': z.string().max(200).optional(),
  'filter[ownerId]': ZId.optional(),
  'filter[sourceId]': ZId.optional(),
  'filter[campaignId]': ZId.optional(),
  'filter[webFormId]': ZId.optional(),
  'filter[channel]': ZLeadChannel.optional(),
  'filter[mine]': z.enum(['true']).optional(),
  'filter[createdFrom]': ZDay.optional(),
  'filter[createdTo]': ZDay.optional(),
});
export type TLeadListQuery = z.infer<typeof ZLeadListQuery>;
export const ZLeadList = listOf(ZLeadSummary);
export type TLeadList = z.infer<typeof ZLeadList>;

const leadFields = {
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  companyName: optionalText(300),
  position: optionalText(200),
  email: ZEmail.nullable().optional(),
  phone: ZLeadPhone.nullable().optional(),
  city: optionalText(120),
  language: ZLocale.nullable().optional(),
  message: optionalText(10_000),
  marketingConsent: z.boolean().optional(),
  /** The actor unless told. */
  ownerId: ZId.nullable().optional(),
  unitId: ZId.nullable().optional(),
  sourceId: ZId.nullable().optional(),
  campaignId: ZId.nullable().optional(),
};

/** True when the lead names someone: a name, a company, an e-mail or a phone. */
export function leadIsIdentified(lead: Partial<Record<(typeof LEAD_IDENTITY_FIELDS)[number], string | null | undefined>>): boolean {
  return LEAD_IDENTITY_FIELDS.some((field) => (lead[field] ?? '').trim() !== '');
}

/** Registers a lead by hand (channel `manual`): at least a name, a company, an e-mail or a phone. */
export const ZCreateLeadInput = z.strictObject(leadFields).refine(leadIsIdentified, {
  path: ['firstName'],
  message: 'Give a name, a company, an e-mail or a phone',
});
export type TCreateLeadInput = z.infer<typeof ZCreateLeadInput>;

/** Changes a lead's fields (only those sent); the result must still name someone. A converted lead is read-only. */
export const ZUpdateLeadInput = z.strictObject(leadFields);
export type TUpdateLeadInput = z.infer<typeof ZUpdateLeadInput>;

/** `POST /leads/:id/status`: back to new, being worked, or qualified (a disqualified lead comes back this way). */
export const ZLeadStatusInput = z.strictObject({ status: z.enum(LEAD_MANUAL_STATUSES) });
export type TLeadStatusInput = z.infer<typeof ZLeadStatusInput>;

/** `POST /leads/:id/disqualify`: why the lead is not worth working. */
export const ZDisqualifyLeadInput = z.strictObject({ reason: text(2_000).min(1) });
export type TDisqualifyLeadInput = z.infer<typeof ZDisqualifyLeadInput>;

/**
 * `POST /leads/:id/convert`: in one go, the lead becomes a contact (an existing one with
 * `contactId`, else a new one from the lead's names, e-mail, phone, position, city and language),
 * a company (an existing one with `companyId`, else a new one from `companyName` when the lead has
 * one), and, with `deal`, a deal of the default pipeline unless told. Everything made carries the
 * lead's source and campaign. `createContact`/`createCompany` false: make none of that kind.
 * Converting twice answers 409 `already_converted`.
 */
export const ZConvertLeadInput = z.strictObject({
  contactId: ZId.optional(),
  companyId: ZId.optional(),
  createContact: z.boolean().optional(),
  createCompany: z.boolean().optional(),
  deal: z
    .strictObject({
      title: text(300).min(1),
      amount: ZAmount.nullable().optional(),
      currency: ZCurrencyCode.nullable().optional(),
      pipelineId: ZId.optional(),
      stageId: ZId.optional(),
    })
    .optional(),
});
export type TConvertLeadInput = z.infer<typeof ZConvertLeadInput>;

/**
 * `GET /leads/:id/matches`: contacts and companies already in the base with the lead's e-mail or
 * phone (normalised), or, for companies, its company name: "use the existing one" when converting.
 */
export const ZLeadMatches = z.object({
  contacts: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      company: ZRef.nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      matchedOn: z.array(z.enum(['email', 'phone'])),
    }),
  ),
  companies: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      city: z.string().nullable(),
      matchedOn: z.array(z.enum(['email', 'phone', 'name'])),
    }),
  ),
});
export type TLeadMatches = z.infer<typeof ZLeadMatches>;

// ---------------------------------------------------------------- web forms

export const ZWebFormField = z.strictObject({ field: ZLeadFormField, required: z.boolean().default(false) });
export type TWebFormField = z.infer<typeof ZWebFormField>;

/** A web form: what it shows and where its leads go, with its address and the snippets to embed it. */
export const ZWebForm = z.object({
  id: ZId,
  key: z.string(),
  name: z.string(),
  language: ZLocale,
  fields: z.array(z.object({ field: ZLeadFormField, required: z.boolean() })),
  title: z.string().nullable(),
  thanks: z.string().nullable(),
  consentText: z.string().nullable(),
  redirectUrl: z.string().nullable(),
  source: ZRef.nullable(),
  campaign: ZRef.nullable(),
  owner: ZRef.nullable(),
  active: z.boolean(),
  submissions: z.number().int(),
  /** The form's page, `<public address>/f/<key>`. */
  publicUrl: z.string(),
  /** An `<iframe>` of the form's page, and a plain HTML form posting to it (with the honeypot field). */
  embedCode: z.object({ iframe: z.string(), html: z.string() }),
  mayChange: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TWebForm = z.infer<typeof ZWebForm>;
export const ZWebFormList = z.object({ data: z.array(ZWebForm) });
export type TWebFormList = z.infer<typeof ZWebFormList>;

const ZRedirectUrl = z
  .url({ protocol: /^https?$/ })
  .max(2_000)
  .refine((v) => /^https?:\/\//i.test(v), { message: 'Only http and https addresses' });

const webFormFields = {
  name: text(200).min(1),
  language: ZLocale.optional(),
  /** The fields shown, in order; each at most once, and at least one that names the sender. */
  fields: z
    .array(ZWebFormField)
    .min(1)
    .max(LEAD_FORM_FIELDS.length)
    .refine((fields) => new Set(fields.map((f) => f.field)).size === fields.length, { message: 'A field appears twice' })
    .refine((fields) => fields.some((f) => (LEAD_IDENTITY_FIELDS as readonly string[]).includes(f.field)), {
      message: 'Show a name, a company, an e-mail or a phone',
    }),
  title: optionalText(300),
  thanks: optionalText(2_000),
  /** Set: the form shows a marketing checkbox with this text. */
  consentText: optionalText(2_000),
  redirectUrl: ZRedirectUrl.nullable().optional(),
  sourceId: ZId.nullable().optional(),
  campaignId: ZId.nullable().optional(),
  ownerId: ZId.nullable().optional(),
  active: z.boolean().optional(),
};

/** Creates a web form (admins and managers); its key is made by the server. */
export const ZCreateWebFormInput = z.strictObject(webFormFields);
export type TCreateWebFormInput = z.infer<typeof ZCreateWebFormInput>;
export const ZUpdateWebFormInput = z.strictObject({
  ...webFormFields,
  name: webFormFields.name.optional(),
  fields: webFormFields.fields.optional(),
});
export type TUpdateWebFormInput = z.infer<typeof ZUpdateWebFormInput>;
