import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { makeBakery, post, useTestApp } from '../../test/harness.ts';
import {
  processDefinitions,
  processInstances,
  processOutbox,
  processSignals,
  processStartTriggers,
  processVersions,
} from './processes.table.ts';
import { startInstance } from './runtime.ts';
import { ACTIONS } from './services.ts';
import type { StartInstance } from './step-context.ts';
import { nextScheduledRun, sweepProcessSignals, sweepScheduledStarts } from './triggers.ts';

const t = useTestApp();
const NOW = new Date('2026-12-06T10:00:00Z');

/** Stands in for the runtime: a started instance is a row, written with the caller's executor. */
const fakeStart: StartInstance = async (db, input, now) => {
  const [definition] = await db
    .select({ versionId: processStartTriggers.versionId })
    .from(processStartTriggers)
    .where(and(eq(processStartTriggers.workspaceId, input.workspaceId), eq(processStartTriggers.definitionId, input.definitionId)))
    .limit(1);
  if (!definition) throw new AppError('not_found', 'No such process');
  const [row] = await db
    .insert(processInstances)
    .values({
      workspaceId: input.workspaceId,
      definitionId: input.definitionId,
      versionId: definition.versionId,
      recordType: input.record?.type ?? null,
      recordId: input.record?.id ?? null,
      startedBy: input.actorId,
      startedAt: now,
    })
    .returning({ id: processInstances.id });
  return { id: row?.id ?? '' };
};

const WELCOME = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientela="http://clientela.app/schema/bpmn/1.0" id="welcomeDefinitions" targetNamespace="http://clientela.app/bpmn">
  <bpmn:process id="welcome" name="Welcome" isExecutable="true">
    <bpmn:startEvent id="start" clientela:trigger="recordCreated" clientela:recordType="company" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mail" />
    <bpmn:serviceTask id="mail" clientela:action="sendEmail">
      <bpmn:extensionElements>
        <clientela:param name="to">owner</clientela:param>
        <clientela:param name="subject">Welcome {{record.name}}</clientela:param>
        <clientela:param name="body">Started by {{process.name}}</clientela:param>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="mail" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

type Trigger = {
  kind: 'recordCreated' | 'fieldChanged' | 'schedule';
  recordType?: string;
  field?: string;
  cron?: string;
  nextRunAt?: Date;
};

/** A workspace (a bakery) with a published process started by the trigger given. */
async function publishedProcess(trigger: Trigger, xml = '<x/>') {
  const bakery = await makeBakery(t);
  const workspaceId = bakery.owner.session.user.workspace.id;
  const [definition] = await t.db
    .insert(processDefinitions)
    .values({ workspaceId, name: 'Welcome', draftXml: xml, publishedVersion: 1 })
    .returning();
  if (!definition) throw new Error('no definition');
  const [version] = await t.db
    .insert(processVersions)
    .values({ workspaceId, definitionId: definition.id, version: 1, xml, triggers: [] })
    .returning();
  if (!version) throw new Error('no version');
  await t.db
    .insert(processStartTriggers)
    .values({ workspaceId, definitionId: definition.id, eventId: 'start', versionId: version.id, ...trigger });
  const instances = () =>
    t.db
      .select()
      .from(processInstances)
      .where(and(eq(processInstances.workspaceId, workspaceId), eq(processInstances.definitionId, definition.id)));
  const signals = () => t.db.select().from(processSignals).where(eq(processSignals.workspaceId, workspaceId));
  return { ...bakery, workspaceId, definition, version, instances, signals };
}

describe('record triggers', () => {
  it('a company created starts the process once, on that company, in the name of who created it', async () => {
    const { employeeA, instances, signals } = await publishedProcess({ kind: 'recordCreated', recordType: 'company' });
    const company = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Nuovo' });
    await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Not', lastName: 'A company' });
    expect(await signals()).toMatchObject([{ eventId: 'start', recordType: 'company', recordId: company.id, actorId: employeeA.user.id }]);

    expect(await sweepProcessSignals(t.db, NOW, fakeStart)).toMatchObject({ started: 1, dropped: 0 });
    expect(await instances()).toMatchObject([{ recordType: 'company', recordId: company.id, startedBy: employeeA.user.id }]);
    expect(await signals()).toEqual([]);
    expect((await sweepProcessSignals(t.db, NOW, fakeStart)).started).toBe(0);
    expect(await instances()).toHaveLength(1);
  });

  it('with the real runtime, a company created runs its process, whose e-mail step names the company', async () => {
    const { employeeA, instances } = await publishedProcess({ kind: 'recordCreated', recordType: 'company' }, WELCOME);
    const company = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Nuovo' });
    expect(await sweepProcessSignals(t.db, new Date(), startInstance)).toEqual({ started: 1, dropped: 0 });
    const [instance] = await instances();
    expect(instance).toMatchObject({ status: 'completed', recordId: company.id, startedBy: employeeA.user.id });
    const mails = await t.db
      .select()
      .from(processOutbox)
      .where(eq(processOutbox.instanceId, instance?.id as string));
    expect(mails.map((m) => m.payload)).toEqual([
      { to: [employeeA.user.email], subject: 'Welcome Forno Nuovo', body: 'Started by Welcome', locale: 'en' },
    ]);
  });

  it('a field-changed trigger fires on that field only', async () => {
    const { employeeA, instances, signals } = await publishedProcess({ kind: 'fieldChanged', recordType: 'company', field: 'status' });
    const company = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Vecchio' });
    const patch = (payload: Record<string, unknown>) =>
      employeeA.browser.request({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, payload });
    expect((await patch({ city: 'Roma' })).statusCode).toBe(200);
    expect(await signals()).toEqual([]);
    expect((await patch({ status: 'active' })).statusCode).toBe(200);
    expect(await signals()).toHaveLength(1);
    expect((await sweepProcessSignals(t.db, NOW, fakeStart)).started).toBe(1);
    expect(await instances()).toMatchObject([{ recordId: company.id }]);
  });

  it('a record rolled back leaves no signal', async () => {
    const { workspaceId, employeeA, signals } = await publishedProcess({ kind: 'recordCreated', recordType: 'company' });
    const step = {
      workspaceId,
      instanceId: '00000000-0000-4000-8000-000000000000',
      definitionId: '00000000-0000-4000-8000-000000000000',
      processName: 'p',
      elementId: 'create',
      record: null,
      form: {},
      starterId: employeeA.user.id,
      now: NOW,
    };
    const rolledBack = t.db.transaction(async (tx) => {
      await ACTIONS.createRecord({ ...step, tx }, { recordType: 'company', name: 'Never saved' });
      expect(await tx.select().from(processSignals).where(eq(processSignals.workspaceId, workspaceId))).toHaveLength(1);
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    expect(await signals()).toEqual([]);
  });

  it('drops a signal whose start is refused, keeps one that failed for a passing reason until it is old', async () => {
    const { employeeA, signals } = await publishedProcess({ kind: 'recordCreated', recordType: 'company' });
    const warnings: object[] = [];
    const log = { warn: (details: object) => warnings.push(details) };
    await post(employeeA.browser, '/api/v1/companies', { name: 'Refused' });
    const refuse: StartInstance = async () => {
      throw new AppError('conflict', 'The process has no published version yet');
    };
    expect(await sweepProcessSignals(t.db, NOW, refuse, { log })).toEqual({ started: 0, dropped: 1 });
    expect(await signals()).toEqual([]);

    await post(employeeA.browser, '/api/v1/companies', { name: 'Unlucky' });
    const crash: StartInstance = async () => {
      throw new Error('connection reset');
    };
    const soon = new Date();
    expect(await sweepProcessSignals(t.db, soon, crash, { log })).toEqual({ started: 0, dropped: 0 });
    expect(await signals()).toHaveLength(1);
    const later = new Date(soon.getTime() + 2 * 60 * 60_000);
    expect(await sweepProcessSignals(t.db, later, crash, { log })).toEqual({ started: 0, dropped: 1 });
    expect(await signals()).toEqual([]);
    expect(warnings).toHaveLength(3);
  });
});

describe('scheduled starts', () => {
  it('reads cron in the workspace’s time zone', () => {
    // 09:00 in Rome is 08:00 UTC in winter.
    expect(nextScheduledRun('0 9 * * *', 'Europe/Rome', NOW)?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(nextScheduledRun('0 9 * * 1', 'Europe/Rome', NOW)?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(nextScheduledRun('not cron', 'Europe/Rome', NOW)).toBeNull();
  });

  it('starts a due schedule once even with two sweeps at the same time, and moves it to its next time', async () => {
    const { definition, instances } = await publishedProcess({
      kind: 'schedule',
      cron: '0 9 * * *',
      nextRunAt: new Date('2026-12-05T08:00:00Z'),
    });
    const second = createDatabase(t.url, 2);
    try {
      const results = await Promise.all([
        sweepScheduledStarts(t.db, NOW, fakeStart),
        sweepScheduledStarts(second.db, NOW, fakeStart),
        sweepScheduledStarts(t.db, NOW, fakeStart),
      ]);
      expect(results.reduce((sum, r) => sum + r.started, 0)).toBe(1);
    } finally {
      await second.pool.end();
    }
    expect(await instances()).toMatchObject([{ startedBy: null, recordId: null }]);
    const [trigger] = await t.db.select().from(processStartTriggers).where(eq(processStartTriggers.definitionId, definition.id));
    expect(trigger?.nextRunAt?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // Not due again before then.
    await sweepScheduledStarts(t.db, new Date('2026-12-07T07:59:00Z'), fakeStart);
    expect(await instances()).toHaveLength(1);
    await sweepScheduledStarts(t.db, new Date('2026-12-07T08:00:00Z'), fakeStart);
    expect(await instances()).toHaveLength(2);
  });
});
