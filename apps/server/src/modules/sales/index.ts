export { creditLimits, orderLines, payments, quoteLines, quotes, salesOrders } from './sales.table.ts';
