import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fromZonedPickerValue, toZonedPickerValue } from './zoned-time.ts';

describe('zoned picker values', () => {
  it('shows an instant as the clock of the user’s zone reads it, whatever the browser’s zone', () => {
    const value = toZonedPickerValue('2026-11-30T08:15:00.000Z', 'Europe/Rome');
    expect(value.format('YYYY-MM-DD HH:mm')).toBe('2026-11-30 09:15');
    expect(toZonedPickerValue('2026-07-01T08:15:00.000Z', 'Europe/Moscow').format('HH:mm')).toBe('11:15');
  });

  it('reads a picked clock time in the user’s zone, in winter and in summer', () => {
    expect(fromZonedPickerValue(dayjs(new Date(2026, 10, 30, 9, 15)), 'Europe/Rome')).toBe('2026-11-30T08:15:00.000Z');
    expect(fromZonedPickerValue(dayjs(new Date(2026, 6, 1, 9, 15)), 'Europe/Rome')).toBe('2026-07-01T07:15:00.000Z');
    expect(fromZonedPickerValue(dayjs(new Date(2026, 6, 1, 9, 15)), 'UTC')).toBe('2026-07-01T09:15:00.000Z');
  });

  it('goes there and back unchanged', () => {
    for (const iso of ['2026-03-29T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-01-15T23:59:00.000Z']) {
      expect(fromZonedPickerValue(toZonedPickerValue(iso, 'Europe/Rome'), 'Europe/Rome')).toBe(iso);
    }
  });
});
