import type { TTask } from '@clientela/contract';

export const ANNA = { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' };
export const MARCO = { id: '00000000-0000-4000-8000-000000000009', name: 'Marco Bruni' };
export const SERVICE = { id: '00000000-0000-4000-8000-000000000050', name: 'Service' };

/** A task for tests, sent by Marco to Anna (the signed-in test user) unless told otherwise. */
export function aTask(id: string, title: string, extra: Partial<TTask> = {}): TTask {
  return {
    id,
    title,
    description: 'Both units in the back office',
    priority: 'normal',
    kind: null,
    dueAt: '2026-12-19T16:00:00.000Z',
    status: 'received',
    checklist: [{ text: 'Book the van', done: false }],
    links: [{ type: 'company', id: '00000000-0000-4000-8000-000000000501', name: 'Gazzetta di Quartiere' }],
    deals: [],
    hiddenLinks: 0,
    sender: MARCO,
    assignee: ANNA,
    queue: null,
    watchers: [],
    receivedAt: '2026-12-05T09:00:00.000Z',
    committedDate: null,
    declineReason: null,
    result: null,
    timeline: [
      { at: '2026-12-05T08:00:00.000Z', actor: MARCO, from: null, to: 'sent', note: null },
      { at: '2026-12-05T09:00:00.000Z', actor: ANNA, from: 'sent', to: 'received', note: null },
    ],
    createdAt: '2026-12-05T08:00:00.000Z',
    updatedAt: '2026-12-05T09:00:00.000Z',
    ...extra,
  };
}
