import type { TBuilderDimension, TBuilderReport, TLocale } from '@clientela/contract';
import ExcelJS from 'exceljs';

type Words = {
  sheet: string;
  count: string;
  sum: string;
  avg: string;
  total: string;
  none: string;
  /** An activity's owner is its author. */
  author: string;
  dimensions: Record<TBuilderDimension, string>;
  /** Codes the groupings show (statuses, classes, activity types, outcomes), by their code. */
  values: Record<string, string>;
};

/** The file's words in the reader's language. */
const WORDS: Record<TLocale, Words> = {
  en: {
    sheet: 'Report',
    count: 'Count',
    sum: 'Sum',
    avg: 'Average',
    total: 'Total',
    none: '(none)',
    author: 'Author',
    dimensions: {
      createdMonth: 'Month created',
      createdQuarter: 'Quarter created',
      createdYear: 'Year created',
      closeMonth: 'Month closed',
      closeQuarter: 'Quarter closed',
      closeYear: 'Year closed',
      month: 'Month',
      quarter: 'Quarter',
      year: 'Year',
      stage: 'Stage',
      status: 'Status',
      class: 'Class',
      owner: 'Owner',
      unit: 'Branch',
      product: 'Product',
      source: 'Source',
      leadSource: 'Lead source',
      region: 'Region',
      city: 'City',
      lostReason: 'Lost reason',
      company: 'Customer',
      type: 'Type',
      outcome: 'Outcome',
    },
    values: {
      open: 'Open',
      won: 'Won',
      lost: 'Lost',
      potential: 'Potential',
      new: 'New',
      active: 'Active',
      dormant: 'Dormant',
      confirmed: 'Confirmed',
      shipped: 'Shipped',
      delivered: 'Delivered',
      cancelled: 'Cancelled',
      call: 'Call',
      meeting: 'Meeting',
      visit: 'Visit',
      email: 'E-mail',
      note: 'Note',
      reached: 'Reached',
      no_answer: 'No answer',
      busy: 'Busy',
      voicemail: 'Voicemail',
      wrong_number: 'Wrong number',
    },
  },
  ru: {
    sheet: 'Отчёт',
    count: 'Количество',
    sum: 'Сумма',
    avg: 'Среднее',
    total: 'Итого',
    none: '(нет)',
    author: 'Автор',
    dimensions: {
      createdMonth: 'Месяц создания',
      createdQuarter: 'Квартал создания',
      createdYear: 'Год создания',
      closeMonth: 'Месяц закрытия',
      closeQuarter: 'Квартал закрытия',
      closeYear: 'Год закрытия',
      month: 'Месяц',
      quarter: 'Квартал',
      year: 'Год',
      stage: 'Этап',
      status: 'Статус',
      class: 'Класс',
      owner: 'Ответственный',
      unit: 'Филиал',
      product: 'Товар',
      source: 'Источник',
      leadSource: 'Источник клиента',
      region: 'Регион',
      city: 'Город',
      lostReason: 'Причина проигрыша',
      company: 'Клиент',
      type: 'Тип',
      outcome: 'Результат',
    },
    values: {
      open: 'Открыта',
      won: 'Выиграна',
      lost: 'Проиграна',
      potential: 'Потенциальный',
      new: 'Новый',
      active: 'Активный',
      dormant: 'Спящий',
      confirmed: 'Подтверждён',
      shipped: 'Отгружен',
      delivered: 'Доставлен',
      cancelled: 'Отменён',
      call: 'Звонок',
      meeting: 'Встреча',
      visit: 'Визит',
      email: 'Письмо',
      note: 'Заметка',
      reached: 'Дозвонились',
      no_answer: 'Нет ответа',
      busy: 'Занято',
      voicemail: 'Автоответчик',
      wrong_number: 'Неверный номер',
    },
  },
  it: {
    sheet: 'Report',
    count: 'Numero',
    sum: 'Somma',
    avg: 'Media',
    total: 'Totale',
    none: '(nessuno)',
    author: 'Autore',
    dimensions: {
      createdMonth: 'Mese di creazione',
      createdQuarter: 'Trimestre di creazione',
      createdYear: 'Anno di creazione',
      closeMonth: 'Mese di chiusura',
      closeQuarter: 'Trimestre di chiusura',
      closeYear: 'Anno di chiusura',
      month: 'Mese',
      quarter: 'Trimestre',
      year: 'Anno',
      stage: 'Fase',
      status: 'Stato',
      class: 'Classe',
      owner: 'Responsabile',
      unit: 'Filiale',
      product: 'Prodotto',
      source: 'Origine',
      leadSource: 'Origine del cliente',
      region: 'Regione',
      city: 'Città',
      lostReason: 'Motivo della perdita',
      company: 'Cliente',
      type: 'Tipo',
      outcome: 'Esito',
    },
    values: {
      open: 'Aperta',
      won: 'Vinta',
      lost: 'Persa',
      potential: 'Potenziale',
      new: 'Nuovo',
      active: 'Attivo',
      dormant: 'Dormiente',
      confirmed: 'Confermato',
      shipped: 'Spedito',
      delivered: 'Consegnato',
      cancelled: 'Annullato',
      call: 'Chiamata',
      meeting: 'Riunione',
      visit: 'Visita',
      email: 'E-mail',
      note: 'Nota',
      reached: 'Raggiunto',
      no_answer: 'Nessuna risposta',
      busy: 'Occupato',
      voicemail: 'Segreteria',
      wrong_number: 'Numero errato',
    },
  },
};

/** Groupings whose keys are codes the file writes out in words. */
const CODED = new Set<TBuilderDimension>(['status', 'type', 'outcome']);

/** A built report as a one-sheet workbook: a row per group, its subgroups below it, the total last; numbers stay numbers. */
export async function builderXlsx(report: TBuilderReport, locale: TLocale): Promise<Buffer> {
  const w = WORDS[locale];
  const two = report.thenBy !== null;
  const withAmount = report.measure !== 'count';
  const name = (grouping: TBuilderDimension, row: { key: string | null; label: string }) => {
    if (row.key === null) return w.none;
    if (CODED.has(grouping)) return w.values[row.key] ?? row.key;
    return row.label || row.key;
  };
  const line = (group: string, sub: string | null, count: number, amount: string | null) => [
    group,
    ...(two ? [sub] : []),
    count,
    ...(withAmount ? [amount === null ? null : Number(amount)] : []),
  ];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(w.sheet);
  const heading = (grouping: TBuilderDimension) =>
    report.entity === 'activities' && grouping === 'owner' ? w.author : w.dimensions[grouping];
  const headings = [
    heading(report.groupBy),
    ...(report.thenBy ? [heading(report.thenBy)] : []),
    w.count,
    ...(withAmount ? [report.measure === 'sum' ? w.sum : w.avg] : []),
  ];
  sheet.addRow(headings).font = { bold: true };
  for (const row of report.rows) {
    const group = name(report.groupBy, row);
    sheet.addRow(line(group, null, row.count, row.amount));
    for (const child of row.children ?? []) {
      sheet.addRow(line(group, report.thenBy ? name(report.thenBy, child) : null, child.count, child.amount));
    }
  }
  sheet.addRow(line(w.total, null, report.total.count, report.total.amount)).font = { bold: true };
  if (withAmount) sheet.getColumn(headings.length).numFmt = '#,##0.00';
  sheet.columns.forEach((column) => {
    column.width = 20;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
