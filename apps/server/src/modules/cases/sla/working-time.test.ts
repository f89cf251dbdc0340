import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, type CalendarHours, wholeMinutes, workingClock, workingMinutesBetween } from './working-time.ts';

const weekdays = (intervals: [number, number][]) => [1, 2, 3, 4, 5].flatMap((day) => intervals.map(([from, to]) => ({ day, from, to })));
const everyDay = (intervals: [number, number][]) =>
  [0, 1, 2, 3, 4, 5, 6].flatMap((day) => intervals.map(([from, to]) => ({ day, from, to })));
const office = (extra: Partial<CalendarHours> = {}) =>
  workingClock({
    timeZone: 'Europe/Rome',
    hours: weekdays([
      [9 * 60, 13 * 60],
      [14 * 60, 18 * 60],
    ]),
    holidays: [],
    ...extra,
  });
const add = (clock: ReturnType<typeof workingClock>, from: string, minutes: number) =>
  addWorkingMinutes(clock, new Date(from), minutes).toISOString();
const between = (clock: ReturnType<typeof workingClock>, from: string, to: string) =>
  workingMinutesBetween(clock, new Date(from), new Date(to));

describe('working time', () => {
  it('counts every minute without a calendar, or with one that has no hours', () => {
    expect(add(null, '2026-03-07T10:00:00Z', 90)).toBe('2026-03-07T11:30:00.000Z');
    expect(between(null, '2026-03-07T10:00:00Z', '2026-03-07T12:00:00Z')).toBe(120);
    expect(workingClock({ timeZone: 'Europe/Rome', hours: [], holidays: [] })).toBeNull();
  });

  it('adds working minutes within a day, across lunch, to the exact end of a day, and across a weekend', () => {
    const clock = office();
    // Monday 2 March 2026, Rome is UTC+1: 08:00 local is before opening.
    expect(add(clock, '2026-03-02T07:00:00Z', 60)).toBe('2026-03-02T09:00:00.000Z');
    // 12:30 + 60: half an hour before lunch, half an hour after.
    expect(add(clock, '2026-03-02T11:30:00Z', 60)).toBe('2026-03-02T13:30:00.000Z');
    // 17:00 + 60 is 18:00 the same day, not Tuesday morning.
    expect(add(clock, '2026-03-02T16:00:00Z', 60)).toBe('2026-03-02T17:00:00.000Z');
    // Friday 17:00 + 120: an hour on Friday, an hour on Monday morning.
    expect(add(clock, '2026-03-06T16:00:00Z', 120)).toBe('2026-03-09T09:00:00.000Z');
    // Saturday counts nothing: the due time is Monday 09:00 + 30.
    expect(add(clock, '2026-03-07T10:00:00Z', 30)).toBe('2026-03-09T08:30:00.000Z');
    expect(between(clock, '2026-03-06T16:00:00Z', '2026-03-09T09:00:00Z')).toBe(120);
    expect(between(clock, '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(5 * 480);
  });

  it('goes backwards with negative minutes, and counts negative minutes when the end is earlier', () => {
    const clock = office();
    // Monday 10:00 - 120: Monday 9–10 and Friday 17–18.
    expect(add(clock, '2026-03-09T09:00:00Z', -120)).toBe('2026-03-06T16:00:00.000Z');
    expect(between(clock, '2026-03-09T09:00:00Z', '2026-03-06T16:00:00Z')).toBe(-120);
    expect(wholeMinutes(0.5)).toBe(1);
    expect(wholeMinutes(-0.5)).toBe(-1);
    expect(wholeMinutes(0)).toBe(0);
  });

  it('skips holidays as whole days off', () => {
    const clock = office({ holidays: ['2026-03-09', '2026-03-10'] });
    expect(add(clock, '2026-03-06T16:00:00Z', 120)).toBe('2026-03-11T09:00:00.000Z');
    expect(between(clock, '2026-03-06T00:00:00Z', '2026-03-12T00:00:00Z')).toBe(2 * 480);
  });

  it('joins overlapping intervals of a day instead of counting them twice', () => {
    const clock = workingClock({
      timeZone: 'UTC',
      hours: [
        { day: 1, from: 540, to: 720 },
        { day: 1, from: 600, to: 780 },
      ],
      holidays: [],
    });
    expect(between(clock, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toBe(240);
  });

  it('is DST-correct in Europe/Rome: a 23-hour and a 25-hour Sunday, intervals over the changed hour', () => {
    const allDay = workingClock({ timeZone: 'Europe/Rome', hours: everyDay([[0, 1440]]), holidays: [] });
    // 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(between(allDay, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z')).toBe(23 * 60);
    // 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(between(allDay, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z')).toBe(25 * 60);
    // 01:00–04:00 local is two real hours in spring and four in autumn.
    const night = workingClock({ timeZone: 'Europe/Rome', hours: [{ day: 0, from: 60, to: 240 }], holidays: [] });
    expect(between(night, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(120);
    expect(between(night, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toBe(240);
    // Saturday 17:00 CET + 120 on a 09–18 calendar: one hour Saturday, then Sunday 09:00 CEST (07:00Z) + 60.
    const daily = workingClock({ timeZone: 'Europe/Rome', hours: everyDay([[540, 1080]]), holidays: [] });
    expect(add(daily, '2026-03-28T16:00:00Z', 120)).toBe('2026-03-29T08:00:00.000Z');
    expect(add(daily, '2026-10-24T15:00:00Z', 120)).toBe('2026-10-25T09:00:00.000Z');
  });

  it('is DST-correct in Europe/Moscow, including the 2014 move to UTC+3 and the years without DST', () => {
    const allDay = workingClock({ timeZone: 'Europe/Moscow', hours: everyDay([[0, 1440]]), holidays: [] });
    // 27 March 2011: 02:00 MSK (+3) became 03:00 (+4), for good.
    expect(between(allDay, '2011-03-26T21:00:00Z', '2011-03-27T20:00:00Z')).toBe(23 * 60);
    // 30 October 2011: no change any more.
    expect(between(allDay, '2011-10-29T20:00:00Z', '2011-10-30T20:00:00Z')).toBe(24 * 60);
    // 26 October 2014: 02:00 (+4) became 01:00 (+3).
    expect(between(allDay, '2014-10-25T20:00:00Z', '2014-10-26T21:00:00Z')).toBe(25 * 60);
    // From 18:00 (closing) + 60: 10:00 the next morning, 06:00Z before the change and 07:00Z after it.
    const daily = workingClock({ timeZone: 'Europe/Moscow', hours: everyDay([[540, 1080]]), holidays: [] });
    expect(add(daily, '2014-10-24T14:00:00Z', 60)).toBe('2014-10-25T06:00:00.000Z');
    expect(add(daily, '2014-10-25T14:00:00Z', 60)).toBe('2014-10-26T07:00:00.000Z');
  });

  it('takes an interval ending at 24:00 up to the next midnight, and carries on after it', () => {
    const late = workingClock({
      timeZone: 'Europe/Rome',
      hours: [
        { day: 5, from: 20 * 60, to: 1440 },
        { day: 6, from: 0, to: 120 },
      ],
      holidays: [],
    });
    // Friday 6 March 23:00 local + 120: to midnight, then Saturday 00:00–01:00.
    expect(add(late, '2026-03-06T22:00:00Z', 120)).toBe('2026-03-07T00:00:00.000Z');
    expect(between(late, '2026-03-06T00:00:00Z', '2026-03-08T00:00:00Z')).toBe(360);
    // Ending at 24:00 on the 31st is the 1st of the next month.
    expect(add(late, '2026-07-31T21:00:00Z', 60)).toBe('2026-07-31T22:00:00.000Z');
    // 24:00 on Saturday 24 October 2026 in Rome is still CEST midnight (22:00Z).
    const saturdayNight = workingClock({ timeZone: 'Europe/Rome', hours: [{ day: 6, from: 1380, to: 1440 }], holidays: [] });
    expect(between(saturdayNight, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toBe(60);
  });

  it('falls back to UTC for an unknown time zone rather than failing', () => {
    const clock = workingClock({ timeZone: 'Mars/Olympus', hours: weekdays([[540, 1080]]), holidays: [] });
    expect(add(clock, '2026-03-02T08:00:00Z', 60)).toBe('2026-03-02T10:00:00.000Z');
  });
});
