import { z } from 'zod';
import { attributionInputFields, ZAttribution } from './campaigns.ts';
import { listOf, ZDay, ZId, ZListQuery, ZLocale } from './common.ts';
import { ZCustomValues } from './custom-fields.ts';
import { ZConsentSource, ZConsentState } from './mailings.ts';
import { ZRelationshipStyle } from './portal.ts';

/** What a company or a person is to us; several may hold at once. */
export const RELATIONSHIPS = ['client', 'prospect', 'partner', 'supplier', 'competitor'] as const;
export const ZRelationship = z.enum(RELATIONSHIPS);
export const CUSTOMER_STATUSES = ['potential', 'new', 'active', 'dormant', 'lost'] as const;
export const ZCustomerStatus = z.enum(CUSTOMER_STATUSES);
export type TCustomerStatus = z.infer<typeof ZCustomerStatus>;
export const CUSTOMER_CLASSES = ['A', 'B', 'C'] as const;
export const ZCustomerClass = z.enum(CUSTOMER_CLASSES);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
/**
 * A website: a bare host (`forno.it`, `forno.it:8080`) or an http(s) address. Another scheme
 * (`javascript:`, `data:`) would run or load something else when the link is opened.
 */
export const isWebsite = (value: string) =>
  !/[\s\p{Cc}]/u.test(value) && (/^https?:\/\//i.test(value) || !/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value));
const ZWebsite = text(300)
  .refine((value) => value === '' || isWebsite(value), { message: 'Expected a web address starting with http:// or https://' })
  .nullable()
  .optional();

/** A phone or e-mail with a label ("work", "mobile", "orders"…). */
export const ZPhone = z.strictObject({
  label: text(40).default(''),
  value: text(40)
    .min(3)
    .refine((v) => /\d{3,}/.test(v.replace(/\D/g, '')), { message: 'Not a phone number' }),
});
export const ZEmailPoint = z.strictObject({ label: text(40).default(''), value: z.email().max(254) });
export type TPhone = z.infer<typeof ZPhone>;
export type TEmailPoint = z.infer<typeof ZEmailPoint>;

/** Fields companies and contacts share; every one optional, as in an update. */
const customerFields = {
  relationships: z.array(ZRelationship).max(5).optional(),
  status: ZCustomerStatus.optional(),
  class: ZCustomerClass.nullable().optional(),
  region: optionalText(120),
  city: optionalText(120),
  address: optionalText(500),
  phones: z.array(ZPhone).max(20).optional(),
  emails: z.array(ZEmailPoint).max(20).optional(),
  leadSource: optionalText(120),
  ownerId: ZId.nullable().optional(),
  unitId: ZId.nullable().optional(),
  tags: z.array(text(60).min(1)).max(50).optional(),
  notes: optionalText(20_000),
  /** Values of the admin's custom fields; keys sent replace those keys only. */
  custom: ZCustomValues.optional(),
  ...attributionInputFields,
};

/** A partial update of a company: only the fields sent change. */
export const ZUpdateCompanyInput = z.strictObject({
  name: text(300).min(1).optional(),
  legalName: optionalText(300),
  taxNumber: optionalText(40),
  website: ZWebsite,
  /** The client group (linked legal entities) the company belongs to. */
  groupId: ZId.nullable().optional(),
  /** Inside its group, the company that owns this one; null for a parent or a sister company. */
  parentCompanyId: ZId.nullable().optional(),
  /** How the company likes to be served (staff see it; the portal shows a dedicated manager). */
  relationshipStyle: ZRelationshipStyle.nullable().optional(),
  /** Whether the company's invited contacts may sign in to the customer portal. */
  portalAccess: z.boolean().optional(),
  ...customerFields,
});
export type TUpdateCompanyInput = z.infer<typeof ZUpdateCompanyInput>;

/** A new company: a name is all it needs. */
export const ZCreateCompanyInput = ZUpdateCompanyInput.extend({ name: text(300).min(1) });
export type TCreateCompanyInput = z.input<typeof ZCreateCompanyInput>;

const ZPersonRef = z.object({ id: ZId, name: z.string() }).nullable();

export const ZCompany = z.object({
  id: ZId,
  name: z.string(),
  legalName: z.string().nullable(),
  taxNumber: z.string().nullable(),
  website: z.string().nullable(),
  relationships: z.array(ZRelationship),
  status: ZCustomerStatus,
  class: ZCustomerClass.nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  phones: z.array(z.object({ label: z.string(), value: z.string() })),
  emails: z.array(z.object({ label: z.string(), value: z.string() })),
  leadSource: z.string().nullable(),
  owner: ZPersonRef,
  unitId: ZId.nullable(),
  group: z.object({ id: ZId, name: z.string() }).nullable(),
  parentCompanyId: ZId.nullable(),
  relationshipStyle: ZRelationshipStyle.nullable(),
  portalAccess: z.boolean(),
  custom: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** When we last called, met, visited or wrote (from activities). */
  lastContactAt: z.iso.datetime().nullable(),
  /** Where the company came from: first touch and converting touch. */
  attribution: ZAttribution,
});
export type TCompany = z.infer<typeof ZCompany>;
export const ZCompanyList = listOf(ZCompany);

/** `filter[custom.<key>]=<value>`: records whose custom field has that value (or contains it, for multi-select). */
const CUSTOM_FILTER = /^filter\[custom\.([a-z][a-z0-9_]{0,39})\]$/;
export function customFilterKey(param: string): string | null {
  return CUSTOM_FILTER.exec(param)?.[1] ?? null;
}

const customerListFilters = {
  'filter[status]': ZCustomerStatus.optional(),
  'filter[class]': ZCustomerClass.optional(),
  'filter[relationship]': ZRelationship.optional(),
  'filter[city]': z.string().max(120).optional(),
  'filter[region]': z.string().max(120).optional(),
  'filter[ownerId]': ZId.optional(),
  'filter[unitId]': ZId.optional(),
  'filter[tag]': z.string().max(60).optional(),
  /** Members of a static list the actor may see. */
  'filter[listId]': ZId.optional(),
};

/** A list query with the given filters, plus `filter[custom.<key>]`; any other parameter is refused. */
function customerListQuery<S extends z.ZodRawShape>(shape: S) {
  const base = ZListQuery.extend(shape);
  const known = new Set(Object.keys(base.shape));
  return base.catchall(z.string().max(200)).superRefine((query, ctx) => {
    for (const key of Object.keys(query)) {
      if (!known.has(key) && !customFilterKey(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'Unknown field' });
    }
  });
}

export const ZCompanyListQuery = customerListQuery({ ...customerListFilters, 'filter[groupId]': ZId.optional() });
export type TCompanyListQuery = z.infer<typeof ZCompanyListQuery>;

/** One change of one field, for a record's history. */
export const ZFieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
export const ZRecordChange = z.object({
  id: ZId,
  at: z.iso.datetime(),
  actor: ZPersonRef,
  action: z.enum(['created', 'updated', 'deleted']),
  changes: z.array(ZFieldChange),
});
export type TRecordChange = z.infer<typeof ZRecordChange>;
export const ZRecordHistory = z.object({ data: z.array(ZRecordChange) });

/** How a person prefers to be reached. */
export const CHANNELS = ['phone', 'email', 'messenger', 'visit', 'post'] as const;
export const ZChannel = z.enum(CHANNELS);

/** A contact's place in a company: "buyer", "owner", "accountant"… */
export const ZContactCompanyLink = z.strictObject({ companyId: ZId, role: text(120).default('') });

/** A partial update of a contact: only the fields sent change. */
export const ZUpdateContactInput = z.strictObject({
  firstName: text(120).optional(),
  lastName: text(120).optional(),
  position: optionalText(120),
  birthday: ZDay.nullable().optional(),
  preferredChannel: ZChannel.nullable().optional(),
  /** What they like and buy ("rye bread, no sugar"). */
  preferences: optionalText(5_000),
  /** Family and personal events, as free notes. */
  personalEvents: optionalText(5_000),
  /** Replaces the companies this person works for. */
  companies: z.array(ZContactCompanyLink).max(50).optional(),
  /** The language mailings and surveys are written to them in; unset: their manager's. */
  language: ZLocale.nullable().optional(),
  ...customerFields,
});
export type TUpdateContactInput = z.infer<typeof ZUpdateContactInput>;

/** A new contact: a first or a last name at least. */
export const ZCreateContactInput = ZUpdateContactInput.refine((c) => Boolean(c.firstName?.trim() || c.lastName?.trim()), {
  message: 'A first or a last name is needed',
  path: ['lastName'],
});
export type TCreateContactInput = z.input<typeof ZCreateContactInput>;

export const ZContact = z.object({
  id: ZId,
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  birthday: z.iso.date().nullable(),
  preferredChannel: ZChannel.nullable(),
  preferences: z.string().nullable(),
  personalEvents: z.string().nullable(),
  companies: z.array(z.object({ id: ZId, name: z.string(), role: z.string() })),
  relationships: z.array(ZRelationship),
  status: ZCustomerStatus,
  class: ZCustomerClass.nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  phones: z.array(z.object({ label: z.string(), value: z.string() })),
  emails: z.array(z.object({ label: z.string(), value: z.string() })),
  leadSource: z.string().nullable(),
  owner: ZPersonRef,
  unitId: ZId.nullable(),
  custom: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** When we last called, met, visited or wrote (from activities). */
  lastContactAt: z.iso.datetime().nullable(),
  /** Where the person came from: first touch and converting touch. */
  attribution: ZAttribution,
  language: ZLocale.nullable(),
  /** Marketing consent: granted, withdrawn or never asked (null); changed through its own routes. */
  marketingConsent: ZConsentState.nullable(),
  consentAt: z.iso.datetime().nullable(),
  consentSource: ZConsentSource.nullable(),
  /** When mail to them last bounced hard; mailings skip them until an address changes. */
  emailBouncedAt: z.iso.datetime().nullable(),
});
export type TContact = z.infer<typeof ZContact>;
export const ZContactList = listOf(ZContact);

export const ZContactListQuery = customerListQuery({
  ...customerListFilters,
  'filter[companyId]': ZId.optional(),
  /** Birthdays in this month (1–12): the bakery's small sweet gift. */
  'filter[birthdayMonth]': z.coerce.number().int().min(1).max(12).optional(),
});
export type TContactListQuery = z.infer<typeof ZContactListQuery>;

/** A client group: legal entities with one owner (parent, subsidiaries, sister companies). */
export const ZCreateCompanyGroupInput = z.strictObject({ name: text(200).min(1), notes: optionalText(5_000) });
export const ZUpdateCompanyGroupInput = z.strictObject({ name: text(200).min(1).optional(), notes: optionalText(5_000) });
export type TCreateCompanyGroupInput = z.infer<typeof ZCreateCompanyGroupInput>;
export type TUpdateCompanyGroupInput = z.infer<typeof ZUpdateCompanyGroupInput>;

export const ZCompanyGroupMember = z.object({
  id: ZId,
  name: z.string(),
  city: z.string().nullable(),
  status: ZCustomerStatus,
  parentCompanyId: ZId.nullable(),
});
export const ZCompanyGroup = z.object({
  id: ZId,
  name: z.string(),
  notes: z.string().nullable(),
  /** Members the actor may see; `memberCount` counts them all. */
  members: z.array(ZCompanyGroupMember),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TCompanyGroup = z.infer<typeof ZCompanyGroup>;
export const ZCompanyGroupList = listOf(ZCompanyGroup.omit({ members: true }));
