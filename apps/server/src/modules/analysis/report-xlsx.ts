import type { TAbcReport, TCustomersReport, TLocale, TSalesReport, TWinRateReport } from '@clientela/contract';
import ExcelJS from 'exceljs';

/** Headings of report files, in the reader's language. */
const LABELS = {
  en: {
    sales: 'Sales',
    winRate: 'Win rate',
    customers: 'Customers',
    abc: 'ABC×XYZ',
    group: 'Group',
    subgroup: 'Subgroup',
    count: 'Count',
    amount: 'Amount',
    won: 'Won',
    lost: 'Lost',
    rate: 'Win rate, %',
    wonAmount: 'Won amount',
    total: 'Total',
    none: '(none)',
    customer: 'Customer',
    revenue: 'Revenue',
    share: 'Share, %',
    cumulative: 'Cumulative share, %',
    cv: 'Variation, %',
    abcClass: 'ABC',
    xyzClass: 'XYZ',
  },
  ru: {
    sales: 'Продажи',
    winRate: 'Доля выигранных',
    customers: 'Клиенты',
    abc: 'ABC×XYZ',
    group: 'Группа',
    subgroup: 'Подгруппа',
    count: 'Количество',
    amount: 'Сумма',
    won: 'Выиграно',
    lost: 'Проиграно',
    rate: 'Доля выигранных, %',
    wonAmount: 'Сумма выигранных',
    total: 'Итого',
    none: '(нет)',
    customer: 'Клиент',
    revenue: 'Выручка',
    share: 'Доля, %',
    cumulative: 'Накопленная доля, %',
    cv: 'Вариация, %',
    abcClass: 'ABC',
    xyzClass: 'XYZ',
  },
  it: {
    sales: 'Vendite',
    winRate: 'Tasso di successo',
    customers: 'Clienti',
    abc: 'ABC×XYZ',
    group: 'Gruppo',
    subgroup: 'Sottogruppo',
    count: 'Numero',
    amount: 'Importo',
    won: 'Vinte',
    lost: 'Perse',
    rate: 'Tasso di successo, %',
    wonAmount: 'Importo vinto',
    total: 'Totale',
    none: '(nessuno)',
    customer: 'Cliente',
    revenue: 'Fatturato',
    share: 'Quota, %',
    cumulative: 'Quota cumulata, %',
    cv: 'Variazione, %',
    abcClass: 'ABC',
    xyzClass: 'XYZ',
  },
} satisfies Record<TLocale, Record<string, string>>;

type Labels = (typeof LABELS)['en'];
const MONEY = '#,##0.00';

/** A one-sheet workbook: bold headings, then the rows; numbers stay numbers in Excel. */
async function workbook(sheetName: string, headings: string[], rows: (string | number | null)[][], moneyColumns: number[]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(headings).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  for (const column of moneyColumns) sheet.getColumn(column).numFmt = MONEY;
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const num = (value: string | null) => (value === null ? null : Number(value));

/** Sales (or customer counts) as a file: a row per group, its subgroups below it, the total last. */
export function groupedXlsx(report: TSalesReport | TCustomersReport, locale: TLocale) {
  const l: Labels = LABELS[locale];
  const withAmount = 'basis' in report;
  const two = report.thenBy !== null;
  const line = (group: string, sub: string | null, count: number, amount: string | null) => [
    group,
    ...(two ? [sub] : []),
    count,
    ...(withAmount ? [num(amount)] : []),
  ];
  const rows = report.rows.flatMap((row) => [
    line(row.label || l.none, null, row.count, row.amount),
    ...(row.children ?? []).map((child) => line(row.label || l.none, child.label || l.none, child.count, child.amount)),
  ]);
  rows.push(line(l.total, null, report.total.count, 'amount' in report.total ? report.total.amount : null));
  const headings = [l.group, ...(two ? [l.subgroup] : []), l.count, ...(withAmount ? [l.amount] : [])];
  return workbook(withAmount ? l.sales : l.customers, headings, rows, withAmount ? [headings.length] : []);
}

export function winRateXlsx(report: TWinRateReport, locale: TLocale) {
  const l: Labels = LABELS[locale];
  const rows = [
    ...report.rows.map((r) => [r.label || l.none, r.won, r.lost, num(r.winRate), num(r.wonAmount)]),
    [l.total, report.total.won, report.total.lost, num(report.total.winRate), num(report.total.wonAmount)],
  ];
  return workbook(l.winRate, [l.group, l.won, l.lost, l.rate, l.wonAmount], rows, [5]);
}

export function abcXlsx(report: TAbcReport, locale: TLocale) {
  const l: Labels = LABELS[locale];
  const rows = report.customers.map((c) => [c.company.name, num(c.revenue), num(c.share), num(c.cumulativeShare), c.abc, num(c.cv), c.xyz]);
  return workbook(l.abc, [l.customer, l.revenue, l.share, l.cumulative, l.abcClass, l.cv, l.xyzClass], rows, [2]);
}

/** The file's name: the report and the day it was made. */
export const reportFileName = (name: string) => `${name}-${new Date().toISOString().slice(0, 10)}.xlsx`;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
