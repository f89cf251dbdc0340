import type { TCustomField, TCustomFieldType } from '@clientela/contract';

let next = 100;

/** A custom field definition for tests: a text field of contacts unless told otherwise. */
export function customField(key: string, type: TCustomFieldType, extra: Partial<TCustomField> = {}): TCustomField {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-000000000${next}`,
    entity: 'contact',
    key,
    label: key,
    type,
    options: [],
    currency: null,
    required: false,
    position: 0,
    ...extra,
  };
}
