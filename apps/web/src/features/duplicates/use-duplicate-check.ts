import type { TDuplicateCheckInput, TDuplicateEntity } from '@clientela/contract';
import { useMemo } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { CustomerRecord } from '../customer-list/api.ts';
import { type PointValue, pointsOf } from '../customers/payload.ts';
import { useDuplicateCheck } from './api.ts';

/** The values of a create form that can tell a customer is already known. */
export type CheckedValues = {
  name?: string;
  firstName?: string;
  lastName?: string;
  city?: string | null;
  taxNumber?: string | null;
  emails?: PointValue[];
  phones?: PointValue[];
};

// Half-typed e-mails, phones and tax numbers would only find noise.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const MIN_PHONE_DIGITS = 6;
const MIN_TAX_NUMBER = 5;
const MIN_NAME = 3;

/** The check request for typed values; null while nothing filled in can point at a known customer. */
export function checkInput(entity: TDuplicateEntity, values: CheckedValues, exceptId?: string): TDuplicateCheckInput | null {
  const text = (value: string | null | undefined) => value?.trim() ?? '';
  const emails = pointsOf(values.emails)
    .map((point) => point.value)
    .filter((value) => EMAIL.test(value) && value.length <= 254);
  const phones = pointsOf(values.phones)
    .map((point) => point.value)
    .filter((value) => value.replace(/\D/g, '').length >= MIN_PHONE_DIGITS && value.length <= 40);
  const name = entity === 'company' ? text(values.name) : '';
  const firstName = entity === 'contact' ? text(values.firstName) : '';
  const lastName = entity === 'contact' ? text(values.lastName) : '';
  const fullName = [name, firstName, lastName].join(' ').trim();
  const city = text(values.city);
  const taxNumber = entity === 'company' ? text(values.taxNumber) : '';
  if (fullName.length < MIN_NAME && emails.length === 0 && phones.length === 0 && taxNumber.length < MIN_TAX_NUMBER) return null;

  const input: TDuplicateCheckInput = { entity };
  if (name) input.name = name;
  if (firstName) input.firstName = firstName;
  if (lastName) input.lastName = lastName;
  if (city) input.city = city;
  if (taxNumber.length >= MIN_TAX_NUMBER) input.taxNumber = taxNumber;
  if (emails.length > 0) input.emails = emails.slice(0, 20);
  if (phones.length > 0) input.phones = phones.slice(0, 20);
  if (exceptId) input.exceptId = exceptId;
  return input;
}

/** A saved record's own values, to find its probable duplicates (e.g. to suggest whom to merge it with). */
export function recordCheckInput(entity: TDuplicateEntity, record: CustomerRecord): TDuplicateCheckInput | null {
  return checkInput(entity, record, record.id);
}

/**
 * Probable duplicates of the values being typed, asked once the typing pauses; empty while the
 * values say too little. Never an error: the warning is a help, saving stays possible.
 */
export function useDuplicateWarning(entity: TDuplicateEntity, values: CheckedValues, enabled: boolean) {
  const input = enabled ? checkInput(entity, values) : null;
  const key = JSON.stringify(input);
  const debounced = useDebouncedValue(key, 400);
  const asked = useMemo(() => JSON.parse(debounced) as TDuplicateCheckInput | null, [debounced]);
  const check = useDuplicateCheck(asked);
  // Cleared fields hide the warning at once, without waiting for the pause.
  return input === null || asked === null ? [] : (check.data ?? []);
}
