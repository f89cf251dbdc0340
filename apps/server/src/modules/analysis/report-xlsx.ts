import type {
  TAbcReport,
  TCustomersReport,
  TFunnelReport,
  TLocale,
  TSalesReport,
  TWinRateReport,
  TWonLostReport,
} from '@clientela/contract';
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
    funnel: 'Funnel',
    stage: 'Stage',
    reached: 'Reached',
    reachedAmount: 'Amount reached',
    fromPrevious: 'From previous stage, %',
    fromFirst: 'From first stage, %',
    current: 'There now',
    currentAmount: 'Amount there now',
    averageDays: 'Average days',
    medianDays: 'Median days',
    stillIn: 'Of them still in the stage (counted to now)',
    wonLost: 'Won and lost',
    lostAmount: 'Lost amount',
    lostReasons: 'Lost reasons',
    reason: 'Reason',
    noReason: '(no reason given)',
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
    funnel: 'Воронка',
    stage: 'Этап',
    reached: 'Дошло',
    reachedAmount: 'Сумма дошедших',
    fromPrevious: 'От предыдущего этапа, %',
    fromFirst: 'От первого этапа, %',
    current: 'Сейчас на этапе',
    currentAmount: 'Сумма на этапе сейчас',
    averageDays: 'Дней в среднем',
    medianDays: 'Дней по медиане',
    stillIn: 'Из них ещё на этапе (до текущего момента)',
    wonLost: 'Выигранные и проигранные',
    lostAmount: 'Сумма проигранных',
    lostReasons: 'Причины проигрыша',
    reason: 'Причина',
    noReason: '(причина не указана)',
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
    funnel: 'Imbuto di vendita',
    stage: 'Fase',
    reached: 'Arrivate',
    reachedAmount: 'Importo arrivato',
    fromPrevious: 'Dalla fase precedente, %',
    fromFirst: 'Dalla prima fase, %',
    current: 'Ora nella fase',
    currentAmount: 'Importo ora nella fase',
    averageDays: 'Giorni in media',
    medianDays: 'Giorni (mediana)',
    stillIn: 'Di cui ancora nella fase (contate fino a ora)',
    wonLost: 'Vinte e perse',
    lostAmount: 'Importo perso',
    lostReasons: 'Motivi di perdita',
    reason: 'Motivo',
    noReason: '(nessun motivo indicato)',
  },
} satisfies Record<TLocale, Record<string, string>>;

type Labels = (typeof LABELS)['en'];
const MONEY = '#,##0.00';

type Sheet = { name: string; headings: string[]; rows: (string | number | null)[][]; moneyColumns: number[] };

/** A workbook of one sheet or more: bold headings, then the rows; numbers stay numbers in Excel. */
async function workbookOf(sheets: Sheet[]) {
  const book = new ExcelJS.Workbook();
  for (const { name, headings, rows, moneyColumns } of sheets) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(headings).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    for (const column of moneyColumns) sheet.getColumn(column).numFmt = MONEY;
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const workbook = (name: string, headings: string[], rows: (string | number | null)[][], moneyColumns: number[]) =>
  workbookOf([{ name, headings, rows, moneyColumns }]);

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

/** The funnel as a file: a row per stage in the pipeline's order, with its conversions and durations. */
export function funnelXlsx(report: TFunnelReport, locale: TLocale) {
  const l: Labels = LABELS[locale];
  const rows = report.stages.map((s) => [
    s.stage.name,
    s.reached,
    num(s.reachedAmount),
    num(s.fromPrevious),
    num(s.fromFirst),
    s.current,
    num(s.currentAmount),
    num(s.averageDays),
    num(s.medianDays),
    s.stage.kind === 'open' ? s.stillIn : null,
  ]);
  const headings = [
    l.stage,
    l.reached,
    l.reachedAmount,
    l.fromPrevious,
    l.fromFirst,
    l.current,
    l.currentAmount,
    l.averageDays,
    l.medianDays,
    l.stillIn,
  ];
  return workbook(l.funnel, headings, rows, [3, 7]);
}

/** Won and lost deals per group on a first sheet, the lost deals by reason on a second. */
export function wonLostXlsx(report: TWonLostReport, locale: TLocale) {
  const l: Labels = LABELS[locale];
  const line = (label: string, r: TWonLostReport['total']) => [label, r.won, r.lost, num(r.winRate), num(r.wonAmount), num(r.lostAmount)];
  return workbookOf([
    {
      name: l.wonLost,
      headings: [l.group, l.won, l.lost, l.rate, l.wonAmount, l.lostAmount],
      rows: [...report.rows.map((r) => line(r.label || l.none, r)), line(l.total, report.total)],
      moneyColumns: [5, 6],
    },
    {
      name: l.lostReasons,
      headings: [l.reason, l.lost, l.amount, l.share],
      rows: report.reasons.map((r) => [r.key === null ? l.noReason : r.label, r.count, num(r.amount), num(r.share)]),
      moneyColumns: [3],
    },
  ]);
}

/** The file's name: the report and the day it was made. */
export const reportFileName = (name: string) => `${name}-${new Date().toISOString().slice(0, 10)}.xlsx`;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
