import type { TCalendarEntry } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadContractMessages } from '../../lib/contract-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { CalendarPage } from './calendar-page.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadContractMessages();
});
afterEach(() => vi.unstubAllGlobals());

const COMPANY = '00000000-0000-4000-8000-000000000501';
const CONTRACT = '00000000-0000-4000-8000-000000000700';
const gazette = { type: 'company' as const, id: COMPANY, name: 'Gazzetta di Quartiere' };
const entries: TCalendarEntry[] = [
  {
    key: 'activity:1',
    kind: 'activity',
    id: '00000000-0000-4000-8000-000000000901',
    activityType: 'meeting',
    title: 'Renewal talk',
    start: '2026-03-10T08:30:00.000Z',
    end: '2026-03-10T09:30:00.000Z',
    allDay: false,
    links: [gazette],
    person: { id: testMe.id, name: 'Anna Rossi' },
  },
  {
    // 00:30 on 11 March in Rome, where the user lives: still 10 March in UTC.
    key: 'follow-up:2',
    kind: 'follow_up',
    id: '00000000-0000-4000-8000-000000000902',
    activityType: 'call',
    title: 'Call Elio back',
    start: '2026-03-10T23:30:00.000Z',
    end: '2026-03-11T00:00:00.000Z',
    allDay: false,
    links: [gazette],
    person: null,
  },
  {
    key: `contract-end:${CONTRACT}`,
    kind: 'contract_end',
    id: CONTRACT,
    activityType: null,
    title: 'ADV-2026/7 · Ad slot page 3, Fridays',
    start: '2026-03-31T00:00:00.000Z',
    end: '2026-04-01T00:00:00.000Z',
    allDay: true,
    links: [gazette],
    person: null,
  },
];

function calendarApi() {
  let feed = { url: null as string | null, createdAt: null as string | null };
  return fakeApi(({ method, url }) => {
    if (method === 'GET' && url.startsWith('/api/v1/calendar?')) return jsonResponse(200, { data: entries });
    if (url === '/api/v1/calendar/feed') {
      if (method === 'GET') return jsonResponse(200, { url: null, createdAt: feed.createdAt });
      if (method === 'POST') {
        feed = { url: 'http://127.0.0.1:3000/api/calendar/s3cr3t-token-abcdefghijklmnop.ics', createdAt: '2026-03-01T09:00:00.000Z' };
        return jsonResponse(201, feed);
      }
      if (method === 'DELETE') {
        feed = { url: null, createdAt: null };
        return new Response(null, { status: 204 });
      }
    }
    return undefined;
  });
}

async function renderCalendar(path: string) {
  await renderWithApp(
    <App>
      <CalendarPage />
    </App>,
    { me: testMe, path },
  );
}

describe('CalendarPage', () => {
  it('places each entry on its day in the user’s time zone in the month, and opens its records', async () => {
    const api = calendarApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderCalendar('/calendar?date=2026-03-10');

    expect(screen.getByTestId('calendar-period').textContent).toBe('March 2026');
    const meeting = await within(screen.getByTestId('day-2026-03-10')).findByRole('button', { name: /^Meeting: Renewal talk/ });
    expect(meeting.getAttribute('data-kind')).toBe('meeting');
    expect(within(screen.getByTestId('day-2026-03-11')).getByRole('button', { name: /^Follow-up: Call Elio back/ })).toBeTruthy();
    expect(within(screen.getByTestId('day-2026-03-31')).getByRole('button', { name: /^Contract ends: ADV-2026\/7/ })).toBeTruthy();
    // The grid starts on Sunday 1 March (weeks start on Sunday in English) and lasts six weeks, in Rome's time.
    const asked = new URL(api.calls.find((call) => call.url.startsWith('/api/v1/calendar?'))?.url ?? '', 'http://x');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-04-11T22:00:00.000Z',
      scope: 'me',
    });

    fireEvent.click(within(screen.getByTestId('day-2026-03-31')).getByRole('button', { name: /^Contract ends/ }));
    const details = await screen.findByTestId('calendar-entry-details');
    expect(within(details).getByRole('link', { name: 'Open the contract' }).getAttribute('href')).toBe(`/contracts/${CONTRACT}`);
    expect(within(details).getByRole('link', { name: 'Gazzetta di Quartiere' }).getAttribute('href')).toBe(`/companies/${COMPANY}`);

    fireEvent.click(screen.getByText('Company'));
    await waitFor(() => expect(api.calls.at(-1)?.url).toContain('scope=company'));
  }, 30_000);

  it('shows a week of seven days with the entries in time order', async () => {
    vi.stubGlobal('fetch', vi.fn(calendarApi().fetch));
    await renderCalendar('/calendar?view=week&date=2026-03-10');

    const tuesday = await screen.findByRole('region', { name: 'Tue 10 Mar' });
    expect(await within(tuesday).findByRole('button', { name: /^Meeting: Renewal talk/ })).toBeTruthy();
    expect(tuesday.textContent).toContain('09:30');
    expect(within(screen.getByRole('region', { name: 'Wed 11 Mar' })).getByRole('button', { name: /Call Elio back/ })).toBeTruthy();
    expect(screen.getAllByRole('region').filter((region) => region.getAttribute('data-testid')?.startsWith('day-'))).toHaveLength(7);
  }, 30_000);

  it('makes a secret iCal address, shows it once to copy, and revokes it', async () => {
    const api = calendarApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderCalendar('/calendar?date=2026-03-10');

    fireEvent.click(screen.getByRole('button', { name: /Subscribe \(iCal\)/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Subscribe to your calendar' });
    fireEvent.click(await within(dialog).findByRole('button', { name: /Make my calendar address/ }));
    const address = (await within(dialog).findByRole('textbox', { name: 'Calendar address' })) as HTMLInputElement;
    expect(address.value).toBe('http://127.0.0.1:3000/api/calendar/s3cr3t-token-abcdefghijklmnop.ics');
    expect(dialog.textContent).toContain('Copy it now');

    fireEvent.click(within(dialog).getByRole('button', { name: /Revoke/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke', hidden: false }));
    expect(await within(dialog).findByText('You have no calendar address yet.')).toBeTruthy();
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toContain('DELETE /api/v1/calendar/feed');
  }, 30_000);
});
