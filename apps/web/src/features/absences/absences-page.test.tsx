import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAbsenceMessages } from '../../lib/absence-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { AbsencesPage } from './absences-page.tsx';
import { ANNA, anAbsence, MARCO } from './test-absences.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadAbsenceMessages();
});
afterEach(() => vi.unstubAllGlobals());

const MINE = anAbsence('00000000-0000-4000-8000-000000000901', { current: true, startsOn: '2026-12-01', endsOn: '2026-12-10' });
const COVERED = anAbsence('00000000-0000-4000-8000-000000000902', { user: MARCO, deputy: ANNA, mode: 'move', note: null });
const marco = { ...MARCO, email: 'marco@example.com', locale: 'en', timeZone: 'Europe/Rome', role: 'employee', unitId: null, active: true };

async function renderPage(handler: Parameters<typeof fakeApi>[0], me = testMe) {
  const api = fakeApi(
    (call) =>
      handler(call) ??
      (call.method === 'GET' && call.url.startsWith('/api/v1/users') ? jsonResponse(200, page([marco])) : undefined) ??
      (call.method === 'GET' && call.url.startsWith('/api/v1/absences') ? jsonResponse(200, page([MINE, COVERED])) : undefined),
  );
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <AbsencesPage />
    </App>,
    { me, path: '/absences' },
  );
  return api;
}

/** Types the first and the last day into the range picker, as a person would. */
function typeRange(from: string, to: string) {
  const [start, end] = [...document.querySelectorAll<HTMLInputElement>('.ant-picker-range input')];
  for (const [input, text] of [
    [start, from],
    [end, to],
  ] as const) {
    if (!input) throw new Error('no range input');
    fireEvent.mouseDown(input);
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  }
}

async function chooseDeputy() {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Deputy' }));
  fireEvent.click(await screen.findByTitle('Marco Bruni'));
}

describe('AbsencesPage', () => {
  it('lists my current and coming absences and those I cover, with dates in my language', async () => {
    const api = await renderPage(() => undefined);
    const mine = (await screen.findByText('Christmas holidays')).closest('tr') as HTMLElement;
    expect(mine.textContent).toContain('1 Dec 2026 – 10 Dec 2026');
    expect(mine.textContent).toContain('Away now');
    expect(mine.textContent).toContain('Shown to the deputy');
    expect(within(mine).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    const covered = screen.getByText('Handed to the deputy').closest('tr') as HTMLElement;
    expect(covered.textContent).toContain('Marco Bruni');
    expect(covered.textContent).toContain('Coming');
    // I am its deputy: I do not cancel it.
    expect(within(covered).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(api.calls.map((call) => call.url)).toContain('/api/v1/absences?filter%5Bupcoming%5D=true&limit=200');
  }, 30_000);

  it('marks an absence with its deputy and mode; an employee names no one else', async () => {
    const api = await renderPage(
      ({ method, url }) =>
        method === 'POST' && url === '/api/v1/absences' ? jsonResponse(201, anAbsence('00000000-0000-4000-8000-000000000903')) : undefined,
      { ...testMe, role: 'employee' },
    );
    await screen.findByRole('form', { name: 'Mark an absence' });
    expect(screen.queryByRole('combobox', { name: 'Who is away' })).toBeNull();
    typeRange('21/12/2099', '24/12/2099');
    await chooseDeputy();
    fireEvent.click(screen.getByRole('radio', { name: 'Hand my open tasks to the deputy' }));
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: ' Skiing ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark the absence' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      deputyId: MARCO.id,
      startsOn: '2099-12-21',
      endsOn: '2099-12-24',
      mode: 'move',
      note: 'Skiing',
    });
    expect(await screen.findByText('Absence marked')).toBeTruthy();
  }, 30_000);

  it('says next to the dates when the person is already away then', async () => {
    await renderPage(({ method, url }) =>
      method === 'POST' && url === '/api/v1/absences'
        ? jsonResponse(
            409,
            {
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              code: 'absence_overlaps',
              detail: 'Already away',
              errors: [{ path: 'startsOn', message: 'Overlaps another absence' }],
            },
            'application/problem+json',
          )
        : undefined,
    );
    await screen.findByRole('form', { name: 'Mark an absence' });
    typeRange('21/12/2099', '24/12/2099');
    await chooseDeputy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark the absence' }));
    expect(await screen.findByText('This person is already away on some of these days.')).toBeTruthy();
  }, 30_000);

  it('cancels an absence after asking', async () => {
    const api = await renderPage(({ method }) => (method === 'DELETE' ? new Response(null, { status: 204 }) : undefined));
    const mine = (await screen.findByText('Christmas holidays')).closest('tr') as HTMLElement;
    fireEvent.click(within(mine).getByRole('button', { name: 'Cancel' }));
    const confirm = await screen.findByText('Cancel this absence? Tasks already handed over stay with the deputy.');
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);
    const popover = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'DELETE')?.url).toBe(`/api/v1/absences/${MINE.id}`));
    expect(await screen.findByText('Absence cancelled')).toBeTruthy();
  }, 30_000);
});
