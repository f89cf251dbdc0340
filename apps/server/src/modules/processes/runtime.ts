import type { TProcessFormField, TProcessFormValues } from '@clientela/contract';
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { type ActionRegistry, type CompiledModel, compileModel, type RunAction, type RunResult, runStep } from './engine.ts';
import { closeAssignment, openAssignment, resolvePerformer, senderOf } from './performers.ts';
import { processDefinitions, processInstances, processSteps, processTasks, processTimers, processVersions } from './processes.table.ts';
import { loadRecordData, type RecordData } from './record-data.ts';
import { ACTIONS, provideStartInstance } from './services.ts';
import type { ProcessRecord, StartInstance, StartInstanceInput, StepContext } from './step-context.ts';

/** How a run is done: the service actions it may call (the catalogue unless a test passes its own). */
export type RunOptions = { actions?: ActionRegistry };

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
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'Expected a day (YYYY-MM-DD)';
    case 'select':
      return typeof value === 'string' && field.options.includes(value) ? null : `Expected one of: ${field.options.join(', ')}`;
  }
}

/** `now` plus an ISO 8601 duration (`P2D`, `PT4H`, `P1M`); null when it is not one. */
export function addDuration(now: Date, iso: string): Date | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso.trim());
  if (!m || iso.trim() === 'P' || iso.trim().endsWith('T')) return null;
  const [, y, mo, w, d, h, mi, s] = m.map((part) => Number(part ?? 0));
  const at = new Date(now);
  at.setUTCFullYear(at.getUTCFullYear() + (y ?? 0), at.getUTCMonth() + (mo ?? 0), at.getUTCDate() + (w ?? 0) * 7 + (d ?? 0));
  return new Date(at.getTime() + ((h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0)) * 1000);
}

/** An instance with what a run needs, loaded in the step's transaction. */
type Loaded = {
  instance: InstanceRow;
  model: CompiledModel;
  processName: string;
  creatorId: string | null;
  record: RecordData | null;
};

/** Locks an instance row for the step (`SELECT … FOR UPDATE`); null when missing, or taken by another process with `skipLocked`. */
export async function lockInstance(tx: Executor, workspaceId: string, id: string, skipLocked = false): Promise<InstanceRow | null> {
  const query = tx
    .select()
    .from(processInstances)
    .where(and(eq(processInstances.workspaceId, workspaceId), eq(processInstances.id, id)));
  const [row] = skipLocked ? await query.for('update', { skipLocked: true }) : await query.for('update');
  return row ?? null;
}

async function load(tx: Executor, instance: InstanceRow): Promise<Loaded> {
  const [row] = await tx
    .select({ xml: processVersions.xml, name: processDefinitions.name, createdBy: processDefinitions.createdBy })
    .from(processVersions)
    .innerJoin(
      processDefinitions,
      and(eq(processDefinitions.workspaceId, processVersions.workspaceId), eq(processDefinitions.id, processVersions.definitionId)),
    )
    .where(and(eq(processVersions.workspaceId, instance.workspaceId), eq(processVersions.id, instance.versionId)));
  if (!row) throw new Error(`The version of instance ${instance.id} is gone`);
  const record = recordOf(instance);
  return {
    instance,
    model: await compileModel(instance.versionId, row.xml),
    processName: row.name,
    creatorId: row.createdBy,
    record: record ? await loadRecordData(tx, instance.workspaceId, record) : null,
  };
}

function recordOf(instance: InstanceRow): ProcessRecord | null {
  return instance.recordType && instance.recordId ? ({ type: instance.recordType, id: instance.recordId } as ProcessRecord) : null;
}

/** Who completed a user step in this run, to be named on its step. */
type Completion = { executionId: string; actorId: string | null };

/**
 * Runs one step of a locked instance and saves what it did, in the caller's transaction. The run
 * and what its actions wrote sit in a savepoint: when the engine fails, they are undone and the
 * instance is marked failed with its last good state, to be retried. Returns how many timers fired.
 */
async function advance(
  tx: Executor,
  loaded: Loaded,
  action: RunAction,
  now: Date,
  options: RunOptions,
  completion?: Completion,
): Promise<number> {
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
  const saved =
    action.type === 'start'
      ? []
      : await tx
          .select({ executionId: processTimers.executionId, dueAt: processTimers.dueAt })
          .from(processTimers)
          .where(
            and(
              eq(processTimers.workspaceId, instance.workspaceId),
              eq(processTimers.instanceId, instance.id),
              isNull(processTimers.firedAt),
            ),
          );
  const knownDue = new Map(saved.map((t) => [t.executionId, t.dueAt]));
  try {
    return await tx.transaction(async (sp) => {
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
      if (result.error) {
        failed = result;
        throw result.error;
      }
      return persist(sp, loaded, result, now, completion);
    });
  } catch (error) {
    if (!failed) throw error;
    await markFailed(tx, loaded, failed, error, now);
    return 0;
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

/** Saves a run: the state and where it waits, its steps, its timers, and the assignments of new user steps. */
async function persist(tx: Executor, loaded: Loaded, result: RunResult, now: Date, completion?: Completion): Promise<number> {
  const { instance, model } = loaded;
  const workspaceId = instance.workspaceId;
  const ofInstance = <T extends typeof processSteps | typeof processTimers | typeof processTasks>(table: T) =>
    and(eq(table.workspaceId, workspaceId), eq(table.instanceId, instance.id));

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
  // Timers: kept while they wait; those gone from the engine fired when due, else went with their step. One statement.
  const waitingTimers = sql`${sql.param(result.timers.map((t) => t.executionId))}::text[]`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const goneTimers = sql`workspace_id = ${workspaceId} AND instance_id = ${instance.id} AND fired_at IS NULL AND NOT (execution_id = ANY(${waitingTimers}))`;
  const keep =
    result.timers.length === 0
      ? sql``
      : sql`kept AS (INSERT INTO process_timer (workspace_id, instance_id, execution_id, element_id, due_at) VALUES ${sql.join(
          result.timers.map(
            (t) =>
              sql`(${workspaceId}::uuid, ${instance.id}::uuid, ${t.executionId}, ${t.elementId}, ${t.expireAt.toISOString()}::timestamptz)`,
          ),
          sql`, `,
        )} ON CONFLICT (workspace_id, instance_id, execution_id) DO UPDATE SET due_at = excluded.due_at RETURNING 1),`;
  const { rows: fired } = await tx.execute<{ id: string }>(sql`
    WITH ${keep} discarded AS (DELETE FROM process_timer WHERE ${goneTimers} AND due_at > ${at} RETURNING id)
    UPDATE process_timer SET fired_at = ${at} WHERE ${goneTimers} AND due_at <= ${at} RETURNING id`);

  // User steps: the new ones become assignments; those the process left behind are closed.
  const known = await tx
    .select({ id: processTasks.id, executionId: processTasks.executionId, status: processTasks.status, taskId: processTasks.taskId })
    .from(processTasks)
    .where(ofInstance(processTasks));
  const waiting = new Set(result.waiting.map((w) => w.executionId));
  for (const step of known) {
    if (step.status !== 'open' || waiting.has(step.executionId)) continue;
    await tx
      .update(processTasks)
      .set({ status: 'cancelled', completedAt: now })
      .where(and(eq(processTasks.workspaceId, workspaceId), eq(processTasks.id, step.id)));
    await closeAssignment(tx, {
      workspaceId,
      taskId: step.taskId,
      outcome: 'cancelled',
      actorId: null,
      note: 'The process went on without this step',
    });
  }
  const seen = new Set(known.map((k) => k.executionId));
  const taskOf = new Map<string, string>();
  for (const task of result.waiting) {
    if (seen.has(task.executionId) || task.elementId === '') continue;
    const performer = await resolvePerformer(tx, {
      workspaceId,
      kind: task.performer,
      id: task.performerId,
      record: loaded.record,
      fallbackUserId: instance.startedBy ?? loaded.creatorId,
    });
    const recordName = loaded.record?.name;
    const taskId = await openAssignment(tx, {
      workspaceId,
      title: task.name ?? task.elementId,
      description: recordName ? `${loaded.processName}: ${recordName}` : loaded.processName,
      dueAt: task.due ? addDuration(now, task.due) : null,
      senderId: await senderOf(tx, workspaceId, [instance.startedBy, loaded.creatorId]),
      performer,
      record: recordOf(instance),
    });
    await tx.insert(processTasks).values({
      workspaceId,
      instanceId: instance.id,
      executionId: task.executionId,
      elementId: task.elementId,
      name: task.name,
      taskId,
      form: task.form,
      createdAt: now,
    });
    taskOf.set(task.executionId, taskId);
  }

  if (started.size > 0) {
    await tx
      .insert(processSteps)
      .values(
        [...started].map(([executionId, e]) => ({
          workspaceId,
          instanceId: instance.id,
          executionId,
          elementId: e.elementId,
          elementType: e.elementType,
          name: e.name,
          status: ended.get(executionId) ?? ('active' as const),
          startedAt: now,
          endedAt: ended.has(executionId) ? now : null,
          taskId: taskOf.get(executionId) ?? null,
        })),
      )
      .onConflictDoNothing();
  }
  const earlier = [...ended].filter(([executionId]) => !started.has(executionId));
  for (const status of ['completed', 'cancelled', 'failed'] as const) {
    const ids = earlier.filter(([, s]) => s === status).map(([id]) => id);
    if (ids.length === 0) continue;
    await tx
      .update(processSteps)
      .set({
        status,
        endedAt: now,
        // Who completed a user step in this run, named on it.
        ...(completion && status === 'completed'
          ? {
              actorId: sql`CASE WHEN ${processSteps.executionId} = ${completion.executionId} THEN ${completion.actorId}::uuid ELSE ${processSteps.actorId} END`,
            }
          : {}),
      })
      .where(and(ofInstance(processSteps), eq(processSteps.status, 'active'), inArray(processSteps.executionId, ids)));
  }
  // Where it waits now, each since it first got there.
  const since = new Map(instance.current.map((c) => [c.elementId, c.since]));
  const current = new Map<string, { elementId: string; name: string | null; since: string }>();
  for (const at of [...result.waiting.map((w) => w.elementId), ...result.timers.map((t) => t.elementId)]) {
    if (!current.has(at))
      current.set(at, { elementId: at, name: model.elements.get(at)?.name ?? null, since: since.get(at) ?? now.toISOString() });
  }
  await tx
    .update(processInstances)
    .set({
      state: result.state,
      current: [...current.values()],
      status: result.ended ? 'completed' : 'running',
      error: null,
      form: instance.form,
      endedAt: result.ended ? now : null,
      updatedAt: now,
    })
    .where(and(eq(processInstances.workspaceId, workspaceId), eq(processInstances.id, instance.id)));
  return fired.length;
}

/**
 * Starts the published version of a process: checks the start event and its form (400 naming
 * `form.<key>`), saves the instance and runs it until it waits for a person or a timer.
 */
export const startInstance = async (
  db: Executor,
  input: StartInstanceInput,
  now: Date,
  options: RunOptions = {},
): Promise<{ id: string }> =>
  db.transaction(async (tx) => {
    const { workspaceId } = input;
    const [definition] = await tx
      .select({ publishedVersion: processDefinitions.publishedVersion })
      .from(processDefinitions)
      .where(
        and(
          eq(processDefinitions.workspaceId, workspaceId),
          eq(processDefinitions.id, input.definitionId),
          isNull(processDefinitions.deletedAt),
        ),
      );
    if (!definition) throw notFound('process');
    const [version] =
      definition.publishedVersion === null
        ? []
        : await tx
            .select({ id: processVersions.id, xml: processVersions.xml })
            .from(processVersions)
            .where(
              and(
                eq(processVersions.workspaceId, workspaceId),
                eq(processVersions.definitionId, input.definitionId),
                eq(processVersions.version, definition.publishedVersion),
              ),
            );
    if (!version) throw processError('process_not_published', 'The process has no published version yet');
    const model = await compileModel(version.id, version.xml);
    const start = input.startEventId
      ? model.startEvents.find((e) => e.id === input.startEventId)
      : model.startEvents.length === 1
        ? model.startEvents[0]
        : model.startEvents.find((e) => e.trigger === 'manual' || e.trigger === 'form');
    if (!start) {
      throw new AppError('validation_failed', 'Say which start event starts it', {
        errors: [{ path: 'startEventId', message: input.startEventId ? 'No such start event' : 'Required: the process has several' }],
      });
    }
    const form = input.form ?? {};
    if (start.trigger === 'manual' || start.trigger === 'form') checkFormValues(start.form, form, 'form');
    if (start.recordType && input.record?.type !== start.recordType) {
      throw new AppError('validation_failed', `The process runs on a ${start.recordType}`, {
        errors: [{ path: 'record', message: `Choose a ${start.recordType}` }],
      });
    }
    if (input.record && !(await loadRecordData(tx, workspaceId, input.record))) {
      throw new AppError('validation_failed', `No such ${input.record.type}`, {
        errors: [{ path: 'record', message: `No such ${input.record.type}` }],
      });
    }
    const [instance] = await tx
      .insert(processInstances)
      .values({
        workspaceId,
        definitionId: input.definitionId,
        versionId: version.id,
        recordType: input.record?.type ?? null,
        recordId: input.record?.id ?? null,
        form,
        state: { pendingStart: start.id } satisfies PendingStart,
        startedBy: input.actorId,
        startedAt: now,
        updatedAt: now,
      })
      .returning();
    if (!instance) throw new Error('instance insert returned nothing');
    await advance(tx, await load(tx, instance), { type: 'start', startEventId: start.id }, now, options);
    return { id: instance.id };
  });

provideStartInstance(startInstance satisfies StartInstance);

/**
 * Completes a waiting user step of a locked, running instance with the values filled: merges
 * them into the instance's form, signals the engine and runs on. The caller has checked who
 * completes it and marked the step and its assignment done.
 */
export async function signalUserStep(
  tx: Executor,
  instance: InstanceRow,
  step: { executionId: string; taskId: string; values: TProcessFormValues; actorId: string },
  now: Date,
  options: RunOptions = {},
): Promise<void> {
  const merged = { ...instance, form: { ...instance.form, ...step.values } };
  await advance(tx, await load(tx, merged), { type: 'signal', executionId: step.executionId, output: step.values }, now, options, {
    executionId: step.executionId,
    actorId: step.actorId,
  });
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

const SWEEP_WORKERS = 4;

/**
 * Fires the timers due by `now`, across workspaces, at most `limit` instances' worth: each
 * instance in its own transaction, taken with `FOR UPDATE SKIP LOCKED` so that several processes
 * sweeping at once never run the same instance (nor fire a timer twice), yielding to the event
 * loop between instances. Returns how many timers fired.
 */
export async function fireDueTimers(db: Database, now: Date, limit = 1000, options: RunOptions = {}): Promise<number> {
  const { rows } = await db.execute<{ workspace_id: string; instance_id: string }>(sql`
    SELECT workspace_id, instance_id FROM process_timer
    WHERE fired_at IS NULL AND due_at <= ${now.toISOString()}::timestamptz
    GROUP BY workspace_id, instance_id ORDER BY min(due_at) LIMIT ${limit}`);
  let fired = 0;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      if (!row) break;
      // Not `fired += await …`: that reads `fired` before the wait and loses the other workers' counts.
      const n = await fireInstance(db, row.workspace_id, row.instance_id, now, options);
      fired += n;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: Math.min(SWEEP_WORKERS, rows.length) }, worker));
  return fired;
}

async function fireInstance(db: Database, workspaceId: string, id: string, now: Date, options: RunOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const instance = await lockInstance(tx, workspaceId, id, true);
    if (instance?.status !== 'running') return 0;
    // Read after the lock: another sweep may have fired them in between.
    const [due] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(processTimers)
      .where(
        and(
          eq(processTimers.workspaceId, workspaceId),
          eq(processTimers.instanceId, id),
          isNull(processTimers.firedAt),
          lte(processTimers.dueAt, now),
        ),
      );
    if (!due?.n) return 0;
    return advance(tx, await load(tx, instance), { type: 'resume' }, now, options);
  });
}
