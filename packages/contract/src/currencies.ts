import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZDay } from './common.ts';

/** An ISO 4217 code such as EUR, RUB or USD. */
export const ZCurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR or RUB');

/**
 * An amount of money as a decimal string with at most two decimals ("1250.50"): never a float.
 * The server adds and converts in PostgreSQL's numeric.
 */
export const ZAmount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'A positive amount with at most two decimals');

/** How many units of the base currency one unit of a currency is worth, up to 8 decimals ("0.01087000"). */
export const ZRate = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,8})?$/, 'A positive rate with at most eight decimals')
  .refine((value) => Number(value) > 0, 'A rate above zero');

/** The workspace's base currency (in which reports add up) and the other currencies it trades in. */
export const ZCurrencySettings = z.object({
  baseCurrency: ZCurrencyCode,
  currencies: z.array(
    z.object({
      code: ZCurrencyCode,
      /** The newest rate entered, and its date; null for the base currency or before a rate is entered. */
      latestRate: z.string().nullable(),
      latestRateOn: ZDay.nullable(),
    }),
  ),
  /** False once amounts are recorded: the base currency is then fixed. */
  baseCurrencyChangeable: z.boolean(),
});
export type TCurrencySettings = z.infer<typeof ZCurrencySettings>;

/** Admins set the base currency (while no amount is recorded) and the currencies in use. */
export const ZUpdateCurrencySettingsInput = z.strictObject({
  baseCurrency: ZCurrencyCode.optional(),
  currencies: z.array(ZCurrencyCode).max(50).optional(),
});
export type TUpdateCurrencySettingsInput = z.infer<typeof ZUpdateCurrencySettingsInput>;

/** One unit of `currency` was worth `rate` units of the base currency from `on` until the next rate. */
export const ZExchangeRate = z.object({
  currency: ZCurrencyCode,
  on: ZDay,
  rate: z.string(),
  createdAt: z.iso.datetime(),
});
export type TExchangeRate = z.infer<typeof ZExchangeRate>;

/** Rates entered or imported at once (up to 1,000); a rate for a day that has one replaces it. */
export const ZPutExchangeRatesInput = z.strictObject({
  rates: z
    .array(z.strictObject({ currency: ZCurrencyCode, on: ZDay, rate: ZRate }))
    .min(1)
    .max(1000),
});
export type TPutExchangeRatesInput = z.infer<typeof ZPutExchangeRatesInput>;

export const ZExchangeRateListQuery = z.strictObject({
  'filter[currency]': ZCurrencyCode.optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export type TExchangeRateListQuery = z.infer<typeof ZExchangeRateListQuery>;
export const ZExchangeRateList = listOf(ZExchangeRate);

export const ZExchangeRateParams = z.strictObject({ currency: ZCurrencyCode, on: ZDay });
