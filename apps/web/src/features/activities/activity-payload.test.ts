import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { activityChanges, toActivityFormValues, toActivityInput } from './activity-payload.ts';
import { anActivity, CAFE, GIULIA } from './test-activities.ts';

const rome = 'Europe/Rome';
const base = { subject: ' Christmas order ', body: '<p></p>', occurredAt: dayjs(new Date(2026, 10, 30, 9, 15)), companyIds: [CAFE.id] };

describe('activity payload', () => {
  it('sends only the fields of the chosen type, times read in the user’s zone, an empty editor as no body', () => {
    const values = {
      ...base,
      type: 'note' as const,
      direction: 'outbound' as const,
      outcome: 'reached' as const,
      durationMinutes: 12,
      place: 'Shop',
    };
    expect(toActivityInput(values, rome)).toEqual({
      type: 'note',
      subject: 'Christmas order',
      body: null,
      occurredAt: '2026-11-30T08:15:00.000Z',
      followUpAt: null,
      companyIds: [CAFE.id],
      contactIds: [],
      dealIds: [],
    });
    expect(toActivityInput({ ...values, type: 'visit', participants: '  ' }, rome)).toMatchObject({
      type: 'visit',
      durationMinutes: 12,
      place: 'Shop',
      participants: null,
    });
    expect(toActivityInput({ ...values, type: 'email' }, rome)).not.toHaveProperty('outcome');
  });

  it('an edit sends what changed only, and links only when they changed', () => {
    const call = anActivity('00000000-0000-4000-8000-000000000701', {
      subject: 'Order',
      direction: 'outbound',
      outcome: 'reached',
      durationMinutes: 5,
      links: [CAFE, GIULIA],
    });
    const opened = toActivityFormValues(call, rome);
    const before = toActivityInput(opened, rome);
    expect(activityChanges(before, toActivityInput({ ...opened, outcome: 'busy' }, rome))).toEqual({ outcome: 'busy' });
    expect(activityChanges(before, toActivityInput({ ...opened, contactIds: [] }, rome))).toEqual({ contactIds: [] });
    expect(activityChanges(before, toActivityInput({ ...opened, type: 'meeting', place: 'Bar' }, rome))).toEqual({
      type: 'meeting',
      place: 'Bar',
    });
  });
});
