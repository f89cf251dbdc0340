import type { TErrorCode } from '@clientela/contract';
import i18next, { type TFunction } from 'i18next';
import { isApiError } from './api.ts';

/** Codes made by the web app itself, next to the API's. */
export const CLIENT_ERROR_CODES = ['network_error', 'unknown_error'] as const;

/** Every code the UI has a message for; `t()` below fails to compile if en.json lacks one. */
type MessageCode = TErrorCode | (typeof CLIENT_ERROR_CODES)[number];

/** A translated sentence for any error: by its API code, else a generic one. */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = isApiError(error) ? error.code : 'unknown_error';
  return i18next.exists(`errors.${code}`) ? t(`errors.${code as MessageCode}`) : t('errors.unknown_error');
}
