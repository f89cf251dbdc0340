import type { TCreateLeadInput, TLead, TLocale } from '@clientela/contract';

/** What the lead form holds while being edited. */
export type LeadFormValues = {
  firstName?: string;
  lastName?: string;
  companyName?: string | null;
  position?: string | null;
  email?: string | null;
  phone?: string | null;
  city?: string | null;
  language?: TLocale | null;
  message?: string | null;
  marketingConsent?: boolean;
  ownerId?: string | null;
  sourceId?: string | null;
  campaignId?: string | null;
};

const textOrNull = (value: string | null | undefined) => value?.trim() || null;

/** The form's values as the API takes them. */
export function toLeadInput(values: LeadFormValues): TCreateLeadInput {
  return {
    firstName: values.firstName?.trim() ?? '',
    lastName: values.lastName?.trim() ?? '',
    companyName: textOrNull(values.companyName),
    position: textOrNull(values.position),
    email: textOrNull(values.email),
    phone: textOrNull(values.phone),
    city: textOrNull(values.city),
    language: values.language ?? null,
    message: textOrNull(values.message),
    marketingConsent: values.marketingConsent ?? false,
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    sourceId: values.sourceId ?? null,
    campaignId: values.campaignId ?? null,
  };
}

/** A lead, ready for the form. */
export function toLeadFormValues(lead: TLead): LeadFormValues {
  return {
    firstName: lead.firstName,
    lastName: lead.lastName,
    companyName: lead.companyName,
    position: lead.position,
    email: lead.email,
    phone: lead.phone,
    city: lead.city,
    language: lead.language,
    message: lead.message,
    marketingConsent: lead.marketingConsent,
    ownerId: lead.owner?.id ?? null,
    sourceId: lead.source?.id ?? null,
    campaignId: lead.campaign?.id ?? null,
  };
}
