import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../test/render.tsx';
import { ExportButton } from './export-button.tsx';

afterEach(() => vi.unstubAllGlobals());

const job = (over: Record<string, unknown>) => ({
  id: '00000000-0000-4000-8000-000000000077',
  resource: 'contacts',
  format: 'vcf',
  status: 'running',
  total: 2000,
  processed: 0,
  fileName: null,
  size: null,
  error: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  finishedAt: null,
  ...over,
});

describe('ExportButton', () => {
  it('starts an export job with the list as shown, shows its progress, then downloads the file', async () => {
    const polls = [job({ processed: 1000 }), job({ status: 'done', processed: 2000, fileName: 'contacts-2026-11-25.vcf', size: 900 })];
    const fetch = vi.fn(async (url: string) => {
      if (url === '/api/v1/exports') return jsonResponse(202, job({ status: 'queued', total: null }));
      if (url.endsWith('/file'))
        return new Response('BEGIN:VCARD', {
          status: 200,
          headers: { 'Content-Disposition': 'attachment; filename="contacts-2026-11-25.vcf"' },
        });
      return jsonResponse(200, polls.shift() ?? polls.at(-1));
    });
    vi.stubGlobal('fetch', fetch);
    URL.createObjectURL = vi.fn(() => 'blob:file');
    URL.revokeObjectURL = vi.fn();
    await renderWithApp(
      <App>
        <ExportButton
          resource="contacts"
          formats={['csv', 'xlsx', 'vcf']}
          query={{ q: 'rossi', sort: undefined }}
          columns={['name', 'phones']}
        />
      </App>,
      { me: testMe },
    );
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    fireEvent.click(await screen.findByText('vCard (address book)'));
    expect(await screen.findByText('1,000 of 2,000 records written')).toBeTruthy();
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/file'))).toBe(true), { timeout: 3000 });
    const [, request] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(request.body))).toEqual({
      resource: 'contacts',
      format: 'vcf',
      columns: 'name,phones',
      query: { q: 'rossi' },
    });
  });

  it('offers CSV and Excel only unless told otherwise, and leaves out the columns when none are named', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url === '/api/v1/exports') return jsonResponse(202, job({ resource: 'products', format: 'csv', status: 'queued', total: null }));
      if (url.endsWith('/file')) return new Response('SKU', { status: 200 });
      return jsonResponse(
        200,
        job({ resource: 'products', format: 'csv', status: 'done', total: 1, processed: 1, fileName: 'products.csv' }),
      );
    });
    vi.stubGlobal('fetch', fetch);
    URL.createObjectURL = vi.fn(() => 'blob:file');
    URL.revokeObjectURL = vi.fn();
    await renderWithApp(
      <App>
        <ExportButton resource="products" query={{ 'filter[active]': 'true' }} />
      </App>,
      { me: testMe },
    );
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    expect(await screen.findByText('Excel workbook (XLSX)')).toBeTruthy();
    expect(screen.queryByText('vCard (address book)')).toBeNull();
    fireEvent.click(screen.getByText('CSV file (any spreadsheet)'));
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/file'))).toBe(true), { timeout: 3000 });
    const [, request] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(request.body))).toEqual({ resource: 'products', format: 'csv', query: { 'filter[active]': 'true' } });
  });
});
