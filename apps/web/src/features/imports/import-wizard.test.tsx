import type { TImportProblem } from '@clientela/contract';
import { fireEvent, screen } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { ImportWizard } from './import-wizard.tsx';
import { anImport, emptyPreview, fakeApi, IMPORT_ID, page } from './test-imports.ts';

afterEach(() => vi.unstubAllGlobals());

const RECORD_ID = '00000000-0000-4000-8000-0000000000c1';

function renderWizard(path: string) {
  return renderWithApp(
    <App>
      <Routes>
        <Route path="/imports/new" element={<ImportWizard />} />
        <Route path="/imports/:id" element={<ImportWizard />} />
      </Routes>
    </App>,
    { me: testMe, path },
  );
}

const countOf = (key: string) => screen.getByTestId(`count-${key}`).querySelector('.ant-statistic-content')?.textContent;

describe('ImportWizard', () => {
  it('uploads the file with the entity first, then shows what was found and the columns', async () => {
    const created = anImport({ entity: 'contact', headers: ['Nome', 'Cognome'], rowCount: 1234 });
    const api = fakeApi(({ method, url }) => {
      if (method === 'POST' && url === '/api/v1/imports') return jsonResponse(201, created);
      if (method === 'GET' && url === `/api/v1/imports/${IMPORT_ID}`) return jsonResponse(200, created);
      if (method === 'GET' && url.endsWith('/preview')) return jsonResponse(200, emptyPreview);
      if (method === 'GET') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWizard('/imports/new?entity=contact');

    expect(screen.getByRole('radio', { name: 'Contacts' })).toHaveProperty('checked', true);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.accept).toBe('.csv,.txt,.xlsx,.vcf');
    fireEvent.change(input, { target: { files: [new File(['Nome;Cognome\nAnna;Rossi\n'], 'clienti.csv', { type: 'text/csv' })] } });

    expect(await screen.findByText('Which field does each column fill?')).toBeTruthy();
    const upload = api.calls.find((call) => call.method === 'POST');
    const form = upload?.body as FormData;
    expect([...form.keys()]).toEqual(['entity', 'file']);
    expect(form.get('entity')).toBe('contact');
    expect((form.get('file') as File).name).toBe('clienti.csv');
    const summary = screen.getByTestId('file-summary').textContent;
    expect(summary).toContain('CSV text file');
    expect(summary).toContain('WINDOWS-1251');
    expect(summary).toContain('semicolon ( ; )');
    expect(summary).toContain('1,234');
  });

  it('follows a running import to its end: percentage, live counts, then the summary and the problems', async () => {
    const running = anImport({
      status: 'running',
      rowCount: 2000,
      processed: 500,
      counts: { created: 300, updated: 100, skipped: 60, rejected: 40, modified: 12 },
    });
    const done = anImport({
      status: 'done',
      rowCount: 2000,
      processed: 2000,
      counts: { created: 1234, updated: 300, skipped: 266, rejected: 200, modified: 116 },
    });
    const problem: TImportProblem = {
      line: 7,
      column: 1,
      field: 'emails',
      code: 'invalid_email',
      value: 'anna@',
      stored: null,
      outcome: 'create',
      recordId: null,
      repeatsLine: null,
    };
    // A repeated row names the line it repeats; a corrected value comes as the option's value.
    const repeated: TImportProblem = {
      ...problem,
      line: 9,
      column: null,
      field: null,
      code: 'duplicate_in_file',
      value: null,
      stored: null,
      repeatsLine: 2,
      outcome: 'skip',
      recordId: RECORD_ID,
    };
    const corrected: TImportProblem = {
      ...problem,
      line: 12,
      column: 2,
      field: 'status',
      code: 'value_corrected',
      value: 'activ',
      stored: 'active',
      recordId: RECORD_ID,
    };
    let polls = 0;
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/imports/${IMPORT_ID}`) {
        polls += 1;
        return jsonResponse(200, polls === 1 ? running : done);
      }
      if (method === 'GET' && url.startsWith(`/api/v1/imports/${IMPORT_ID}/problems`))
        return jsonResponse(200, page([problem, repeated, corrected]));
      if (method === 'GET' && url === '/api/v1/custom-fields?entity=company') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWizard(`/imports/${IMPORT_ID}`);

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(bar.textContent).toBe('25%');
    expect(screen.getByTestId('progress-text').textContent).toBe('500 of 2,000 rows done');
    expect(countOf('created')).toBe('300');
    expect(screen.getByRole('button', { name: /Stop the import/ })).toBeTruthy();
    // The chart of where the rows went follows the counts, and says them to a screen reader.
    expect(screen.getByRole('img', { name: /^Where the rows went: / }).getAttribute('aria-label')).toBe(
      'Where the rows went: Created: 300 (60%), Updated: 100 (20%), Skipped: 60 (12%), Rejected: 40 (8%)',
    );

    // Asked again after POLL_MS, the import has finished.
    expect(await screen.findByText('Import finished', undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Import progress' }).textContent).toBe('100%');
    expect(countOf('created')).toBe('1,234');
    expect(countOf('updated')).toBe('300');
    expect(countOf('skipped')).toBe('266');
    expect(countOf('rejected')).toBe('200');
    expect(countOf('modified')).toBe('116');
    expect(screen.getByRole('img', { name: /^Where the rows went: / }).getAttribute('aria-label')).toBe(
      'Where the rows went: Created: 1,234 (61.7%), Updated: 300 (15%), Skipped: 266 (13.3%), Rejected: 200 (10%)',
    );
    expect(screen.queryByRole('button', { name: /Stop the import/ })).toBeNull();

    expect(await screen.findByText('This is not a valid e-mail address; it is left out.')).toBeTruthy();
    const row = screen.getByText('anna@').closest('tr');
    expect(row?.textContent).toContain('7');
    expect(row?.textContent).toContain('E-mail');
    const repeatedRow = screen.getByText('Repeats line 2 of the file.').closest('tr');
    expect(repeatedRow?.textContent).not.toContain('Imported as');
    expect([...(repeatedRow?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual([
      '9',
      'whole row',
      'Repeats line 2 of the file.Open the existing record',
      '—',
      '—',
      'Skipped',
    ]);
    const correctedRow = screen.getByText('activ').closest('tr');
    expect(correctedRow?.textContent).toContain('Active');
    expect(correctedRow?.textContent).toContain('Open the imported record');
    expect(screen.getByText('Counted in Created and Updated too.')).toBeTruthy();
    expect(screen.getByText('Result of the import')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Download the report/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the companies' }).getAttribute('href')).toBe('/companies');
    expect(api.unexpected).toEqual([]);
  });
});
