import { describe, expect, it } from 'vitest';
import { formatDueDuration, parseDueDuration } from './duration.ts';

describe('due durations', () => {
  it('reads days, hours, both and weeks', () => {
    expect(parseDueDuration('P2D')).toEqual({ days: 2, hours: 0 });
    expect(parseDueDuration('PT4H')).toEqual({ days: 0, hours: 4 });
    expect(parseDueDuration('P1DT12H')).toEqual({ days: 1, hours: 12 });
    expect(parseDueDuration('P1W')).toEqual({ days: 7, hours: 0 });
  });

  it('carries hours past a day over into days and rounds minutes up to an hour', () => {
    expect(parseDueDuration('PT30H')).toEqual({ days: 1, hours: 6 });
    expect(parseDueDuration('PT90M')).toEqual({ days: 0, hours: 2 });
  });

  it('refuses what is not a duration', () => {
    for (const value of ['', 'P', 'PT', '2 days', 'P1Y', undefined]) expect(parseDueDuration(value)).toBeNull();
  });

  it('writes days and hours back, nothing for zero', () => {
    expect(formatDueDuration({ days: 2, hours: 0 })).toBe('P2D');
    expect(formatDueDuration({ days: 0, hours: 4 })).toBe('PT4H');
    expect(formatDueDuration({ days: 1, hours: 12 })).toBe('P1DT12H');
    expect(formatDueDuration({ days: 0, hours: 0 })).toBeUndefined();
    expect(formatDueDuration({ days: -1, hours: 2.7 })).toBe('PT2H');
  });

  it('round-trips what it writes', () => {
    for (const value of ['P3D', 'PT5H', 'P10DT1H']) {
      const parsed = parseDueDuration(value);
      expect(parsed && formatDueDuration(parsed)).toBe(value);
    }
  });
});
