import { fireEvent, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRhythmMessages } from '../../lib/rhythm-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { RhythmPage } from './rhythm-page.tsx';
import { BIRTHDAYS, COMPLIANCE, DORMANT, NOT_CONTACTED } from './test-rhythm.ts';

afterEach(() => vi.unstubAllGlobals());
beforeAll(async () => {
  await renderWithApp(<div />);
  await loadRhythmMessages();
});

function serve() {
  const api = fakeApi(({ method, url }) => {
    if (method !== 'GET') return undefined;
    if (url.startsWith('/api/v1/reports/contact-rhythm')) return jsonResponse(200, COMPLIANCE);
    if (url.startsWith('/api/v1/reports/birthdays')) return jsonResponse(200, BIRTHDAYS);
    if (url.startsWith('/api/v1/reports/not-contacted')) return jsonResponse(200, NOT_CONTACTED);
    if (url.startsWith('/api/v1/reports/dormant')) return jsonResponse(200, DORMANT);
    if (url.startsWith('/api/v1/users') || url.startsWith('/api/v1/units')) return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function renderPage(path = '/rhythm', me = testMe) {
  await renderWithApp(
    <App>
      <RhythmPage />
    </App>,
    { me, path },
  );
}

describe('RhythmPage', () => {
  it('shows compliance per manager and the overdue customers, most late first, linking to their cards', async () => {
    serve();
    await renderPage();
    const managers = await screen.findByRole('table', { name: 'Compliance per manager' });
    const rows = within(managers).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Bea', '2', '1', '1', '50%'],
      ['Elio', '5', '2', '3', '40%'],
    ]);
    expect(screen.getByText('On 15 Jun 2026: 43% of customers contacted in time, 4 of 7 overdue.')).toBeTruthy();
    const overdue = screen.getByRole('table', { name: 'Overdue customers' });
    const nadia = within(overdue).getByRole('link', { name: 'Nadia' });
    expect(nadia.getAttribute('href')).toBe('/companies/00000000-0000-4000-8000-0000000000c1');
    const lines = within(overdue).getAllByRole('row').slice(1);
    expect(within(lines[0] as HTMLElement).getByText('75 days')).toBeTruthy();
    expect(within(lines[0] as HTMLElement).getByText('Never')).toBeTruthy();
    expect(within(lines[1] as HTMLElement).getByText('6 May 2026')).toBeTruthy();
    expect(screen.getByText('2 customers overdue')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Manager' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Unit' })).toBeTruthy();
  }, 30_000);

  it('gives an employee, who sees only their own customers, no manager or unit filter', async () => {
    serve();
    await renderPage('/rhythm', { ...testMe, role: 'employee' });
    await screen.findByRole('table', { name: 'Compliance per manager' });
    expect(screen.queryByRole('combobox', { name: 'Manager' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Unit' })).toBeNull();
  }, 30_000);

  it('lists birthdays, silent customers (90 days at first) and dormant companies (6 months at first) in their tabs', async () => {
    const api = serve();
    await renderPage('/rhythm?tab=birthdays');
    const birthdays = await screen.findByRole('table', { name: 'Birthdays' });
    expect(within(birthdays).getByRole('link', { name: 'Giulia Bianchi' })).toBeTruthy();
    expect(within(birthdays).getByText('16 Jun 2026')).toBeTruthy();
    expect(within(birthdays).getByText('36')).toBeTruthy();
    expect(within(birthdays).getByRole('button', { name: /Log a call/ })).toBeTruthy();
    fireEvent.click(screen.getByText('This month'));
    await vi.waitFor(() => expect(api.calls.some((c) => c.url.includes('range=month'))).toBe(true));

    fireEvent.click(screen.getByRole('tab', { name: 'Not contacted' }));
    const silent = await screen.findByRole('table', { name: 'Not contacted' });
    expect(within(silent).getByRole('link', { name: 'Dino' }).getAttribute('href')).toBe('/companies/00000000-0000-4000-8000-0000000000d1');
    expect(api.calls.some((c) => c.url.includes('/reports/not-contacted?days=90'))).toBe(true);
    expect(screen.getByText('1 customer with nothing logged since 17 Mar 2026')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Dormant' }));
    const dormant = await screen.findByRole('table', { name: 'Dormant' });
    expect(within(dormant).getByText('€5,000.00')).toBeTruthy();
    expect(within(dormant).getByText('12 Jan 2025')).toBeTruthy();
    expect(api.calls.some((c) => c.url.includes('/reports/dormant?months=6'))).toBe(true);
  }, 30_000);
});
