import type { TCase, TCaseStatus } from '@clientela/contract';

/** A move the case page offers, named by what the user does. */
export type CaseAction = 'start' | 'waitCustomer' | 'resume' | 'resolve' | 'close' | 'reopen';

const TARGET: Record<CaseAction, TCaseStatus> = {
  start: 'in_progress',
  waitCustomer: 'waiting_customer',
  resume: 'in_progress',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
};

/**
 * The moves each status allows, in the order the buttons show (as the server's transitions allow
 * them); a hand-over (waiting for a unit) ends by its assignment being accepted or declined.
 */
const MOVES: Record<TCaseStatus, CaseAction[]> = {
  new: ['start', 'resolve'],
  assigned: ['start', 'resolve'],
  in_progress: ['waitCustomer', 'resolve'],
  waiting_customer: ['resume', 'resolve'],
  waiting_unit: [],
  reopened: ['start', 'resolve'],
  resolved: ['close', 'reopen'],
  closed: ['reopen'],
};

/** The status a move leads to. */
export function actionTarget(action: CaseAction): TCaseStatus {
  return TARGET[action];
}

/**
 * The moves the reader may make on the case now: none without the right to change it, while a
 * hand-over waits, or before someone has taken it from the unit's queue.
 */
export function caseActions(record: Pick<TCase, 'status' | 'mayChange' | 'owner' | 'handover'>): CaseAction[] {
  if (!record.mayChange || record.handover || !record.owner) return [];
  return MOVES[record.status];
}

/** Whether a case is still being handled. */
export function isOpenCase(status: TCaseStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
