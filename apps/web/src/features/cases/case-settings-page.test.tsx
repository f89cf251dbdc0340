import type { TSlaPolicy, TWorkingCalendar } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCaseSettingsMessages } from '../../lib/case-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { CaseSettingsPage } from './case-settings-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadCaseSettingsMessages();
});
afterEach(() => vi.unstubAllGlobals());

const POLICY: TSlaPolicy = {
  id: '00000000-0000-4000-8000-000000000401',
  name: 'Complaints',
  type: { id: '00000000-0000-4000-8000-000000000301', name: 'Product complaint' },
  priority: 'urgent',
  firstResponseMinutes: 90,
  resolutionMinutes: 2 * 480 + 60,
  warnBeforeMinutes: 0,
  active: true,
  updatedAt: '2026-03-01T10:00:00.000Z',
};
const CALENDAR: TWorkingCalendar = {
  id: '00000000-0000-4000-8000-000000000501',
  name: 'Office',
  unit: null,
  timeZone: 'Europe/Rome',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, from: 540, to: 1080 })),
  holidays: ['2026-12-25'],
  updatedAt: '2026-03-01T10:00:00.000Z',
};

function settingsApi() {
  return fakeApi(({ method, url }) => {
    if (method === 'GET' && url === '/api/v1/sla-policies') return jsonResponse(200, { data: [POLICY] });
    if (method === 'GET' && url === '/api/v1/working-calendars') return jsonResponse(200, { data: [CALENDAR] });
    if (method === 'GET' && url === '/api/v1/case-types') return jsonResponse(200, { data: [] });
    if (method === 'GET' && url === '/api/v1/case-routing-rules') return jsonResponse(200, { data: [] });
    if (method === 'GET' && (url.startsWith('/api/v1/users') || url === '/api/v1/units')) return jsonResponse(200, page([]));
    if (method === 'POST' && url === '/api/v1/sla-policies')
      return jsonResponse(201, { ...POLICY, id: '00000000-0000-4000-8000-000000000402' });
    if (method === 'POST' && url === '/api/v1/working-calendars')
      return jsonResponse(201, { ...CALENDAR, id: '00000000-0000-4000-8000-000000000502' });
    return undefined;
  });
}

const render = (path: string, me = testMe) =>
  renderWithApp(
    <App>
      <CaseSettingsPage />
    </App>,
    { me, path },
  );

describe('CaseSettingsPage', () => {
  it('lists SLA policies in working time and lets an admin add one, sent in working minutes', async () => {
    const api = settingsApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await render('/cases/settings?tab=sla');

    const row = (await screen.findByText('Complaints')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Product complaint');
    expect(row.textContent).toContain('Urgent');
    expect(row.textContent).toContain('1 h 30 min');
    expect(row.textContent).toContain('2 d 1 h');
    expect(row.textContent).toContain('No warning');

    fireEvent.click(screen.getByRole('button', { name: /Add policy/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Everything else' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Everything else',
      typeId: null,
      priority: null,
      firstResponseMinutes: 240,
      resolutionMinutes: 960,
      warnBeforeMinutes: 60,
      active: true,
    });
  }, 60_000);

  it('edits a calendar week by week, refuses overlapping hours, and sends the intervals in minutes', async () => {
    const api = settingsApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await render('/cases/settings?tab=calendars');

    const row = (await screen.findByText('Office')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Default (whole workspace)');
    expect(row.textContent).toContain('Monday 09:00–18:00');
    expect(row.textContent).toContain('1 day');

    fireEvent.click(screen.getByRole('button', { name: /Add calendar/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('Name'), { target: { value: 'Shop' } });
    await within(drawer).findByText('Saturday');
    fireEvent.click(within(drawer).getByRole('switch', { name: 'Saturday is a working day' }));
    fireEvent.change(within(drawer).getByRole('textbox', { name: 'Saturday: from' }), { target: { value: '08:00' } });
    fireEvent.change(within(drawer).getByRole('textbox', { name: 'Saturday: to' }), { target: { value: '13:00' } });
    // A second interval on Monday that overlaps the first.
    fireEvent.click(within(drawer).getByRole('button', { name: 'Add a second interval to Monday' }));
    expect(await within(drawer).findByText('The two intervals overlap')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: 'Save' }));
    expect(await within(drawer).findByText('Correct the hours marked in red')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    const mondayFrom = within(drawer).getAllByRole('textbox', { name: 'Monday: from' });
    const mondayTo = within(drawer).getAllByRole('textbox', { name: 'Monday: to' });
    fireEvent.change(mondayTo[0] as HTMLElement, { target: { value: '13:00' } });
    fireEvent.change(mondayFrom[1] as HTMLElement, { target: { value: '14:00' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    const body = api.calls.find((c) => c.method === 'POST')?.body as { hours: unknown[]; unitId: unknown; timeZone: string };
    expect(body.unitId).toBeNull();
    expect(body.timeZone).toBe('Europe/Rome');
    expect(body.hours).toEqual([
      { day: 1, from: 540, to: 780 },
      { day: 1, from: 840, to: 1080 },
      ...[2, 3, 4, 5].map((day) => ({ day, from: 540, to: 1080 })),
      { day: 6, from: 480, to: 780 },
    ]);
  }, 90_000);

  it('reorders and deactivates case types with the positions and flags the server keeps', async () => {
    const type = (n: number, name: string, position: number) => ({
      id: `00000000-0000-4000-8000-00000000030${n}`,
      name,
      kind: 'complaint',
      position,
      active: true,
      categories: [
        {
          id: `00000000-0000-4000-8000-00000000031${n}`,
          typeId: `00000000-0000-4000-8000-00000000030${n}`,
          name: `${name} category`,
          position: 0,
          active: true,
        },
      ],
      cases: n,
    });
    const types = [type(1, 'Product complaint', 0), type(2, 'Delivery question', 1)];
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/case-types') return jsonResponse(200, { data: types });
      if (method === 'PATCH' && url.startsWith('/api/v1/case-types/')) return jsonResponse(200, types[0]);
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await render('/cases/settings');

    const row = (await screen.findByText('Product complaint')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Product complaint category');
    fireEvent.click(within(row).getByRole('button', { name: 'Move down' }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(api.calls.filter((c) => c.method === 'PATCH').map((c) => [c.url, c.body])).toEqual([
      ['/api/v1/case-types/00000000-0000-4000-8000-000000000302', { position: 0 }],
      ['/api/v1/case-types/00000000-0000-4000-8000-000000000301', { position: 1 }],
    ]);
    fireEvent.click(within(row).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(3));
    expect(api.calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ active: false });
  }, 60_000);

  it('shows everyone else the settings read-only', async () => {
    const api = settingsApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await render('/cases/settings?tab=sla', { ...testMe, role: 'employee' });
    expect(await screen.findByText('Complaints')).toBeTruthy();
    expect(screen.getByText(/Only administrators change these settings/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add policy/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Complaints' })).toBeNull();
  }, 30_000);
});
