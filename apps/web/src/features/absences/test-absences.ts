import type { TAbsence } from '@clientela/contract';

export const ANNA = { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' };
export const MARCO = { id: '00000000-0000-4000-8000-000000000009', name: 'Marco Bruni' };

/** An absence for tests: Anna (the signed-in test user) away, Marco covering, unless told otherwise. */
export function anAbsence(id: string, extra: Partial<TAbsence> = {}): TAbsence {
  return {
    id,
    user: ANNA,
    deputy: MARCO,
    startsOn: '2026-12-21',
    endsOn: '2026-12-24',
    mode: 'show',
    note: 'Christmas holidays',
    createdAt: '2026-12-01T08:00:00.000Z',
    current: false,
    ...extra,
  };
}
