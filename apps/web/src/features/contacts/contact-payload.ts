import type { CHANNELS, TContact, TCustomField, TLocale, TUpdateContactInput } from '@clientela/contract';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type CustomValues, customPayload } from '../custom-fields/custom-values.ts';
import { type CustomerFormValues, customerFormValues, customerPayload, textOrNull } from '../customers/payload.ts';
import { type AttributionFormValues, attributionFormValues, attributionPayload } from '../marketing/attribution.tsx';

type Channel = (typeof CHANNELS)[number];
export type CompanyLinkValue = { companyId?: string; role?: string };

/** What the contact form holds while being edited. */
export type ContactFormValues = CustomerFormValues &
  AttributionFormValues & {
    language?: TLocale | null;
    firstName?: string;
    lastName?: string;
    position?: string | null;
    birthday?: Dayjs | null;
    preferredChannel?: Channel | null;
    preferences?: string | null;
    personalEvents?: string | null;
    companies?: CompanyLinkValue[];
  };

/**
 * The form's values as the API takes them; the birthday is a plain calendar date. Custom values
 * only for the fields defined, and for an existing contact (`currentCustom`) only those changed.
 */
export function toContactInput(
  values: ContactFormValues,
  customFields: readonly TCustomField[] = [],
  currentCustom?: CustomValues,
): TUpdateContactInput {
  const custom = customPayload(customFields, values.custom, currentCustom);
  return {
    firstName: values.firstName?.trim() ?? '',
    lastName: values.lastName?.trim() ?? '',
    position: textOrNull(values.position),
    // Formatted from the picked day itself, never through a UTC instant, so no time zone can shift it.
    birthday: values.birthday ? values.birthday.format('YYYY-MM-DD') : null,
    preferredChannel: values.preferredChannel ?? null,
    preferences: textOrNull(values.preferences),
    personalEvents: textOrNull(values.personalEvents),
    companies: (values.companies ?? [])
      .filter((link): link is { companyId: string; role?: string } => Boolean(link.companyId))
      .map((link) => ({ companyId: link.companyId, role: link.role?.trim() ?? '' })),
    ...customerPayload(values),
    ...(values.language !== undefined ? { language: values.language } : {}),
    ...attributionPayload(values),
    ...(custom ? { custom } : {}),
  };
}

/** A contact, ready for the form. */
export function toContactFormValues(contact: TContact): ContactFormValues {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    position: contact.position,
    // dayjs reads `YYYY-MM-DD` as local midnight of that day: the day shown is the day stored.
    birthday: contact.birthday ? dayjs(contact.birthday) : null,
    preferredChannel: contact.preferredChannel,
    preferences: contact.preferences,
    personalEvents: contact.personalEvents,
    companies: contact.companies.map((link) => ({ companyId: link.id, role: link.role })),
    ...customerFormValues(contact),
    language: contact.language,
    ...attributionFormValues(contact.attribution),
  };
}
