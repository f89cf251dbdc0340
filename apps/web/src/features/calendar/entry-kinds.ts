import type { TCalendarEntry } from '@clientela/contract';

/** What an entry is, for its colour and its name: an activity by its type, a follow-up, a contract's end. */
export const ENTRY_KINDS = ['call', 'meeting', 'visit', 'email', 'note', 'follow_up', 'contract_end'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The kinds the calendar shows (activities there are calls, meetings and visits), for its legend. */
export const SHOWN_KINDS: readonly EntryKind[] = ['meeting', 'call', 'visit', 'follow_up', 'contract_end'];

/** The kind an entry is shown as. */
export function kindOf(entry: TCalendarEntry): EntryKind {
  if (entry.kind === 'activity') return entry.activityType ?? 'note';
  return entry.kind;
}

/** A colour per kind: a strong one for the edge and the legend, a pale one behind the text. */
export const KIND_COLORS: Record<EntryKind, { edge: string; fill: string }> = {
  call: { edge: '#1677ff', fill: '#e6f4ff' },
  meeting: { edge: '#722ed1', fill: '#f9f0ff' },
  visit: { edge: '#13c2c2', fill: '#e6fffb' },
  email: { edge: '#2f54eb', fill: '#f0f5ff' },
  note: { edge: '#8c8c8c', fill: '#f5f5f5' },
  follow_up: { edge: '#fa8c16', fill: '#fff7e6' },
  contract_end: { edge: '#f5222d', fill: '#fff1f0' },
};
