import type { TMyDay, TMyDayActivity } from '@clientela/contract';
import { aTask } from '../tasks/test-tasks.ts';

export const EZIO = { id: '00000000-0000-4000-8000-000000000010', name: 'Ezio Neri' };
const empty = { items: [], total: 0 };

/** A day with nothing in it, on 5 December 2026 in Rome; `extra` fills sections. */
export function aDay(extra: Partial<TMyDay> = {}): TMyDay {
  return {
    date: '2026-12-05',
    timeZone: 'Europe/Rome',
    overdue: empty,
    dueToday: empty,
    toAccept: empty,
    toConfirm: empty,
    meetings: empty,
    followUps: empty,
    agreements: empty,
    contracts: empty,
    covering: empty,
    ...extra,
  };
}

/** A meeting for tests, about the Gazzetta, at 10:00 in Rome on the test day. */
export function aMeeting(id: string, extra: Partial<TMyDayActivity> = {}): TMyDayActivity {
  return {
    id,
    type: 'meeting',
    subject: 'Renewal of page 3',
    at: '2026-12-05T09:00:00.000Z',
    durationMinutes: 60,
    place: null,
    links: [{ type: 'company', id: '00000000-0000-4000-8000-000000000501', name: 'Gazzetta di Quartiere' }],
    coveringFor: null,
    ...extra,
  };
}

export { aTask };
