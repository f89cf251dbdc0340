import { LEAD_FORM_FIELDS, type TCreateWebFormInput, type TLeadFormField, type TLocale, type TWebForm } from '@clientela/contract';

type FieldChoice = { include?: boolean; required?: boolean };

/** What the web form editor holds. */
export type WebFormValues = {
  name?: string;
  language?: TLocale;
  fields?: Partial<Record<TLeadFormField, FieldChoice>>;
  title?: string | null;
  thanks?: string | null;
  consentText?: string | null;
  redirectUrl?: string | null;
  sourceId?: string | null;
  campaignId?: string | null;
  ownerId?: string | null;
  active?: boolean;
};

/** The label key of a lead field in the `marketing` namespace. */
export const fieldLabelKey = (field: TLeadFormField) =>
  (field === 'companyName' ? 'fields.company' : `fields.${field}`) as 'fields.company';

const textOrNull = (value: string | null | undefined) => value?.trim() || null;

/** The editor's values as the API takes them; fields keep the lead's order. */
export function toWebFormInput(values: WebFormValues): TCreateWebFormInput {
  return {
    name: values.name?.trim() ?? '',
    language: values.language ?? 'en',
    fields: LEAD_FORM_FIELDS.filter((field) => values.fields?.[field]?.include).map((field) => ({
      field,
      required: Boolean(values.fields?.[field]?.required),
    })),
    title: textOrNull(values.title),
    thanks: textOrNull(values.thanks),
    consentText: textOrNull(values.consentText),
    redirectUrl: textOrNull(values.redirectUrl),
    sourceId: values.sourceId ?? null,
    campaignId: values.campaignId ?? null,
    ownerId: values.ownerId ?? null,
    active: values.active ?? true,
  };
}

/** A saved form, or a new one with a name, an e-mail and a message, ready for the editor. */
export function toWebFormValues(form: TWebForm | null): WebFormValues {
  if (!form)
    return {
      language: 'en',
      active: true,
      fields: { firstName: { include: true, required: false }, email: { include: true, required: true }, message: { include: true } },
    };
  return {
    name: form.name,
    language: form.language,
    fields: Object.fromEntries(form.fields.map((one) => [one.field, { include: true, required: one.required }])),
    title: form.title,
    thanks: form.thanks,
    consentText: form.consentText,
    redirectUrl: form.redirectUrl,
    sourceId: form.source?.id ?? null,
    campaignId: form.campaign?.id ?? null,
    ownerId: form.owner?.id ?? null,
    active: form.active,
  };
}
