import type { TPlanGrid } from '@clientela/contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadForecastMessages } from '../../lib/forecast-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { PlansPage } from './plans-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadForecastMessages();
});
afterEach(() => vi.unstubAllGlobals());

const ROMA = '00000000-0000-4000-8000-0000000000a1';
const MILANO = '00000000-0000-4000-8000-0000000000a2';
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const units: TPlanGrid = {
  kind: 'unit',
  from: '2026-01',
  to: '2026-12',
  months,
  baseCurrency: 'EUR',
  canEdit: true,
  rows: [{ targetId: ROMA, name: 'Via Roma', months: { '2026-01': '1000.50', '2026-03': '2000.00' }, total: '3000.50', editable: true }],
  totals: { months: { '2026-01': '1000.50', '2026-03': '2000.00' }, total: '3000.50' },
};

type Answer = { status: number; body: unknown };

function stubApi(grid: TPlanGrid, save: Answer = { status: 200, body: { saved: 1, deleted: 1 } }) {
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === '/api/v1/plans' && init?.method === 'PUT') return jsonResponse(save.status, save.body, 'application/problem+json');
    if (url.pathname === '/api/v1/plans') return jsonResponse(200, grid);
    if (url.pathname === '/api/v1/plans/targets') return jsonResponse(200, { data: [{ id: MILANO, name: 'Via Milano' }] });
    return jsonResponse(404, { code: 'not_found' });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderAt = (path: string, me = testMe) =>
  renderWithApp(
    <App>
      <Routes>
        <Route path="/plans" element={<PlansPage />} />
      </Routes>
    </App>,
    { me, path },
  );

const saveBody = (fetch: ReturnType<typeof stubApi>) => {
  const call = fetch.mock.calls.find(([, init]) => init?.method === 'PUT');
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
};

describe('the plans page', { timeout: 45_000 }, () => {
  it('edits a grid of months, adds a branch, and saves every changed cell in one request', async () => {
    const fetch = stubApi(units);
    await renderAt('/plans?kind=unit&year=2026');
    const january = await screen.findByRole('spinbutton', { name: 'Via Roma, Jan' });
    expect((january as HTMLInputElement).value).toBe('1,000.50');
    expect(screen.getByTestId(`plan-total-${ROMA}`).textContent).toBe('€3,000.50');
    expect(fetch.mock.calls.some(([url]) => String(url) === '/api/v1/plans?kind=unit&year=2026')).toBe(true);

    fireEvent.change(january, { target: { value: '' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Via Roma, Mar' }), { target: { value: '2500.25' } });
    expect(screen.getByTestId(`plan-total-${ROMA}`).textContent).toBe('€2,500.25');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Add a row…' }));
    fireEvent.click(await screen.findByTitle('Via Milano'));
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Via Milano, Feb' }), { target: { value: '300' } });
    expect(screen.getByTestId('plan-grand-total').textContent).toBe('€2,800.25');
    expect(screen.getByText('3 unsaved changes')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save plans' }));
    expect(await screen.findByText('The plans are saved.')).toBeTruthy();
    expect(saveBody(fetch)).toEqual({
      kind: 'unit',
      rows: [
        { targetId: ROMA, months: { '2026-01': null, '2026-03': '2500.25' } },
        { targetId: MILANO, months: { '2026-02': '300.00' } },
      ],
    });
  });

  it('marks the rows a refused save names and keeps the changes', async () => {
    stubApi(units, {
      status: 403,
      body: { code: 'forbidden', detail: 'No', errors: [{ path: 'rows.0.targetId', message: 'You may not set this plan' }] },
    });
    await renderAt('/plans?kind=unit&year=2026');
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Via Roma, Apr' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plans' }));
    expect(await screen.findByText('Some rows could not be saved: they are marked in red.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('1 unsaved change')).toBeTruthy());
    expect((screen.getByRole('spinbutton', { name: 'Via Roma, Apr' }) as HTMLInputElement).value).toBe('10.00');
  });

  it('shows the plans as figures to someone who may not set them', async () => {
    stubApi({
      ...units,
      kind: 'total',
      canEdit: false,
      rows: [{ targetId: null, name: null, months: { '2026-06': '12000.00' }, total: '12000.00', editable: false }],
    });
    await renderAt('/plans?year=2026', { ...testMe, role: 'employee' });
    expect(await screen.findByText('You can see these plans; a manager or an administrator sets them.')).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Whole company' })).toBeTruthy();
    expect(screen.getAllByText('€12,000.00').length).toBeGreaterThan(0);
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save plans' })).toBeNull();
  });
});
