import type { TCaseRoutingRule, TCaseType, TSlaPolicy, TWorkingCalendar } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import {
  dayProblem,
  joinMinutes,
  minutesToTime,
  moveItem,
  reorderRules,
  reorderTypes,
  splitMinutes,
  timeToMinutes,
  toCalendarFormValues,
  toCalendarInput,
  toPolicyFormValues,
  toPolicyInput,
  toRuleFormValues,
  toRuleInput,
  toTypeFormValues,
  toTypeInput,
} from './settings-payload.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('SLA policy payloads', () => {
  it('splits working minutes into days of eight hours, hours and minutes, and back', () => {
    expect(splitMinutes(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(splitMinutes(90)).toEqual({ days: 0, hours: 1, minutes: 30 });
    expect(splitMinutes(2 * 480 + 3 * 60 + 5)).toEqual({ days: 2, hours: 3, minutes: 5 });
    expect(joinMinutes({ days: 2, hours: 3, minutes: 5 })).toBe(1145);
    expect(joinMinutes({ hours: 4 })).toBe(240);
    expect(joinMinutes(undefined)).toBe(0);
  });

  it('sends a policy as working minutes with "any" as null, and reads one back', () => {
    const values = toPolicyFormValues();
    expect(values).toMatchObject({ typeId: null, priority: null, firstResponse: { days: 0, hours: 4, minutes: 0 }, active: true });
    expect(
      toPolicyInput({
        ...values,
        name: '  Urgent complaints ',
        typeId: id(1),
        priority: 'urgent',
        firstResponse: { days: 0, hours: 0, minutes: 30 },
        resolution: { days: 1, hours: 2, minutes: 0 },
        warnBefore: { days: 0, hours: 0, minutes: 0 },
      }),
    ).toEqual({
      name: 'Urgent complaints',
      typeId: id(1),
      priority: 'urgent',
      firstResponseMinutes: 30,
      resolutionMinutes: 600,
      warnBeforeMinutes: 0,
      active: true,
    });
    const policy: TSlaPolicy = {
      id: id(2),
      name: 'Complaints',
      type: { id: id(1), name: 'Product complaint' },
      priority: null,
      firstResponseMinutes: 120,
      resolutionMinutes: 960,
      warnBeforeMinutes: 45,
      active: false,
      updatedAt: '2026-03-01T10:00:00.000Z',
    };
    expect(toPolicyInput(toPolicyFormValues(policy))).toEqual({
      name: 'Complaints',
      typeId: id(1),
      priority: null,
      firstResponseMinutes: 120,
      resolutionMinutes: 960,
      warnBeforeMinutes: 45,
      active: false,
    });
  });
});

describe('working calendar payloads', () => {
  it('reads and writes times of day, 24:00 included', () => {
    expect(minutesToTime(540)).toBe('09:00');
    expect(minutesToTime(1440)).toBe('24:00');
    expect(timeToMinutes('9:30')).toBe(570);
    expect(timeToMinutes('24:00')).toBe(1440);
    expect(timeToMinutes('24:01')).toBeNull();
    expect(timeToMinutes('12:60')).toBeNull();
    expect(timeToMinutes('noon')).toBeNull();
  });

  it('offers Monday to Friday 09:00–18:00 for a new calendar, Monday first, in the user’s time zone', () => {
    const values = toCalendarFormValues(undefined, 'Europe/Moscow');
    expect(values.timeZone).toBe('Europe/Moscow');
    expect(values.week.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(values.week.map((d) => d.working)).toEqual([true, true, true, true, true, false, false]);
    expect(toCalendarInput({ ...values, name: 'Office' }).hours).toEqual([1, 2, 3, 4, 5].map((day) => ({ day, from: 540, to: 1080 })));
  });

  it('sends one or two intervals per working day, leaves out days off, and sorts holidays once each', () => {
    const calendar: TWorkingCalendar = {
      id: id(3),
      name: 'Shop',
      unit: { id: id(4), name: 'Via Roma' },
      timeZone: 'Europe/Rome',
      hours: [
        { day: 1, from: 840, to: 1140 },
        { day: 1, from: 540, to: 780 },
        { day: 6, from: 1200, to: 1440 },
      ],
      holidays: ['2026-12-25'],
      updatedAt: '2026-03-01T10:00:00.000Z',
    };
    const values = toCalendarFormValues(calendar, 'UTC');
    expect(values.week[0]).toEqual({
      day: 1,
      working: true,
      intervals: [
        { from: '09:00', to: '13:00' },
        { from: '14:00', to: '19:00' },
      ],
    });
    expect(values.week[5]?.intervals).toEqual([{ from: '20:00', to: '24:00' }]);
    const week = values.week.map((d) => (d.day === 6 ? { ...d, working: false } : d));
    expect(toCalendarInput({ ...values, week, holidays: ['2026-12-26', '2026-01-06', '2026-12-26'] })).toEqual({
      name: 'Shop',
      unitId: id(4),
      timeZone: 'Europe/Rome',
      hours: [
        { day: 1, from: 540, to: 780 },
        { day: 1, from: 840, to: 1140 },
      ],
      holidays: ['2026-01-06', '2026-12-26'],
    });
  });

  it('finds what is wrong with a day: not a time, an end before the start, overlapping intervals', () => {
    const day = (intervals: { from: string; to: string }[], working = true) => ({ day: 1, working, intervals });
    expect(
      dayProblem(
        day([
          { from: '09:00', to: '13:00' },
          { from: '14:00', to: '24:00' },
        ]),
      ),
    ).toBeNull();
    expect(dayProblem(day([{ from: '9', to: '13:00' }]))).toBe('time');
    expect(dayProblem(day([{ from: '13:00', to: '09:00' }]))).toBe('order');
    expect(
      dayProblem(
        day([
          { from: '09:00', to: '13:00' },
          { from: '12:00', to: '18:00' },
        ]),
      ),
    ).toBe('overlap');
    expect(dayProblem(day([{ from: 'x', to: 'y' }], false))).toBeNull();
  });
});

describe('case type and routing payloads', () => {
  const type = (n: number, name: string, position: number): TCaseType => ({
    id: id(n),
    name,
    kind: 'complaint',
    position,
    active: true,
    categories: [],
    cases: 0,
  });

  it('sends categories in the order shown, kept by id, new ones without, blank rows dropped', () => {
    const values = toTypeFormValues({
      ...type(1, 'Complaint', 0),
      categories: [
        { id: id(11), typeId: id(1), name: 'Packaging', position: 1, active: false },
        { id: id(10), typeId: id(1), name: 'Quality', position: 0, active: true },
      ],
    });
    expect(values.categories.map((c) => c.name)).toEqual(['Quality', 'Packaging']);
    const input = toTypeInput({
      ...values,
      categories: [...moveItem(values.categories, 1, -1), { name: ' Delivery ', active: true }, { name: ' ', active: true }],
    });
    expect(input).toEqual({
      name: 'Complaint',
      kind: 'complaint',
      active: true,
      categories: [
        { id: id(11), name: 'Packaging', position: 0, active: false },
        { id: id(10), name: 'Quality', position: 1, active: true },
        { name: 'Delivery', position: 2, active: true },
      ],
    });
    expect(toTypeInput(toTypeFormValues(), 3)).toMatchObject({ name: '', position: 3, categories: [] });
  });

  it('saves only the positions a move changes', () => {
    const types = [type(1, 'A', 0), type(2, 'B', 1), type(3, 'C', 2)];
    expect(reorderTypes(types, 2, -1)).toEqual([
      { id: id(3), position: 1 },
      { id: id(2), position: 2 },
    ]);
    expect(reorderTypes(types, 0, -1)).toEqual([]);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('sends a routing rule with every condition and target, dropping a category without its type', () => {
    const rule: TCaseRoutingRule = {
      id: id(20),
      name: 'Plasterboard to purchasing',
      position: 4,
      active: true,
      type: { id: id(1), name: 'Complaint' },
      category: { id: id(10), name: 'Quality' },
      product: { id: id(30), name: 'Plasterboard 12.5 mm' },
      customerClass: 'A',
      channel: null,
      unit: { id: id(40), name: 'Purchasing' },
      user: null,
      process: null,
    };
    const values = toRuleFormValues(rule);
    expect(toRuleInput(values)).toEqual({
      name: 'Plasterboard to purchasing',
      active: true,
      typeId: id(1),
      categoryId: id(10),
      productId: id(30),
      customerClass: 'A',
      channel: null,
      unitId: id(40),
      userId: null,
      processDefinitionId: null,
    });
    expect(toRuleInput({ ...values, typeId: null }, 7)).toMatchObject({ typeId: null, categoryId: null, position: 7 });
    const rules = [rule, { ...rule, id: id(21), position: 9 }];
    expect(reorderRules(rules, 1, -1)).toEqual([
      { id: id(21), position: 0 },
      { id: id(20), position: 1 },
    ]);
  });
});
