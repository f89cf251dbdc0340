import { describe, expect, it } from 'vitest';
import { fromMinutes, toMinutes, unitOf } from './duration.ts';

describe('durations in hours and days', () => {
  it('shows whole days as days and anything else as hours', () => {
    expect(unitOf(2880)).toBe('days');
    expect(unitOf(1440)).toBe('days');
    expect(unitOf(240)).toBe('hours');
    expect(unitOf(90)).toBe('hours');
    expect(unitOf(0)).toBe('hours');
    expect(fromMinutes(2880, 'days')).toBe(2);
    expect(fromMinutes(90, 'hours')).toBe(1.5);
    expect(fromMinutes(1440, 'hours')).toBe(24);
  });

  it('turns hours and days back into whole minutes', () => {
    expect(toMinutes(4, 'hours')).toBe(240);
    expect(toMinutes(1.5, 'hours')).toBe(90);
    expect(toMinutes(0.25, 'hours')).toBe(15);
    expect(toMinutes(2, 'days')).toBe(2880);
    expect(toMinutes(null, 'hours')).toBeNull();
    expect(toMinutes(0, 'days')).toBeNull();
  });

  it('gives back the minutes it showed, even those that are not whole hundredths of an hour', () => {
    for (const minutes of [1, 10, 20, 50, 61, 100, 1439, 40_320]) {
      const unit = unitOf(minutes);
      expect(toMinutes(fromMinutes(minutes, unit), unit)).toBe(minutes);
    }
  });
});
