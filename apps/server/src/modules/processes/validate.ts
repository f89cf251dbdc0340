import {
  ACTIVITY_TYPES,
  FORM_FIELD_TYPES,
  PERFORMER_KINDS,
  PROCESS_RECORD_TYPES,
  SERVICE_ACTION_PARAMS,
  SERVICE_ACTIONS,
  START_TRIGGERS,
  type TFormFieldType,
  type TPerformerKind,
  type TProcessProblem,
  type TProcessProblemCode,
  type TProcessValidation,
  type TServiceAction,
  type TStartTrigger,
} from '@clientela/contract';
import cronParser from 'cron-parser';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { evaluate, parseExpression } from 'feelin';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { units } from '../units/index.ts';
import { users } from '../users/index.ts';
import {
  actionOf,
  allFlowElementsOf,
  type BpmnElement,
  type BpmnModel,
  conditionOf,
  flowElementsOf,
  flowsAround,
  labelOf,
  paramsOf,
  parseBpmn,
  performerOf,
  processesOf,
  rawFormFieldsOf,
  rawTriggerOf,
  startEventsOf,
} from './model.ts';
import { processDefinitions } from './processes.table.ts';

/** What the check asks of the workspace: whether the people, units and processes a model names exist. */
export type ValidationLookups = {
  isActiveUser: (id: string) => Promise<boolean>;
  isUnit: (id: string) => Promise<boolean>;
  isPublishedDefinition: (id: string) => Promise<boolean>;
  /** The process being checked, so that it does not start itself. */
  definitionId?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The look-ups of one workspace, through the given executor (a transaction's, when publishing). */
export function workspaceLookups(db: Executor, workspaceId: string, definitionId?: string): ValidationLookups {
  return {
    ...(definitionId ? { definitionId } : {}),
    isActiveUser: async (id) =>
      UUID.test(id) &&
      (
        await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id), eq(users.active, true)))
      ).length > 0,
    isUnit: async (id) =>
      UUID.test(id) &&
      (
        await db
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.workspaceId, workspaceId), eq(units.id, id)))
      ).length > 0,
    isPublishedDefinition: async (id) =>
      UUID.test(id) &&
      (
        await db
          .select({ id: processDefinitions.id })
          .from(processDefinitions)
          .where(
            and(
              eq(processDefinitions.workspaceId, workspaceId),
              eq(processDefinitions.id, id),
              isNull(processDefinitions.deletedAt),
              isNotNull(processDefinitions.publishedVersion),
            ),
          )
      ).length > 0,
  };
}

/** Checks a model's XML as publication does; XML that is not BPMN is one `bpmn_invalid` error. */
export async function validateModel(xml: string, lookups: ValidationLookups): Promise<TProcessValidation> {
  let model: BpmnModel;
  try {
    model = await parseBpmn(xml);
  } catch (error) {
    if (error instanceof AppError) return { errors: [{ elementId: null, code: 'bpmn_invalid', message: error.message }], warnings: [] };
    throw error;
  }
  return checkModel(model, lookups);
}

/** Whether a text is an ISO 8601 duration such as `P2D`, `PT4H`, `P1DT2H`, `P1W`. */
export function isIsoDuration(value: string): boolean {
  return /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(value.trim());
}

/** Whether a text is an ISO 8601 date or date-time (`2026-03-01`, `2026-03-01T09:00:00Z`). */
export function isIsoDate(value: string): boolean {
  const text = value.trim();
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** Whether a text is an ISO 8601 repeating interval: `R3/PT1H`, `R/2026-01-01T09:00:00Z/P1D`, `R2/P1D/2026-06-01`. */
export function isIsoCycle(value: string): boolean {
  const parts = value.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || !/^R\d*$/.test(parts[0] ?? '')) return false;
  const rest = parts.slice(1);
  if (rest.length === 1) return isIsoDuration(rest[0] ?? '');
  const [a = '', b = ''] = rest;
  return (isIsoDate(a) && isIsoDuration(b)) || (isIsoDuration(a) && isIsoDate(b)) || (isIsoDate(a) && isIsoDate(b));
}

/** The variables conditions are written over. */
const FEEL_CONTEXT = { record: {}, form: {}, results: {} };

/** The FEEL syntax error of an expression (feelin's own message), or null when it parses. */
export function feelSyntaxError(expression: string): string | null {
  let broken = false;
  parseExpression(expression, FEEL_CONTEXT, undefined).iterate({
    enter(node) {
      if (node.type.isError) broken = true;
      return !broken;
    },
  });
  if (!broken) return null;
  try {
    // Only reached for a broken expression: the interpreter refuses it before evaluating anything.
    evaluate(expression, FEEL_CONTEXT);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'Not a valid FEEL expression';
}

/** Whether a cron expression is one cron-parser reads. */
export function cronError(cron: string): string | null {
  try {
    cronParser.parseExpression(cron);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// What the engine does not run, by type: named so the author knows what to replace.
const UNSUPPORTED: Record<string, string> = {
  'bpmn:ScriptTask': 'script tasks are not run here; use a service task',
  'bpmn:BusinessRuleTask': 'business rule tasks are not run here; use a gateway with conditions',
  'bpmn:ComplexGateway': 'complex gateways are not supported; use an inclusive or exclusive gateway',
  'bpmn:Transaction': 'transactions are not supported; use a sub-process',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported; use a sub-process',
};
const UNSUPPORTED_EVENTS: Record<string, string> = {
  'bpmn:CompensateEventDefinition': 'compensation is not supported',
  'bpmn:CancelEventDefinition': 'cancel events belong to transactions, which are not supported',
  'bpmn:ConditionalEventDefinition': 'conditional events are not supported; use a gateway with conditions',
};

const GATEWAYS_WITH_CONDITIONS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);
const ROLES = ['admin', 'manager', 'employee'];
const listOf = (value: unknown): BpmnElement[] => (Array.isArray(value) ? (value as BpmnElement[]) : []);
const idOf = (element: BpmnElement | undefined): string | null => element?.id ?? null;

/** Checks a parsed model: every error that stops publication, and warnings worth a look. */
export async function checkModel(model: BpmnModel, lookups: ValidationLookups): Promise<TProcessValidation> {
  const errors: TProcessProblem[] = [];
  const warnings: TProcessProblem[] = model.warnings.map((message) => ({ elementId: null, code: 'moddle_warning', message }));
  const error = (element: BpmnElement | null, code: TProcessProblemCode, message: string) =>
    errors.push({ elementId: element ? idOf(element) : null, code, message });
  const warn = (element: BpmnElement | null, code: TProcessProblemCode, message: string) =>
    warnings.push({ elementId: element ? idOf(element) : null, code, message });

  const processes = processesOf(model);
  const executable = processes.filter((process) => process.isExecutable === true);
  if (processes.length === 0) {
    error(null, 'no_process', 'The model has no process');
    return { errors, warnings };
  }
  if (executable.length !== 1) {
    const only = processes.length === 1 ? (processes[0] ?? null) : null;
    error(
      only,
      'no_process',
      executable.length === 0
        ? only
          ? `Process ${labelOf(only)} is not marked executable`
          : `None of the ${processes.length} processes is marked executable; mark the one to run`
        : `${executable.length} processes are marked executable; only one may be`,
    );
    return { errors, warnings };
  }
  const process = executable[0] as BpmnElement;
  const starts = startEventsOf(process);
  if (starts.length === 0) error(process, 'no_start_event', `Process ${labelOf(process)} has no start event`);
  if (!flowElementsOf(process).some((element) => element.$type === 'bpmn:EndEvent')) {
    warn(process, 'no_end_event', `Process ${labelOf(process)} has no end event`);
  }
  for (const start of starts) checkStartTrigger(start, error);

  const walk = async (container: BpmnElement) => {
    const flows = flowsAround(container);
    for (const element of flowElementsOf(container)) {
      await checkElement(element, flows, lookups, error);
      if (Array.isArray(element.flowElements)) await walk(element);
    }
    for (const node of unreachableIn(container)) warn(node, 'unreachable', `${labelOf(node)} cannot be reached from a start event`);
  };
  await walk(process);
  checkStartLoops(process, starts, lookups, error);
  return { errors, warnings };
}

/**
 * A process that starts itself would run for ever: a step that starts this very process, or one
 * that creates the kind of record whose creation starts it (each new instance creates the next).
 */
function checkStartLoops(process: BpmnElement, starts: BpmnElement[], lookups: ValidationLookups, error: Report) {
  const startedByCreation = new Set(
    starts.flatMap((start) => {
      const trigger = rawTriggerOf(start);
      return trigger.kind === 'recordCreated' && trigger.recordType ? [trigger.recordType] : [];
    }),
  );
  for (const element of allFlowElementsOf(process)) {
    const action = actionOf(element);
    const params = paramsOf(element);
    if (action === 'startProcess' && lookups.definitionId && params.definitionId === lookups.definitionId) {
      error(element, 'start_loop', `${labelOf(element)} starts this same process, which would start it again without end`);
    }
    if (action === 'createRecord' && params.recordType && startedByCreation.has(params.recordType)) {
      error(
        element,
        'start_loop',
        `${labelOf(element)} creates a ${params.recordType}, and a new ${params.recordType} starts this process again`,
      );
    }
  }
}

type Report = (element: BpmnElement | null, code: TProcessProblemCode, message: string) => void;
type Flows = ReturnType<typeof flowsAround>;

function checkStartTrigger(start: BpmnElement, error: Report) {
  const trigger = rawTriggerOf(start);
  const where = `Start event ${labelOf(start)}`;
  if (!START_TRIGGERS.includes(trigger.kind as TStartTrigger)) {
    error(start, 'start_trigger_invalid', `${where} has an unknown trigger "${trigger.kind}"; use one of ${START_TRIGGERS.join(', ')}`);
    return;
  }
  const recordTypeOk = trigger.recordType !== null && (PROCESS_RECORD_TYPES as readonly string[]).includes(trigger.recordType);
  if (trigger.recordType !== null && !recordTypeOk) {
    error(start, 'start_trigger_invalid', `${where}: "${trigger.recordType}" is not a record type (${PROCESS_RECORD_TYPES.join(', ')})`);
  } else if ((trigger.kind === 'recordCreated' || trigger.kind === 'fieldChanged') && !recordTypeOk) {
    error(
      start,
      'start_trigger_invalid',
      `${where} needs the record type whose ${trigger.kind === 'recordCreated' ? 'creation' : 'change'} starts it`,
    );
  }
  if (trigger.kind === 'fieldChanged' && !trigger.field)
    error(start, 'start_trigger_invalid', `${where} needs the field whose change starts it`);
  if (trigger.kind === 'schedule') {
    const problem = trigger.cron ? cronError(trigger.cron) : 'no cron expression';
    if (problem) error(start, 'start_trigger_invalid', `${where} needs a valid schedule (cron such as "0 9 * * 1"): ${problem}`);
  }
  if (trigger.kind === 'form' && rawFormFieldsOf(start).length === 0) {
    error(start, 'start_trigger_invalid', `${where} starts with a form but the form has no fields`);
  }
}

async function checkElement(element: BpmnElement, flows: Flows, lookups: ValidationLookups, error: Report) {
  const label = labelOf(element);
  const unsupported = UNSUPPORTED[element.$type];
  if (unsupported) error(element, 'unsupported_element', `${label}: ${unsupported}`);
  if (element.isForCompensation === true) error(element, 'unsupported_element', `${label}: compensation is not supported`);
  for (const definition of listOf(element.eventDefinitions)) {
    const why = UNSUPPORTED_EVENTS[definition.$type];
    if (why) error(element, 'unsupported_element', `${label}: ${why}`);
    if (definition.$type === 'bpmn:TimerEventDefinition') checkTimer(element, definition, error);
  }
  switch (element.$type) {
    case 'bpmn:StartEvent':
      checkFormFields(element, error);
      break;
    case 'bpmn:UserTask':
      await checkPerformer(element, lookups, error);
      checkFormFields(element, error);
      break;
    case 'bpmn:ServiceTask':
    case 'bpmn:SendTask':
      await checkAction(element, lookups, error);
      break;
    case 'bpmn:SequenceFlow':
      checkCondition(element, error);
      break;
  }
  if (GATEWAYS_WITH_CONDITIONS.has(element.$type)) {
    const outgoing = flows.outgoing(element);
    const fallback = element.default as BpmnElement | undefined;
    if (outgoing.length > 1) {
      for (const flow of outgoing) {
        if (flow !== fallback && conditionOf(flow) === null) {
          const target = flow.targetRef as BpmnElement | undefined;
          error(
            flow,
            'condition_missing',
            `The flow from gateway ${label} to ${target ? labelOf(target) : '?'} needs a condition (or make it the default flow)`,
          );
        }
      }
    }
    if (element.$type === 'bpmn:InclusiveGateway' && flows.incoming(element).length > 1) {
      error(
        element,
        'inclusive_join',
        `Inclusive gateway ${label} joins flows, which is not supported; join with a parallel or exclusive gateway`,
      );
    }
  }
}

function checkTimer(event: BpmnElement, definition: BpmnElement, error: Report) {
  const body = (key: string) => {
    const expression = definition[key] as BpmnElement | undefined;
    return expression && typeof expression.body === 'string' ? expression.body.trim() : null;
  };
  const duration = body('timeDuration');
  const date = body('timeDate');
  const cycle = body('timeCycle');
  const where = `Timer ${labelOf(event)}`;
  if (duration === null && date === null && cycle === null) {
    error(event, 'timer_invalid', `${where} has no duration, date or cycle`);
  } else if (duration !== null && !isIsoDuration(duration)) {
    error(event, 'timer_invalid', `${where}: "${duration}" is not an ISO 8601 duration (such as P2D or PT4H)`);
  } else if (date !== null && !isIsoDate(date)) {
    error(event, 'timer_invalid', `${where}: "${date}" is not an ISO 8601 date-time (such as 2026-03-01T09:00:00Z)`);
  } else if (cycle !== null && !isIsoCycle(cycle)) {
    error(event, 'timer_invalid', `${where}: "${cycle}" is not an ISO 8601 repeating interval (such as R3/PT1H)`);
  }
}

async function checkPerformer(task: BpmnElement, lookups: ValidationLookups, error: Report) {
  const performer = performerOf(task);
  const where = `User task ${labelOf(task)}`;
  if (performer.kind === null) {
    error(task, 'performer_missing', `${where} has no performer: choose a user, a role, a unit, the record's owner or the owner's manager`);
  } else if (!(PERFORMER_KINDS as readonly string[]).includes(performer.kind)) {
    error(task, 'performer_invalid', `${where}: "${performer.kind}" is not a kind of performer (${PERFORMER_KINDS.join(', ')})`);
  } else {
    const kind = performer.kind as TPerformerKind;
    const id = performer.id;
    if (kind === 'user' && !(id && (await lookups.isActiveUser(id)))) {
      error(task, 'performer_invalid', `${where} is performed by a user who is not an active user of this workspace`);
    } else if (kind === 'role' && !(id && ROLES.includes(id))) {
      error(task, 'performer_invalid', `${where} needs a role: ${ROLES.join(', ')}`);
    } else if (kind === 'unit' && !(id && (await lookups.isUnit(id)))) {
      error(task, 'performer_invalid', `${where} is performed by a unit that does not exist in this workspace`);
    }
  }
  if (performer.due !== null && !isIsoDuration(performer.due)) {
    error(task, 'due_invalid', `${where}: due time "${performer.due}" is not an ISO 8601 duration (such as P2D, PT4H or P1DT2H)`);
  }
}

function checkFormFields(element: BpmnElement, error: Report) {
  const seen = new Set<string>();
  const where = labelOf(element);
  for (const field of rawFormFieldsOf(element)) {
    const name = field.label ?? field.key ?? '?';
    if (!field.key || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(field.key)) {
      error(element, 'form_field_invalid', `${where}: form field "${name}" needs a key made of letters, digits and _ (such as "reason")`);
    } else if (seen.has(field.key)) {
      error(element, 'form_field_invalid', `${where}: form field key "${field.key}" is used twice`);
    } else {
      seen.add(field.key);
    }
    if (!(FORM_FIELD_TYPES as readonly string[]).includes(field.type ?? '')) {
      error(element, 'form_field_invalid', `${where}: form field "${name}" has no valid type (${FORM_FIELD_TYPES.join(', ')})`);
    } else if ((field.type as TFormFieldType) === 'select' && field.options.length === 0) {
      error(element, 'form_field_invalid', `${where}: choice field "${name}" needs options`);
    }
  }
}

async function checkAction(task: BpmnElement, lookups: ValidationLookups, error: Report) {
  const action = actionOf(task);
  const where = `${task.$type === 'bpmn:SendTask' ? 'Send' : 'Service'} task ${labelOf(task)}`;
  if (action === null || !(SERVICE_ACTIONS as readonly string[]).includes(action)) {
    const what = action === null ? 'does not say what it does' : `has an unknown action "${action}"`;
    error(task, 'action_missing', `${where} ${what}; choose one of ${SERVICE_ACTIONS.join(', ')}`);
    return;
  }
  const params = paramsOf(task);
  let missing = false;
  for (const param of SERVICE_ACTION_PARAMS[action as TServiceAction]) {
    if (param.required && !params[param.name]) {
      missing = true;
      error(task, 'action_param_missing', `${where} needs "${param.name}"`);
    }
  }
  if (missing) return;
  const invalid = (message: string) => error(task, 'action_param_invalid', `${where}: ${message}`);
  switch (action as TServiceAction) {
    case 'callWebhook': {
      const url = params.url ?? '';
      let protocol: string | null = null;
      try {
        protocol = new URL(url).protocol;
      } catch {
        protocol = null;
      }
      if (protocol !== 'http:' && protocol !== 'https:') invalid(`"${url}" is not an http or https address`);
      const method = params.method?.toUpperCase();
      if (method && !['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) invalid(`"${params.method}" is not an HTTP method`);
      break;
    }
    case 'startProcess':
      if (!(await lookups.isPublishedDefinition(params.definitionId ?? '')))
        invalid('the process to start is not a published process of this workspace');
      break;
    case 'createRecord':
      if (!['company', 'contact', 'deal'].includes(params.recordType ?? ''))
        invalid(`"${params.recordType}" is not company, contact or deal`);
      break;
    case 'createActivity':
      if (!(ACTIVITY_TYPES as readonly string[]).includes(params.kind ?? ''))
        invalid(`"${params.kind}" is not a kind of activity (${ACTIVITY_TYPES.join(', ')})`);
      break;
    case 'setField':
      if (!params.field?.trim()) invalid('the field to set is empty');
      break;
    case 'sendEmail':
      break;
  }
}

function checkCondition(flow: BpmnElement, error: Report) {
  const condition = conditionOf(flow);
  if (condition === null) return;
  const expression = flow.conditionExpression as BpmnElement;
  const language = typeof expression.language === 'string' ? expression.language : null;
  const source = flow.sourceRef as BpmnElement | undefined;
  const where = `The condition of the flow from ${source ? labelOf(source) : '?'}`;
  if (language && !/feel/i.test(language)) {
    error(flow, 'condition_invalid', `${where} is written in ${language}; write it in FEEL, such as form.verdict = "founded"`);
    return;
  }
  const problem = feelSyntaxError(condition);
  if (problem) error(flow, 'condition_invalid', `${where} is not valid FEEL: ${problem}`);
}

/**
 * The flow nodes of a container that no path reaches: paths start at its start events, at nodes
 * nothing leads to but that start by themselves (event sub-processes, link catches), and at the
 * boundary events of reached activities.
 */
function unreachableIn(container: BpmnElement): BpmnElement[] {
  const flows = flowsAround(container);
  const nodes = flowElementsOf(container).filter((element) => element.$type !== 'bpmn:SequenceFlow');
  const hasStart = nodes.some((node) => node.$type === 'bpmn:StartEvent');
  const selfStarting = (node: BpmnElement) =>
    node.$type === 'bpmn:StartEvent' ||
    node.triggeredByEvent === true ||
    (node.$type === 'bpmn:IntermediateCatchEvent' && flows.incoming(node).length === 0) ||
    // A sub-process may begin without a start event: at every node nothing leads to.
    (!hasStart && node.$type !== 'bpmn:BoundaryEvent' && flows.incoming(node).length === 0);
  const reached = new Set<BpmnElement>();
  const queue = nodes.filter(selfStarting);
  while (queue.length > 0) {
    const node = queue.pop() as BpmnElement;
    if (reached.has(node)) continue;
    reached.add(node);
    for (const flow of flows.outgoing(node)) {
      const target = flow.targetRef as BpmnElement | undefined;
      if (target && !reached.has(target)) queue.push(target);
    }
    for (const boundary of nodes) {
      if (boundary.$type === 'bpmn:BoundaryEvent' && boundary.attachedToRef === node && !reached.has(boundary)) queue.push(boundary);
    }
  }
  return nodes.filter((node) => !reached.has(node) && node.isForCompensation !== true);
}
