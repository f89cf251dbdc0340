import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes, useParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { customField } from '../custom-fields/test-fields.ts';
import { MergeModal } from './merge-modal.tsx';
import { aCompany, aMerge, fakeApi, page } from './test-duplicates.ts';

afterEach(() => vi.unstubAllGlobals());

const A = '00000000-0000-4000-8000-000000000501';
const B = '00000000-0000-4000-8000-000000000502';
const credit = customField('credit', 'money', { entity: 'company', label: 'Credit limit', currency: 'EUR' });
const bread = customField('bread', 'select', {
  entity: 'company',
  label: 'Preferred bread',
  options: [
    { value: 'rye', label: 'Rye bread' },
    { value: 'wheat', label: 'Wheat bread' },
  ],
});
const forno = aCompany(A, 'Forno Rossi', {
  city: 'Roma',
  taxNumber: '01234567890',
  owner: { id: testMe.id, name: 'Anna Rossi' },
  custom: { credit: 1500, bread: 'rye' },
});
const fornoSrl = aCompany(B, 'Forno Rossi Srl', {
  city: 'Roma',
  status: 'new',
  website: 'forno.it',
  notes: 'Orders on Mondays',
  custom: { bread: 'wheat' },
});

function CompanyPage() {
  return <p>Company page {useParams().id}</p>;
}

describe('MergeModal', () => {
  it('shows only the fields that differ, readable, and sends the chosen survivor and values', async () => {
    const merge = aMerge({ survivorId: B, mergedIds: [A], mergedNames: ['Forno Rossi'] });
    const api = fakeApi(({ method, url }) => {
      if (url === `/api/v1/companies/${A}`) return jsonResponse(200, forno);
      if (url === `/api/v1/companies/${B}`) return jsonResponse(200, fornoSrl);
      if (url === '/api/v1/custom-fields?entity=company') return jsonResponse(200, page([credit, bread]));
      if (method === 'POST' && url === '/api/v1/merges') return jsonResponse(201, merge);
      if (method === 'POST' && url === `/api/v1/merges/${merge.id}/undo`)
        return jsonResponse(200, { ...merge, undoneAt: '2025-03-01T09:01:00.000Z' });
      if (method === 'GET') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onClose = vi.fn();
    await renderWithApp(
      <App>
        <Routes>
          <Route path="/" element={<MergeModal entity="company" ids={[A, B]} onClose={onClose} />} />
          <Route path="/companies/:id" element={<CompanyPage />} />
        </Routes>
      </App>,
      { me: testMe },
    );

    const survivor = await screen.findByRole('radiogroup', { name: 'Which record stays?' });
    expect(within(survivor).getByRole('radio', { name: /^Forno Rossi ·/ })).toHaveProperty('checked', true);
    const rows = screen.getAllByRole('row').slice(1);
    // City is the same in both: nothing to choose there.
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual([
      'Name',
      'Tax number',
      'Website',
      'Status',
      'Owner',
      'Notes',
      'Credit limit',
      'Preferred bread',
    ]);
    // Values as the user reads them: money in their locale, options by label, enums translated.
    expect(screen.getByRole('radio', { name: 'Credit limit: €1,500.00 (from Forno Rossi)' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Preferred bread: Wheat bread (from Forno Rossi Srl)' })).toHaveProperty('checked', false);
    expect(screen.getByRole('radio', { name: 'Status: New (from Forno Rossi Srl)' })).toBeTruthy();

    // The other one stays: its values become the defaults, empty ones still taken from the first filled.
    fireEvent.click(within(survivor).getByRole('radio', { name: /^Forno Rossi Srl/ }));
    expect(screen.getByRole('radio', { name: 'Preferred bread: Wheat bread (from Forno Rossi Srl)' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Tax number: 01234567890 (from Forno Rossi)' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Name: Forno Rossi (from Forno Rossi)' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Preferred bread: Rye bread (from Forno Rossi)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));

    expect(await screen.findByText(`Company page ${B}`, {}, { timeout: 5000 })).toBeTruthy();
    const sent = api.calls.find((call) => call.method === 'POST' && call.url === '/api/v1/merges');
    expect(sent?.body).toEqual({
      entity: 'company',
      survivorId: B,
      mergedIds: [A],
      values: {
        name: A,
        taxNumber: A,
        website: B,
        status: B,
        ownerId: A,
        notes: B,
        'custom.credit': A,
        'custom.bread': A,
      },
    });
    expect(onClose).toHaveBeenCalled();

    // The name kept is the one chosen; "Undo" in the message takes the merge back.
    expect(await screen.findByText('Records merged into “Forno Rossi”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.calls.some((call) => call.url === `/api/v1/merges/${merge.id}/undo`)).toBe(true));
    expect(await screen.findByText('The merge has been undone: the records are back.')).toBeTruthy();
  }, 15_000);

  it('keeps the dialog open with the reason when the server refuses', async () => {
    const api = fakeApi(({ method, url }) => {
      if (url === `/api/v1/companies/${A}`) return jsonResponse(200, forno);
      if (url === `/api/v1/companies/${B}`) return jsonResponse(200, fornoSrl);
      if (method === 'POST' && url === '/api/v1/merges') {
        return jsonResponse(
          403,
          { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden', detail: 'No' },
          'application/problem+json',
        );
      }
      if (method === 'GET') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onClose = vi.fn();
    await renderWithApp(
      <App>
        <MergeModal entity="company" ids={[A, B]} onClose={onClose} />
      </App>,
      { me: testMe },
    );
    await screen.findByRole('radiogroup', { name: 'Which record stays?' });
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You are not allowed to do this');
    expect(onClose).not.toHaveBeenCalled();
  });
});
