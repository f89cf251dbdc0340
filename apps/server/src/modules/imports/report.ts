import { PassThrough, type Readable } from 'node:stream';
import type { TImportProblem, TImportProblemCode, TLocale } from '@clientela/contract';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

type Labels = {
  headings: { line: string; outcome: string; column: string; problem: string; value: string; stored: string };
  outcomes: Record<TImportProblem['outcome'], string>;
  problems: Record<TImportProblemCode, string>;
  /** A repeated row's reason, naming the line it repeats. */
  repeats: (line: number) => string;
  file: string;
};

/** The report's words in the person's language. */
const LABELS: Record<TLocale, Labels> = {
  en: {
    headings: {
      line: 'Line',
      outcome: 'Outcome',
      column: 'Column',
      problem: 'Problem',
      value: 'Value in the file',
      stored: 'Value stored',
    },
    outcomes: { create: 'Created', update: 'Updated an existing record', skip: 'Skipped', reject: 'Rejected' },
    problems: {
      empty_row: 'Empty line',
      required_missing: 'A required value is missing',
      invalid_email: 'Not a valid e-mail address; left out',
      invalid_website: 'Not a web address (http:// or https://); left out',
      invalid_phone: 'Not a valid phone number',
      invalid_date: 'Not a date; left out',
      invalid_number: 'Not a number; left out',
      unknown_value: 'Not one of the field’s values; left out',
      value_corrected: 'Value replaced by the one you chose',
      value_too_long: 'Too long; shortened',
      unknown_owner: 'Unknown responsible person; the importer is responsible',
      unknown_company: 'No such company; the link was not made',
      unknown_parent: 'No such parent company; the group link was not made',
      ambiguous_parent: 'Several companies have the parent’s name; the group link was not made',
      duplicate_in_base: 'Looks like a record already in Clientela',
      duplicate_in_file: 'Repeats an earlier line of the file',
      normalised: 'Written differently',
      unknown_product: 'No such product; the deal has none',
      unknown_stage: 'No such stage in the default pipeline; map the value to a stage',
      stage_fields_missing: 'The stage asks for values the file does not give; imported without them',
      unknown_currency: 'Not a currency code (ISO 4217, such as EUR or USD)',
      base_currency: 'The base currency is always worth 1; no rate is kept for it',
      unknown_source: 'No such lead source; add it or map the value to a source',
      unknown_campaign: 'No such campaign; add it or map the value to a campaign',
    },
    repeats: (line) => `Repeats line ${line} of the file`,
    file: 'import-report',
  },
  ru: {
    headings: {
      line: 'Строка',
      outcome: 'Результат',
      column: 'Столбец',
      problem: 'Проблема',
      value: 'Значение в файле',
      stored: 'Сохранённое значение',
    },
    outcomes: { create: 'Создана', update: 'Обновлена существующая запись', skip: 'Пропущена', reject: 'Отклонена' },
    problems: {
      empty_row: 'Пустая строка',
      required_missing: 'Не заполнено обязательное значение',
      invalid_email: 'Неверный адрес эл. почты; не сохранён',
      invalid_website: 'Не адрес сайта (http:// или https://); не сохранён',
      invalid_phone: 'Неверный номер телефона',
      invalid_date: 'Не дата; не сохранено',
      invalid_number: 'Не число; не сохранено',
      unknown_value: 'Нет среди значений поля; не сохранено',
      value_corrected: 'Заменено выбранным вами значением',
      value_too_long: 'Слишком длинное; сокращено',
      unknown_owner: 'Неизвестный ответственный; ответственным назначен импортирующий',
      unknown_company: 'Такой компании нет; связь не создана',
      unknown_parent: 'Головной компании нет; связь группы не создана',
      ambiguous_parent: 'Несколько компаний с именем головной; связь группы не создана',
      duplicate_in_base: 'Похоже на запись, которая уже есть в Clientela',
      duplicate_in_file: 'Повторяет более раннюю строку файла',
      normalised: 'Записано иначе',
      unknown_product: 'Нет такого товара; сделка без товара',
      unknown_stage: 'Нет такого этапа в основной воронке; сопоставьте значение с этапом',
      stage_fields_missing: 'Этап требует значений, которых нет в файле; импортирована без них',
      unknown_currency: 'Не код валюты (ISO 4217, например EUR или USD)',
      base_currency: 'Базовая валюта всегда равна 1; курс для неё не хранится',
      unknown_source: 'Нет такого источника лидов; добавьте его или сопоставьте значение с источником',
      unknown_campaign: 'Нет такой кампании; добавьте её или сопоставьте значение с кампанией',
    },
    repeats: (line) => `Повторяет строку ${line} файла`,
    file: 'otchet-importa',
  },
  it: {
    headings: {
      line: 'Riga',
      outcome: 'Esito',
      column: 'Colonna',
      problem: 'Problema',
      value: 'Valore nel file',
      stored: 'Valore salvato',
    },
    outcomes: { create: 'Creato', update: 'Aggiornato un record esistente', skip: 'Saltato', reject: 'Rifiutato' },
    problems: {
      empty_row: 'Riga vuota',
      required_missing: 'Manca un valore obbligatorio',
      invalid_email: 'Indirizzo e-mail non valido; non salvato',
      invalid_website: 'Non è un indirizzo web (http:// o https://); non salvato',
      invalid_phone: 'Numero di telefono non valido',
      invalid_date: 'Non è una data; non salvata',
      invalid_number: 'Non è un numero; non salvato',
      unknown_value: 'Non è tra i valori del campo; non salvato',
      value_corrected: 'Sostituito con il valore che hai scelto',
      value_too_long: 'Troppo lungo; accorciato',
      unknown_owner: 'Responsabile sconosciuto; responsabile è chi importa',
      unknown_company: 'Azienda inesistente; collegamento non creato',
      unknown_parent: 'Società madre inesistente; gruppo non collegato',
      ambiguous_parent: 'Più aziende con il nome della società madre; gruppo non collegato',
      duplicate_in_base: 'Sembra un record già presente in Clientela',
      duplicate_in_file: 'Ripete una riga precedente del file',
      normalised: 'Scritto diversamente',
      unknown_product: 'Prodotto inesistente; la trattativa resta senza prodotto',
      unknown_stage: 'Fase inesistente nella pipeline predefinita; abbina il valore a una fase',
      stage_fields_missing: 'La fase richiede valori che il file non ha; importata senza',
      unknown_currency: 'Non è un codice valuta (ISO 4217, come EUR o USD)',
      base_currency: 'La valuta di base vale sempre 1; non ha un cambio',
      unknown_source: 'Fonte di lead inesistente; aggiungila o abbina il valore a una fonte',
      unknown_campaign: 'Campagna inesistente; aggiungila o abbina il valore a una campagna',
    },
    repeats: (line) => `Ripete la riga ${line} del file`,
    file: 'report-importazione',
  },
};

const FORMULA_START = /^[=+\-@\t\r]/;

export type ReportRow = { problem: TImportProblem; cells: string[] };

/**
 * The error report: one line per problem with its line number, outcome and reason, then the
 * original row as it was in the file. Cells that a spreadsheet would run as formulas are neutralised.
 */
export function reportFile(format: 'csv' | 'xlsx', locale: TLocale, headers: string[], rows: ReportRow[]) {
  const labels = LABELS[locale];
  const h = labels.headings;
  const heading = [h.line, h.outcome, h.column, h.problem, h.value, h.stored, ...headers];
  const line = (r: ReportRow) => [
    r.problem.line,
    labels.outcomes[r.problem.outcome],
    r.problem.column === null ? '' : (headers[r.problem.column] ?? ''),
    r.problem.repeatsLine === null ? labels.problems[r.problem.code] : labels.repeats(r.problem.repeatsLine),
    r.problem.value ?? '',
    r.problem.stored ?? '',
    ...r.cells,
  ];
  const filename = `${labels.file}.${format}`;
  if (format === 'csv') {
    const safe = (cell: string | number) => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell);
    const csv = stringify({ bom: true });
    void (async () => {
      csv.write(heading.map(safe));
      for (const r of rows) if (!csv.write(line(r).map(safe))) await new Promise((resolve) => csv.once('drain', resolve));
      csv.end();
    })();
    return { filename, contentType: 'text/csv; charset=utf-8', stream: csv as Readable };
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = heading.map((header, i) => ({ header, key: `c${i}`, width: i === 3 ? 48 : i === 0 ? 8 : 20 }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for (const r of rows) sheet.addRow(line(r)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    stream: out as Readable,
  };
}
