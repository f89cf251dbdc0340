import type { TCompany, TContact } from '@clientela/contract';
import type { CustomValues } from '../custom-fields/custom-values.ts';
import type { CustomerClass, CustomerStatus, Relationship } from './types.ts';

export type PointValue = { label?: string; value?: string };

/** What the inputs companies and contacts share hold while being edited. */
export type CustomerFormValues = {
  relationships?: Relationship[];
  status?: CustomerStatus;
  class?: CustomerClass | null;
  region?: string | null;
  city?: string | null;
  address?: string | null;
  phones?: PointValue[];
  emails?: PointValue[];
  leadSource?: string | null;
  ownerId?: string | null;
  unitId?: string | null;
  tags?: string[];
  notes?: string | null;
  /** The admin's own fields, by key (see custom-fields/custom-values.ts). */
  custom?: CustomValues;
};

/** A trimmed text, or null when left empty: the API clears a field with null, never with ''. */
export function textOrNull(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

/** Phones or e-mails without the rows left empty. */
export function pointsOf(points: PointValue[] | undefined): { label: string; value: string }[] {
  return (points ?? [])
    .map((point) => ({ label: point.label?.trim() ?? '', value: point.value?.trim() ?? '' }))
    .filter((point) => point.value !== '');
}

/** The shared fields as the API takes them. */
export function customerPayload(values: CustomerFormValues) {
  return {
    relationships: values.relationships ?? [],
    status: values.status ?? 'potential',
    class: values.class ?? null,
    region: textOrNull(values.region),
    city: textOrNull(values.city),
    address: textOrNull(values.address),
    phones: pointsOf(values.phones),
    emails: pointsOf(values.emails),
    leadSource: textOrNull(values.leadSource),
    ownerId: values.ownerId ?? null,
    unitId: values.unitId ?? null,
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    notes: textOrNull(values.notes),
  };
}

/** The shared fields of a record, ready for the form. */
export function customerFormValues(record: TCompany | TContact): CustomerFormValues {
  return {
    relationships: record.relationships,
    status: record.status,
    class: record.class,
    region: record.region,
    city: record.city,
    address: record.address,
    phones: record.phones,
    emails: record.emails,
    leadSource: record.leadSource,
    ownerId: record.owner?.id ?? null,
    unitId: record.unitId,
    tags: record.tags,
    notes: record.notes,
    custom: { ...record.custom },
  };
}
