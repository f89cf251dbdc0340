import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadMyDayMessages } from '../../lib/my-day-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { MyDay } from './my-day.tsx';
import { aDay, aMeeting, aTask, EZIO } from './test-my-day.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadMyDayMessages();
});
afterEach(() => vi.unstubAllGlobals());

function serve(day: ReturnType<typeof aDay>) {
  const api = fakeApi(({ method, url }) => (method === 'GET' && url === '/api/v1/my-day' ? jsonResponse(200, day) : undefined));
  vi.stubGlobal('fetch', vi.fn(api.fetch));
}

const region = (name: string) => screen.getByRole('region', { name });
const count = (name: string) => within(region(name)).getByTestId('section-count').textContent;

describe('MyDay', () => {
  it('shows each section with its count, items as links, late ones in red, times in my zone and whose work I cover', async () => {
    const late = aTask('00000000-0000-4000-8000-000000000801', 'Send the price list', {
      dueAt: '2026-12-03T15:00:00.000Z',
      priority: 'urgent',
    });
    // 23:30 in Rome is still today there (22:30 UTC).
    const tonight = aTask('00000000-0000-4000-8000-000000000802', 'Print the flyers', { dueAt: '2026-12-05T22:30:00.000Z', links: [] });
    const ezios = aTask('00000000-0000-4000-8000-000000000803', 'Deliver the cake', {
      dueAt: '2026-12-05T16:00:00.000Z',
      assignee: EZIO,
    });
    serve(
      aDay({
        overdue: { items: [{ ...late, coveringFor: null }], total: 1 },
        dueToday: {
          items: [
            { ...tonight, coveringFor: null },
            { ...ezios, coveringFor: EZIO },
          ],
          total: 60,
        },
        meetings: { items: [aMeeting('00000000-0000-4000-8000-000000000901', { coveringFor: EZIO })], total: 1 },
        agreements: {
          items: [
            {
              id: '00000000-0000-4000-8000-000000000701',
              title: 'Page 3 kept for them',
              status: 'agreed',
              validUntil: '2026-12-01',
              company: { id: '00000000-0000-4000-8000-000000000501', name: 'Gazzetta di Quartiere' },
              contact: null,
              expired: true,
            },
          ],
          total: 1,
        },
        contracts: {
          items: [
            {
              id: '00000000-0000-4000-8000-000000000601',
              number: 'C-12',
              subject: 'Advertising 2026',
              company: { id: '00000000-0000-4000-8000-000000000501', name: 'Gazzetta di Quartiere' },
              endDate: '2026-12-20',
              renewal: 'to_renegotiate',
              expired: false,
            },
          ],
          total: 1,
        },
        covering: { items: [{ person: EZIO, startsOn: '2026-12-04', endsOn: '2026-12-08', note: null }], total: 1 },
      }),
    );
    await renderWithApp(<MyDay />, { me: testMe });

    expect(await screen.findByRole('heading', { name: 'My day' })).toBeTruthy();
    expect(screen.getByText('5 Dec 2026: what needs you today')).toBeTruthy();
    expect(screen.getByText('You cover for Ezio Neri until 8 Dec 2026')).toBeTruthy();

    expect(count('Overdue')).toBe('1');
    const overdue = region('Overdue');
    expect(within(overdue).getByRole('link', { name: 'Send the price list' }).getAttribute('href')).toBe(`/tasks/${late.id}`);
    expect(within(overdue).getByText('Urgent')).toBeTruthy();
    const lateLine = within(overdue).getByText(/due 3 Dec 2026, 16:00/);
    expect(lateLine.closest('.ant-typography-danger')).not.toBeNull();

    expect(count('Due today')).toBe('60');
    const today = region('Due today');
    expect(within(today).getByRole('link', { name: 'Print the flyers' }).getAttribute('href')).toBe(`/tasks/${tonight.id}`);
    expect(
      within(today)
        .getByText(/due 23:30/)
        .closest('.ant-typography')?.textContent,
    ).toBe('due 23:30 · from Marco Bruni');
    expect(within(today).getAllByText('for Ezio Neri')).toHaveLength(1);
    expect(within(today).getByText('Showing 2 of 60')).toBeTruthy();

    const meetings = region('Calls and meetings today');
    expect(within(meetings).getByRole('link', { name: 'Meeting: Renewal of page 3' }).getAttribute('href')).toBe(
      '/companies/00000000-0000-4000-8000-000000000501',
    );
    expect(within(meetings).getByText('10:00')).toBeTruthy();
    expect(within(meetings).getByText('for Ezio Neri')).toBeTruthy();

    const agreements = region('Agreements running out');
    expect(within(agreements).getByRole('link', { name: 'Page 3 kept for them' }).getAttribute('href')).toBe(
      '/companies/00000000-0000-4000-8000-000000000501',
    );
    expect(
      within(agreements)
        .getByText(/lapsed on 1 Dec 2026/)
        .closest('.ant-typography-danger'),
    ).not.toBeNull();

    const contracts = region('Contracts ending');
    expect(within(contracts).getByRole('link', { name: 'C-12 · Advertising 2026' }).getAttribute('href')).toBe(
      '/contracts/00000000-0000-4000-8000-000000000601',
    );
    expect(
      within(contracts)
        .getByText(/ends on 20 Dec 2026/)
        .closest('.ant-typography-danger'),
    ).toBeNull();
    expect(within(contracts).getByText('To renegotiate')).toBeTruthy();

    // The empty sections say so, kindly.
    expect(count('To accept')).toBe('0');
    expect(within(region('To accept')).getByText('Nothing waiting for your answer')).toBeTruthy();
    expect(within(region('Follow-ups')).getByText('No follow-ups due')).toBeTruthy();
  }, 30_000);

  it('says nothing is late on an empty day', async () => {
    serve(aDay());
    await renderWithApp(<MyDay />, { me: testMe });
    expect(await screen.findByText('Nothing overdue')).toBeTruthy();
    expect(screen.getByText('Nothing due today')).toBeTruthy();
    expect(screen.getByText('No calls or meetings planned today')).toBeTruthy();
    expect(screen.getByText('No contracts ending in the next 30 days')).toBeTruthy();
    expect(screen.queryByText(/You cover for/)).toBeNull();
  });
});
