/** One colour per count, shared by the count cards and the rows chart so that each card reads as its part of the bar. */
export const OUTCOME_COLORS = {
  created: '#389e0d',
  updated: '#0958d9',
  skipped: '#8c8c8c',
  rejected: '#cf1322',
  modified: '#d46b08',
} as const;
