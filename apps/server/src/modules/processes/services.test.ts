import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeBakery, post, type TestApp, useTestApp } from '../../test/harness.ts';
import { activities, activityLinks } from '../activities/activities.table.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { deals } from '../deals/index.ts';
import { recordChanges } from '../history/index.ts';
import { fillJson, fillText, type PlaceholderView } from './placeholders.ts';
import { processDefinitions, processInstances, processOutbox, processVersions } from './processes.table.ts';
import { ACTIONS, createActions } from './services.ts';
import { type ActionParams, BpmnError, type ProcessRecord, type StepContext } from './step-context.ts';

const t = useTestApp();

/** A published process and one running instance of it, straight in the tables. */
async function makeInstance(app: TestApp, workspaceId: string, starterId: string | null, record: ProcessRecord | null) {
  const [definition] = await app.db
    .insert(processDefinitions)
    .values({ workspaceId, name: 'Complaint handling', draftXml: '<definitions/>', publishedVersion: 1 })
    .returning();
  if (!definition) throw new Error('no definition');
  const [version] = await app.db
    .insert(processVersions)
    .values({ workspaceId, definitionId: definition.id, version: 1, xml: '<definitions/>', triggers: [] })
    .returning();
  if (!version) throw new Error('no version');
  const [instance] = await app.db
    .insert(processInstances)
    .values({
      workspaceId,
      definitionId: definition.id,
      versionId: version.id,
      startedBy: starterId,
      recordType: record?.type ?? null,
      recordId: record?.id ?? null,
      form: { reason: 'Stale "bread" & <crust>' },
    })
    .returning();
  if (!instance) throw new Error('no instance');
  return { definition, version, instance };
}

async function setUp() {
  const bakery = await makeBakery(t);
  const workspaceId = bakery.owner.session.user.workspace.id;
  const company = await post(bakery.employeeA.browser, '/api/v1/companies', {
    name: 'Mulino Bianco',
    emails: [{ label: 'work', value: 'orders@mulino.example.test' }],
  });
  const record: ProcessRecord = { type: 'company', id: company.id };
  const { definition, instance } = await makeInstance(t, workspaceId, bakery.employeeB.user.id, record);
  const step = (overrides: Partial<StepContext> = {}): Omit<StepContext, 'tx'> => ({
    workspaceId,
    instanceId: instance.id,
    definitionId: definition.id,
    processName: definition.name,
    elementId: 'task_1',
    record,
    form: instance.form,
    starterId: bakery.employeeB.user.id,
    now: new Date('2026-12-06T10:00:00Z'),
    ...overrides,
  });
  return { ...bakery, workspaceId, company, record, instance, step };
}

type Action = keyof typeof ACTIONS;
/** Runs an action in a transaction of its own, as the runtime does for a step. */
const run = (action: Action, step: Omit<StepContext, 'tx'>, params: ActionParams, actions = ACTIONS) =>
  t.db.transaction((tx) => actions[action]({ ...step, tx }, params));

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BpmnError);
  return (error as BpmnError).code;
};

const companyRow = async (workspaceId: string, id: string) =>
  (
    await t.db
      .select()
      .from(companies)
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
  )[0];

describe('placeholders', () => {
  const view: PlaceholderView = {
    record: { name: 'Forno <Rossi> & figli' },
    form: { reason: 'He said "stale"\nand left' },
    process: { id: 'p', name: 'Complaints', instanceId: 'i' },
    results: { mail: { to: ['a@b.c'] }, create: { id: 'abc' } },
  };

  it('fills plain text without HTML escaping, and missing values as nothing', () => {
    expect(fillText('About {{record.name}} ({{process.name}}): {{form.reason}}', view)).toBe(
      'About Forno <Rossi> & figli (Complaints): He said "stale"\nand left',
    );
    expect(fillText('[{{record.nothing}}][{{form.none.deeper}}][{{results.create.id}}]', view)).toBe('[][][abc]');
    expect(fillText('{{record.constructor}}{{record.__proto__}}', view)).toBe('');
  });

  it('fills JSON bodies with escaped strings', () => {
    const body = fillJson('{"reason": "{{form.reason}}", "name": "{{record.name}}"}', view);
    expect(JSON.parse(body)).toEqual({ reason: 'He said "stale"\nand left', name: 'Forno <Rossi> & figli' });
  });

  it('refuses a broken template with a stable code', async () => {
    await expect(async () => fillText('{{#form}}open', view)).rejects.toMatchObject({ code: 'invalid_template' });
  });
});

describe('service actions', () => {
  it('setField changes a whitelisted field in the starter’s name, checks values, and moves an owner’s record to their unit', async () => {
    const { workspaceId, company, step, employeeB, managerA, shopA } = await setUp();
    expect(await run('setField', step(), { field: 'status', value: 'active' })).toEqual({ field: 'status', value: 'active' });
    expect((await companyRow(workspaceId, company.id))?.status).toBe('active');
    const history = await t.db
      .select()
      .from(recordChanges)
      .where(and(eq(recordChanges.workspaceId, workspaceId), eq(recordChanges.entityId, company.id)));
    expect(history.find((h) => h.action === 'updated')).toMatchObject({
      actorId: employeeB.user.id,
      changes: [{ field: 'status', old: 'new', new: 'active' }],
    });

    await run('setField', step(), { field: 'tags', value: 'vip, {{form.missing}}wholesale , vip' });
    expect((await companyRow(workspaceId, company.id))?.tags).toEqual(['vip', 'wholesale']);
    await run('setField', step(), { field: 'ownerId', value: managerA.user.email });
    expect(await companyRow(workspaceId, company.id)).toMatchObject({ ownerId: managerA.user.id, unitId: shopA.id });

    expect(await failure(run('setField', step(), { field: 'status', value: 'exploded' }))).toBe('invalid_field');
    expect(await failure(run('setField', step(), { field: 'name', value: 'Renamed' }))).toBe('invalid_field');
    expect(await failure(run('setField', step(), { field: 'ownerId', value: 'nobody@example.test' }))).toBe('invalid_field');
    expect(await failure(run('setField', step({ record: null }), { field: 'status', value: 'lost' }))).toBe('no_record');
    expect((await companyRow(workspaceId, company.id))?.status).toBe('active');
  });

  it('setField sets a deal’s probability and expected close, refusing what is not a percentage or a day', async () => {
    const { step } = await setUp();
    const made = await run('createRecord', step(), { recordType: 'deal', name: 'Panettoni' });
    const onDeal = step({ record: { type: 'deal', id: made?.id as string } });
    await run('setField', onDeal, { field: 'probability', value: '70' });
    await run('setField', onDeal, { field: 'expectedCloseOn', value: '2026-12-24' });
    const [deal] = await t.db
      .select()
      .from(deals)
      .where(eq(deals.id, made?.id as string));
    expect(deal).toMatchObject({ probability: 70, expectedCloseOn: '2026-12-24' });
    expect(await failure(run('setField', onDeal, { field: 'probability', value: '120' }))).toBe('invalid_field');
    expect(await failure(run('setField', onDeal, { field: 'expectedCloseOn', value: '24/12/2026' }))).toBe('invalid_field');
    expect(await failure(run('setField', onDeal, { field: 'expectedCloseOn', value: '2026-02-30' }))).toBe('invalid_field');
    expect(await failure(run('setField', onDeal, { field: 'status', value: 'active' }))).toBe('invalid_field');
  });

  it('createRecord creates a company, a contact and a deal owned by the starter', async () => {
    const { workspaceId, company, step, employeeB } = await setUp();
    const made = await run('createRecord', step(), { recordType: 'company', name: 'Supplier of {{record.name}}' });
    expect(await companyRow(workspaceId, made?.id as string)).toMatchObject({
      name: 'Supplier of Mulino Bianco',
      ownerId: employeeB.user.id,
      status: 'new',
    });
    const person = await run('createRecord', step(), { recordType: 'contact', name: 'Giulia  Maria Verdi' });
    const [contact] = await t.db
      .select()
      .from(contacts)
      .where(eq(contacts.id, person?.id as string));
    expect(contact).toMatchObject({ firstName: 'Giulia', lastName: 'Maria Verdi', ownerId: employeeB.user.id });
    const deal = await run('createRecord', step(), { recordType: 'deal', name: 'Reorder' });
    const [row] = await t.db
      .select()
      .from(deals)
      .where(eq(deals.id, deal?.id as string));
    expect(row).toMatchObject({ title: 'Reorder', companyId: company.id, ownerId: employeeB.user.id, createdById: employeeB.user.id });
    const created = await t.db
      .select()
      .from(recordChanges)
      .where(and(eq(recordChanges.workspaceId, workspaceId), eq(recordChanges.action, 'created')));
    expect(created.map((c) => c.entityType).sort()).toEqual(['company', 'company', 'contact', 'deal']);

    expect(await failure(run('createRecord', step(), { recordType: 'agreement', name: 'x' }))).toBe('invalid_param');
    expect(await failure(run('createRecord', step(), { recordType: 'company', name: '{{form.nothing}}' }))).toBe('invalid_param');
  });

  it('createActivity logs an activity on the record with its body as text', async () => {
    const { workspaceId, company, step, employeeB } = await setUp();
    const made = await run('createActivity', step(), {
      kind: 'note',
      subject: 'Complaint: {{form.reason}}',
      body: 'Line <one>\nline two\n\nNext',
    });
    const [activity] = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, made?.id as string)));
    expect(activity).toMatchObject({ type: 'note', authorId: employeeB.user.id, body: '<p>Line &lt;one&gt;<br />line two</p><p>Next</p>' });
    expect(activity?.subject).toBe('Complaint: Stale "bread" & <crust>');
    const links = await t.db
      .select()
      .from(activityLinks)
      .where(eq(activityLinks.activityId, made?.id as string));
    expect(links.map((l) => [l.entityType, l.entityId])).toEqual([['company', company.id]]);
    expect(await failure(run('createActivity', step(), { kind: 'dance', subject: 'x' }))).toBe('invalid_param');
  });

  it('sendEmail only queues the mail, to the owner, the owner’s manager, the starter, the customer or an address', async () => {
    const { workspaceId, instance, step, owner, employeeA, employeeB, managerA } = await setUp();
    const outbox = () =>
      t.db
        .select()
        .from(processOutbox)
        .where(and(eq(processOutbox.workspaceId, workspaceId), eq(processOutbox.instanceId, instance.id)));
    const result = await run('sendEmail', step(), {
      to: 'owner, ownerManager, starter, contact, boss@example.test',
      subject: 'Complaint about\n{{record.name}}',
      body: 'Reason: {{form.reason}}',
    });
    expect(result?.to).toEqual([
      employeeA.user.email,
      managerA.user.email,
      employeeB.user.email,
      'orders@mulino.example.test',
      'boss@example.test',
    ]);
    const [row] = await outbox();
    expect(row).toMatchObject({ kind: 'email', state: 'pending', elementId: 'task_1', attempts: 0 });
    expect(row?.payload).toEqual({
      to: result?.to,
      subject: 'Complaint about Mulino Bianco',
      body: 'Reason: Stale "bread" & <crust>',
      locale: 'en',
    });

    // The owner's manager when the owner manages their unit: nobody above, so an admin.
    await run('setField', step(), { field: 'ownerId', value: managerA.user.id });
    const up = await run('sendEmail', step(), { to: 'ownerManager', subject: 's', body: 'b' });
    expect(up?.to).toEqual([owner.session.user.email]);

    // A step that fails leaves nothing in the outbox.
    await t.db
      .transaction(async (tx) => {
        await ACTIONS.sendEmail({ ...step(), tx }, { to: 'starter', subject: 's', body: 'b' });
        throw new Error('the step failed after');
      })
      .catch(() => {});
    expect(await outbox()).toHaveLength(2);
    expect(await failure(run('sendEmail', step(), { to: 'the boss', subject: 's', body: 'b' }))).toBe('invalid_param');
  });

  it('callWebhook queues a call with the instance as JSON, or a filled body, and refuses other schemes', async () => {
    const { workspaceId, instance, company, step } = await setUp();
    await run('callWebhook', step({ elementId: 'hook' }), { url: 'https://hooks.example.test/complaints?c={{record.id}}' });
    await run('callWebhook', step({ elementId: 'custom' }), {
      url: 'http://127.0.0.1:9/x',
      method: 'put',
      body: '{"why": "{{form.reason}}"}',
    });
    const rows = await t.db
      .select()
      .from(processOutbox)
      .where(and(eq(processOutbox.workspaceId, workspaceId), eq(processOutbox.instanceId, instance.id)));
    const hook = rows.find((r) => r.elementId === 'hook');
    expect(hook?.payload).toMatchObject({ url: `https://hooks.example.test/complaints?c=${company.id}`, method: 'POST' });
    const body = JSON.parse(hook?.payload.body as string);
    expect(body).toMatchObject({ instanceId: instance.id, processName: 'Complaint handling', elementId: 'hook', form: instance.form });
    expect(body.record).toMatchObject({ type: 'company', id: company.id, name: 'Mulino Bianco' });
    const custom = rows.find((r) => r.elementId === 'custom');
    expect(custom?.payload).toMatchObject({ method: 'PUT' });
    expect(JSON.parse(custom?.payload.body as string)).toEqual({ why: 'Stale "bread" & <crust>' });
    expect(await failure(run('callWebhook', step(), { url: 'file:///etc/passwd' }))).toBe('invalid_url');
    expect(await failure(run('callWebhook', step(), { url: 'not a url' }))).toBe('invalid_url');
  });

  it('startProcess starts the other process on the same record in the step’s transaction', async () => {
    const { workspaceId, record, step, employeeB } = await setUp();
    const calls: unknown[] = [];
    const actions = createActions(async (_db, input) => {
      calls.push(input);
      return { id: '00000000-0000-4000-8000-000000000001' };
    });
    const other = '00000000-0000-4000-8000-0000000000aa';
    expect(await run('startProcess', step(), { definitionId: other }, actions)).toEqual({
      instanceId: '00000000-0000-4000-8000-000000000001',
    });
    expect(calls).toEqual([{ workspaceId, definitionId: other, actorId: employeeB.user.id, record }]);
    expect(await failure(run('startProcess', step(), { definitionId: 'complaints' }, actions))).toBe('invalid_param');
  });
});
