import type { TCase, TCaseSla } from '@clientela/contract';

export const ANNA = { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' };
export const PURCHASING = { id: '00000000-0000-4000-8000-000000000051', name: 'Purchasing' };
export const SERVICE = { id: '00000000-0000-4000-8000-000000000050', name: 'Service' };
export const COMPLAINT_TYPE = { id: '00000000-0000-4000-8000-000000000301', name: 'Product complaint' };

/** An SLA with a running clock: 2 h 15 min to the first reply, 10 h to resolve. */
export const RUNNING_SLA: TCaseSla = {
  policy: { id: '00000000-0000-4000-8000-000000000401', name: 'Complaints' },
  paused: false,
  firstResponse: { dueAt: '2026-12-07T11:15:00.000Z', metAt: null, minutesLeft: 135, state: 'running', breachedAt: null },
  resolution: { dueAt: '2026-12-08T10:00:00.000Z', metAt: null, minutesLeft: 600, state: 'running', breachedAt: null },
};

/** A complaint for tests, handled by Anna (the signed-in test user) in Purchasing unless told otherwise. */
export function aCase(id: string, subject: string, extra: Partial<TCase> = {}): TCase {
  return {
    id,
    number: 'C-2026-00001',
    subject,
    kind: 'complaint',
    type: COMPLAINT_TYPE,
    category: { id: '00000000-0000-4000-8000-000000000302', name: 'Plasterboard' },
    channel: 'phone',
    priority: 'normal',
    status: 'in_progress',
    company: { id: '00000000-0000-4000-8000-000000000501', name: 'Edilizia Bianchi' },
    contact: null,
    customerHidden: false,
    product: null,
    owner: ANNA,
    unit: PURCHASING,
    verdict: null,
    sla: RUNNING_SLA,
    createdAt: '2026-12-07T09:00:00.000Z',
    updatedAt: '2026-12-07T09:00:00.000Z',
    description: 'Three sheets cracked on delivery',
    order: null,
    verdictReason: null,
    resolution: null,
    compensation: { amount: null, currency: null, note: null },
    satisfaction: null,
    handover: null,
    routedBy: null,
    process: null,
    firstRespondedAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenedCount: 0,
    createdBy: ANNA,
    messages: [],
    history: [],
    customerUnfoundedComplaints: 0,
    customerEmail: false,
    mayChange: true,
    mayDelete: true,
    ...extra,
  };
}
