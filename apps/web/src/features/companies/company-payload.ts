import type { TCompany, TCustomField, TRelationshipStyle, TUpdateCompanyInput } from '@clientela/contract';
import { type CustomValues, customPayload } from '../custom-fields/custom-values.ts';
import { type CustomerFormValues, customerFormValues, customerPayload, textOrNull } from '../customers/payload.ts';
import { type AttributionFormValues, attributionFormValues, attributionPayload } from '../marketing/attribution.tsx';

/** What the company form holds while being edited. */
export type CompanyFormValues = CustomerFormValues &
  AttributionFormValues & {
    name?: string;
    legalName?: string | null;
    taxNumber?: string | null;
    website?: string | null;
    relationshipStyle?: TRelationshipStyle | null;
    portalAccess?: boolean;
  };

/**
 * The form's values as the API takes them: trimmed, empty texts as null, empty phone rows dropped;
 * custom values only for the fields defined, and for an existing company (`currentCustom`) only those changed.
 */
export function toCompanyInput(
  values: CompanyFormValues,
  customFields: readonly TCustomField[] = [],
  currentCustom?: CustomValues,
): TUpdateCompanyInput & { name: string } {
  const custom = customPayload(customFields, values.custom, currentCustom);
  return {
    name: values.name?.trim() ?? '',
    legalName: textOrNull(values.legalName),
    taxNumber: textOrNull(values.taxNumber),
    website: textOrNull(values.website),
    relationshipStyle: values.relationshipStyle ?? null,
    portalAccess: values.portalAccess ?? true,
    ...customerPayload(values),
    ...attributionPayload(values),
    ...(custom ? { custom } : {}),
  };
}

/** A company, ready for the form. */
export function toCompanyFormValues(company: TCompany): CompanyFormValues {
  return {
    name: company.name,
    legalName: company.legalName,
    taxNumber: company.taxNumber,
    website: company.website,
    relationshipStyle: company.relationshipStyle,
    portalAccess: company.portalAccess,
    ...customerFormValues(company),
    ...attributionFormValues(company.attribution),
  };
}

/** A new company starts as a potential client, looked after by whoever adds it. */
export function newCompanyValues(): CompanyFormValues {
  return { status: 'potential', relationships: ['client'], phones: [{ label: '', value: '' }], emails: [], tags: [], portalAccess: true };
}
