import type { TProcessInstance, TProcessInstanceDetail, TProcessStatistics } from '@clientela/contract';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { tasks } from '../tasks/index.ts';
import { processDefinitions, processInstances, processSteps, processTasks, processTimers, processVersions } from './processes.table.ts';

const t = useTestApp();

const HOUR = 3_600_000;
const base = Date.now() - 10 * 24 * HOUR;
const at = (hours: number) => new Date(base + hours * HOUR);

/** A published process, straight into the tables. */
async function makeProcess(workspaceId: string, name: string) {
  const [definition] = await t.db.insert(processDefinitions).values({ workspaceId, name, draftXml: '<definitions />' }).returning();
  if (!definition) throw new Error('no definition');
  const [version] = await t.db
    .insert(processVersions)
    .values({ workspaceId, definitionId: definition.id, version: 1, xml: '<definitions id="v1" />', triggers: [] })
    .returning();
  if (!version) throw new Error('no version');
  await t.db
    .update(processDefinitions)
    .set({ publishedVersion: 1 })
    .where(and(eq(processDefinitions.workspaceId, workspaceId), eq(processDefinitions.id, definition.id)));
  return { definition, version };
}

type Process = Awaited<ReturnType<typeof makeProcess>>;

/** An instance of the process, started `start` hours after the base time. */
async function makeInstance(process: Process, values: Partial<typeof processInstances.$inferInsert> & { startedAt: Date }) {
  const [instance] = await t.db
    .insert(processInstances)
    .values({ workspaceId: process.definition.workspaceId, definitionId: process.definition.id, versionId: process.version.id, ...values })
    .returning();
  if (!instance) throw new Error('no instance');
  return instance;
}

type Instance = Awaited<ReturnType<typeof makeInstance>>;

async function makeStep(
  instance: Instance,
  elementId: string,
  from: Date,
  to: Date | null,
  extra: Partial<typeof processSteps.$inferInsert> = {},
) {
  await t.db.insert(processSteps).values({
    workspaceId: instance.workspaceId,
    instanceId: instance.id,
    executionId: `${elementId}_${from.getTime()}_${Math.random()}`,
    elementId,
    elementType: elementId === 'start' ? 'bpmn:StartEvent' : 'bpmn:UserTask',
    name: elementId === 'start' ? null : 'Assess the complaint',
    status: to ? 'completed' : 'active',
    startedAt: from,
    endedAt: to,
    ...extra,
  });
}

/** A user step waiting as an assignment: to a person or to a unit's queue, due at `dueAt`. */
async function makeUserStep(
  instance: Instance,
  senderId: string,
  to: { assigneeId?: string; queueUnitId?: string },
  dueAt: Date,
  since: Date,
) {
  const [task] = await t.db
    .insert(tasks)
    .values({ workspaceId: instance.workspaceId, title: 'Assess the complaint', senderId, dueAt, ...to })
    .returning();
  if (!task) throw new Error('no task');
  await t.db.insert(processTasks).values({
    workspaceId: instance.workspaceId,
    instanceId: instance.id,
    executionId: `assess_${task.id}`,
    elementId: 'assess',
    name: 'Assess the complaint',
    taskId: task.id,
  });
  await makeStep(instance, 'assess', since, null, { taskId: task.id });
  return task;
}

const list = async (browser: Browser, query = '') =>
  get(browser, `/api/v1/process-instances${query}`) as Promise<{ data: TProcessInstance[]; nextCursor: string | null; total: number }>;
const ids = (page: { data: TProcessInstance[] }) => page.data.map((instance) => instance.id);

describe('process monitor', () => {
  it('shows each reader the instances they may see, finds the stuck ones, pages newest first, and answers 404 beyond them', async () => {
    const { owner, managerA, employeeA, employeeA2, employeeB, shopB } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const adminId = owner.session.user.id;
    const process = await makeProcess(workspaceId, 'Complaint handling');
    const customer = await post(employeeA.browser, '/api/v1/companies', { name: 'Hotel Aurora' });

    // Started by Elio about his customer; waits at Ezio, past due; a reminder timer is pending.
    const mine = await makeInstance(process, {
      startedAt: at(0),
      startedBy: employeeA.user.id,
      recordType: 'company',
      recordId: customer.id,
      form: { reason: 'The room was cold' },
      current: [{ elementId: 'assess', name: 'Assess the complaint', since: at(1).toISOString() }],
    });
    await makeStep(mine, 'start', at(0), at(0), { actorId: employeeA.user.id });
    await makeUserStep(mine, adminId, { assigneeId: employeeA2.user.id }, new Date(Date.now() - HOUR), at(1));
    await t.db
      .insert(processTimers)
      .values({ workspaceId, instanceId: mine.id, executionId: 'remind', elementId: 'remind', dueAt: at(300) });
    // Failed, started by the manager.
    const failed = await makeInstance(process, {
      startedAt: at(2),
      startedBy: managerA.user.id,
      status: 'failed',
      error: 'The webhook answered 500',
    });
    // Waiting in the other shop's queue, due tomorrow.
    const queued = await makeInstance(process, { startedAt: at(3), startedBy: adminId });
    await makeUserStep(queued, adminId, { queueUnitId: shopB.id }, new Date(Date.now() + 24 * HOUR), at(3));
    // Waiting at Ezio, not yet due.
    const onTime = await makeInstance(process, { startedAt: at(4), startedBy: adminId });
    await makeUserStep(onTime, adminId, { assigneeId: employeeA2.user.id }, new Date(Date.now() + 24 * HOUR), at(4));

    const all = await list(managerA.browser, `?definitionId=${process.definition.id}`);
    expect(ids(all)).toEqual([onTime.id, queued.id, failed.id, mine.id]);
    expect(all.total).toBe(4);
    expect(all.data.at(-1)).toMatchObject({
      processName: 'Complaint handling',
      version: 1,
      status: 'running',
      startedBy: { id: employeeA.user.id, name: 'Elio' },
      current: [{ elementId: 'assess', name: 'Assess the complaint' }],
      overdue: true,
      error: null,
    });
    // The manager reads customers of his unit; Ezio does not read Elio's, so he gets no name.
    expect(all.data.at(-1)?.record).toEqual({ type: 'company', id: customer.id, name: 'Hotel Aurora' });
    expect(all.data.find((instance) => instance.id === failed.id)).toMatchObject({
      status: 'failed',
      error: 'The webhook answered 500',
      overdue: false,
    });

    expect(ids(await list(employeeA.browser))).toEqual([mine.id]);
    const ezio = await list(employeeA2.browser);
    expect(ids(ezio)).toEqual([onTime.id, mine.id]);
    expect(ezio.data[1]?.record).toEqual({ type: 'company', id: customer.id, name: null });
    expect(ids(await list(employeeB.browser))).toEqual([queued.id]);

    // Stuck: failed, or a step past due.
    expect(ids(await list(owner, '?stuck=true'))).toEqual([failed.id, mine.id]);
    expect(ids(await list(owner, '?status=failed'))).toEqual([failed.id]);
    expect(ids(await list(owner, `?recordType=company&recordId=${customer.id}`))).toEqual([mine.id]);

    const first = await list(owner, '?limit=3');
    expect(ids(first)).toEqual([onTime.id, queued.id, failed.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(owner, `?limit=3&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual([mine.id]);
    expect(second.nextCursor).toBeNull();

    // The detail: model, steps with who did them, pending timers, form, what the reader may do.
    const detail = (await get(employeeA2.browser, `/api/v1/process-instances/${mine.id}`)) as TProcessInstanceDetail;
    expect(detail).toMatchObject({
      id: mine.id,
      xml: '<definitions id="v1" />',
      form: { reason: 'The room was cold' },
      timers: [{ elementId: 'remind', dueAt: at(300).toISOString() }],
      canCancel: false,
      canRetry: false,
    });
    expect(detail.steps.map((step) => [step.elementId, step.status, step.actor?.name ?? null])).toEqual([
      ['start', 'completed', 'Elio'],
      ['assess', 'active', null],
    ]);
    expect(detail.steps[1]?.taskId).toEqual(expect.any(String));
    const managed = (await get(managerA.browser, `/api/v1/process-instances/${mine.id}`)) as TProcessInstanceDetail;
    expect([managed.canCancel, managed.canRetry]).toEqual([true, false]);
    const failedDetail = (await get(owner, `/api/v1/process-instances/${failed.id}`)) as TProcessInstanceDetail;
    expect([failedDetail.canCancel, failedDetail.canRetry]).toEqual([true, true]);

    // Not theirs, another workspace's, no such instance: 404 alike.
    expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/process-instances/${mine.id}` })).statusCode).toBe(404);
    const { admin: stranger } = await makeWorkspace(t, { workspaceName: 'Pasticceria Bianchi' });
    const strangerBrowser = await signIn(t, stranger.email);
    expect((await strangerBrowser.request({ method: 'GET', url: `/api/v1/process-instances/${mine.id}` })).statusCode).toBe(404);
    expect((await list(strangerBrowser, `?definitionId=${process.definition.id}`)).data).toEqual([]);

    // Bad input: 400 naming the field.
    for (const query of ['?status=sleeping', '?stuck=maybe', '?limit=0', '?cursor=nonsense', '?color=red', '?definitionId=42']) {
      const response = await owner.request({ method: 'GET', url: `/api/v1/process-instances${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('validation_failed');
    }
    expect((await owner.request({ method: 'GET', url: '/api/v1/process-instances/not-an-id' })).statusCode).toBe(400);
  });

  it('measures a process: runs by status, average and 90th percentile of runs and steps, who waits now; for admins and managers', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const process = await makeProcess(workspaceId, 'Onboarding');
    const other = await makeProcess(workspaceId, 'Exhibition');

    // Two completed runs of 10 h and 20 h, whose assessment took 1 h and 3 h.
    for (const [start, runHours, stepHours] of [
      [0, 10, 1],
      [24, 20, 3],
    ] as const) {
      const run = await makeInstance(process, { startedAt: at(start), endedAt: at(start + runHours), status: 'completed' });
      await makeStep(run, 'start', at(start), at(start));
      await makeStep(run, 'assess', at(start + 0.5), at(start + 0.5 + stepHours));
    }
    // One waiting at the assessment, one cancelled, one failed; and another process's run.
    const waiting = await makeInstance(process, { startedAt: at(48) });
    await makeStep(waiting, 'assess', at(48), null);
    await makeInstance(process, { startedAt: at(50), endedAt: at(51), status: 'cancelled' });
    await makeInstance(process, { startedAt: at(52), status: 'failed' });
    const elsewhere = await makeInstance(other, { startedAt: at(1), endedAt: at(500), status: 'completed' });
    await makeStep(elsewhere, 'assess', at(1), at(400));

    const url = `/api/v1/process-definitions/${process.definition.id}/statistics`;
    const stats = (await get(managerA.browser, url)) as TProcessStatistics;
    expect(stats.instances).toEqual({ running: 1, completed: 2, failed: 1, cancelled: 1, avgMs: 15 * HOUR, p90Ms: 19 * HOUR });
    expect(stats.steps).toEqual([
      { elementId: 'start', name: null, elementType: 'bpmn:StartEvent', count: 2, active: 0, avgMs: 0, p90Ms: 0 },
      {
        elementId: 'assess',
        name: 'Assess the complaint',
        elementType: 'bpmn:UserTask',
        count: 3,
        active: 1,
        avgMs: 2 * HOUR,
        p90Ms: 2.8 * HOUR,
      },
    ]);

    // A period after every start: nothing counted, but the waiting step still waits.
    const tomorrow = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    const later = (await get(owner, `${url}?from=${tomorrow}`)) as TProcessStatistics;
    expect(later.instances).toMatchObject({ running: 0, completed: 0, avgMs: null, p90Ms: null });
    expect(later.steps).toEqual([expect.objectContaining({ elementId: 'assess', count: 0, active: 1, avgMs: null })]);

    expect((await employeeA.browser.request({ method: 'GET', url })).statusCode).toBe(403);
    for (const query of ['?from=yesterday', '?from=2026-03-02&to=2026-03-01', '?days=3']) {
      const response = await owner.request({ method: 'GET', url: `${url}${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
    const { admin: stranger } = await makeWorkspace(t, { workspaceName: 'Pasticceria Bianchi' });
    expect((await (await signIn(t, stranger.email)).request({ method: 'GET', url })).statusCode).toBe(404);
  });
});
