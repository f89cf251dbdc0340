import type { TContract, TMe } from '@clientela/contract';

// The server decides (a manager only for their unit); these only spare buttons that could never work.

/** Whether the user may try to change or end a contract: its responsible person, a manager or an admin. */
export function mayChangeContract(me: TMe, contract: TContract): boolean {
  return me.role !== 'employee' || contract.responsible?.id === me.id;
}

/** Whether the user may try to delete a contract: managers and admins only. */
export function mayDeleteContract(me: TMe): boolean {
  return me.role !== 'employee';
}
