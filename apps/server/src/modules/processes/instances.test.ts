import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { notifications } from '../notifications/index.ts';
import { tasks } from '../tasks/index.ts';
import { fixture, publish } from './fixtures/fixtures.ts';
import { processDefinitions, processInstances, processTasks } from './processes.table.ts';

const t = useTestApp();

const complete = (browser: Browser, id: string, values: Record<string, unknown>) =>
  browser.request({ method: 'POST', url: `/api/v1/process-tasks/${id}/complete`, payload: { values } });

/** A bakery with a published call-back process (to Elio) and the complaint process. */
async function setUp() {
  const b = await makeBakery(t);
  const workspaceId = b.owner.session.user.workspace.id;
  const createdBy = b.owner.session.user.id;
  const callBack = await publish(t.db, {
    workspaceId,
    createdBy,
    name: 'Call back',
    xml: fixture('deadline', { userId: b.employeeA.user.id }),
  });
  const complaint = await publish(t.db, {
    workspaceId,
    createdBy,
    name: 'Complaint',
    xml: fixture('complaint', { userId: b.employeeA2.user.id, unitId: b.shopB.id }),
  });
  return { ...b, callBack, complaint };
}

describe('process instances and steps through the API', () => {
  it('starts a process on a record with its start form, and lists the step for whoever performs it', async () => {
    const b = await setUp();
    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Hotel Aurora', city: 'Roma' });
    const started = await post(b.employeeA.browser, '/api/v1/process-instances', {
      definitionId: b.complaint.definitionId,
      record: { type: 'company', id: company.id },
      form: { summary: 'Cold oven' },
    });
    expect(started).toMatchObject({ status: 'running', version: 1, record: { name: 'Hotel Aurora' }, current: [{ elementId: 'assess' }] });

    const mine = await get(b.employeeA.browser, '/api/v1/process-tasks');
    expect(mine.data).toHaveLength(1);
    const step = mine.data[0];
    expect(step).toMatchObject({
      instanceId: started.id,
      processName: 'Complaint',
      elementId: 'assess',
      status: 'open',
      assignee: { id: b.employeeA.user.id, name: 'Elio' },
      record: { type: 'company', id: company.id, name: 'Hotel Aurora' },
      canComplete: true,
      values: null,
    });
    expect(step.form.map((f: { key: string }) => f.key)).toEqual(['verdict', 'cost']);
    expect(await get(b.employeeA.browser, `/api/v1/process-tasks/${step.id}`)).toEqual(step);
    expect((await get(b.employeeA.browser, `/api/v1/process-tasks?taskId=${step.taskId}`)).data).toEqual([step]);
    expect((await get(b.employeeA2.browser, '/api/v1/process-tasks')).data).toEqual([]);
    // Ezio may read nothing of it: the step is somebody else's assignment.
    expect((await b.employeeA2.browser.request({ method: 'GET', url: `/api/v1/process-tasks/${step.id}` })).statusCode).toBe(404);
    // The owner (admin) reads it, but may not complete it.
    expect(await get(b.owner, `/api/v1/process-tasks/${step.id}`)).toMatchObject({ id: step.id, canComplete: false });
  });

  it("refuses a start that is not possible: not published, unknown, another workspace's record, a wrong form", async () => {
    const b = await setUp();
    const other = await makeBakery(t);
    const theirs = await post(other.employeeA.browser, '/api/v1/companies', { name: 'Elsewhere' });
    const start = (payload: Record<string, unknown>) =>
      b.employeeA.browser.request({ method: 'POST', url: '/api/v1/process-instances', payload });

    const [draft] = await t.db
      .insert(processDefinitions)
      .values({ workspaceId: b.owner.session.user.workspace.id, name: 'Draft', draftXml: '<x/>' })
      .returning();
    const unpublished = await start({ definitionId: draft?.id });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.headers['content-type']).toContain('application/problem+json');

    expect((await start({ definitionId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    // Another workspace's process is not there at all.
    const foreign = await other.owner.request({
      method: 'POST',
      url: '/api/v1/process-instances',
      payload: { definitionId: b.callBack.definitionId },
    });
    expect(foreign.statusCode).toBe(404);

    const hidden = await start({
      definitionId: b.complaint.definitionId,
      record: { type: 'company', id: theirs.id },
      form: { summary: 'x' },
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().errors).toEqual([{ path: 'record', message: 'No such company' }]);

    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Bar Centrale' });
    const badForm = await start({
      definitionId: b.complaint.definitionId,
      record: { type: 'company', id: company.id },
      form: { summary: 3, extra: 'x' },
    });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().errors).toEqual([
      { path: 'form.extra', message: 'Not a field of this form' },
      { path: 'form.summary', message: 'Expected text' },
    ]);
    const noRecord = await start({ definitionId: b.complaint.definitionId, form: { summary: 'x' } });
    expect(noRecord.json().errors).toEqual([{ path: 'record', message: 'Choose a company' }]);
    const rows = await t.db.select().from(processInstances).where(eq(processInstances.workspaceId, b.owner.session.user.workspace.id));
    expect(rows).toEqual([]);
  });

  it('lets only the performer complete a step: others 403, another workspace 404, a wrong form 400 with nothing changed, two at once one wins', async () => {
    const b = await setUp();
    const other = await makeBakery(t);
    const started = await post(b.employeeA.browser, '/api/v1/process-instances', { definitionId: b.callBack.definitionId });
    const [step] = (await get(b.employeeA.browser, '/api/v1/process-tasks')).data;

    // A colleague may not even see it; the manager reads the unit's tasks but does not do them.
    expect((await complete(b.employeeA2.browser, step.id, {})).statusCode).toBe(404);
    const manager = await complete(b.managerA.browser, step.id, {});
    expect(manager.statusCode).toBe(403);
    expect(manager.headers['content-type']).toContain('application/problem+json');
    expect((await complete(other.employeeA.browser, step.id, {})).statusCode).toBe(404);
    expect((await complete(other.owner, step.id, {})).statusCode).toBe(404);

    const wrong = await complete(b.employeeA.browser, step.id, { note: 'not a field' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'values.note', message: 'Not a field of this form' }]);
    expect(await get(b.employeeA.browser, `/api/v1/process-tasks/${step.id}`)).toMatchObject({ status: 'open', values: null });

    // The generic task route does not finish a process step: the process would never hear of it.
    await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${step.taskId}/transitions`,
      payload: { to: 'accepted', committedDate: '2030-01-01' },
    });
    const done = await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${step.taskId}/transitions`,
      payload: { to: 'done', result: 'Called' },
    });
    expect(done.statusCode).toBe(409);
    expect(done.json().detail).toContain("step's form");
    // Declining would leave the process waiting for ever: the step ends only through its form.
    const declined = await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${step.taskId}/transitions`,
      payload: { to: 'declined', reason: 'Not mine' },
    });
    expect(declined.statusCode).toBe(409);
    expect(declined.json().code).toBe('process_step');

    const [one, two] = await Promise.all([complete(b.employeeA.browser, step.id, {}), complete(b.employeeA.browser, step.id, {})]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const instance = await get(b.managerA.browser, `/api/v1/process-tasks?instanceId=${started.id}`);
    expect(instance.data).toMatchObject([{ status: 'completed', completedBy: { id: b.employeeA.user.id } }]);
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, started.id));
    expect(row?.status).toBe('completed');
    const [task] = await t.db
      .select({ status: tasks.status })
      .from(processTasks)
      .innerJoin(tasks, and(eq(tasks.workspaceId, processTasks.workspaceId), eq(tasks.id, processTasks.taskId)))
      .where(eq(processTasks.id, step.id));
    expect(task?.status).toBe('done');
    // Its sender (who started the process) does not reopen it: the process has moved on.
    const reopened = await b.employeeA.browser.request({
      method: 'POST',
      url: `/api/v1/tasks/${step.taskId}/transitions`,
      payload: { to: 'in_progress' },
    });
    expect(reopened.statusCode).toBe(409);
    expect(reopened.json().code).toBe('process_step');
  });

  it('lets a queue member take and complete a queue step', async () => {
    const b = await setUp();
    const company = await post(b.employeeA.browser, '/api/v1/companies', { name: 'Hotel Aurora', city: 'Roma' });
    await post(b.employeeA.browser, '/api/v1/process-instances', {
      definitionId: b.complaint.definitionId,
      record: { type: 'company', id: company.id },
      form: { summary: 'Cold oven' },
    });
    const [assess] = (await get(b.employeeA.browser, '/api/v1/process-tasks')).data;
    expect((await complete(b.employeeA.browser, assess.id, { verdict: 'founded' })).statusCode).toBe(200);
    const queue = (await get(b.employeeB.browser, '/api/v1/process-tasks')).data;
    expect(queue).toMatchObject([
      { elementId: 'repair', assignee: null, queue: { id: b.shopB.id, name: 'Via Milano' }, canComplete: true },
    ]);
    const taken = await complete(b.employeeB.browser, queue[0].id, {});
    expect(taken.json()).toMatchObject({
      status: 'completed',
      assignee: { id: b.employeeB.user.id },
      completedBy: { id: b.employeeB.user.id },
    });
  });

  it('cancels and retries only for admins and managers', async () => {
    const b = await setUp();
    const started = await post(b.employeeA.browser, '/api/v1/process-instances', { definitionId: b.callBack.definitionId });
    const cancel = (browser: Browser) =>
      browser.request({ method: 'POST', url: `/api/v1/process-instances/${started.id}/cancel`, payload: { reason: 'Customer called us' } });
    expect((await cancel(b.employeeA.browser)).statusCode).toBe(403);
    const other = await makeBakery(t);
    expect((await cancel(other.owner)).statusCode).toBe(404);
    const retry = await b.managerA.browser.request({ method: 'POST', url: `/api/v1/process-instances/${started.id}/retry` });
    expect(retry.statusCode).toBe(409);
    const cancelled = await cancel(b.managerA.browser);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', error: 'Customer called us', current: [] });
    expect((await get(b.employeeA.browser, '/api/v1/process-tasks')).data).toEqual([]);
    expect((await cancel(b.owner)).statusCode).toBe(409);
  });
  it('gives a step to the deputy of a performer who is away today, whoever starts it, and tells the deputy', async () => {
    const b = await setUp();
    const today = new Date().toISOString().slice(0, 10);
    await post(b.employeeA.browser, '/api/v1/absences', { deputyId: b.employeeA2.user.id, startsOn: today, endsOn: today, note: 'Away' });
    // Elio starts it himself (read with the start), and the owner starts it for him (looked up).
    const byHimself = await post(b.employeeA.browser, '/api/v1/process-instances', { definitionId: b.callBack.definitionId });
    const byOwner = await post(b.owner, '/api/v1/process-instances', { definitionId: b.callBack.definitionId });
    const steps = await t.db.select().from(processTasks).where(eq(processTasks.instanceId, byHimself.id));
    const more = await t.db.select().from(processTasks).where(eq(processTasks.instanceId, byOwner.id));
    for (const step of [...steps, ...more]) {
      const [task] = await t.db.select().from(tasks).where(eq(tasks.id, step.taskId));
      expect(task?.assigneeId).toBe(b.employeeA2.user.id);
      const notices = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.taskId, step.taskId), eq(notifications.userId, b.employeeA2.user.id)));
      expect(notices).toMatchObject([{ kind: 'task_covered', detail: { absent: 'Elio', deputy: 'Ezio' } }]);
    }
    expect(steps.length + more.length).toBe(2);
    expect((await get(b.employeeA2.browser, '/api/v1/process-tasks')).data).toHaveLength(2);
  });
  it("gives a step for the owner's manager to that manager's deputy while the manager is away, and tells the deputy", async () => {
    const b = await setUp();
    const today = new Date().toISOString().slice(0, 10);
    await post(b.managerA.browser, '/api/v1/absences', { deputyId: b.employeeA2.user.id, startsOn: today, endsOn: today, note: 'Away' });
    const xml = fixture('deadline').replace('clientela:performer="user" clientela:performerId=""', 'clientela:performer="ownerManager"');
    const upward = await publish(t.db, {
      workspaceId: b.owner.session.user.workspace.id,
      createdBy: b.owner.session.user.id,
      name: 'Upward',
      xml,
    });
    // Elio starts it: his manager, Marta, is away, and Ezio stands in for her.
    const started = await post(b.employeeA.browser, '/api/v1/process-instances', { definitionId: upward.definitionId });
    const [step] = await t.db.select().from(processTasks).where(eq(processTasks.instanceId, started.id));
    const [task] = await t.db
      .select()
      .from(tasks)
      .where(eq(tasks.id, step?.taskId ?? ''));
    expect(task?.assigneeId).toBe(b.employeeA2.user.id);
    const notices = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.taskId, step?.taskId ?? ''), eq(notifications.userId, b.employeeA2.user.id)));
    expect(notices).toMatchObject([{ kind: 'task_covered', detail: { absent: 'Marta', deputy: 'Ezio' } }]);
  });
});
