import type { TDeal, TLocale } from '@clientela/contract';
import { formatMoney, formatNumber } from '../../lib/format.ts';

/** A deal's amount in its own currency for the user's language; null when it has none. */
export function dealAmount(deal: Pick<TDeal, 'amount' | 'currency'>, locale: TLocale): string | null {
  // A role may hide amounts: the key is then absent.
  if (deal.amount == null) return null;
  const amount = Number(deal.amount);
  return deal.currency ? formatMoney(amount, deal.currency, locale) : formatNumber(amount, locale);
}

/** A deal's amount in the workspace's base currency; null while it has none or no rate is known. */
export function dealAmountBase(deal: Pick<TDeal, 'amountBase' | 'baseCurrency'>, locale: TLocale): string | null {
  return deal.amountBase == null ? null : formatMoney(Number(deal.amountBase), deal.baseCurrency, locale);
}
