import { beforeAll, describe, expect, it } from 'vitest';
import { makeBakery, post, useTestApp } from '../../../test/harness.ts';
import type { supportCases } from '../cases.table.ts';
import { type SlaInputs, slaForChange, slaForNewCase, slaPresenter } from './sla-clock.ts';
import { makeCase, makeCaseType } from './sla-fixtures.ts';

const t = useTestApp();
type CaseRow = typeof supportCases.$inferSelect;
const at = (iso: string) => new Date(iso);
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, from: 9 * 60, to: 18 * 60 }));

let ws: string;
let adminId: string;
let shopA: { id: string };
let corner: { id: string };
let complaint: { id: string };
let question: { id: string };
let policy: Record<string, { id: string }>;

beforeAll(async () => {
  const bakery = await makeBakery(t);
  ws = bakery.owner.session.user.workspace.id;
  adminId = bakery.owner.session.user.id;
  shopA = bakery.shopA;
  const owner = bakery.owner;
  // A corner counter inside shop A, without a calendar of its own.
  corner = await post(owner, '/api/v1/units', { name: 'Corner counter', parentId: shopA.id });
  complaint = await makeCaseType(t.db, ws, 'Product complaint');
  question = await makeCaseType(t.db, ws, 'Question');
  await post(owner, '/api/v1/working-calendars', { name: 'Office', timeZone: 'Europe/Rome', hours: weekdays, holidays: ['2026-03-10'] });
  await post(owner, '/api/v1/working-calendars', {
    name: 'Shop',
    unitId: shopA.id,
    timeZone: 'Europe/Rome',
    hours: [...weekdays, { day: 6, from: 8 * 60, to: 13 * 60 }],
  });
  const make = (payload: Record<string, unknown>) => post(owner, '/api/v1/sla-policies', payload);
  policy = {
    any: await make({ name: 'Any', firstResponseMinutes: 60, resolutionMinutes: 480, warnBeforeMinutes: 30 }),
    urgent: await make({
      name: 'Urgent complaint',
      typeId: complaint.id,
      priority: 'urgent',
      firstResponseMinutes: 30,
      resolutionMinutes: 120,
    }),
    complaint: await make({ name: 'Complaint', typeId: complaint.id, firstResponseMinutes: 90, resolutionMinutes: 960 }),
    high: await make({ name: 'High', priority: 'high', firstResponseMinutes: 45, resolutionMinutes: 600 }),
    off: await make({ name: 'Low, unused', priority: 'low', firstResponseMinutes: 1, resolutionMinutes: 2, active: false }),
  };
});

const inputs = (over: Partial<SlaInputs> = {}): SlaInputs => ({
  typeId: question.id,
  priority: 'normal',
  unitId: null,
  status: 'new',
  firstRespondedAt: null,
  createdAt: at('2026-03-06T16:00:00Z'),
  ...over,
});

/** A case row as the cases service would hold it, with its SLA columns as the clock set them. */
async function newCase(over: Partial<SlaInputs> = {}): Promise<CaseRow> {
  const c = inputs(over);
  const sla = await slaForNewCase(t.db, ws, c, c.createdAt);
  return makeCase(t.db, { workspaceId: ws, createdById: adminId, ...c, ...sla });
}

/** The case after a change at `now`, with the SLA columns the clock changes. */
async function change(row: CaseRow, over: Partial<CaseRow>, now: Date): Promise<CaseRow> {
  const after = { ...row, ...over };
  return { ...after, ...(await slaForChange(t.db, ws, row, after, now)) };
}

describe('the SLA clock', () => {
  it('takes the most specific active policy: type and priority, then type, then priority, then any', async () => {
    expect((await newCase({ typeId: complaint.id, priority: 'urgent' })).slaPolicyId).toBe(policy.urgent?.id);
    expect((await newCase({ typeId: complaint.id, priority: 'high' })).slaPolicyId).toBe(policy.complaint?.id);
    expect((await newCase({ typeId: question.id, priority: 'high' })).slaPolicyId).toBe(policy.high?.id);
    expect((await newCase({ typeId: question.id, priority: 'low' })).slaPolicyId).toBe(policy.any?.id);
  });

  it("counts due times in working minutes of the case's unit calendar, its nearest ancestor's, or the default", async () => {
    // Friday 6 March 2026 17:00 in Rome; the office works Monday to Friday 9–18.
    const office = await newCase();
    expect(office.firstResponseDueAt?.toISOString()).toBe('2026-03-06T17:00:00.000Z');
    expect(office.resolutionDueAt?.toISOString()).toBe('2026-03-09T15:00:00.000Z');
    // The shop also works Saturday 8–13, and so does the counter inside it: 60 + 300 + 120 minutes.
    const counter = await newCase({ unitId: corner.id });
    expect(counter.resolutionDueAt?.toISOString()).toBe('2026-03-09T10:00:00.000Z');
    // Urgent complaint: 30 minutes to answer, 2 hours to resolve (Friday's last hour, Monday's first).
    const urgent = await newCase({ typeId: complaint.id, priority: 'urgent' });
    expect(urgent.firstResponseDueAt?.toISOString()).toBe('2026-03-06T16:30:00.000Z');
    expect(urgent.resolutionDueAt?.toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });

  it('pauses while waiting for the customer, resumes with what was left, is met by the reply and the resolution, and restarts on reopening', async () => {
    // Monday 2 March 09:00 Rome.
    let c = await newCase({ createdAt: at('2026-03-02T08:00:00Z') });
    const present = async (now: string) => (await slaPresenter(t.db, ws, at(now)))(c);
    expect(await present('2026-03-02T08:10:00Z')).toMatchObject({
      policy: { id: policy.any?.id, name: 'Any' },
      paused: false,
      firstResponse: { state: 'running', minutesLeft: 50, dueAt: '2026-03-02T09:00:00.000Z' },
      resolution: { state: 'running', minutesLeft: 470 },
    });

    // 09:30: waiting for the customer. The due times go; the minutes left stay.
    c = await change(c, { status: 'waiting_customer' }, at('2026-03-02T08:30:00Z'));
    expect(c).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null, firstResponseLeftMinutes: 30, resolutionLeftMinutes: 450 });
    expect(c.slaPausedAt?.toISOString()).toBe('2026-03-02T08:30:00.000Z');
    expect(await present('2026-03-04T08:00:00Z')).toMatchObject({
      paused: true,
      firstResponse: { state: 'paused', minutesLeft: 30, dueAt: null },
      resolution: { state: 'paused', minutesLeft: 450 },
    });

    // Tuesday 10:00: the customer answers; the clock runs again from now.
    c = await change(c, { status: 'in_progress' }, at('2026-03-03T09:00:00Z'));
    expect(c).toMatchObject({ slaPausedAt: null, firstResponseLeftMinutes: null, resolutionLeftMinutes: null });
    expect(c.firstResponseDueAt?.toISOString()).toBe('2026-03-03T09:30:00.000Z');
    expect(c.resolutionDueAt?.toISOString()).toBe('2026-03-03T16:30:00.000Z');
    // Within the 30 minutes of warning.
    expect((await present('2026-03-03T09:20:00Z')).firstResponse).toMatchObject({ state: 'warning', minutesLeft: 10 });

    // The first reply at 10:25 meets the first-response target.
    c = await change(c, { firstRespondedAt: at('2026-03-03T09:25:00Z') }, at('2026-03-03T09:25:00Z'));
    expect((await present('2026-03-03T09:40:00Z')).firstResponse).toMatchObject({
      state: 'met',
      metAt: '2026-03-03T09:25:00.000Z',
      minutesLeft: null,
    });
    // Past the resolution time: breached, minutes counted negative.
    expect((await present('2026-03-03T17:00:00Z')).resolution).toMatchObject({ state: 'breached', minutesLeft: -30 });

    // Resolved on Wednesday: met late.
    c = await change(c, { status: 'resolved', resolvedAt: at('2026-03-04T09:00:00Z') }, at('2026-03-04T09:00:00Z'));
    expect((await present('2026-03-04T10:00:00Z')).resolution).toMatchObject({ state: 'missed', metAt: '2026-03-04T09:00:00.000Z' });

    // Reopened on Thursday 09:00: a whole resolution time again, from now.
    c = { ...c, resolutionBreachedAt: at('2026-03-03T16:31:00Z'), resolutionWarnedAt: at('2026-03-03T16:00:00Z') };
    c = await change(c, { status: 'reopened' }, at('2026-03-05T08:00:00Z'));
    expect(c.resolutionDueAt?.toISOString()).toBe('2026-03-05T16:00:00.000Z');
    expect(c).toMatchObject({ resolutionBreachedAt: null, resolutionWarnedAt: null });
    expect((await present('2026-03-05T09:00:00Z')).resolution).toMatchObject({ state: 'running', minutesLeft: 420 });
  });

  it('skips holidays when it resumes', async () => {
    // Paused with 60 minutes left, resumed on Monday 9 March at 17:30: half an hour Monday, Tuesday 10 is a holiday.
    let c = await newCase({ createdAt: at('2026-03-09T08:00:00Z') });
    c = await change(c, { status: 'waiting_customer' }, at('2026-03-09T15:00:00Z'));
    expect(c.resolutionLeftMinutes).toBe(60);
    c = await change(c, { status: 'in_progress' }, at('2026-03-09T16:30:00Z'));
    expect(c.resolutionDueAt?.toISOString()).toBe('2026-03-11T08:30:00.000Z');
  });

  it('picks the policy again when type or priority change, counting from creation, also while paused', async () => {
    let c = await newCase({ typeId: complaint.id, createdAt: at('2026-03-02T08:00:00Z') });
    expect(c.slaPolicyId).toBe(policy.complaint?.id);
    c = await change(c, { priority: 'urgent' }, at('2026-03-02T08:10:00Z'));
    expect(c.slaPolicyId).toBe(policy.urgent?.id);
    expect(c.firstResponseDueAt?.toISOString()).toBe('2026-03-02T08:30:00.000Z');
    expect(c.resolutionDueAt?.toISOString()).toBe('2026-03-02T10:00:00.000Z');

    // Paused at 09:20, then made a question (the catch-all, 480 minutes): 480 - 20 left.
    c = await change(c, { status: 'waiting_customer' }, at('2026-03-02T08:20:00Z'));
    expect(c.resolutionLeftMinutes).toBe(100);
    c = await change(c, { typeId: question.id, priority: 'normal' }, at('2026-03-02T09:00:00Z'));
    expect(c).toMatchObject({
      slaPolicyId: policy.any?.id,
      resolutionDueAt: null,
      resolutionLeftMinutes: 460,
      firstResponseLeftMinutes: 40,
    });

    // A change that picks the same policy changes nothing.
    expect(await slaForChange(t.db, ws, c, { ...c, priority: 'normal' }, at('2026-03-02T09:30:00Z'))).toEqual({});
  });

  it('moves the time left into the new calendar when the unit changes', async () => {
    // Friday 17:00 in the office: 480 minutes end Monday 16:00. At 17:30 the case goes to the shop, which works Saturdays.
    let c = await newCase();
    c = await change(c, { unitId: shopA.id }, at('2026-03-06T16:30:00Z'));
    // 450 minutes left: Friday 30, Saturday 300, Monday 120.
    expect(c.resolutionDueAt?.toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(c.slaPolicyId).toBe(policy.any?.id);
  });

  it('shows no SLA for a case without a policy, and leaves a closed case alone', async () => {
    const bare = await makeCase(t.db, { workspaceId: ws, createdById: adminId, typeId: question.id });
    const present = await slaPresenter(t.db, ws, new Date());
    expect(present(bare)).toEqual({
      policy: null,
      paused: false,
      firstResponse: { dueAt: null, metAt: null, minutesLeft: null, state: 'none', breachedAt: null },
      resolution: { dueAt: null, metAt: null, minutesLeft: null, state: 'none', breachedAt: null },
    });
    // Resolved without a reply: the resolution answers the customer, in time.
    const c = await newCase({ createdAt: at('2026-03-02T08:00:00Z') });
    const done = await change(c, { status: 'resolved', resolvedAt: at('2026-03-02T08:40:00Z') }, at('2026-03-02T08:40:00Z'));
    expect(present(done)).toMatchObject({ firstResponse: { state: 'met' }, resolution: { state: 'met' } });
    const closed = await change(done, { status: 'closed', closedAt: at('2026-03-02T09:00:00Z') }, at('2026-03-02T09:00:00Z'));
    expect(closed.resolutionDueAt).toEqual(done.resolutionDueAt);
  });
});
