import type { TAgreement, TMe } from '@clientela/contract';

// The server decides (a manager only for their unit); these only spare buttons that could never work.

/** Whether the user may try to change an agreement: whoever agreed (or recorded it), a manager or an admin. */
export function mayChangeAgreement(me: TMe, agreement: TAgreement): boolean {
  return me.role !== 'employee' || (agreement.agreedBy?.id ?? agreement.createdBy?.id) === me.id;
}

/** Whether the user may try to remove an agreement: managers and admins only. */
export function mayDeleteAgreement(me: TMe): boolean {
  return me.role !== 'employee';
}
