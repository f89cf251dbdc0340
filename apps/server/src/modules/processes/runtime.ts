import { randomUUID } from 'node:crypto';
import type { TProcessFormField, TProcessFormValues } from '@clientela/contract';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import {
  type ActionRegistry,
  type CompiledModel,
  cachedModel,
  compileModel,
  type RunAction,
  type RunResult,
  runStep,
  StepNotWaiting,
} from './engine.ts';
import {
  closeAssignment,
  closeAssignmentSql,
  type KnownUsers,
  type PreparedAssignment,
  prepareAssignment,
  resolvePerformer,
  senderOf,
  standInSql,
} from './performers.ts';
import { processDefinitions, processInstances, processSteps, processTasks, processTimers, processVersions } from './processes.table.ts';
import { type RecordData, recordDataOf, recordDataSql, recordOwnerSql } from './record-data.ts';
import { ACTIONS, isCalendarDay, provideStartInstance } from './services.ts';
import type { ProcessRecord, StartInstance, StartInstanceInput, StepContext } from './step-context.ts';

/** How a run is done: the service actions it may call (the catalogue unless a test passes its own). */
export type RunOptions = {
  actions?: ActionRegistry;
  /** Started by a person: only a manual or a form start event may start it (400 naming `startEventId` otherwise). */
  byHand?: boolean;
};

export type InstanceRow = typeof processInstances.$inferSelect;

/** What the instance's state column holds before the engine first saved one: the start still to run. */
type PendingStart = { pendingStart: string | null };
const isPendingStart = (state: unknown): state is PendingStart => typeof state === 'object' && state !== null && 'pendingStart' in state;

// The codes the processes answer with; until the contract lists them, the nearest general code stands in.
type ProcessErrorCode = 'process_not_published' | 'not_your_step' | 'step_closed' | 'process_step';
/** An AppError with one of the processes' own codes. */
export function processError(code: ProcessErrorCode, detail: string): AppError {
  return new AppError(code, detail);
}

/** Checks form values against a form: required, type, a select's options; nothing outside it. 400 naming `<path>.<key>`. */
export function checkFormValues(fields: readonly TProcessFormField[], values: TProcessFormValues, path: string): void {
  const errors: FieldError[] = [];
  const byKey = new Map(fields.map((field) => [field.key, field]));
  for (const key of Object.keys(values)) if (!byKey.has(key)) errors.push({ path: `${path}.${key}`, message: 'Not a field of this form' });
  for (const field of fields) {
    const value = values[field.key];
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (empty) {
      if (field.required) errors.push({ path: `${path}.${field.key}`, message: 'Required' });
      continue;
    }
    const problem = problemOf(field, value);
    if (problem) errors.push({ path: `${path}.${field.key}`, message: problem });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The form is not filled correctly', { errors });
}

function problemOf(field: TProcessFormField, value: string | number | boolean): string | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? null : 'Expected text';
    case 'number':
      return typeof value === 'number' ? null : 'Expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Expected yes or no';
    case 'date':
      return typeof value === 'string' && isCalendarDay(value) ? null : 'Expected a day (YYYY-MM-DD)';
    case 'select':
      return typeof value === 'string' && field.options.includes(value) ? null : `Expected one of: ${field.options.join(', ')}`;
  }
}

/** `now` plus an ISO 8601 duration (`P2D`, `PT4H`, `P1M`); null when it is not one. */
export function addDuration(now: Date, iso: string): Date | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso.trim());
  if (!m || iso.trim() === 'P' || iso.trim().endsWith('T')) return null;
  const [, y, mo, w, d, h, mi, s] = m.map((part) => Number(part ?? 0));
  // Months keep the day where the month has it, else its last day: 31 January + P1M is 28 or 29 February.
  const at = new Date(now);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCFullYear(at.getUTCFullYear() + (y ?? 0), at.getUTCMonth() + (mo ?? 0));
  const monthLength = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, monthLength) + (w ?? 0) * 7 + (d ?? 0));
  return new Date(at.getTime() + ((h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0)) * 1000);
}

/** An instance with what a run needs, loaded in the step's transaction. */
type Loaded = {
  instance: InstanceRow;
  model: CompiledModel;
  processName: string;
  creatorId: string | null;
  record: RecordData | null;
  /** The due times (on our clock) of the timers not yet fired, by execution id: our clock may have moved since they were set. */
  knownDue: ReadonlyMap<string, Date>;
  /** The starter, the author and the record's owner: who a new step's assignment most often names. */
  knownUsers: KnownUsers;
  /** The execution ids of the instance's user steps so far: a waiting step among them has its assignment already. */
  knownSteps: ReadonlySet<string>;
  /** A start whose instance row is not written yet: the statement that saves its first run inserts it. */
  unsaved?: boolean;
};

type UserRow = {
  id: string;
  unit_id: string | null;
  active: boolean;
  name?: string;
  /** Who stands in for them today (standInSql). */
  away?: { id: string; name: string; unit_id: string | null } | null;
};

/** The people of `ids` as one JSON list, for a statement that reads them with other things. */
const usersSql = (workspaceId: string, ids: SQL[]) =>
  sql`(SELECT coalesce(json_agg(json_build_object('id', u.id, 'unit_id', u.unit_id, 'active', u.active, 'name', u.name, 'away', ${standInSql})), '[]'::json) FROM app_user u
    WHERE u.workspace_id = ${workspaceId} AND u.id IN (${sql.join(ids, sql`, `)}))`;

/** Who was asked for, found or not. */
function knownUsersOf(asked: (string | null | undefined)[], rows: UserRow[]): KnownUsers {
  const found = new Map(
    rows.map((u) => [
      u.id,
      {
        unitId: u.unit_id,
        active: u.active,
        ...(u.away !== undefined
          ? {
              away: u.away
                ? { absent: { id: u.id, name: u.name ?? '' }, deputy: { id: u.away.id, name: u.away.name, unitId: u.away.unit_id } }
                : null,
            }
          : {}),
      },
    ]),
  );
  const known = new Map<string, NonNullable<ReturnType<KnownUsers['get']>> | null>();
  for (const id of asked) if (id) known.set(id, found.get(id) ?? null);
  return known;
}

/** Locks an instance row for the step (`SELECT … FOR UPDATE`); null when missing, or taken by another process with `skipLocked`. */
export async function lockInstance(tx: Executor, workspaceId: string, id: string, skipLocked = false): Promise<InstanceRow | null> {
  const query = tx
    .select()
    .from(processInstances)
    .where(and(eq(processInstances.workspaceId, workspaceId), eq(processInstances.id, id)));
  const [row] = skipLocked ? await query.for('update', { skipLocked: true }) : await query.for('update');
  return row ?? null;
}

/**
 * What a run needs besides the locked row, in one statement: the process's name and author, the
 * model's XML unless it is parsed already, the record, and the instance's timers not yet fired.
 * `before` puts data-modifying WITH queries in the same statement, `taken` (a boolean over them)
 * says whether they found what they change; `people` are read with their names.
 */
async function load(
  tx: Executor,
  instance: InstanceRow,
  before?: { ctes: SQL; taken: SQL; people: string[] },
): Promise<Loaded & { taken: boolean; people: UserRow[] }> {
  const cached = cachedModel(instance.versionId);
  const record = recordOf(instance);
  const { rows } = await tx.execute<{
    name: string;
    created_by: string | null;
    xml: string | null;
    record: { row: Record<string, unknown>; stage?: string | null } | null;
    timers: { e: string; d: string }[];
    users: UserRow[];
    steps: string[];
    taken: boolean | null;
  }>(sql`
    ${before ? sql`WITH ${before.ctes}` : sql``}
    SELECT d.name, d.created_by, ${cached ? sql`NULL::text` : sql`v.xml`} AS xml, ${before ? before.taken : sql`NULL::boolean`} AS taken,
      ${record ? recordDataSql(instance.workspaceId, record) : sql`NULL::jsonb`} AS record,
      (SELECT coalesce(json_agg(json_build_object('e', t.execution_id, 'd', t.due_at)), '[]'::json) FROM process_timer t
        WHERE t.workspace_id = ${instance.workspaceId} AND t.instance_id = ${instance.id} AND t.fired_at IS NULL) AS timers,
      (SELECT coalesce(json_agg(pt.execution_id), '[]'::json) FROM process_task pt
        WHERE pt.workspace_id = ${instance.workspaceId} AND pt.instance_id = ${instance.id}) AS steps,
      ${usersSql(instance.workspaceId, [
        sql`${instance.startedBy}::uuid`,
        sql`d.created_by`,
        record ? recordOwnerSql(instance.workspaceId, record) : sql`NULL::uuid`,
        ...(before?.people ?? []).map((id) => sql`${id}::uuid`),
      ])} AS users
    FROM process_version v
    JOIN process_definition d ON d.workspace_id = v.workspace_id AND d.id = v.definition_id
    WHERE v.workspace_id = ${instance.workspaceId} AND v.id = ${instance.versionId}`);
  const [row] = rows;
  if (!row) throw new Error(`The version of instance ${instance.id} is gone`);
  const data = record ? recordDataOf(record.type, row.record) : null;
  return {
    instance,
    model: await (cached ?? compileModel(instance.versionId, row.xml ?? (await versionXml(tx, instance)))),
    processName: row.name,
    creatorId: row.created_by,
    record: data,
    knownDue: new Map(row.timers.map((t) => [t.e, new Date(t.d)])),
    knownUsers: knownUsersOf([instance.startedBy, row.created_by, data?.ownerId, ...(before?.people ?? [])], row.users),
    knownSteps: new Set(row.steps),
    taken: row.taken === true,
    people: row.users,
  };
}

async function versionXml(tx: Executor, instance: Pick<InstanceRow, 'workspaceId' | 'versionId' | 'id'>): Promise<string> {
  const [row] = await tx
    .select({ xml: processVersions.xml })
    .from(processVersions)
    .where(and(eq(processVersions.workspaceId, instance.workspaceId), eq(processVersions.id, instance.versionId)));
  if (!row) throw new Error(`The version of instance ${instance.id} is gone`);
  return row.xml;
}

/** An instance the sweep found due, with what never changes on it: enough to build its look-ups before it is locked. */
type DueRef = { workspaceId: string; id: string; recordType: string | null; recordId: string | null };

/**
 * Locks the running instances among `refs` that no other process holds (`FOR UPDATE SKIP LOCKED`)
 * and reads what their runs need, all in one statement: the rows, their processes, records, unfired
 * timers and the people their assignments most often name. The models not yet parsed are read apart.
 */
async function lockAndLoadMany(tx: Executor, refs: readonly DueRef[]): Promise<Loaded[]> {
  if (refs.length === 0) return [];
  const i = processInstances;
  const withRecord = refs.flatMap((ref) => {
    const record = ref.recordType && ref.recordId ? ({ type: ref.recordType, id: ref.recordId } as ProcessRecord) : null;
    return record ? [{ ref, record }] : [];
  });
  const byInstance = (pick: (ref: DueRef, record: ProcessRecord) => SQL, otherwise: SQL) =>
    withRecord.length === 0
      ? otherwise
      : sql`CASE ${i.id} ${sql.join(
          withRecord.map(({ ref, record }) => sql`WHEN ${ref.id}::uuid THEN ${pick(ref, record)}`),
          sql` `,
        )} ELSE ${otherwise} END`;
  const rows = await tx
    .select({
      instance: processInstances,
      name: processDefinitions.name,
      createdBy: processDefinitions.createdBy,
      record: sql<{ row: Record<string, unknown>; stage?: string | null } | null>`${byInstance(
        (ref, record) => recordDataSql(ref.workspaceId, record),
        sql`NULL::jsonb`,
      )}`,
      timers: sql<{ e: string; d: string }[]>`(SELECT coalesce(json_agg(json_build_object('e', t.execution_id, 'd', t.due_at)), '[]'::json)
        FROM process_timer t WHERE t.workspace_id = ${i.workspaceId} AND t.instance_id = ${i.id} AND t.fired_at IS NULL)`,
      steps: sql<string[]>`(SELECT coalesce(json_agg(pt.execution_id), '[]'::json)
        FROM process_task pt WHERE pt.workspace_id = ${i.workspaceId} AND pt.instance_id = ${i.id})`,
      users: sql<
        UserRow[]
      >`(SELECT coalesce(json_agg(json_build_object('id', u.id, 'unit_id', u.unit_id, 'active', u.active, 'name', u.name, 'away', ${standInSql})), '[]'::json)
        FROM app_user u WHERE u.workspace_id = ${i.workspaceId}
          AND u.id IN (${i.startedBy}, ${processDefinitions.createdBy}, ${byInstance((ref, record) => recordOwnerSql(ref.workspaceId, record), sql`NULL::uuid`)}))`,
    })
    .from(processInstances)
    .innerJoin(
      processDefinitions,
      and(eq(processDefinitions.workspaceId, processInstances.workspaceId), eq(processDefinitions.id, processInstances.definitionId)),
    )
    .where(
      and(
        sql`(${i.workspaceId}, ${i.id}) IN (${sql.join(
          refs.map((ref) => sql`(${ref.workspaceId}::uuid, ${ref.id}::uuid)`),
          sql`, `,
        )})`,
        eq(i.status, 'running'),
      ),
    )
    .for('update', { of: processInstances, skipLocked: true });
  const loaded: Loaded[] = [];
  for (const row of rows) {
    const { instance } = row;
    const record = recordOf(instance);
    const data = record ? recordDataOf(record.type, row.record) : null;
    const model = await (cachedModel(instance.versionId) ?? compileModel(instance.versionId, await versionXml(tx, instance)));
    loaded.push({
      instance,
      model,
      processName: row.name,
      creatorId: row.createdBy,
      record: data,
      knownDue: new Map(row.timers.map((t) => [t.e, new Date(t.d)])),
      knownUsers: knownUsersOf([instance.startedBy, row.createdBy, data?.ownerId], row.users),
      knownSteps: new Set(row.steps),
    });
  }
  return loaded;
}

function recordOf(instance: InstanceRow): ProcessRecord | null {
  return instance.recordType && instance.recordId ? ({ type: instance.recordType, id: instance.recordId } as ProcessRecord) : null;
}

/** Who completed a user step in this run, to be named on its step. */
type Completion = { executionId: string; actorId: string | null };

/** What a saved run left: the instance row as written, how many timers fired, whether a new step is overdue already. */
export type Saved = { row: InstanceRow; fired: number; overdue: boolean };

/**
 * Runs one step of a locked instance and saves what it did, in the caller's transaction. The run
 * and what its actions wrote sit in a savepoint: when the engine fails, they are undone and the
 * instance is marked failed with its last good state, to be retried (null then).
 */
async function advance(
  tx: Executor,
  loaded: Loaded,
  action: RunAction,
  now: Date,
  options: RunOptions,
  completion?: Completion,
  batch?: SaveBatch,
): Promise<Saved | null> {
  const { instance } = loaded;
  const stepOf =
    (sp: Executor) =>
    (elementId: string): StepContext => ({
      tx: sp,
      workspaceId: instance.workspaceId,
      instanceId: instance.id,
      definitionId: instance.definitionId,
      processName: loaded.processName,
      elementId,
      record: recordOf(instance),
      form: instance.form,
      starterId: instance.startedBy,
      now,
    });
  let failed: RunResult | null = null;
  // The due times saved before are kept: our clock may have moved since they were set.
  const knownDue = action.type === 'start' ? new Map<string, Date>() : loaded.knownDue;
  const run = async (sp: Executor) => {
    const result = await runStep({
      model: loaded.model,
      state: isPendingStart(instance.state) ? null : instance.state,
      action,
      variables: { record: loaded.record?.fields ?? {}, form: instance.form },
      actions: options.actions ?? (ACTIONS as ActionRegistry),
      stepOf: stepOf(sp),
      now,
      knownDue,
    });
    // Completed just as its deadline passed: the deadline's path goes on (the sweep fires it), and
    // the person is told the step closed; their completion is not kept.
    if (result.error instanceof StepNotWaiting) throw processError('step_closed', result.error.message);
    if (result.error) {
      failed = result;
      throw result.error;
    }
    // A run that wrote nothing through actions may be saved later with others (`batch`).
    return persist(sp, loaded, result, now, completion, loaded.model.hasActions ? undefined : batch);
  };
  try {
    // Only actions write while the engine runs: without them, a failed run has written nothing to undo.
    return await (loaded.model.hasActions ? tx.transaction(run) : run(tx));
  } catch (error) {
    if (!failed) throw error;
    if (loaded.unsaved) await tx.insert(processInstances).values(instance);
    await markFailed(tx, loaded, failed, error, now);
    return null;
  }
}

async function markFailed(tx: Executor, { instance }: Loaded, result: RunResult, error: unknown, now: Date) {
  const message = error instanceof Error ? error.message : String(error);
  await tx
    .update(processInstances)
    .set({ status: 'failed', error: message.slice(0, 2000), updatedAt: now })
    .where(and(eq(processInstances.workspaceId, instance.workspaceId), eq(processInstances.id, instance.id)));
  const where = result.events.filter((e) => e.kind === 'error').at(-1);
  if (where) {
    await tx
      .insert(processSteps)
      .values({
        workspaceId: instance.workspaceId,
        instanceId: instance.id,
        executionId: `${where.executionId}:failed:${now.getTime()}`,
        elementId: where.elementId,
        elementType: where.elementType,
        name: where.name,
        status: 'failed',
        startedAt: now,
        endedAt: now,
      })
      .onConflictDoNothing();
  }
}

const STATUS_OF_EVENT = { end: 'completed', error: 'failed' } as const;

/**
 * Saves a run: the state and where it waits, its steps, its timers, and the assignments of new user
 * steps. The assignments of new user steps are opened first; then one statement saves the rest.
 */
async function persist(
  tx: Executor,
  loaded: Loaded,
  result: RunResult,
  now: Date,
  completion?: Completion,
  batch?: SaveBatch,
): Promise<Saved> {
  const { instance, model } = loaded;
  // Each WITH query's name starts with the instance's place in the batch: unique in a statement saving several.
  const prefix = batch ? `i${batch.length}_` : '';
  const n = (name: string) => sql.raw(`${prefix}${name}`);
  const workspaceId = instance.workspaceId;
  const ofInstance = sql`workspace_id = ${workspaceId} AND instance_id = ${instance.id}`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;
  const json = (value: unknown) => sql`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`;

  // Steps: one row per execution of an element; a boundary event only once it fires.
  const started = new Map<string, { elementId: string; elementType: string; name: string | null }>();
  const ended = new Map<string, 'completed' | 'cancelled' | 'failed'>();
  for (const event of result.events) {
    if (event.kind === 'start') {
      if (event.elementType !== 'bpmn:BoundaryEvent') started.set(event.executionId, event);
    } else if (event.kind === 'leave') {
      if (!ended.has(event.executionId)) ended.set(event.executionId, 'cancelled');
    } else {
      ended.set(event.executionId, STATUS_OF_EVENT[event.kind]);
      if (event.kind === 'end' && event.elementType === 'bpmn:BoundaryEvent') started.set(event.executionId, event);
    }
  }
  // New user steps become assignments first, so that their rows go with the one statement below.
  const taskOf = new Map<string, string>();
  const newTasks: SQL[] = [];
  const assignments: PreparedAssignment[] = [];
  let overdue = false;
  for (const task of result.waiting) {
    if (loaded.knownSteps.has(task.executionId) || task.elementId === '') continue;
    const performer = await resolvePerformer(tx, {
      workspaceId,
      kind: task.performer,
      id: task.performerId,
      record: loaded.record,
      fallbackUserId: instance.startedBy ?? loaded.creatorId,
      known: loaded.knownUsers,
    });
    const recordName = loaded.record?.name;
    const dueAt = task.due ? addDuration(now, task.due) : null;
    // Overdue as the monitor reads it: due before the database's clock.
    if (dueAt && dueAt.getTime() < Date.now()) overdue = true;
    const assignment = await prepareAssignment(tx, {
      workspaceId,
      title: task.name ?? task.elementId,
      description: recordName ? `${loaded.processName}: ${recordName}` : loaded.processName,
      dueAt,
      senderId: await senderOf(tx, workspaceId, [instance.startedBy, loaded.creatorId], loaded.knownUsers),
      performer,
      record: recordOf(instance),
      known: loaded.knownUsers,
      name: `${prefix}assignment${assignments.length}`,
    });
    assignments.push(assignment);
    const taskId = assignment.taskId;
    newTasks.push(
      sql`(${workspaceId}::uuid, ${instance.id}::uuid, ${task.executionId}, ${task.elementId}, ${task.name}, ${taskId}::uuid, ${json(task.form)}, ${at})`,
    );
    taskOf.set(task.executionId, taskId);
  }
  // The new steps' assignments are written by the one statement below.
  const ctes: SQL[] = assignments.map((a) => a.sql);
  // Timers: kept while they wait; those gone from the engine fired when due, else went with their step.
  const goneTimers = sql`${ofInstance} AND fired_at IS NULL AND NOT (execution_id = ANY(${textArray(result.timers.map((t) => t.executionId))}))`;
  if (result.timers.length > 0) {
    ctes.push(
      sql`${n('kept')} AS (INSERT INTO process_timer (workspace_id, instance_id, execution_id, element_id, due_at) VALUES ${sql.join(
        result.timers.map(
          (t) =>
            sql`(${workspaceId}::uuid, ${instance.id}::uuid, ${t.executionId}, ${t.elementId}, ${t.expireAt.toISOString()}::timestamptz)`,
        ),
        sql`, `,
      )} ON CONFLICT (workspace_id, instance_id, execution_id) DO UPDATE SET due_at = excluded.due_at RETURNING 1)`,
    );
  }
  ctes.push(sql`${n('discarded')} AS (DELETE FROM process_timer WHERE ${goneTimers} AND due_at > ${at} RETURNING id)`);
  ctes.push(sql`${n('fired')} AS (UPDATE process_timer SET fired_at = ${at} WHERE ${goneTimers} AND due_at <= ${at} RETURNING id)`);
  // User steps: those the process left behind are closed.
  const waitingIds = textArray(result.waiting.map((w) => w.executionId));
  ctes.push(sql`${n('cancelled')} AS (UPDATE process_task SET status = 'cancelled', completed_at = ${at}
    WHERE ${ofInstance} AND status = 'open' AND NOT (execution_id = ANY(${waitingIds})) RETURNING task_id)`);
  // Steps started before this run and ended in it.
  const earlier = [...ended].filter(([executionId]) => !started.has(executionId));
  for (const status of ['completed', 'cancelled', 'failed'] as const) {
    const ids = earlier.filter(([, s]) => s === status).map(([id]) => id);
    if (ids.length === 0) continue;
    // Who completed a user step in this run, named on it.
    const actor =
      completion && status === 'completed'
        ? sql`, actor_id = CASE WHEN execution_id = ${completion.executionId} THEN ${completion.actorId}::uuid ELSE actor_id END`
        : sql``;
    ctes.push(sql`${n(`ended_${status}`)} AS (UPDATE process_step SET status = ${status}, ended_at = ${at}${actor}
      WHERE ${ofInstance} AND status = 'active' AND execution_id = ANY(${textArray(ids)}) RETURNING 1)`);
  }
  // Where it waits now, each since it first got there.
  const since = new Map(instance.current.map((c) => [c.elementId, c.since]));
  const current = new Map<string, { elementId: string; name: string | null; since: string }>();
  for (const at of [...result.waiting.map((w) => w.elementId), ...result.timers.map((t) => t.elementId)]) {
    if (!current.has(at))
      current.set(at, { elementId: at, name: model.elements.get(at)?.name ?? null, since: since.get(at) ?? now.toISOString() });
  }
  const row: InstanceRow = {
    ...instance,
    state: result.state as InstanceRow['state'],
    current: [...current.values()],
    status: result.ended ? 'completed' : 'running',
    error: null,
    endedAt: result.ended ? now : null,
    updatedAt: now,
  };
  ctes.push(
    loaded.unsaved
      ? sql`${n('saved')} AS (INSERT INTO process_instance (workspace_id, id, definition_id, version_id, status, record_type, record_id,
          form, state, current, started_by, started_at, updated_at, ended_at)
        VALUES (${workspaceId}::uuid, ${instance.id}::uuid, ${instance.definitionId}::uuid, ${instance.versionId}::uuid, ${row.status},
          ${instance.recordType}, ${instance.recordId}::uuid, ${json(instance.form)}, ${json(row.state)}, ${json(row.current)},
          ${instance.startedBy}::uuid, ${instance.startedAt.toISOString()}::timestamptz, ${at}, ${row.endedAt?.toISOString() ?? null}::timestamptz)
        RETURNING 1)`
      : sql`${n('saved')} AS (UPDATE process_instance SET state = ${json(row.state)}, current = ${json(row.current)},
    status = ${row.status}, error = NULL, form = ${json(instance.form)},
    ended_at = ${row.endedAt?.toISOString() ?? null}::timestamptz, updated_at = ${at}
    WHERE workspace_id = ${workspaceId} AND id = ${instance.id} RETURNING 1)`,
  );
  if (newTasks.length > 0) {
    ctes.push(sql`${n('new_tasks')} AS (INSERT INTO process_task (workspace_id, instance_id, execution_id, element_id, name, task_id, form, created_at)
      VALUES ${sql.join(newTasks, sql`, `)} RETURNING 1)`);
  }
  if (started.size > 0) {
    ctes.push(sql`${n('new_steps')} AS (INSERT INTO process_step (workspace_id, instance_id, execution_id, element_id, element_type, name, status, started_at, ended_at, task_id)
      VALUES ${sql.join(
        [...started].map(
          ([executionId, e]) =>
            sql`(${workspaceId}::uuid, ${instance.id}::uuid, ${executionId}, ${e.elementId}, ${e.elementType}, ${e.name}, ${ended.get(executionId) ?? 'active'},
              ${at}, ${ended.has(executionId) ? now.toISOString() : null}::timestamptz, ${taskOf.get(executionId) ?? null}::uuid)`,
        ),
        sql`, `,
      )} ON CONFLICT DO NOTHING RETURNING 1)`);
  }
  const select = sql`SELECT ${prefix}::text AS part, 'fired' AS kind, id::text AS value FROM ${n('fired')}
    UNION ALL SELECT ${prefix}::text, 'cancelled', task_id::text FROM ${n('cancelled')}`;
  // What follows the statement: the notices of new assignments, those of steps left behind closed.
  const finish = async (rows: SavedRow[]) => {
    for (const assignment of assignments) await assignment.notify(tx);
    for (const row of rows) {
      if (row.kind !== 'cancelled') continue;
      await closeAssignment(tx, {
        workspaceId,
        taskId: row.value,
        outcome: 'cancelled',
        actorId: null,
        note: 'The process went on without this step',
      });
    }
    return rows.filter((r) => r.kind === 'fired').length;
  };
  if (batch) {
    batch.push({ ctes, select, finish });
    return { row, fired: 0, overdue };
  }
  const { rows } = await tx.execute<SavedRow>(sql`WITH ${sql.join(ctes, sql`, `)} ${select}`);
  return { row, fired: await finish(rows), overdue };
}

type SavedRow = { part: string; kind: 'fired' | 'cancelled'; value: string };

/** Runs saved together in one statement (a sweep's batch): each one's WITH queries, what it returns, and what follows it. */
type SaveBatch = { ctes: SQL[]; select: SQL; finish: (rows: SavedRow[]) => Promise<number> }[];

/** Saves the runs of a batch with one statement; returns how many timers they fired. */
async function flushSaves(tx: Executor, batch: SaveBatch): Promise<number> {
  if (batch.length === 0) return 0;
  const { rows } = await tx.execute<SavedRow>(
    sql`WITH ${sql.join(
      batch.flatMap((part) => part.ctes),
      sql`, `,
    )} ${sql.join(
      batch.map((part) => sql`(${part.select})`),
      sql` UNION ALL `,
    )}`,
  );
  let fired = 0;
  for (const [i, part] of batch.entries()) fired += await part.finish(rows.filter((r) => r.part === `i${i}_`));
  return fired;
}

/** A started instance; when its first run was saved, what the API shows of it without reading it again. */
export type StartedInstance = {
  id: string;
  saved?: Saved & { processName: string; version: number; starterName: string | null };
};

/**
 * Starts the published version of a process: checks the start event and its form (400 naming
 * `form.<key>`), saves the instance and runs it until it waits for a person or a timer.
 */
export const startInstance = async (
  db: Executor,
  input: StartInstanceInput,
  now: Date,
  options: RunOptions = {},
): Promise<StartedInstance> =>
  db.transaction(async (tx) => {
    const { workspaceId } = input;
    // The process and its published version, the record and the people a first step's assignment most
    // often names, in one look-up; the XML apart, only when the model is not parsed yet.
    const { rows } = await tx.execute<{
      name: string;
      created_by: string | null;
      version_id: string | null;
      version: number | null;
      record: Parameters<typeof recordDataOf>[1];
      users: UserRow[];
    }>(sql`
      SELECT d.name, d.created_by, v.id AS version_id, v.version,
        ${input.record ? recordDataSql(workspaceId, input.record) : sql`NULL::jsonb`} AS record,
        ${usersSql(workspaceId, [sql`${input.actorId}::uuid`, sql`d.created_by`, input.record ? recordOwnerSql(workspaceId, input.record) : sql`NULL::uuid`])} AS users
      FROM process_definition d
      LEFT JOIN process_version v ON v.workspace_id = d.workspace_id AND v.definition_id = d.id AND v.version = d.published_version
      WHERE d.workspace_id = ${workspaceId} AND d.id = ${input.definitionId} AND d.deleted_at IS NULL`);
    const [definition] = rows;
    if (!definition) throw notFound('process');
    const versionId = definition.version_id;
    if (!versionId) throw processError('process_not_published', 'The process has no published version yet');
    const model = await (cachedModel(versionId) ??
      compileModel(versionId, await versionXml(tx, { workspaceId, versionId, id: input.definitionId })));
    let startEventId = input.startEventId;
    if (options.byHand) {
      // People start what a person may start: a manual or a form start event, not a record's or a schedule's.
      const byHand = model.startEvents.filter((e) => e.trigger === 'manual' || e.trigger === 'form');
      const chosen = startEventId ? byHand.find((e) => e.id === startEventId) : byHand.length === 1 ? byHand[0] : undefined;
      if (!chosen) {
        throw new AppError('validation_failed', 'The process is not started by hand that way', {
          errors: [{ path: 'startEventId', message: byHand.length > 1 ? 'Choose a start event' : 'No such start event' }],
        });
      }
      startEventId = chosen.id;
    }
    const start = startEventId
      ? model.startEvents.find((e) => e.id === startEventId)
      : model.startEvents.length === 1
        ? model.startEvents[0]
        : model.startEvents.find((e) => e.trigger === 'manual' || e.trigger === 'form');
    if (!start) {
      throw new AppError('validation_failed', 'Say which start event starts it', {
        errors: [{ path: 'startEventId', message: startEventId ? 'No such start event' : 'Required: the process has several' }],
      });
    }
    const form = input.form ?? {};
    if (start.trigger === 'manual' || start.trigger === 'form') checkFormValues(start.form, form, 'form');
    if (start.recordType && input.record?.type !== start.recordType) {
      throw new AppError('validation_failed', `The process runs on a ${start.recordType}`, {
        errors: [{ path: 'record', message: `Choose a ${start.recordType}` }],
      });
    }
    const record = input.record ? recordDataOf(input.record.type, definition.record ?? null) : null;
    if (input.record && !record) {
      throw new AppError('validation_failed', `No such ${input.record.type}`, {
        errors: [{ path: 'record', message: `No such ${input.record.type}` }],
      });
    }
    const unsaved: InstanceRow = {
      workspaceId,
      id: randomUUID(),
      definitionId: input.definitionId,
      versionId,
      status: 'running',
      recordType: input.record?.type ?? null,
      recordId: input.record?.id ?? null,
      form,
      state: { pendingStart: start.id } satisfies PendingStart,
      current: [],
      error: null,
      startedBy: input.actorId,
      startedAt: now,
      updatedAt: now,
      endedAt: null,
    };
    // Actions write rows that name the instance while the run goes: it is written first then.
    // Otherwise the statement that saves the first run inserts it, one round trip fewer.
    const instance = model.hasActions ? (await tx.insert(processInstances).values(unsaved).returning())[0] : unsaved;
    if (!instance) throw new Error('instance insert returned nothing');
    // What load() would read is known already: the process, the model and the record.
    const loaded: Loaded = {
      instance,
      model,
      processName: definition.name,
      creatorId: definition.created_by,
      record,
      knownDue: new Map(),
      knownSteps: new Set(),
      knownUsers: knownUsersOf([input.actorId, definition.created_by, record?.ownerId], definition.users),
      unsaved: !model.hasActions,
    };
    const saved = await advance(tx, loaded, { type: 'start', startEventId: start.id }, now, options);
    const starter = definition.users.find((u) => u.id === input.actorId);
    return {
      id: instance.id,
      ...(saved
        ? { saved: { ...saved, processName: definition.name, version: definition.version ?? 0, starterName: starter?.name ?? null } }
        : {}),
    };
  });

provideStartInstance(startInstance satisfies StartInstance);

/**
 * Completes a waiting user step of a locked, running instance with the values filled: marks the
 * step and its assignment done (409 `step_closed` when the step is no longer open), merges the
 * values into the instance's form, signals the engine and runs on. The caller has checked who
 * completes it. Returns the process's name and the people read on the way (`people`, with names).
 */
export async function signalUserStep(
  tx: Executor,
  instance: InstanceRow,
  step: { id: string; executionId: string; taskId: string; values: TProcessFormValues; actorId: string; people?: string[] },
  now: Date,
  options: RunOptions = {},
): Promise<{ processName: string; people: { id: string; name: string }[] }> {
  const merged = { ...instance, form: { ...instance.form, ...step.values } };
  // The step and its assignment are marked done in the statement that reads what the run needs.
  const ctes = sql`completed AS (UPDATE process_task SET status = 'completed', values = ${JSON.stringify(step.values)}::jsonb,
      completed_at = ${now.toISOString()}::timestamptz, completed_by = ${step.actorId}::uuid
      WHERE workspace_id = ${instance.workspaceId} AND id = ${step.id} AND status = 'open' RETURNING 1),
    ${closeAssignmentSql({ workspaceId: instance.workspaceId, taskId: step.taskId, outcome: 'done', actorId: step.actorId, note: 'Completed in the process' })}`;
  const loaded = await load(tx, merged, {
    ctes,
    taken: sql`EXISTS (SELECT 1 FROM completed)`,
    people: [step.actorId, ...(step.people ?? [])],
  });
  // Read before the instance was locked, the step may have closed since: nothing of this is kept.
  if (!loaded.taken) throw processError('step_closed', 'This step is already closed');
  await advance(tx, loaded, { type: 'signal', executionId: step.executionId, output: step.values }, now, options, {
    executionId: step.executionId,
    actorId: step.actorId,
  });
  return { processName: loaded.processName, people: loaded.people.map((p) => ({ id: p.id, name: p.name ?? '' })) };
}

/**
 * Runs a failed instance again from its last good state: the start when it failed there, a user
 * step completed in the failed run (signalled again with its values), else a resume.
 */
export async function rerunInstance(tx: Executor, instance: InstanceRow, now: Date, options: RunOptions = {}): Promise<void> {
  const loaded = await load(tx, instance);
  if (isPendingStart(instance.state)) {
    await advance(
      tx,
      loaded,
      { type: 'start', ...(instance.state.pendingStart ? { startEventId: instance.state.pendingStart } : {}) },
      now,
      options,
    );
    return;
  }
  // A step completed in the failed run: the engine never took the signal, its saved state still waits there.
  const [unsent] = await tx
    .select({
      executionId: processTasks.executionId,
      values: processTasks.values,
      taskId: processTasks.taskId,
      actorId: processTasks.completedBy,
    })
    .from(processTasks)
    .innerJoin(
      processSteps,
      and(
        eq(processSteps.workspaceId, processTasks.workspaceId),
        eq(processSteps.instanceId, processTasks.instanceId),
        eq(processSteps.executionId, processTasks.executionId),
      ),
    )
    .where(
      and(
        eq(processTasks.workspaceId, instance.workspaceId),
        eq(processTasks.instanceId, instance.id),
        eq(processTasks.status, 'completed'),
        eq(processSteps.status, 'active'),
      ),
    )
    .limit(1);
  if (unsent) {
    await advance(tx, loaded, { type: 'signal', executionId: unsent.executionId, output: unsent.values ?? {} }, now, options, {
      executionId: unsent.executionId,
      actorId: unsent.actorId,
    });
    return;
  }
  await advance(tx, loaded, { type: 'resume' }, now, options);
}

/** Ends a running or failed instance for good: its open steps and their assignments are closed, its timers dropped. */
export async function endInstance(tx: Executor, instance: InstanceRow, reason: string, now: Date): Promise<void> {
  const { workspaceId } = instance;
  const open = await tx
    .update(processTasks)
    .set({ status: 'cancelled', completedAt: now })
    .where(and(eq(processTasks.workspaceId, workspaceId), eq(processTasks.instanceId, instance.id), eq(processTasks.status, 'open')))
    .returning({ taskId: processTasks.taskId });
  for (const step of open)
    await closeAssignment(tx, { workspaceId, taskId: step.taskId, outcome: 'cancelled', actorId: null, note: reason });
  await tx
    .update(processSteps)
    .set({ status: 'cancelled', endedAt: now })
    .where(and(eq(processSteps.workspaceId, workspaceId), eq(processSteps.instanceId, instance.id), eq(processSteps.status, 'active')));
  await tx
    .delete(processTimers)
    .where(and(eq(processTimers.workspaceId, workspaceId), eq(processTimers.instanceId, instance.id), isNull(processTimers.firedAt)));
  await tx
    .update(processInstances)
    .set({ status: 'cancelled', error: reason, state: null, current: [], endedAt: now, updatedAt: now })
    .where(and(eq(processInstances.workspaceId, workspaceId), eq(processInstances.id, instance.id)));
}

// As many as the two cores the server is sized for: the database does half of each step's work, and
// more workers only lengthen other requests (measured: 4 fire ~10% faster, requests wait ~twice as long).
const SWEEP_WORKERS = 2;
/**
 * Instances whose timers fire in one transaction: locked and read with one statement, saved with one
 * commit. Each still holds its lock until the batch commits, so a batch stays short.
 */
const SWEEP_BATCH = 16;

/**
 * Fires the timers due by `now`, across workspaces, at most `limit` instances' worth: a few
 * instances per transaction, taken with `FOR UPDATE SKIP LOCKED` so that several processes
 * sweeping at once never run the same instance (nor fire a timer twice), yielding to the event
 * loop between instances. Returns how many timers fired.
 */
export async function fireDueTimers(db: Database, now: Date, limit = 1000, options: RunOptions = {}): Promise<number> {
  const { rows } = await db.execute<{
    workspace_id: string;
    instance_id: string;
    record_type: string | null;
    record_id: string | null;
  }>(sql`
    SELECT t.workspace_id, t.instance_id, i.record_type, i.record_id FROM process_timer t
    JOIN process_instance i ON i.workspace_id = t.workspace_id AND i.id = t.instance_id AND i.status = 'running'
    WHERE t.fired_at IS NULL AND t.due_at <= ${now.toISOString()}::timestamptz
    GROUP BY t.workspace_id, t.instance_id, i.record_type, i.record_id ORDER BY min(t.due_at) LIMIT ${limit}`);
  const refs: DueRef[] = rows.map((r) => ({
    workspaceId: r.workspace_id,
    id: r.instance_id,
    recordType: r.record_type,
    recordId: r.record_id,
  }));
  let fired = 0;
  let next = 0;
  const worker = async () => {
    while (next < refs.length) {
      const batch = refs.slice(next, next + SWEEP_BATCH);
      next += batch.length;
      // Not `fired += await …`: that reads `fired` before the wait and loses the other workers' counts.
      const n = await fireBatch(db, batch, now, options);
      fired += n;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SWEEP_WORKERS, Math.ceil(refs.length / SWEEP_BATCH)) }, worker));
  return fired;
}

const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Fires the due timers of a few instances in one transaction. When a step cannot be saved (not an
 * engine error, which fails its instance within the step), the batch is undone and its instances
 * run one by one, so the others still fire and the faulty one is failed apart: it does not come
 * back first at every sweep before the others.
 */
async function fireBatch(db: Database, batch: DueRef[], now: Date, options: RunOptions): Promise<number> {
  if (batch.length > 1) {
    try {
      return await db.transaction(async (tx) => {
        // The runs are saved together, with one statement at the end.
        const saves: SaveBatch = [];
        let fired = 0;
        for (const loaded of await lockAndLoadMany(tx, batch)) {
          fired += await fireLoaded(tx, loaded, now, options, saves);
          await yieldToRequests();
        }
        return fired + (await flushSaves(tx, saves));
      });
    } catch {
      // One by one below.
    }
  }
  let fired = 0;
  for (const ref of batch) {
    fired += await db
      .transaction(async (tx) => {
        const [loaded] = await lockAndLoadMany(tx, [ref]);
        return loaded ? fireLoaded(tx, loaded, now, options) : 0;
      })
      .catch(async (error: unknown) => {
        await failApart(db, ref.workspaceId, ref.id, error, now);
        return 0;
      });
    await yieldToRequests();
  }
  return fired;
}

async function failApart(db: Database, workspaceId: string, id: string, error: unknown, now: Date) {
  const message = error instanceof Error ? error.message : String(error);
  await db
    .update(processInstances)
    .set({ status: 'failed', error: message.slice(0, 2000), updatedAt: now })
    .where(and(eq(processInstances.workspaceId, workspaceId), eq(processInstances.id, id), eq(processInstances.status, 'running')));
}

/** Runs a locked instance's step when a timer of it is due (read after the lock: another sweep may have fired it in between). */
function fireLoaded(tx: Executor, loaded: Loaded, now: Date, options: RunOptions, saves?: SaveBatch): Promise<number> {
  if (![...loaded.knownDue.values()].some((dueAt) => dueAt.getTime() <= now.getTime())) return Promise.resolve(0);
  return advance(tx, loaded, { type: 'resume' }, now, options, undefined, saves).then((saved) => saved?.fired ?? 0);
}
