import type { TAgreement, TContract } from '@clientela/contract';

/** A contract for tests; only what is given differs from a plain one. */
export function aContract(id: string, number: string, extra: Partial<TContract> = {}): TContract {
  return {
    id,
    number,
    subject: 'Ad slot page 3, Fridays',
    company: { id: '00000000-0000-4000-8000-000000000501', name: 'Gazzetta di Quartiere' },
    contact: null,
    startDate: '2025-03-01',
    endDate: '2026-02-28',
    value: '5200.00',
    currency: 'EUR',
    renewal: 'to_renegotiate',
    responsible: { id: '00000000-0000-4000-8000-000000000003', name: 'Elio Conti' },
    unitId: null,
    notes: null,
    bindingAgreements: 0,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    ...extra,
  };
}

/** An agreement for tests, binding unless told otherwise. */
export function anAgreement(id: string, title: string, extra: Partial<TAgreement> = {}): TAgreement {
  return {
    id,
    title,
    details: null,
    status: 'agreed',
    company: { id: '00000000-0000-4000-8000-000000000501', name: 'Gazzetta di Quartiere' },
    contact: null,
    customerHidden: false,
    agreedBy: { id: '00000000-0000-4000-8000-000000000003', name: 'Elio Conti' },
    agreedOn: '2026-02-20',
    validUntil: '2026-12-31',
    resource: 'Ad slot page 3, Fridays',
    contract: null,
    binding: true,
    createdBy: { id: '00000000-0000-4000-8000-000000000003', name: 'Elio Conti' },
    createdAt: '2026-02-20T10:00:00.000Z',
    updatedAt: '2026-02-20T10:00:00.000Z',
    mayChange: true,
    mayDelete: true,
    ...extra,
  };
}
