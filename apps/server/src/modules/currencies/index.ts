export { baseAmountSql, baseCurrencyOf, unknownCurrencies } from './currencies.service.ts';
export { exchangeRates, workspaceCurrencies } from './currencies.table.ts';
