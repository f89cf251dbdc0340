export { linesOf } from './lines.ts';
export { quotePdf } from './quote-pdf.ts';
export { creditLimits, orderLines, payments, quoteLines, quotes, salesOrders } from './sales.table.ts';
