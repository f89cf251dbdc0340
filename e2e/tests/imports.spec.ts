import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { admin, chooseInUserMenu, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Story 2: the customer base lives in a messy spreadsheet; it comes in once, without doubles.

/** Letters that make this run's people unique, so that other journeys (or an earlier run) do not meet them. */
const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

const ROWS = 3_000;
const header = ['Full name', 'E-mail', 'Status', 'City', 'Contact number'];
/** The header matches no field on its own ("contact" is taken by the full name): the person maps it by hand. */
const phoneHeader = 'Contact number';

// The same Russian mobile, written as the file's two rows about Ivan write it.
const ivanDigits = `912${digits(7)}`;
const ivan = {
  name: `Ivan Petrov-${Tag}`,
  international: `+7 ${ivanDigits.slice(0, 3)} ${ivanDigits.slice(3, 6)} ${ivanDigits.slice(6, 8)} ${ivanDigits.slice(8)}`,
  national: `8 (${ivanDigits.slice(0, 3)}) ${ivanDigits.slice(3, 6)}-${ivanDigits.slice(6, 8)}-${ivanDigits.slice(8)}`,
  typed: `${ivanDigits.slice(0, 3)}-${ivanDigits.slice(3)}`,
};
const badEmail = `anna.verdi.${tag}@@example.com`;
const misspelt = 'activ';

/** One line of the file, in the header's order. */
type Line = { name: string; email: string; status: string; city: string; phone: string } | 'empty';

const FIRST = ['Maria', 'Luca', 'Olga', 'Sergei', 'Giulia', 'Marco', 'Elena', 'Paolo', 'Irina', 'Franco'];
const LAST = ['Rossi', 'Bianchi', 'Smirnova', 'Volkov', 'Ferrari', 'Esposito', 'Orlova', 'Ricci', 'Kuznetsova', 'Greco'];
const CITIES = ['Milano', 'Bergamo', 'Verona', 'Perm', 'Kazan'];
const STATUSES = ['active', 'new', 'Active', 'potential', 'NEW', 'dormant'];
const mobilePrefix = `34${randomInt(10)}${digits(2)}`;

/** The messy file: the rows that matter at the top (the preview shows the first twenty), then thousands of ordinary ones. */
function fileLines(): Line[] {
  const lines: Line[] = [
    { name: ivan.name, email: `ivan.petrov.${tag}@example.com`, status: 'active', city: 'Perm', phone: ivan.international },
    {
      name: `Giulia Conti-${Tag}`,
      email: `giulia.${tag}@example.com`,
      status: 'new',
      city: 'Milano',
      phone: `+39 02 ${digits(4)} ${digits(4)}`,
    },
    { name: `Anna Verdi-${Tag}`, email: badEmail, status: 'potential', city: 'Verona', phone: `+39 347 ${digits(3)} ${digits(4)}` },
    { name: `Niccolò Gallo-${Tag}`, email: `niccolo.${tag}@example.com`, status: misspelt, city: 'Bergamo', phone: '' },
    'empty',
    // Ivan again, written carelessly and with his number in the national form.
    { name: `  IVAN   petrov-${tag} `, email: '', status: 'Active', city: 'Perm', phone: ivan.national },
    { name: '', email: `nobody.${tag}@example.com`, status: 'new', city: 'Milano', phone: `+39 348 ${digits(3)} ${digits(4)}` },
  ];
  while (lines.length < ROWS) {
    const i = lines.length;
    if (i === 11) {
      lines.push('empty');
      continue;
    }
    lines.push({
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}-${Tag}${i}`,
      email: i % 2 === 0 ? `client${i}.${tag}@example.com` : '',
      status: i === 1_500 ? misspelt : (STATUSES[i % STATUSES.length] ?? 'new'),
      city: CITIES[i % CITIES.length] ?? 'Milano',
      phone: `+39 ${mobilePrefix.slice(0, 3)} ${mobilePrefix.slice(3)}${String(i).padStart(5, '0')}`,
    });
  }
  return lines;
}

const lines = fileLines();
/** The file's line of a data row: the header is line 1. */
const lineOf = (predicate: (line: Line) => boolean) => lines.findIndex(predicate) + 2;
const nameless = lineOf((line) => line !== 'empty' && line.name === '');
const repeated = lineOf((line) => line !== 'empty' && line.phone === ivan.national);
const firstIvan = lineOf((line) => line !== 'empty' && line.phone === ivan.international);
const firstMisspelt = lineOf((line) => line !== 'empty' && line.status === misspelt);
const empties = lines.filter((line) => line === 'empty').length;
const misspelling = lines.filter((line) => line !== 'empty' && line.status === misspelt).length;
// Every row is counted once: the empty lines and the repeated Ivan are skipped, the nameless row rejected.
const expected = { rows: ROWS, skipped: empties + 1, rejected: 1, created: ROWS - empties - 2, modified: misspelling + 1 };

let folder: string | undefined;
test.afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

/** Writes the file with semicolons, as a spreadsheet set to a European locale saves it, in a folder of its own. */
function writeFile(): string {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-import-'));
  const file = path.join(folder, `customers-${tag}.csv`);
  const text = lines.map((line) => (line === 'empty' ? '' : [line.name, line.email, line.status, line.city, line.phone].join(';')));
  fs.writeFileSync(file, `${[header.join(';'), ...text].join('\r\n')}\r\n`);
  return file;
}

const fieldSelect = (page: Page, column: string) => page.getByRole('combobox', { name: `Field for column “${column}”` });
/** The field a column's select shows. */
const chosenField = (page: Page, column: string) => page.locator('.ant-select').filter({ has: fieldSelect(page, column) });
const en = (value: number) => new Intl.NumberFormat('en-GB').format(value);

test('import: a messy CSV of contacts comes in, with its problems explained and no doubles', async ({ page }) => {
  const file = writeFile();
  let importUrl = '';

  await test.step('the admin signs in and starts an import from the contacts list', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page).toHaveURL(/\/imports\/new\?entity=contact$/);
    await expect(page.getByRole('radio', { name: 'Contacts' })).toBeChecked();
  });

  await test.step('the file is uploaded; its format, encoding, delimiter and rows are found', async () => {
    await page.locator('input[type="file"]').setInputFiles(file);
    const summary = page.getByTestId('file-summary');
    await expect(summary).toContainText(path.basename(file));
    await expect(summary).toContainText('CSV text file');
    await expect(summary).toContainText('UTF-8');
    await expect(summary).toContainText('semicolon ( ; )');
    await expect(summary).toContainText(`Rows${en(ROWS)}`);
    await expect(summary).toContainText(`Columns${header.length}`);
    importUrl = page.url();
  });

  await test.step('the suggested fields are right; the phone column is mapped by hand, with the country of local numbers', async () => {
    await expect(page.getByText('Which field does each column fill?')).toBeVisible();
    const suggested = { 'Full name': 'Full name', 'E-mail': 'E-mail', Status: 'Status', City: 'City', [phoneHeader]: 'Do not import' };
    for (const [column, field] of Object.entries(suggested)) await expect(chosenField(page, column)).toHaveText(field);
    await fieldSelect(page, phoneHeader).click();
    await fieldSelect(page, phoneHeader).fill('Phone');
    await pickOption(page, 'Phone');
    await expect(chosenField(page, phoneHeader)).toHaveText('Phone');
    await page.getByRole('textbox', { name: `Label for column “${phoneHeader}”` }).fill('mobile');

    const country = page.getByRole('combobox', { name: 'Country of phone numbers written without a country code' });
    await country.click();
    await country.fill('Russia');
    await pickOption(page, 'Russia');
    await expect(page.getByRole('radio', { name: /Skip the row/ })).toBeChecked();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot('import-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save and check' }).click();
  });

  await test.step('the preview highlights the bad e-mail and the nameless row, and offers “Active” for “activ”', async () => {
    await expect(page.getByText('Check the first rows')).toBeVisible();
    const cell = page.locator('[data-severity]').filter({ hasText: badEmail });
    await expect(cell).toHaveAttribute('data-severity', 'warning');
    await cell.hover();
    await expect(page.getByRole('tooltip')).toHaveText('This is not a valid e-mail address; it is left out.');

    const namelessRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(nameless), exact: true }) });
    await expect(namelessRow).toContainText('RejectedA required field is empty. (Full name)');
    await expect(namelessRow.locator('[data-severity="error"]')).toBeVisible();
    const repeatedRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(repeated), exact: true }) });
    await expect(repeatedRow).toContainText(`SkippedRepeats line ${firstIvan} of the file.`);

    const unknown = page.getByTestId('unknown-value').filter({ hasText: `“${misspelt}”` });
    await expect(unknown).toContainText('Status');
    await expect(unknown).toContainText(`(${misspelling} rows)`);
    await unknown.getByRole('combobox', { name: `What to do with “${misspelt}” in “Status”` }).click();
    await pickOption(page, 'Use “Active”');
    await expect(unknown).toContainText('Use “Active”');
    await expect(page.getByText(/still needs? a decision/)).toHaveCount(0);
    const corrected = page.locator('[data-severity]').filter({ hasText: new RegExp(`^${misspelt}$`) });
    await corrected.hover();
    await expect(page.getByRole('tooltip')).toHaveText('Replaced by the option you chose. Will be imported as “Active”.');
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot('import-preview.png'), fullPage: true });
  });

  await test.step('the run shows its progress', async () => {
    await expect(page.getByText(`All ${en(ROWS)} rows of the file will be handled as the check shows`)).toBeVisible();
    await page.getByRole('button', { name: 'Run import' }).click();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await expect(bar).toBeVisible();
    const seen: number[] = [];
    let shot = false;
    for (let started = Date.now(); Date.now() - started < 90_000; ) {
      const percent = Number(await bar.getAttribute('aria-valuenow'));
      if (!seen.includes(percent)) seen.push(percent);
      // The picture waits for the chart of where the rows went, which loads with the first rows processed.
      if (percent > 0 && percent < 100 && !shot && (await page.getByTestId('rows-chart').locator('svg').count()) > 0) {
        await page.screenshot({ path: screenshot('import-progress.png'), fullPage: true });
        shot = true;
      }
      if (percent === 100) break;
      await page.waitForTimeout(100);
    }
    test.info().annotations.push({ type: 'progress seen', description: seen.map((percent) => `${percent}%`).join(', ') });
    // The bar only moves forward, and reaches its end. A fast machine may finish between two looks,
    // so a value strictly between 0 and 100 % is not required; then the picture shows the end.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(100);
    if (!shot) await page.screenshot({ path: screenshot('import-progress.png'), fullPage: true });
  });

  await test.step('the result adds up to the rows of the file, and the report names the rejected line', async () => {
    await expect(page.getByText('Import finished')).toBeVisible();
    await expect(page.getByText(`Rows of ${path.basename(file)} processed: ${en(ROWS)}.`)).toBeVisible();
    const count = (key: string) => page.getByTestId(`count-${key}`).locator('.ant-statistic-content');
    await expect(count('created')).toHaveText(en(expected.created));
    await expect(count('updated')).toHaveText('0');
    await expect(count('skipped')).toHaveText(en(expected.skipped));
    await expect(count('rejected')).toHaveText(en(expected.rejected));
    await expect(count('modified')).toHaveText(en(expected.modified));
    // Each row of the file has one outcome; "imported with changes" counts some of the created ones again.
    expect(expected.created + expected.skipped + expected.rejected).toBe(expected.rows);
    await expect(page.locator('.ant-steps-item-finish')).toHaveCount(4);

    // The chart shows the same rows as one bar; its legend and tooltip find the single rejected row among 3,000.
    const chart = page.getByTestId('rows-chart');
    await expect(chart.getByRole('img', { name: /^Where the rows went: / })).toHaveAttribute(
      'aria-label',
      `Where the rows went: Created: ${en(expected.created)} (99.9%), Updated: 0 (0%), Skipped: ${en(expected.skipped)} (0.1%), Rejected: 1 (0.03%)`,
    );
    await expect(chart.locator('svg')).toBeVisible();
    await expect(chart.locator('svg')).toContainText('Rejected: 0.03%');
    await expect(chart).not.toContainText('Imported with changes');
    await chart.locator('svg').hover();
    await expect(chart).toContainText(`Rows processed: ${en(ROWS)}`);
    await expect(chart).toContainText(`Skipped: ${en(expected.skipped)} (0.1%)`);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('import-result-chart.png') });
    await page.mouse.move(0, 0);

    const problems = page.locator('.ant-card').filter({ hasText: 'Rows with problems' });
    const rejectedRow = problems.getByRole('row').filter({ has: page.getByRole('cell', { name: String(nameless), exact: true }) });
    await expect(rejectedRow).toContainText('A required field is empty.');
    await expect(rejectedRow).toContainText('Rejected');
    await expect(problems.getByRole('row').filter({ hasText: badEmail })).toContainText('This is not a valid e-mail address');
    // The repeated Ivan names the line he repeats, and points at the record made from it.
    const repeatedRow = problems.getByRole('row').filter({ hasText: `Repeats line ${firstIvan} of the file.` });
    await expect(repeatedRow.getByRole('cell')).toHaveText([
      String(repeated),
      'whole row',
      /Open the existing record/,
      '—',
      '—',
      'Skipped',
    ]);
    const correctedRow = problems.getByRole('row').filter({ hasText: 'Replaced by the option you chose.' }).first();
    await expect(correctedRow.getByRole('cell')).toHaveText([
      String(firstMisspelt),
      'Status',
      /Open the imported record/,
      misspelt,
      'Active',
      'New',
    ]);
    await expect(problems).toContainText(`Showing ${empties + misspelling + 3} of ${empties + misspelling + 3}`);

    await page.getByRole('button', { name: 'Download the report' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('import-report.csv');
    const report = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const reportLines = report.trim().split(/\r?\n/);
    expect(reportLines[0]).toMatch(/^Line,Outcome,Column,Problem,/);
    expect(reportLines.some((line) => line.startsWith(`${nameless},Rejected,`) && line.includes('A required value is missing'))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot('import-result.png'), fullPage: true });
  });

  await test.step('the result reads on a phone: the chart’s legend goes one outcome per line', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const chart = page.getByTestId('rows-chart');
    await expect(chart.locator('svg')).toContainText('Rejected: 0.03%');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot('import-result-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('Ivan is found by his phone typed another way, once', async () => {
    await page.getByRole('link', { name: 'Open the contacts' }).click();
    await expect(page).toHaveURL(/\/contacts/);
    await page.getByRole('textbox', { name: 'Name, phone, e-mail or tax number' }).fill(ivan.typed);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 1 of 1');
    await expect(page.getByRole('row').filter({ hasText: ivan.name })).toBeVisible();
  });

  await test.step('the finished import reads well in Russian', async () => {
    await page.goto(importUrl);
    await expect(page.getByText('Import finished')).toBeVisible();
    await chooseInUserMenu(page, 'Русский');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByText('Импорт завершён')).toBeVisible();
    await expect(page.getByText('Итоги импорта')).toBeVisible();
    const ru = (value: number) => new Intl.NumberFormat('ru-RU').format(value);
    await expect(page.getByTestId('count-created').locator('.ant-statistic-content')).toHaveText(ru(expected.created));
    await expect(page.getByRole('row').filter({ hasText: `Повторяет строку ${firstIvan} этого файла.` })).toContainText('Пропущена');
    await expect(page.getByRole('row').filter({ hasText: 'Заменено на выбранный вами вариант.' }).first()).toContainText('Активный');
    await expect(page.getByText('Import finished')).toHaveCount(0);
    await page.screenshot({ path: screenshot('import-result-ru.png'), fullPage: true });
    await chooseInUserMenu(page, 'English');
    await expect(page.getByText('Import finished')).toBeVisible();
  });
});
