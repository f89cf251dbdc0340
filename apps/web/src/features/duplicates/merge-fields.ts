import {
  COMPANY_MERGE_FIELDS,
  CONTACT_MERGE_FIELDS,
  type TCreateMergeInput,
  type TCustomField,
  type TDuplicateEntity,
} from '@clientela/contract';
import { isEmptyValue } from '../custom-fields/custom-values.ts';
import type { CustomerRecord } from '../customer-list/api.ts';

/** Field name → id of the record whose value the survivor keeps. */
export type MergeChoices = Record<string, string>;

const CUSTOM = 'custom.';

/** Every field the merge takes from one chosen record: the entity's own, then `custom.<key>` of each custom field. */
export function mergeFields(entity: TDuplicateEntity, customFields: readonly TCustomField[]): string[] {
  const own: readonly string[] = entity === 'company' ? COMPANY_MERGE_FIELDS : CONTACT_MERGE_FIELDS;
  return [...own, ...customFields.map((field) => `${CUSTOM}${field.key}`)];
}

/** The custom field a `custom.<key>` merge field names, if any. */
export function customFieldOf(field: string, customFields: readonly TCustomField[]): TCustomField | undefined {
  return field.startsWith(CUSTOM) ? customFields.find((one) => one.key === field.slice(CUSTOM.length)) : undefined;
}

/** A record's value of a merge field; the owner is compared by id. */
export function fieldValue(record: CustomerRecord, field: string): unknown {
  if (field === 'ownerId') return record.owner?.id ?? null;
  if (field.startsWith(CUSTOM)) return record.custom[field.slice(CUSTOM.length)] ?? null;
  return (record as Record<string, unknown>)[field] ?? null;
}

function comparable(value: unknown): string {
  if (isEmptyValue(value)) return '';
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

/** The fields whose values differ between the records: the only ones worth a choice. */
export function differingFields(fields: readonly string[], records: readonly CustomerRecord[]): string[] {
  return fields.filter((field) => new Set(records.map((record) => comparable(fieldValue(record, field)))).size > 1);
}

/** The record whose value a field keeps unless the user picks another: the survivor's, else the first filled one. */
export function defaultChoice(field: string, records: readonly CustomerRecord[], survivorId: string): string {
  const survivor = records.find((record) => record.id === survivorId);
  if (survivor && !isEmptyValue(fieldValue(survivor, field))) return survivorId;
  return records.find((record) => !isEmptyValue(fieldValue(record, field)))?.id ?? survivorId;
}

/** The merge request: the survivor, the others, and for every differing field the record whose value stays. */
export function mergeInput(
  entity: TDuplicateEntity,
  records: readonly CustomerRecord[],
  survivorId: string,
  fields: readonly string[],
  picked: MergeChoices,
): TCreateMergeInput {
  const ids = new Set(records.map((record) => record.id));
  const values: MergeChoices = {};
  for (const field of fields) {
    const chosen = picked[field];
    values[field] = chosen && ids.has(chosen) ? chosen : defaultChoice(field, records, survivorId);
  }
  return {
    entity,
    survivorId,
    mergedIds: records.map((record) => record.id).filter((id) => id !== survivorId),
    values,
  };
}

/** The survivor's name once merged: taken from the records chosen for the name fields. */
export function mergedName(entity: TDuplicateEntity, records: readonly CustomerRecord[], choiceOf: (field: string) => string): string {
  const chosenText = (field: string) => {
    const record = records.find((one) => one.id === choiceOf(field));
    const value = record ? fieldValue(record, field) : null;
    return typeof value === 'string' ? value.trim() : '';
  };
  if (entity === 'company') return chosenText('name');
  return [chosenText('firstName'), chosenText('lastName')].filter(Boolean).join(' ');
}
