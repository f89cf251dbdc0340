import type { TImportPreview } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { PreviewStep } from './preview-step.tsx';
import { anImport, fakeApi, IMPORT_ID, page } from './test-imports.ts';

afterEach(() => vi.unstubAllGlobals());

const BAR_SPORT = '00000000-0000-4000-8000-0000000000b1';
const imp = anImport();
const statusOptions = ['potential', 'new', 'active', 'dormant', 'lost'].map((value) => ({ value, label: value }));
const preview: TImportPreview = {
  rows: [
    {
      line: 2,
      cells: ['Forno Rossi', 'anna@', 'actve'],
      outcome: 'create',
      problems: [
        {
          line: 2,
          column: 1,
          field: 'emails',
          code: 'invalid_email',
          value: 'anna@',
          stored: null,
          outcome: 'create',
          recordId: null,
          repeatsLine: null,
        },
        {
          line: 2,
          column: 2,
          field: 'status',
          code: 'unknown_value',
          value: 'actve',
          stored: null,
          outcome: 'create',
          recordId: null,
          repeatsLine: null,
        },
      ],
      duplicateOf: null,
    },
    {
      line: 3,
      cells: ['', 'info@caffe.it', 'active'],
      outcome: 'reject',
      problems: [
        {
          line: 3,
          column: null,
          field: 'name',
          code: 'required_missing',
          value: null,
          stored: null,
          outcome: 'reject',
          recordId: null,
          repeatsLine: null,
        },
      ],
      duplicateOf: null,
    },
    {
      line: 4,
      cells: ['Bar Sport', 'bar@sport.it', 'active'],
      outcome: 'skip',
      problems: [
        {
          line: 4,
          column: null,
          field: null,
          code: 'duplicate_in_base',
          value: null,
          stored: null,
          outcome: 'skip',
          recordId: BAR_SPORT,
          repeatsLine: null,
        },
      ],
      duplicateOf: { id: BAR_SPORT, name: 'Bar Sport Srl' },
    },
  ],
  unknownValues: [{ field: 'status', value: 'actve', count: 12, suggestion: 'active', options: statusOptions, link: false }],
};

const cellOf = (line: number, text: string) =>
  [...document.querySelectorAll(`tr[data-row-key="${line}"] td`)].find((td) => td.textContent === text) as HTMLElement | undefined;

describe('PreviewStep', () => {
  it('highlights problem cells with the reason, and sends the decision about an unknown value', async () => {
    const api = fakeApi(({ method, url, body }) => {
      if (method === 'GET' && url === `/api/v1/imports/${IMPORT_ID}/preview`) return jsonResponse(200, preview);
      if (method === 'GET' && url === '/api/v1/custom-fields?entity=company') return jsonResponse(200, page([]));
      if (method === 'PUT' && url === `/api/v1/imports/${IMPORT_ID}/mapping`) return jsonResponse(200, { ...imp, mapping: body });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <PreviewStep imp={imp} onBack={() => undefined} />
      </App>,
      { me: testMe },
    );

    // A value left out is a warning (orange); a missing name rejects the row (red), on the empty name cell.
    const email = await waitFor(() => cellOf(2, 'anna@') ?? Promise.reject(new Error('no cell')));
    expect(email.querySelector('[data-severity]')?.getAttribute('data-severity')).toBe('warning');
    expect(email.style.background).not.toBe('');
    const name = document.querySelector('tr[data-row-key="3"] td:nth-child(3)');
    expect(name?.querySelector('[data-severity]')?.getAttribute('data-severity')).toBe('error');
    expect(cellOf(2, 'Forno Rossi')?.querySelector('[data-severity]')).toBeNull();

    fireEvent.mouseEnter(email.querySelector('[data-severity]') as Element);
    expect(await screen.findByText('This is not a valid e-mail address; it is left out.')).toBeTruthy();

    // Why a row is rejected reads beside its outcome too, not only on hovering its cell.
    expect(document.querySelector('tr[data-row-key="3"] td:nth-child(2)')?.textContent).toBe(
      'RejectedA required field is empty. (Company name)',
    );
    expect(screen.getByRole('link', { name: 'Bar Sport Srl' }).getAttribute('href')).toBe(`/companies/${BAR_SPORT}`);

    const unknown = screen.getByTestId('unknown-value');
    expect(unknown.textContent).toContain('“actve”');
    expect(unknown.textContent).toContain('(12 rows)');
    const decision = screen.getByRole('combobox', { name: 'What to do with “actve” in “Status”' });
    fireEvent.mouseDown(decision);
    // The suggestion and the other options are named as the customer pages name them.
    fireEvent.click(await screen.findByText('Use “Active”'));
    expect(screen.getAllByText('Dormant').length).toBeGreaterThan(0);

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({ values: { status: { actve: { action: 'use', value: 'active' } } } });
    expect(put?.body).toMatchObject({ columns: imp.mapping.columns, duplicates: 'skip' });
    // The preview follows the new mapping.
    await waitFor(() => expect(api.calls.filter((call) => call.url.endsWith('/preview')).length).toBe(2));
    expect(api.unexpected).toEqual([]);
  });
});
