import type { TCompany } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { BulkModal } from './bulk-modal.tsx';

const company = (id: string, name: string) => ({ id, name, tags: ['vip'] }) as unknown as TCompany;
const records = [
  company('00000000-0000-4000-8000-000000000041', 'Caffè Centrale'),
  company('00000000-0000-4000-8000-000000000042', 'Forno Rossi'),
  company('00000000-0000-4000-8000-000000000043', 'Bar Sport'),
];

afterEach(() => vi.unstubAllGlobals());

describe('BulkModal', () => {
  it('names the records the server refused, and deselects them on request', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(
        403,
        {
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          code: 'forbidden',
          detail: 'You may not change 2 of the selected records',
          errors: [
            { path: 'ids.0', message: 'You may not change this record' },
            { path: 'ids.2', message: 'You may not change this record' },
          ],
        },
        'application/problem+json',
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const onDeselect = vi.fn();
    await renderWithApp(
      <App>
        <BulkModal kind="addTag" entity="company" records={records} onClose={() => {}} onDone={() => {}} onDeselect={onDeselect} />
      </App>,
      { me: testMe },
    );

    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'christmas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Caffè Centrale', 'Bar Sport']);
    const [url, request] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/companies/bulk');
    expect(JSON.parse(String(request.body))).toEqual({ ids: records.map((r) => r.id), action: { type: 'addTag', tag: 'christmas' } });

    fireEvent.click(screen.getByRole('button', { name: 'Deselect them' }));
    await waitFor(() => expect(onDeselect).toHaveBeenCalledWith([records[0]?.id, records[2]?.id]));
  });
});
