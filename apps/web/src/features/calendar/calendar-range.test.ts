import type { TCalendarEntry } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { daysOfView, entriesByDay, moveAnchor, rangeOf } from './calendar-range.ts';
import { startOfDay } from './zoned-days.ts';

const entry = (key: string, start: string, end: string, allDay = false): TCalendarEntry => ({
  key,
  kind: allDay ? 'contract_end' : 'activity',
  id: '00000000-0000-4000-8000-000000000900',
  activityType: allDay ? null : 'meeting',
  title: key,
  start,
  end,
  allDay,
  links: [],
  person: null,
});

describe('calendar range', () => {
  it('lays a month out in six weeks from the week the 1st is in, as antd does', () => {
    const sundays = daysOfView('month', '2026-03-18', 0);
    expect(sundays).toHaveLength(42);
    expect(sundays[0]).toBe('2026-03-01');
    const mondays = daysOfView('month', '2026-03-18', 1);
    expect(mondays[0]).toBe('2026-02-23');
    expect(mondays[41]).toBe('2026-04-05');
    expect(daysOfView('week', '2026-03-18', 1)).toEqual([
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
    ]);
  });

  it('asks from the first day’s midnight to the end of the last one in the user’s zone, across a DST change', () => {
    expect(rangeOf(daysOfView('week', '2026-03-26', 1), 'Europe/Rome')).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(startOfDay('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z');
  });

  it('moves by a week or to the first of the next month', () => {
    expect(moveAnchor('week', '2026-03-30', 1)).toBe('2026-04-06');
    expect(moveAnchor('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(moveAnchor('month', '2026-01-15', -1)).toBe('2025-12-01');
  });

  it('puts a timed entry on its day in the user’s zone, and a whole-day one on its written day', () => {
    const byDay = entriesByDay(
      [
        entry('late call', '2026-03-10T23:30:00.000Z', '2026-03-11T00:00:00.000Z'),
        entry('morning', '2026-03-10T08:30:00.000Z', '2026-03-10T09:30:00.000Z'),
        entry('contract ends', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z', true),
      ],
      'Europe/Rome',
    );
    expect(byDay.get('2026-03-10')?.map((one) => one.key)).toEqual(['contract ends', 'morning']);
    expect(byDay.get('2026-03-11')?.map((one) => one.key)).toEqual(['late call']);
    // West of Greenwich the contract's end stays on its day.
    const west = entriesByDay(
      [entry('contract ends', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z', true)],
      'America/Los_Angeles',
    );
    expect([...west.keys()]).toEqual(['2026-03-10']);
  });
});
