import type { TImportPreview } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { customField } from '../custom-fields/test-fields.ts';
import { MappingStep } from './mapping-step.tsx';
import { anImport, fakeApi, IMPORT_ID, page } from './test-imports.ts';

afterEach(() => vi.unstubAllGlobals());

const imp = anImport({
  headers: ['Ragione sociale', 'Telefono', 'Email', 'Pane'],
  mapping: {
    columns: [{ field: 'name' }, { field: 'phones', label: '' }, { field: null }, { field: null }],
    duplicates: 'skip',
    values: {},
  },
});
const preview: TImportPreview = {
  rows: [
    { line: 2, cells: ['Forno Rossi', '02 1234 5678', 'info@forno.it', 'segale'], outcome: 'create', problems: [], duplicateOf: null },
    { line: 3, cells: ['Bar Sport', '', 'bar@sport.it', 'integrale'], outcome: 'create', problems: [], duplicateOf: null },
  ],
  unknownValues: [],
};
const bread = customField('bread', 'select', { entity: 'company', label: 'Preferred bread' });

/** Opens an antd select, narrows it by typing, and picks the option shown as `label`. */
async function choose(selectName: string, label: string) {
  const combobox = screen.getByRole('combobox', { name: selectName });
  fireEvent.mouseDown(combobox);
  fireEvent.change(combobox, { target: { value: label } });
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((item) => item.textContent === label);
    if (!found) throw new Error(`No option ${label}`);
    return found;
  });
  fireEvent.click(option);
}

describe('MappingStep', () => {
  it('shows sample values and saves the chosen fields, labels and duplicates option with PUT', async () => {
    const api = fakeApi(({ method, url, body }) => {
      if (method === 'GET' && url === `/api/v1/imports/${IMPORT_ID}/preview`) return jsonResponse(200, preview);
      if (method === 'GET' && url === '/api/v1/custom-fields?entity=company') return jsonResponse(200, page([bread]));
      if (method === 'GET' && url === '/api/v1/import-templates?entity=company') return jsonResponse(200, page([]));
      if (method === 'PUT' && url === `/api/v1/imports/${IMPORT_ID}/mapping`) return jsonResponse(200, { ...imp, mapping: body });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onSaved = vi.fn();
    await renderWithApp(
      <App>
        <MappingStep imp={imp} onSaved={onSaved} />
      </App>,
      { me: testMe },
    );

    await waitFor(() => expect(screen.getByTestId('samples-0').textContent).toBe('Forno RossiBar Sport'));
    const shown = (header: string) =>
      screen.getByRole('combobox', { name: `Field for column “${header}”` }).closest('.ant-select')?.textContent;
    expect(shown('Telefono')).toBe('Phone');
    expect(shown('Email')).toBe('Do not import');
    expect(screen.queryByRole('textbox', { name: 'Label for column “Email”' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Label for column “Telefono”' }), { target: { value: ' work ' } });
    await choose('Field for column “Email”', 'E-mail');
    // E-mails take a label; left empty, none is sent.
    expect(screen.getByRole('textbox', { name: 'Label for column “Email”' })).toBeTruthy();
    await choose('Field for column “Pane”', 'Preferred bread');
    fireEvent.click(screen.getByRole('radio', { name: /Update the existing record/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save and check' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toEqual({
      columns: [{ field: 'name' }, { field: 'phones', label: 'work' }, { field: 'emails' }, { field: 'custom.bread' }],
      duplicates: 'update',
      values: {},
    });
    expect(api.unexpected).toEqual([]);
    // Four selects opened one after the other take some seconds on a busy machine.
  }, 20_000);

  it('points at the column whose field the server refused', async () => {
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.endsWith('/preview')) return jsonResponse(200, preview);
      if (method === 'GET') return jsonResponse(200, page([]));
      return jsonResponse(
        400,
        {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          code: 'validation_failed',
          detail: 'Unknown field',
          errors: [{ path: 'columns.3.field', message: 'Unknown field' }],
        },
        'application/problem+json',
      );
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onSaved = vi.fn();
    await renderWithApp(
      <App>
        <MappingStep imp={imp} onSaved={onSaved} />
      </App>,
      { me: testMe },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save and check' }));
    expect(await screen.findByText('This field cannot be imported. Choose another one.')).toBeTruthy();
    expect(screen.getByText('Some fields need your attention.')).toBeTruthy();
    const refused = screen.getByRole('combobox', { name: 'Field for column “Pane”' }).closest('.ant-select');
    expect(refused?.className).toContain('ant-select-status-error');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
