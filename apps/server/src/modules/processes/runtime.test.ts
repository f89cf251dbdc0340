import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../http/context.ts';
import { type Browser, makeBakery, post, type TestApp, useTestApp } from '../../test/harness.ts';
import { actorOfUser } from '../auth/actor.ts';
import { notifications } from '../notifications/index.ts';
import { taskLinks, tasks } from '../tasks/index.ts';
import type { ActionRegistry } from './engine.ts';
import { fixture, publish } from './fixtures/fixtures.ts';
import { cancelInstance, retryInstance, startProcess } from './instances.service.ts';
import { completeProcessTask, listProcessTasks } from './process-tasks.service.ts';
import { processInstances, processSteps, processTasks, processTimers } from './processes.table.ts';
import { addDuration, fireDueTimers } from './runtime.ts';
import { BpmnError } from './step-context.ts';

const t = useTestApp();
const HOUR = 3_600_000;

async function ctxOf(t: TestApp, browser: Browser): Promise<Ctx> {
  const actor = await actorOfUser(t.db, browser.session.user.workspace.id, browser.session.user.id);
  if (!actor) throw new Error('no actor');
  return { db: t.db, actor };
}

const instanceOf = async (id: string) => {
  const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
  if (!row) throw new Error('no instance');
  return row;
};
const openSteps = async (instanceId: string) =>
  t.db
    .select({ step: processTasks, task: tasks })
    .from(processTasks)
    .innerJoin(tasks, and(eq(tasks.workspaceId, processTasks.workspaceId), eq(tasks.id, processTasks.taskId)))
    .where(and(eq(processTasks.instanceId, instanceId), eq(processTasks.status, 'open')))
    .orderBy(processTasks.elementId);

describe('process runtime', () => {
  it('runs a complaint: start form, owner step with form and due time, gateway on form and record, parallel split and join, a service action, end', async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Hotel Aurora', city: 'Roma' });
    const { definitionId } = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Complaint',
      xml: fixture('complaint', { userId: b.employeeA2.user.id, unitId: b.shopB.id }),
    });
    const marked: string[] = [];
    const actions: ActionRegistry = {
      setField: async (step, params) => {
        marked.push(`${step.elementId}:${params.field}=${params.value}:${step.form.verdict}`);
        return { marked: true };
      },
    };
    const starter = await ctxOf(t, b.employeeA.browser);
    const now = new Date();

    // The start form is checked before anything is saved.
    await expect(
      startProcess(starter, { definitionId, record: { type: 'company', id: company.id }, form: {} }, now, { actions }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'form.summary', message: 'Required' }] });
    expect(await t.db.select().from(processInstances).where(eq(processInstances.definitionId, definitionId))).toHaveLength(0);

    const started = await startProcess(
      starter,
      { definitionId, record: { type: 'company', id: company.id }, form: { summary: 'The oven is cold' } },
      now,
      { actions },
    );
    expect(started).toMatchObject({
      status: 'running',
      processName: 'Complaint',
      version: 1,
      record: { type: 'company', id: company.id, name: 'Hotel Aurora' },
      startedBy: { id: b.employeeA.user.id },
      current: [{ elementId: 'assess', name: 'Assess the complaint', since: now.toISOString() }],
    });

    // The owner (Elio, who made the company) gets the assessment: an assignment linked to the company, due in two days, with its form.
    const [assess] = await openSteps(started.id);
    expect(assess?.step).toMatchObject({ elementId: 'assess', name: 'Assess the complaint' });
    expect(assess?.step.form).toEqual([
      { key: 'verdict', label: 'Verdict', type: 'select', required: true, options: ['founded', 'unfounded'] },
      { key: 'cost', label: 'Estimated cost', type: 'number', required: false, options: [] },
    ]);
    expect(assess?.task).toMatchObject({ assigneeId: b.employeeA.user.id, senderId: b.employeeA.user.id, status: 'sent' });
    expect(assess?.task.dueAt?.getTime()).toBe(now.getTime() + 48 * HOUR);
    expect(
      await t.db
        .select()
        .from(taskLinks)
        .where(eq(taskLinks.taskId, assess?.task.id as string)),
    ).toMatchObject([{ recordType: 'company', recordId: company.id }]);
    const mine = await listProcessTasks(starter, { limit: 50 });
    expect(mine.data.map((s) => [s.elementId, s.canComplete])).toEqual([['assess', true]]);

    // A wrong form changes nothing.
    const assessId = assess?.step.id as string;
    await expect(
      completeProcessTask(starter, assessId, { values: { verdict: 'maybe', cost: 'a lot' } }, now, { actions }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [
        { path: 'values.verdict', message: 'Expected one of: founded, unfounded' },
        { path: 'values.cost', message: 'Expected a number' },
      ],
    });
    expect((await openSteps(started.id)).map((s) => s.step.elementId)).toEqual(['assess']);

    // Founded, and the company is in Rome: the repair (Via Milano's queue) and the credit note (Elio's manager) run side by side.
    const later = new Date(now.getTime() + HOUR);
    const done = await completeProcessTask(starter, assessId, { values: { verdict: 'founded', cost: 120 } }, later, { actions });
    expect(done).toMatchObject({
      status: 'completed',
      values: { verdict: 'founded', cost: 120 },
      completedBy: { id: b.employeeA.user.id },
    });
    const [assessTask] = await t.db
      .select()
      .from(tasks)
      .where(eq(tasks.id, assess?.task.id as string));
    expect(assessTask?.status).toBe('done');
    const parallel = await openSteps(started.id);
    expect(parallel.map((s) => [s.step.elementId, s.task.assigneeId, s.task.queueUnitId])).toEqual([
      ['credit', b.managerA.user.id, null],
      ['repair', null, b.shopB.id],
    ]);
    expect((await instanceOf(started.id)).form).toEqual({ summary: 'The oven is cold', verdict: 'founded', cost: 120 });

    // Bea of Via Milano takes the repair from the queue by completing it; the join waits for the credit note.
    const bea = await ctxOf(t, b.employeeB.browser);
    const repair = parallel.find((s) => s.step.elementId === 'repair');
    await completeProcessTask(bea, repair?.step.id as string, { values: {} }, later, { actions });
    const [repairTask] = await t.db
      .select()
      .from(tasks)
      .where(eq(tasks.id, repair?.task.id as string));
    expect(repairTask).toMatchObject({ status: 'done', assigneeId: b.employeeB.user.id });
    expect((await instanceOf(started.id)).status).toBe('running');
    expect(marked).toEqual([]);

    const marta = await ctxOf(t, b.managerA.browser);
    const credit = parallel.find((s) => s.step.elementId === 'credit');
    await completeProcessTask(marta, credit?.step.id as string, { values: {} }, later, { actions });
    expect(marked).toEqual(['mark:class=B:founded']);
    const ended = await instanceOf(started.id);
    expect(ended).toMatchObject({ status: 'completed', state: null, current: [], error: null });
    expect(ended.endedAt?.getTime()).toBe(later.getTime());

    // Every element it went through is a step, who finished the user steps is named.
    const steps = await t.db.select().from(processSteps).where(eq(processSteps.instanceId, started.id));
    expect(steps.every((s) => s.status === 'completed')).toBe(true);
    expect(steps.map((s) => s.elementId).sort()).toEqual(
      ['assess', 'credit', 'decide', 'join', 'mark', 'markedEnd', 'received', 'repair', 'split', 'close'].sort(),
    );
    expect(steps.find((s) => s.elementId === 'repair')).toMatchObject({ actorId: b.employeeB.user.id, taskId: repair?.task.id });
  });

  it('routes by the record too: unfounded, or founded elsewhere, goes to the named person', async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Bar Centrale', city: 'Milano' });
    const { definitionId } = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Complaint',
      xml: fixture('complaint', { userId: b.employeeA2.user.id, unitId: b.shopB.id }),
    });
    const elio = await ctxOf(t, b.employeeA.browser);
    const started = await startProcess(elio, {
      definitionId,
      record: { type: 'company', id: company.id },
      form: { summary: 'Cold coffee' },
    });
    const [assess] = await openSteps(started.id);
    await completeProcessTask(elio, assess?.step.id as string, { values: { verdict: 'founded' } });
    const [reply] = await openSteps(started.id);
    expect(reply?.step.elementId).toBe('reply');
    expect(reply?.task.assigneeId).toBe(b.employeeA2.user.id);
  });

  it("gives the owner's manager's step to an admin when nobody manages the owner, and tells each assignee with the step", async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    // Marta manages Via Roma herself: nobody above her.
    const company = await post(b.managerA.browser, '/api/v1/companies', { name: 'Trattoria Sole', city: 'Roma' });
    const { definitionId } = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Complaint',
      xml: fixture('complaint', { userId: b.employeeA2.user.id, unitId: b.shopB.id }),
    });
    const marta = await ctxOf(t, b.managerA.browser);
    const started = await startProcess(marta, {
      definitionId,
      record: { type: 'company', id: company.id },
      form: { summary: 'Burnt bread' },
    });
    const [assess] = await openSteps(started.id);
    await completeProcessTask(marta, assess?.step.id as string, { values: { verdict: 'founded' } }, new Date(), {
      actions: { setField: async () => ({}) },
    });
    const credit = (await openSteps(started.id)).find((s) => s.step.elementId === 'credit');
    expect(credit?.task).toMatchObject({ assigneeId: b.owner.session.user.id, senderId: b.managerA.user.id });
    const notices = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.taskId, credit?.task.id as string));
    expect(notices).toMatchObject([{ userId: b.owner.session.user.id, kind: 'task_assigned', actorId: b.managerA.user.id }]);
  });

  it('escalates by a boundary timer only once it is due, and each due timer fires once however many sweeps run', async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    const { definitionId } = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Call back',
      xml: fixture('deadline', { userId: b.employeeA.user.id }),
    });
    const elio = await ctxOf(t, b.employeeA.browser);
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await startProcess(elio, { definitionId }, now)).id);
    const [first] = ids as [string];
    const [timer] = await t.db.select().from(processTimers).where(eq(processTimers.instanceId, first));
    expect(timer).toMatchObject({ elementId: 'late', firedAt: null });
    expect(Math.abs((timer?.dueAt.getTime() ?? 0) - (now.getTime() + HOUR))).toBeLessThan(5_000);
    expect((await instanceOf(first)).current.map((c) => c.elementId).sort()).toEqual(['call', 'late']);

    // Not due yet: nothing happens.
    expect(await fireDueTimers(t.db, new Date(now.getTime() + HOUR / 2))).toBe(0);
    expect((await openSteps(first)).map((s) => s.step.elementId)).toEqual(['call']);

    // One call is made in time: its timer goes with it.
    const [call] = await openSteps(ids[5] as string);
    await completeProcessTask(elio, call?.step.id as string, { values: {} }, new Date(now.getTime() + HOUR / 2));
    expect(
      await t.db
        .select()
        .from(processTimers)
        .where(eq(processTimers.instanceId, ids[5] as string)),
    ).toEqual([]);
    expect((await instanceOf(ids[5] as string)).status).toBe('completed');

    // One is completed after its deadline passed, before a sweep came by: the deadline wins, the
    // person hears the step closed, and the instance still runs (the sweep escalates it below).
    const [tooLate] = await openSteps(ids[4] as string);
    await expect(
      completeProcessTask(elio, tooLate?.step.id as string, { values: {} }, new Date(now.getTime() + HOUR + 30_000)),
    ).rejects.toMatchObject({ code: 'step_closed' });
    expect((await instanceOf(ids[4] as string)).status).toBe('running');
    expect((await openSteps(ids[4] as string)).map((s) => s.step.elementId)).toEqual(['call']);

    // Two sweeps at once: five timers, each fired once.
    const due = new Date(now.getTime() + HOUR + 60_000);
    const [a, c] = await Promise.all([fireDueTimers(t.db, due), fireDueTimers(t.db, due)]);
    expect(a + c).toBe(5);
    expect(await fireDueTimers(t.db, due)).toBe(0);
    const escalated = await openSteps(first);
    expect(escalated.map((s) => [s.step.elementId, s.task.assigneeId])).toEqual([['escalate', b.managerA.user.id]]);
    const [late] = await t.db.select().from(processTimers).where(eq(processTimers.instanceId, first));
    expect(late?.firedAt?.getTime()).toBe(due.getTime());
    // The call left behind is closed, its assignment declined with the reason.
    const [closed] = await t.db
      .select({ step: processTasks, task: tasks })
      .from(processTasks)
      .innerJoin(tasks, eq(tasks.id, processTasks.taskId))
      .where(and(eq(processTasks.instanceId, first), eq(processTasks.elementId, 'call')));
    expect(closed?.step.status).toBe('cancelled');
    expect(closed?.task).toMatchObject({ status: 'declined', declineReason: 'The process went on without this step' });
    const steps = await t.db.select().from(processSteps).where(eq(processSteps.instanceId, first));
    expect(steps.map((s) => [s.elementId, s.status]).sort()).toEqual(
      [
        ['call', 'cancelled'],
        ['escalate', 'active'],
        ['late', 'completed'],
        ['start', 'completed'],
      ].sort(),
    );
  });

  it('leaves the timers of a failed instance to its retry, so they never hold back the others', async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    const { definitionId } = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Call back',
      xml: fixture('deadline', { userId: b.employeeA.user.id }),
    });
    const elio = await ctxOf(t, b.employeeA.browser);
    const now = new Date();
    const stuck = (await startProcess(elio, { definitionId }, now)).id;
    const fine = (await startProcess(elio, { definitionId }, new Date(now.getTime() + 1000))).id;
    await t.db.update(processInstances).set({ status: 'failed', error: 'broken' }).where(eq(processInstances.id, stuck));
    // One instance per sweep, the failed one's timer the oldest: the running one still fires.
    expect(await fireDueTimers(t.db, new Date(now.getTime() + 2 * HOUR), 1)).toBe(1);
    expect((await openSteps(fine)).map((s) => s.step.elementId)).toEqual(['escalate']);
    expect((await openSteps(stuck)).map((s) => s.step.elementId)).toEqual(['call']);
  });

  it('adds durations by the calendar: a month from 31 January ends in February', () => {
    const at = (iso: string) => new Date(iso);
    expect(addDuration(at('2026-01-31T09:00:00Z'), 'P1M')?.toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(addDuration(at('2028-01-31T09:00:00Z'), 'P1M')?.toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(addDuration(at('2026-12-06T10:00:00Z'), 'P1DT2H30M')?.toISOString()).toBe('2026-12-07T12:30:00.000Z');
    expect(addDuration(at('2026-12-06T10:00:00Z'), 'P1Y2W')?.toISOString()).toBe('2027-12-20T10:00:00.000Z');
    expect(addDuration(at('2026-12-06T10:00:00Z'), 'two days')).toBeNull();
  });

  it('keeps a running instance on its version when a new one is published', async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    const v1 = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Call back',
      xml: fixture('deadline', { userId: b.employeeA.user.id }),
    });
    const elio = await ctxOf(t, b.employeeA.browser);
    const old = await startProcess(elio, { definitionId: v1.definitionId });
    const renamed = fixture('deadline', { userId: b.employeeA.user.id }).replace('Call the customer back', 'Ring the customer');
    const v2 = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Call back',
      xml: renamed,
      definitionId: v1.definitionId,
    });
    expect(v2.version).toBe(2);
    const fresh = await startProcess(elio, { definitionId: v1.definitionId });
    expect(fresh.version).toBe(2);
    expect((await openSteps(fresh.id)).map((s) => s.step.name)).toEqual(['Ring the customer']);
    const [call] = await openSteps(old.id);
    expect(call?.step.name).toBe('Call the customer back');
    await completeProcessTask(elio, call?.step.id as string, { values: {} });
    expect(await instanceOf(old.id)).toMatchObject({ status: 'completed', versionId: v1.versionId });
  });

  it('hands a business error to the error boundary, fails on any other error, and retries from the last good state', async () => {
    const b = await makeBakery(t);
    const workspaceId = b.owner.session.user.workspace.id;
    const { definitionId } = await publish(t.db, {
      workspaceId,
      createdBy: b.owner.session.user.id,
      name: 'Notify',
      xml: fixture('failing'),
    });
    const elio = await ctxOf(t, b.employeeA.browser);
    const caught = await startProcess(elio, { definitionId }, new Date(), {
      actions: {
        callWebhook: async () => {
          throw new BpmnError('no_record', 'No record to send');
        },
      },
    });
    expect((await openSteps(caught.id)).map((s) => s.step.elementId)).toEqual(['fix']);

    let calls = 0;
    const flaky: ActionRegistry = {
      callWebhook: async () => {
        calls += 1;
        if (calls === 1) throw new Error('The hook did not answer');
        return { status: 200 };
      },
    };
    const failed = await startProcess(elio, { definitionId }, new Date(), { actions: flaky });
    expect(failed).toMatchObject({ status: 'failed', error: 'The hook did not answer', current: [] });
    expect(await openSteps(failed.id)).toEqual([]);

    const manager = await ctxOf(t, b.managerA.browser);
    await expect(retryInstance(elio, failed.id, new Date(), { actions: flaky })).rejects.toMatchObject({ code: 'forbidden' });
    const retried = await retryInstance(manager, failed.id, new Date(), { actions: flaky });
    expect(retried).toMatchObject({ status: 'running', error: null, current: [{ elementId: 'check' }] });
    expect(calls).toBe(2);

    const cancelled = await cancelInstance(manager, failed.id, { reason: 'Not needed any more' });
    expect(cancelled).toMatchObject({ status: 'cancelled', error: 'Not needed any more', current: [] });
    const [check] = await t.db
      .select({ task: tasks })
      .from(processTasks)
      .innerJoin(tasks, eq(tasks.id, processTasks.taskId))
      .where(eq(processTasks.instanceId, failed.id));
    expect(check?.task).toMatchObject({ status: 'declined', declineReason: 'Not needed any more' });
    await expect(cancelInstance(manager, failed.id, { reason: 'Again' })).rejects.toMatchObject({ code: 'status_transition_invalid' });
  });
});
