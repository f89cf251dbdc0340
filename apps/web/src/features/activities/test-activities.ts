import type { TActivity, TAgreement, TTimelineItem } from '@clientela/contract';

export const ANNA = { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' };
export const ELIO = { id: '00000000-0000-4000-8000-000000000003', name: 'Elio Verdi' };
export const CAFE = { type: 'company' as const, id: '00000000-0000-4000-8000-000000000601', name: 'Caffè Centrale' };
export const GIULIA = { type: 'contact' as const, id: '00000000-0000-4000-8000-000000000602', name: 'Giulia Bianchi' };

/** An activity for tests; only what is given differs from a bare call about the café. */
export function anActivity(id: string, extra: Partial<TActivity> = {}): TActivity {
  return {
    id,
    type: 'call',
    subject: null,
    body: null,
    occurredAt: '2026-11-30T08:15:00.000Z',
    durationMinutes: null,
    direction: null,
    outcome: null,
    place: null,
    participants: null,
    followUpAt: null,
    links: [CAFE],
    deals: [],
    author: ANNA,
    createdAt: '2026-11-30T08:20:00.000Z',
    updatedAt: '2026-11-30T08:20:00.000Z',
    mayChange: true,
    mayDelete: true,
    ...extra,
  };
}

/** An agreement for tests, with the café, agreed by Anna. */
export function anAgreement(id: string, extra: Partial<TAgreement> = {}): TAgreement {
  return {
    id,
    title: 'Free delivery on Saturdays',
    details: null,
    status: 'agreed',
    company: { id: CAFE.id, name: CAFE.name },
    contact: null,
    customerHidden: false,
    agreedBy: ANNA,
    agreedOn: '2026-11-02',
    validUntil: null,
    resource: null,
    contract: null,
    deal: null,
    binding: true,
    createdBy: ANNA,
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    mayChange: true,
    mayDelete: true,
    ...extra,
  };
}

/** Wraps an activity as a timeline entry. */
export const activityItem = (activity: TActivity): TTimelineItem => ({
  kind: 'activity',
  id: activity.id,
  at: activity.occurredAt,
  activity,
});
