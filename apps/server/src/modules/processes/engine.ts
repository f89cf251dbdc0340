import { CLIENTELA_MODDLE, type TProcessFormField, type TProcessFormValues } from '@clientela/contract';
import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import { evaluate } from 'feelin';
import { deserialize, TypeResolver } from 'moddle-context-serializer';
import type { ActionHandler, ActionParams, StepContext } from './step-context.ts';

/**
 * A durable, step-wise runner around bpmn-engine: each call recovers an instance from its saved
 * state, does one thing (start, resume, signal a waiting task), runs until nothing can move
 * without a person or a timer, and hands back the new state with what happened. Timers are
 * recorded, never scheduled: the runtime keeps them in the database and fires them later.
 */

/** The service actions the engine may call, by `clientela:action`. */
/** A completion that came too late: a boundary event (a deadline) took the step away first. */
export class StepNotWaiting extends Error {}

export type ActionRegistry = Partial<Record<string, ActionHandler>>;

/** The variables conditions read: `record`, `form` and `results` (service outputs by element id). */
export type ProcessVariables = { record: Record<string, unknown>; form: TProcessFormValues; results: Record<string, unknown> };

/** A published model, parsed once and kept: the engine's serialized source and what the runtime reads from it. */
export type CompiledModel = {
  sourceContext: unknown;
  processId: string;
  startEvents: StartEventInfo[];
  /** Element id → name and type, for steps and the `current` list. */
  elements: Map<string, { name: string | null; type: string }>;
  /** Whether a service or send task calls an action (which may write): only then does a step need a savepoint. */
  hasActions: boolean;
};

export type StartEventInfo = {
  id: string;
  name: string | null;
  trigger: string;
  recordType: string | null;
  form: TProcessFormField[];
};

/** A user task waiting for a person. */
export type WaitingTask = {
  elementId: string;
  executionId: string;
  name: string | null;
  performer: string | null;
  performerId: string | null;
  due: string | null;
  form: TProcessFormField[];
};

export type EngineTimer = { elementId: string; executionId: string; expireAt: Date };

/** An element entered or left during a run. */
export type ActivityEvent = {
  /** `leave` without an `end` before it: discarded, or interrupted by a boundary event. */
  kind: 'start' | 'end' | 'leave' | 'error';
  elementId: string;
  executionId: string;
  elementType: string;
  name: string | null;
};

export type RunAction =
  | { type: 'start'; startEventId?: string }
  | { type: 'resume' }
  | { type: 'signal'; executionId: string; output: Record<string, unknown> };

export type RunResult = {
  /** The saved state without its source (recovered with the cached model); null when the engine never loaded. */
  state: unknown;
  ended: boolean;
  error: Error | null;
  waiting: WaitingTask[];
  timers: EngineTimer[];
  events: ActivityEvent[];
  results: Record<string, unknown>;
};

// ---- the minimal shapes of bpmn-engine / bpmn-elements objects this file touches ----

type ExtensionValue = { $type: string; [key: string]: unknown };
type Behaviour = {
  performer?: string;
  performerId?: string;
  due?: string;
  action?: string;
  extensionElements?: { values?: ExtensionValue[] };
  conditionExpression?: { language?: string; body?: string };
};
type Activity = {
  id: string;
  type: string;
  name?: string;
  behaviour: Behaviour;
  isSubProcess?: boolean;
  environment: { variables: Record<string, unknown> };
  on: (event: string, handler: (api: { content: { output?: unknown } }) => void) => void;
};
type ElementApi = {
  id: string;
  type: string;
  executionId: string;
  owner: Activity;
  content: { isRootScope?: boolean };
  signal: (message?: Record<string, unknown>) => void;
  discard: () => void;
  getPostponed: () => ElementApi[];
};
type MessageContent = { id: string; type: string; executionId: string; name?: string; parent?: { id: string; type: string } };
type Broker = {
  subscribeTmp: (
    exchange: string,
    pattern: string,
    handler: (routingKey: string, message: { content: MessageContent & Record<string, unknown> }) => void,
    options: { noAck: boolean; consumerTag: string; priority?: number },
  ) => void;
  cancel: (consumerTag: string) => void;
};
type RunningProcess = { environment: { variables: Record<string, unknown> } };
type Execution = {
  activityStatus: string;
  definitions: (RunningProcess & { getRunningProcesses: () => RunningProcess[] })[];
  getPostponed: () => ElementApi[];
};
type SavedEnvironment = { variables?: Record<string, unknown> } | undefined;
type EngineState = {
  definitions: { source?: unknown; environment?: SavedEnvironment; execution?: { processes?: { environment?: SavedEnvironment }[] } }[];
};
type RunningEngine = {
  state: string;
  broker: Broker;
  execution: Execution | null;
  on: (event: string, handler: (error: Error) => void) => void;
  execute: (options: { variables: Record<string, unknown> }) => Promise<unknown>;
  recover: (state: unknown) => unknown;
  resume: () => Promise<unknown>;
  getState: () => Promise<EngineState>;
  stop: () => Promise<void>;
};

type TimerOwner = { id?: string; executionId?: string; expireAt?: Date | string };
type TimerRef = { timerId: string; owner: TimerOwner | null; expireAt: Date; callback: (...args: unknown[]) => void; args: unknown[] };

/** Timers that are kept, not scheduled: bpmn-elements registers them here and the runtime fires them. */
function recordingTimers() {
  const pending = new Map<string, TimerRef>();
  let count = 0;
  const set = (owner: TimerOwner | null, callback: TimerRef['callback'], delay: number, args: unknown[]): TimerRef => {
    const expireAt = owner?.expireAt ? new Date(owner.expireAt) : new Date(Date.now() + delay);
    const ref = { timerId: `t${count++}`, owner, expireAt, callback, args };
    pending.set(ref.timerId, ref);
    return ref;
  };
  const clearTimeout = (ref: unknown) => {
    const id = (ref as Partial<TimerRef> | null)?.timerId;
    if (id) pending.delete(id);
  };
  return {
    register: (owner: TimerOwner) => ({
      setTimeout: (callback: TimerRef['callback'], delay: number, ...args: unknown[]) => set(owner, callback, delay, args),
      clearTimeout,
    }),
    setTimeout: (callback: TimerRef['callback'], delay: number, ...args: unknown[]) => set(null, callback, delay, args),
    clearTimeout,
    // The engine clears every running timer through this list when it stops.
    get executing() {
      return [...pending.values()];
    },
  };
}

/** FEEL conditions on sequence flows, over `record`, `form` and `results`. */
function feelScripts() {
  type Script = {
    execute: (
      scope: { environment: { variables: Record<string, unknown> } },
      callback: (error: Error | null, value?: unknown) => void,
    ) => void;
  };
  const scripts = new Map<string, Script>();
  return {
    register(element: { id: string; type: string; behaviour: Behaviour }) {
      if (element.type !== 'bpmn:SequenceFlow') return undefined;
      const { language, body } = element.behaviour.conditionExpression ?? {};
      if (!body || !language || !/^feel$/i.test(language)) return undefined;
      const script: Script = {
        execute(scope, callback) {
          try {
            const v = scope.environment.variables;
            const { value } = evaluate(body, { record: v.record ?? {}, form: v.form ?? {}, results: v.results ?? {} });
            callback(null, value === true);
          } catch (error) {
            callback(error instanceof Error ? error : new Error(String(error)));
          }
        },
      };
      scripts.set(element.id, script);
      return script;
    },
    getScript: (_language: string, { id }: { id: string }) => scripts.get(id),
  };
}

/** The `clientela:formField` extension elements of an element. */
export function formFieldsOf(behaviour: Behaviour | undefined): TProcessFormField[] {
  return (behaviour?.extensionElements?.values ?? [])
    .filter((value) => value.$type === 'clientela:FormField')
    .map((value) => ({
      key: String(value.key ?? ''),
      label: String(value.label ?? value.key ?? ''),
      type: (String(value.type ?? 'text') as TProcessFormField['type']) ?? 'text',
      required: value.required === true || value.required === 'true',
      options: typeof value.options === 'string' && value.options ? value.options.split('|').map((o) => o.trim()) : [],
    }));
}

/** The `clientela:param` extension elements of a service task. */
function paramsOf(behaviour: Behaviour): ActionParams {
  const params: ActionParams = {};
  for (const value of behaviour.extensionElements?.values ?? []) {
    if (value.$type === 'clientela:Param' && typeof value.name === 'string') params[value.name] = String(value.value ?? '');
  }
  return params;
}

/** Makes service tasks call the catalogue, keeps each task's output as `results.<id>`, and skips start events not chosen. */
function clientelaExtension(actions: ActionRegistry, stepOf: (elementId: string) => StepContext, startEventId: string | undefined) {
  return (element: unknown) => {
    const activity = element as Activity;
    const { type, behaviour } = activity;
    if ((type === 'bpmn:ServiceTask' || type === 'bpmn:SendTask') && behaviour.action) {
      const name = behaviour.action;
      // bpmn-elements calls `new behaviour.Service(activity)`: a function, not an arrow.
      (behaviour as Behaviour & { Service?: unknown }).Service = function ActionService() {
        return {
          execute(_message: unknown, callback: (error: Error | null, output?: unknown) => void) {
            const handler = actions[name];
            if (!handler) return callback(new Error(`The action ${name} is not known`));
            Promise.resolve()
              .then(() => {
                const results = (activity.environment.variables.results as Record<string, unknown> | undefined) ?? {};
                const step = stepOf(activity.id);
                // Each action in its own savepoint: a statement it got wrong is undone before an
                // error boundary takes the step on, and the rest of the step's work stays.
                return step.tx.transaction((sp) => handler({ ...step, tx: sp, results }, paramsOf(behaviour)));
              })
              .then(
                (output) => callback(null, output ?? {}),
                (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
              );
          },
        };
      };
    }
    if (type === 'bpmn:ServiceTask' || type === 'bpmn:SendTask' || type === 'bpmn:UserTask') {
      activity.on('end', (api) => {
        const variables = activity.environment.variables;
        variables.results = { ...(variables.results as Record<string, unknown> | undefined), [activity.id]: api.content.output ?? null };
      });
    }
    if (type === 'bpmn:StartEvent' && startEventId && activity.id !== startEventId) {
      activity.on('enter', (api) => (api as unknown as ElementApi).discard());
    }
    return undefined;
  };
}

const LRU_SIZE = 200;
const compiled = new Map<string, Promise<CompiledModel>>();

/** The parsed model of a version when it is cached (marked as just used), so its XML need not be read again. */
export function cachedModel(versionId: string): Promise<CompiledModel> | undefined {
  const hit = compiled.get(versionId);
  if (hit) {
    compiled.delete(versionId);
    compiled.set(versionId, hit);
  }
  return hit;
}

/** Parses a published model once per version (a bounded cache: the least recently used goes first). */
export function compileModel(versionId: string, xml: string): Promise<CompiledModel> {
  const hit = cachedModel(versionId);
  if (hit) return hit;
  const promise = parseModel(xml);
  compiled.set(versionId, promise);
  promise.catch(() => compiled.delete(versionId));
  while (compiled.size > LRU_SIZE) {
    const oldest = compiled.keys().next().value;
    if (oldest === undefined) break;
    compiled.delete(oldest);
  }
  return promise;
}

async function parseModel(xml: string): Promise<CompiledModel> {
  // The engine parses and serializes the model once; its serialized source is kept for every run.
  const parser = new Engine({
    source: xml,
    moddleOptions: { clientela: CLIENTELA_MODDLE },
    Logger: quietLogger,
  }) as unknown as RunningEngine;
  const [definition] = (await parser.getState()).definitions;
  if (typeof definition?.source !== 'string') throw new Error('The model has no definitions');
  const sourceContext = deserialize(JSON.parse(definition.source), TypeResolver(Elements as Record<string, unknown>));
  const [process] = sourceContext.getProcesses();
  if (!process?.id) throw new Error('The model has no process');
  const elements = new Map<string, { name: string | null; type: string }>();
  const startEvents: StartEventInfo[] = [];
  let hasActions = false;
  for (const activity of sourceContext.getActivities()) {
    if (!activity.id) continue;
    const behaviour = activity.behaviour as Behaviour & { trigger?: string; recordType?: string };
    if ((activity.type === 'bpmn:ServiceTask' || activity.type === 'bpmn:SendTask') && behaviour.action) hasActions = true;
    elements.set(activity.id, { name: activity.name ?? null, type: activity.type ?? '' });
    if (activity.type === 'bpmn:StartEvent' && activity.parent?.id === process.id) {
      startEvents.push({
        id: activity.id,
        name: activity.name ?? null,
        trigger: behaviour.trigger ?? 'manual',
        recordType: behaviour.recordType ?? null,
        form: formFieldsOf(behaviour),
      });
    }
  }
  return { sourceContext, processId: process.id, startEvents, elements, hasActions };
}

/**
 * Watches a run for all its phases: records the activity events, and `untilIdle()` waits until
 * nothing can move without a signal or a timer, rejecting on an engine error. The activity events
 * come through the engine's listener, called with each element message the engine passes on: a
 * broker subscription would copy every message of the run into one more queue.
 */
function watchRun(model: CompiledModel, events: ActivityEvent[], timeoutMs = 10_000) {
  let engine: RunningEngine | null = null;
  let waiter: ((result: { ended: boolean } | Error) => void) | null = null;
  let scheduled = false;
  // An error or the end seen while nobody waited: the next wait answers with it at once.
  let outcome: { ended: boolean } | Error | null = null;
  const settle = (result: { ended: boolean } | Error) => {
    if (waiter) waiter(result);
    else if (!(outcome instanceof Error)) outcome = result;
  };
  const check = () => {
    scheduled = false;
    if (!waiter || !engine) return;
    if (engine.state === 'error') return settle(new Error('The engine stopped on an error'));
    if (engine.execution?.activityStatus !== 'executing') settle({ ended: false });
  };
  const listener = {
    emit(key: string, api: { content: MessageContent } | undefined) {
      if (!key.startsWith('activity.')) return;
      const kind = KINDS[key];
      if (kind && api) {
        const c = api.content;
        // A recovered boundary event reports its event definition's type: the model says what the element is.
        const elementType = model.elements.get(c.id)?.type ?? c.type;
        events.push({ kind, elementId: c.id, executionId: c.executionId, elementType, name: c.name ?? null });
      }
      if (waiter && !scheduled) {
        scheduled = true;
        setImmediate(check);
      }
    },
  };
  /** Watches the engine's end and errors: call once the engine is made with `listener`. */
  const attach = (running: RunningEngine) => {
    engine = running;
    // Subscribing to engine.error routes the message, so the engine's own 'error' event does not fire.
    const options = (tag: string) => ({ noAck: true, consumerTag: tag, priority: 1000 });
    running.broker.subscribeTmp(
      'event',
      'engine.error',
      (_key, message) => settle(message.content instanceof Error ? message.content : errorOf(message.content)),
      options('_err'),
    );
    running.broker.subscribeTmp('event', 'engine.end', () => settle({ ended: true }), options('_end'));
  };
  return {
    listener,
    attach,
    /** The error seen outside any wait, if one was. */
    failure: () => (outcome instanceof Error ? outcome : null),
    /** Call before what sets the engine moving, then await. */
    untilIdle(): Promise<{ ended: boolean }> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error('The step ran too long')), timeoutMs);
        const finish = (result: { ended: boolean } | Error) => {
          waiter = null;
          clearTimeout(timer);
          result instanceof Error ? reject(result) : resolve(result);
        };
        if (outcome) {
          const seen = outcome;
          outcome = null;
          return finish(seen);
        }
        waiter = finish;
        scheduled = true;
        setImmediate(check);
      });
    },
  };
}

const KINDS: Record<string, ActivityEvent['kind']> = {
  'activity.start': 'start',
  'activity.end': 'end',
  'activity.leave': 'leave',
  'activity.error': 'error',
};

function errorOf(content: Record<string, unknown>): Error {
  const inner = content.inner ?? content.error;
  if (inner instanceof Error) return inner;
  return new Error(typeof content.message === 'string' ? content.message : 'The process failed');
}

/** Every postponed element, into sub-processes. */
function postponed(execution: Execution): ElementApi[] {
  const out = new Map<string, ElementApi>();
  const visit = (apis: ElementApi[]) => {
    for (const api of apis) {
      if (out.has(api.executionId)) continue;
      out.set(api.executionId, api);
      if (api.owner?.isSubProcess || api.type === 'bpmn:SubProcess') visit(api.getPostponed() ?? []);
    }
  };
  visit(execution.getPostponed());
  return [...out.values()];
}

// The default logger makes a `debug` namespace per element on every run: measurable CPU for nothing.
const silent = () => undefined;
const quietLogger = () => ({ debug: silent, error: silent, warn: silent });

/** A saved environment without the variables every run sets itself. */
function withoutInputs(environment: SavedEnvironment) {
  if (!environment?.variables) return;
  const { record: _record, form: _form, ...rest } = environment.variables;
  environment.variables = rest;
}

const WAIT_TYPES = new Set(['bpmn:UserTask', 'bpmn:ManualTask', 'bpmn:ReceiveTask']);

/**
 * Runs one step of an instance: starts it, or recovers it from `state` and fires the timers due by
 * `now`, then signals the waiting task when asked; runs until idle and returns the new state.
 * `variables` (the record, the form so far) are set on the process before it moves on.
 */
export async function runStep(options: {
  model: CompiledModel;
  state: unknown;
  action: RunAction;
  variables: Pick<ProcessVariables, 'record' | 'form'>;
  actions: ActionRegistry;
  stepOf: (elementId: string) => StepContext;
  now: Date;
  /** The due times (on our clock) of the instance's timers saved before, by execution id. */
  knownDue?: ReadonlyMap<string, Date>;
}): Promise<RunResult> {
  const { model, action, variables } = options;
  const timers = recordingTimers();
  // bpmn-elements measures timers by the real clock; ours may run ahead (a moved test clock). A
  // timer is due by our clock: its saved due time, or, when new, its delay from our `now`.
  const skew = options.now.getTime() - Date.now();
  const dueOf = (t: TimerRef) => options.knownDue?.get(t.owner?.executionId ?? t.timerId) ?? new Date(t.expireAt.getTime() + skew);
  const startEventId = action.type === 'start' ? action.startEventId : undefined;
  const events: ActivityEvent[] = [];
  const watch = watchRun(model, events);
  const engine = new Engine({
    name: 'clientela',
    sourceContext: model.sourceContext as never,
    Logger: quietLogger,
    scripts: feelScripts() as never,
    timers: timers as never,
    extensions: { clientela: clientelaExtension(options.actions, options.stepOf, startEventId) } as never,
    listener: watch.listener as never,
  }) as unknown as RunningEngine;
  watch.attach(engine);
  let error: Error | null = null;
  engine.on('error', (e) => {
    error = e;
  });
  // The record and the form are not saved with the state (see below): set again on every recovered run.
  const setVariables = () => {
    for (const definition of engine.execution?.definitions ?? []) {
      Object.assign(definition.environment.variables, variables);
      for (const process of definition.getRunningProcesses()) Object.assign(process.environment.variables, variables);
    }
  };
  let ended = false;
  try {
    if (action.type === 'start') {
      const idle = watch.untilIdle();
      await engine.execute({ variables: { ...variables, results: {} } });
      ended = (await idle).ended;
    } else {
      engine.recover(options.state);
      setVariables();
      const idle = watch.untilIdle();
      await engine.resume();
      ended = (await idle).ended;
      // Those due by our clock are fired by hand.
      const due = timers.executing.filter((t) => dueOf(t).getTime() <= options.now.getTime());
      if (!ended && due.length > 0) {
        const fired = watch.untilIdle();
        for (const t of due) {
          timers.clearTimeout(t);
          t.callback(...t.args);
        }
        ended = (await fired).ended;
      }
    }
    if (action.type === 'signal' && !ended && engine.execution) {
      const api = postponed(engine.execution).find((a) => a.executionId === action.executionId);
      if (!api) throw new StepNotWaiting('The step is not waiting any more: its deadline passed first');
      Object.assign(api.owner.environment.variables, variables);
      const idle = watch.untilIdle();
      api.signal(action.output);
      ended = (await idle).ended;
    }
  } catch (e) {
    error = e instanceof Error ? e : new Error(String(e));
  }
  error ??= watch.failure();
  const execution = engine.execution;
  if (!execution)
    return { state: null, ended: false, error: error ?? new Error('The model did not load'), waiting: [], timers: [], events, results: {} };
  const waiting =
    ended || error
      ? []
      : postponed(execution)
          .filter((api) => WAIT_TYPES.has(api.type))
          .map((api) => ({
            elementId: api.id,
            executionId: api.executionId,
            name: api.owner.name ?? null,
            performer: api.owner.behaviour.performer ?? null,
            performerId: api.owner.behaviour.performerId ?? null,
            due: api.owner.behaviour.due ?? null,
            form: formFieldsOf(api.owner.behaviour),
          }));
  const timerList = ended
    ? []
    : timers.executing.map((t) => ({ elementId: t.owner?.id ?? '', executionId: t.owner?.executionId ?? t.timerId, expireAt: dueOf(t) }));
  const processVariables = execution.definitions[0]?.getRunningProcesses()[0]?.environment.variables;
  const state = ended ? null : await engine.getState();
  // The source is the cached model's, the record and the form are read afresh for each run (the
  // record from its table, the form from the instance): neither is saved with every state.
  if (state) {
    for (const definition of state.definitions) {
      delete definition.source;
      withoutInputs(definition.environment);
      for (const process of definition.execution?.processes ?? []) withoutInputs(process.environment);
    }
  }
  // No engine.stop(): its timers are only recorded and nothing else can wake it, so it is simply
  // dropped (stopping costs a millisecond and a half per step for nothing).
  return {
    state,
    ended,
    error,
    waiting,
    timers: timerList,
    events,
    results: (processVariables?.results as Record<string, unknown> | undefined) ?? {},
  };
}
