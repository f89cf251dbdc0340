import type { TImportPreview } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { ImportWizard } from './import-wizard.tsx';
import { anImport, fakeApi, IMPORT_ID, page } from './test-imports.ts';
import { ValuesStep } from './values-step.tsx';

afterEach(() => vi.unstubAllGlobals());

const GTX_PRO = '00000000-0000-4000-8000-0000000000d1';
const GTX_PLUS_PRO = '00000000-0000-4000-8000-0000000000d2';
const NEW_LEAD = '00000000-0000-4000-8000-0000000000e1';
const QUALIFIED = '00000000-0000-4000-8000-0000000000e2';

const headers = ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'];
const deals = anImport({
  entity: 'deal',
  fileName: 'sales_pipeline.csv',
  headers,
  rowCount: 8800,
  mapping: {
    columns: ['title', 'owner', 'product', 'company', 'stage', 'engagedOn', 'closeOn', 'amount'].map((field) => ({ field })),
    duplicates: 'skip',
    values: {},
  },
});
const preview: TImportPreview = {
  rows: [],
  unknownValues: [
    {
      field: 'product',
      value: 'GTXPro',
      count: 1480,
      suggestion: GTX_PRO,
      options: [
        { value: GTX_PRO, label: 'GTX Pro' },
        { value: GTX_PLUS_PRO, label: 'GTX Plus Pro' },
      ],
      link: true,
    },
    {
      field: 'stage',
      value: 'Prospecting',
      count: 500,
      suggestion: null,
      options: [
        { value: NEW_LEAD, label: 'New lead' },
        { value: QUALIFIED, label: 'Qualified' },
      ],
      link: true,
    },
    // A choice field's unknown value belongs to the check step, not to this one.
    { field: 'status', value: 'actve', count: 3, suggestion: 'active', options: [], link: false },
  ],
};

function answer(api: { method: string; url: string; body: unknown }, values: TImportPreview = preview) {
  if (api.method === 'GET' && api.url === `/api/v1/imports/${IMPORT_ID}/preview`) return jsonResponse(200, values);
  if (api.method === 'GET' && api.url.startsWith('/api/v1/custom-fields')) return jsonResponse(200, page([]));
  if (api.method === 'PUT' && api.url === `/api/v1/imports/${IMPORT_ID}/mapping`) return jsonResponse(200, { ...deals, mapping: api.body });
  return undefined;
}

describe('ValuesStep', () => {
  it('lists the names that match no record with their rows, and maps one to the closest record', async () => {
    const api = fakeApi((call) => answer(call));
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onNext = vi.fn();
    await renderWithApp(
      <App>
        <ValuesStep imp={deals} onBack={() => undefined} onNext={onNext} />
      </App>,
      { me: testMe },
    );

    const rows = await screen.findAllByTestId('unknown-value');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Product (by name)');
    expect(rows[0]?.textContent).toContain('“GTXPro”');
    expect(rows[0]?.textContent).toContain('(1,480 rows)');
    expect(rows[1]?.textContent).toContain('“Prospecting”');
    expect(screen.queryByText('“actve”')).toBeNull();
    expect(screen.getByText('Names that match no record')).toBeTruthy();
    expect(
      screen.getByText('2 values still need a decision: a product, person or company is left empty, a stage keeps its rows out.'),
    ).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'What to do with “GTXPro” in “Product (by name)”' }));
    // The closest record first, as a suggestion; the others by name; or none.
    expect(await screen.findByText('Use “GTX Pro”')).toBeTruthy();
    expect(screen.getByText('GTX Plus Pro')).toBeTruthy();
    expect(screen.getAllByText('Leave the field empty').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByText('Use “GTX Pro”'));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({
      columns: deals.mapping.columns,
      values: { product: { GTXPro: { action: 'use', value: GTX_PRO } } },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Next: check the rows' }));
    expect(onNext).toHaveBeenCalled();
    expect(api.unexpected).toEqual([]);
  });

  it('takes every suggestion in one click, and maps a stage to one of the pipeline', async () => {
    const api = fakeApi((call) => answer(call));
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <ValuesStep imp={deals} onBack={() => undefined} onNext={() => undefined} />
      </App>,
      { me: testMe },
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Use 1 suggestion' }));
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(1));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toMatchObject({
      values: { product: { GTXPro: { action: 'use', value: GTX_PRO } } },
    });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'What to do with “Prospecting” in “Stage (by name)”' }));
    fireEvent.click(await screen.findByText('New lead'));
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'PUT')).toHaveLength(2));
    expect(api.calls.filter((call) => call.method === 'PUT')[1]?.body).toMatchObject({
      values: { stage: { Prospecting: { action: 'use', value: NEW_LEAD } } },
    });
  });

  it('says so when every name matches a record', async () => {
    const api = fakeApi((call) => answer(call, { rows: [], unknownValues: [] }));
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <ValuesStep imp={deals} onBack={() => undefined} onNext={() => undefined} />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByText('Every name in the file matches a record.')).toBeTruthy();
  });

  it('is a step of the wizard for deals, between the columns and the check', async () => {
    const api = fakeApi((call) => {
      if (call.method === 'GET' && call.url === `/api/v1/imports/${IMPORT_ID}`) return jsonResponse(200, deals);
      return answer(call);
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/imports/:id" element={<ImportWizard />} />
        </Routes>
      </App>,
      { me: testMe, path: `/imports/${IMPORT_ID}?step=values` },
    );
    expect(await screen.findByText('Names that match no record')).toBeTruthy();
    const steps = [...document.querySelectorAll('.ant-steps-item-title')].map((step) => step.textContent);
    expect(steps).toEqual(['Upload', 'Columns', 'Values', 'Check', 'Import']);
  });
});

describe('UploadStep entities', () => {
  const renderNew = (role: 'admin' | 'manager' | 'employee') => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => jsonResponse(200, page([]))).fetch));
    return renderWithApp(
      <App>
        <Routes>
          <Route path="/imports/new" element={<ImportWizard />} />
        </Routes>
      </App>,
      { me: { ...testMe, role }, path: '/imports/new?entity=deal' },
    );
  };
  const offered = () => screen.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent);

  it('offers only what the person may import: people and rates to admins, products to managers too, deals and leads to everyone', async () => {
    await renderNew('admin');
    expect(offered()).toEqual(['Companies', 'Contacts', 'Products', 'People', 'Deals', 'Exchange rates', 'Leads']);
    expect(screen.getByRole('radio', { name: 'Deals' })).toHaveProperty('checked', true);
  });

  it('hides people and products from an employee', async () => {
    await renderNew('employee');
    expect(offered()).toEqual(['Companies', 'Contacts', 'Deals', 'Leads']);
  });
});

describe('After a deal import', () => {
  it('offers to map the names reported and import again: a new import of the same file opens at its values step', async () => {
    const NEW_ID = '00000000-0000-4000-8000-0000000000a2';
    const done = {
      ...deals,
      status: 'done' as const,
      processed: 8800,
      counts: { created: 8800, updated: 0, skipped: 0, rejected: 0, modified: 4000 },
      finishedAt: '2025-03-01T09:01:00.000Z',
    };
    const repeated = { ...deals, id: NEW_ID, mapping: { ...deals.mapping, duplicates: 'update' as const } };
    const api = fakeApi((call) => {
      if (call.method === 'GET' && call.url === `/api/v1/imports/${IMPORT_ID}`) return jsonResponse(200, done);
      if (call.method === 'POST' && call.url === `/api/v1/imports/${IMPORT_ID}/repeat`) return jsonResponse(201, repeated);
      if (call.method === 'GET' && call.url === `/api/v1/imports/${NEW_ID}`) return jsonResponse(200, repeated);
      if (call.method === 'GET' && call.url === `/api/v1/imports/${NEW_ID}/preview`) return jsonResponse(200, preview);
      if (call.method === 'GET') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/imports/:id" element={<ImportWizard />} />
        </Routes>
      </App>,
      { me: testMe, path: `/imports/${IMPORT_ID}` },
    );
    const again = await screen.findByRole('button', { name: 'Map the values and import again' });
    expect(screen.getByRole('link', { name: 'Open the deals' }).getAttribute('href')).toBe('/deals');
    fireEvent.click(again);
    expect(await screen.findByText('Names that match no record')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST' && call.url.endsWith('/repeat'))).toBe(true);
  });
});
