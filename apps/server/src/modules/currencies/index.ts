export {
  baseAmountSql,
  baseCurrencyOf,
  EXPOSED_SQL,
  isKnownCurrency,
  lockBaseCurrency,
  saveExchangeRates,
  unknownCurrencies,
} from './currencies.service.ts';
export { exchangeRates, workspaceCurrencies } from './currencies.table.ts';
