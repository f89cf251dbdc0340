import type { TLocale } from '@clientela/contract';

/** The currencies our users mostly work in come first; the rest follow by code. */
const FIRST = ['EUR', 'RUB', 'USD', 'GBP', 'CHF'];

/** Every ISO currency the browser knows, as select options: "EUR · Euro" (the name in the user's language). */
export function currencyOptions(locale: TLocale): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  const codes = Intl.supportedValuesOf('currency');
  const ordered = [...FIRST.filter((code) => codes.includes(code)), ...codes.filter((code) => !FIRST.includes(code))];
  return ordered.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

/** A currency's name in the user's language ("Euro", "Российский рубль"). */
export function currencyName(code: string, locale: TLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}
