export { baseAmountSql, baseCurrencyOf, EXPOSED_SQL, unknownCurrencies } from './currencies.service.ts';
export { exchangeRates, workspaceCurrencies } from './currencies.table.ts';
