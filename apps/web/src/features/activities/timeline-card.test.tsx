import type { TTimelineItem } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../lib/i18n.ts';
import { loadTaskMessages } from '../../lib/task-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { ANNA, activityItem, anActivity, anAgreement, CAFE, ELIO, GIULIA } from './test-activities.ts';
import { TimelineCard } from './timeline-card.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadTaskMessages();
});
afterEach(() => vi.unstubAllGlobals());

const TIMELINE = `/api/v1/companies/${CAFE.id}/timeline`;
const call = anActivity('00000000-0000-4000-8000-000000000701', {
  subject: 'Christmas order',
  // The server cleans bodies; were something to slip through, the browser cleans it again.
  body: '<p>Wants <strong>40 panettoni</strong><img src="x" onerror="alert(1)"></p><script>alert(2)</script>',
  direction: 'outbound',
  outcome: 'reached',
  durationMinutes: 12,
  followUpAt: '2099-12-10T09:00:00.000Z',
  links: [CAFE, GIULIA],
});
const visit = anActivity('00000000-0000-4000-8000-000000000702', {
  // Elio's visit: the server says this reader may not change it.
  mayChange: false,
  mayDelete: false,
  type: 'visit',
  place: 'Their shop',
  participants: 'Paolo, the new buyer',
  occurredAt: '2026-11-20T15:00:00.000Z',
  author: ELIO,
});
const promise = anAgreement('00000000-0000-4000-8000-000000000801', {
  title: 'Renew the Friday ad',
  resource: 'ad slot page 3, Fridays',
  validUntil: '2027-01-31',
  contact: { id: GIULIA.id, name: GIULIA.name },
  company: null,
});
const system = (id: string, event: Extract<TTimelineItem, { kind: 'system' }>['event']): TTimelineItem => ({
  kind: 'system',
  id,
  at: '2026-11-01T09:00:00.000Z',
  event,
});
const firstPage: TTimelineItem[] = [
  activityItem(call),
  { kind: 'agreement', id: promise.id, at: promise.createdAt, agreement: promise },
  activityItem(visit),
  system('00000000-0000-4000-8000-000000000901', {
    action: 'updated',
    record: CAFE,
    actor: ANNA,
    changes: [
      { field: 'status', old: 'new', new: 'active' },
      { field: 'mergedFrom', old: null, new: ['Caffè Centrale Srl'] },
    ],
    people: {},
  }),
  system('00000000-0000-4000-8000-000000000902', { action: 'created', record: CAFE, actor: ANNA, changes: [], people: {} }),
];
const note = anActivity('00000000-0000-4000-8000-000000000703', { type: 'note', subject: 'Closed on Mondays', author: ELIO });

function timelineApi(deleteStatus = 204) {
  return fakeApi(({ method, url }) => {
    if (url === `${TIMELINE}?limit=20`) return jsonResponse(200, { data: firstPage, nextCursor: 'page-2' });
    if (url === `${TIMELINE}?limit=20&cursor=page-2`) return jsonResponse(200, { data: [activityItem(note)], nextCursor: null });
    if (url.startsWith(`${TIMELINE}?limit=20&filter%5Btype%5D=call`))
      return jsonResponse(200, { data: [activityItem(call)], nextCursor: null });
    if (method === 'DELETE') {
      return deleteStatus === 204
        ? jsonResponse(204, undefined)
        : jsonResponse(deleteStatus, { status: deleteStatus, code: 'not_found', detail: 'Not found' }, 'application/problem+json');
    }
    if (method === 'GET') return jsonResponse(200, page([]));
    return undefined;
  });
}

async function renderTimeline() {
  await renderWithApp(
    <App>
      <TimelineCard owner={{ kind: 'company', id: CAFE.id }} about={{ companies: [CAFE] }} />
    </App>,
    { me: testMe },
  );
  return screen.findByText('Christmas order');
}

describe('TimelineCard', () => {
  it('shows each kind of entry: activities with their details, agreements, and changes as sentences', async () => {
    vi.stubGlobal('fetch', vi.fn(timelineApi().fetch));
    await renderTimeline();
    const [first, second] = screen.getAllByTestId('timeline-activity');
    if (!first || !second) throw new Error('two activities expected');
    // The call: subject, kind, author and time in the user's zone (Rome), its details, text, follow-up and other records.
    expect(first.textContent).toContain('Christmas order · Call');
    expect(within(first).getByText(/Anna Rossi ·/).textContent).toBe('Anna Rossi · 30 Nov 2026, 09:15');
    expect(within(first).getByTestId('activity-details').textContent).toBe('Outgoing call · Reached · 12 min');
    expect(within(first).getByText('40 panettoni').tagName).toBe('STRONG');
    expect(first.querySelector('img, script')).toBeNull();
    expect(within(first).getByText('Follow up 10 Dec 2099, 10:00')).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Giulia Bianchi' }).getAttribute('href')).toBe(`/contacts/${GIULIA.id}`);
    expect(within(first).queryByRole('link', { name: 'Caffè Centrale' })).toBeNull();
    // The visit: no subject, so its kind names it; place and who was there.
    expect(within(second).getByText('Visit')).toBeTruthy();
    expect(within(second).getByTestId('activity-details').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Their shop · Present: Paolo, the new buyer',
    );
    expect(within(second).getByText(/Elio Verdi ·/)).toBeTruthy();
    // Edit and delete only where the server allows them.
    expect(within(first).getByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(within(second).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(second).queryByRole('button', { name: 'Delete' })).toBeNull();

    const agreement = screen.getByTestId('timeline-agreement');
    expect(within(agreement).getByText('Agreed')).toBeTruthy();
    expect(within(agreement).getByText('Binding')).toBeTruthy();
    expect(within(agreement).getByRole('link', { name: 'Renew the Friday ad' }).getAttribute('href')).toBe(
      `/agreements?open=${promise.id}`,
    );
    expect(within(agreement).getByText('Concerns: ad slot page 3, Fridays')).toBeTruthy();
    expect(agreement.textContent).toContain('Agreed by Anna Rossi on 2 Nov 2026 · valid until 31 Jan 2027');
    expect(within(agreement).getByRole('link', { name: 'Giulia Bianchi' })).toBeTruthy();

    const [changed, created] = screen.getAllByTestId('timeline-system');
    expect(changed?.textContent).toContain('Anna Rossi changed the company');
    expect(screen.getAllByTestId('timeline-change').map((line) => line.textContent)).toEqual([
      'Status: New → Active',
      'Merged from: Caffè Centrale Srl',
    ]);
    expect(created?.textContent).toContain('Anna Rossi created the company');
  }, 20_000);

  it('loads earlier entries, and asks the server for the kinds chosen', async () => {
    const api = timelineApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderTimeline();
    fireEvent.click(screen.getByRole('button', { name: 'Load earlier entries' }));
    expect(await screen.findByText('Closed on Mondays')).toBeTruthy();
    expect(screen.getByText('That is everything.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load earlier entries' })).toBeNull();

    const filter = screen.getByRole('combobox', { name: 'Show only' });
    fireEvent.mouseDown(filter);
    fireEvent.change(filter, { target: { value: 'Call' } });
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-item-option')].find((item) => item.textContent?.trim() === 'Call');
      if (!found) throw new Error('no Call option');
      return found;
    });
    fireEvent.click(option);
    await waitFor(() => expect(screen.queryByText('Closed on Mondays')).toBeNull());
    expect(api.calls.some((c) => c.url === `${TIMELINE}?limit=20&filter%5Btype%5D=call`)).toBe(true);
    expect(screen.getByText('Christmas order')).toBeTruthy();
  }, 20_000);

  it('says why a delete failed and keeps the entry', async () => {
    const api = timelineApi(404);
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderTimeline();
    const [first] = screen.getAllByTestId('timeline-activity');
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Delete “Christmas order”?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('We could not find what you were looking for. It may have been deleted.')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'DELETE' && c.url === `/api/v1/activities/${call.id}`)).toBe(true);
    expect(screen.getByText('Christmas order')).toBeTruthy();
  }, 20_000);

  it("a deal's timeline shows its tasks and stage moves, names other deals by title, and offers the deal's kinds of entry", async () => {
    const DEAL = { id: '00000000-0000-4000-8000-000000000e01', title: 'Breakfast bread' };
    const OTHER = { id: '00000000-0000-4000-8000-000000000e02', title: 'Christmas panettoni' };
    const url = `/api/v1/deals/${DEAL.id}/timeline`;
    const items: TTimelineItem[] = [
      {
        kind: 'task',
        id: '00000000-0000-4000-8000-000000000a01',
        at: '2026-12-02T08:00:00.000Z',
        task: {
          id: '00000000-0000-4000-8000-000000000a01',
          title: 'Bake the samples',
          priority: 'normal',
          status: 'accepted',
          dueAt: '2099-12-20T15:00:00.000Z',
          sender: ANNA,
          assignee: ELIO,
          queue: null,
        },
      },
      activityItem(anActivity('00000000-0000-4000-8000-000000000704', { subject: 'Samples liked', deals: [DEAL, OTHER] })),
      {
        kind: 'stage',
        id: '00000000-0000-4000-8000-000000000b01',
        at: '2026-11-25T10:00:00.000Z',
        change: {
          from: { id: '00000000-0000-4000-8000-000000000c01', name: 'Lead' },
          to: { id: '00000000-0000-4000-8000-000000000c02', name: 'Proposal', kind: 'open' },
          at: '2026-11-25T10:00:00.000Z',
          by: ANNA,
        },
      },
      {
        kind: 'stage',
        id: '00000000-0000-4000-8000-000000000b02',
        at: '2026-11-20T10:00:00.000Z',
        change: {
          from: null,
          to: { id: '00000000-0000-4000-8000-000000000c01', name: 'Lead', kind: 'open' },
          at: '2026-11-20T10:00:00.000Z',
          by: ELIO,
        },
      },
    ];
    const api = fakeApi(({ method, url: asked }) => {
      if (asked === `${url}?limit=20`) return jsonResponse(200, { data: items, nextCursor: null });
      if (method === 'GET') return jsonResponse(200, page([]));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <TimelineCard owner={{ kind: 'deal', id: DEAL.id }} about={{ companies: [CAFE], deals: [DEAL] }} />
      </App>,
      { me: testMe },
    );
    const task = await screen.findByTestId('timeline-task');
    expect(within(task).getByRole('link', { name: 'Bake the samples' }).getAttribute('href')).toBe(
      '/tasks/00000000-0000-4000-8000-000000000a01',
    );
    expect(within(task).getByText('Accepted')).toBeTruthy();
    expect(task.textContent).toContain('Anna Rossi sent a task · 2 Dec 2026, 09:00');
    expect(task.textContent).toContain('For Elio Verdi · 20 Dec 2099, 16:00');
    // The deal itself is not linked on its own timeline; another deal is, by its title.
    const activity = screen.getByTestId('timeline-activity');
    expect(within(activity).queryByRole('link', { name: 'Breakfast bread' })).toBeNull();
    expect(within(activity).getByRole('link', { name: 'Christmas panettoni' }).getAttribute('href')).toBe(`/deals/${OTHER.id}`);
    expect(screen.getAllByTestId('timeline-stage').map((line) => line.textContent)).toEqual([
      'Anna Rossi moved the deal from Lead to Proposal · 25 Nov 2026, 11:00',
      'Elio Verdi opened the deal in Lead · 20 Nov 2026, 11:00',
    ]);
    // The filter offers the deal's kinds: tasks and stage moves, not the record changes of a customer.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Show only' }));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBeGreaterThan(0));
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((item) => item.textContent?.trim());
    expect(offered).toEqual(['Call', 'Meeting', 'Visit', 'E-mail', 'Note', 'Agreement', 'Tasks', 'Stage moves']);
  }, 20_000);
});
