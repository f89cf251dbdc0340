import {
  CLIENTELA_BPMN_URI,
  CLIENTELA_MODDLE,
  FORM_FIELD_TYPES,
  PROCESS_RECORD_TYPES,
  START_TRIGGERS,
  type TFormFieldType,
  type TProcessFormField,
  type TProcessRecordType,
  type TProcessTrigger,
  type TStartTrigger,
} from '@clientela/contract';
import { BpmnModdle } from 'bpmn-moddle';
import cronParser from 'cron-parser';
import { AppError } from '../../http/errors.ts';

/**
 * A model element as bpmn-moddle reads it. Only what the server looks at is typed; the rest of
 * the BPMN meta-model is reachable through the index signature.
 */
export type BpmnElement = {
  $type: string;
  id?: string;
  name?: string;
  $parent?: BpmnElement;
  [property: string]: unknown;
};

/** A parsed `.bpmn` file: its definitions, every element by id, and what the parser skipped. */
export type BpmnModel = {
  definitions: BpmnElement;
  elementsById: Record<string, BpmnElement>;
  /** bpmn-moddle's import warnings (unknown elements or attributes it left out). */
  warnings: string[];
};

const moddle = () => new BpmnModdle({ clientela: CLIENTELA_MODDLE as unknown as Record<string, unknown> });

/** Parses BPMN 2.0 XML with the `clientela:` extension; anything that is not a BPMN model throws AppError `bpmn_invalid`. */
export async function parseBpmn(xml: string): Promise<BpmnModel> {
  let parsed: { rootElement?: BpmnElement; elementsById?: Record<string, BpmnElement>; warnings?: { message: string }[] };
  try {
    parsed = await moddle().fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    throw new AppError('bpmn_invalid', `The file is not a BPMN 2.0 model: ${firstLine(error)}`, {
      errors: [{ path: 'xml', message: firstLine(error) }],
    });
  }
  if (parsed.rootElement?.$type !== 'bpmn:Definitions') {
    throw new AppError('bpmn_invalid', 'The file is not a BPMN 2.0 model', { errors: [{ path: 'xml', message: 'No bpmn:definitions' }] });
  }
  return {
    definitions: parsed.rootElement,
    elementsById: parsed.elementsById ?? {},
    warnings: (parsed.warnings ?? []).map((warning) => warning.message),
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unreadable XML';
}

/** The element's `name`, else its id: how messages and lists name it. */
export function labelOf(element: BpmnElement): string {
  const name = typeof element.name === 'string' ? element.name.trim() : '';
  return name ? `"${name}"` : (element.id ?? element.$type);
}

const listOf = (value: unknown): BpmnElement[] => (Array.isArray(value) ? (value as BpmnElement[]) : []);

/** Every `bpmn:Process` of the model (the processes behind a collaboration's pools included). */
export function processesOf(model: BpmnModel): BpmnElement[] {
  return listOf(model.definitions.rootElements).filter((element) => element.$type === 'bpmn:Process');
}

/**
 * The process the engine runs: the one marked executable, or the only process when the model has
 * just one. Null when there is none or more than one candidate (the model check says which).
 */
export function executableProcess(model: BpmnModel): BpmnElement | null {
  const processes = processesOf(model);
  const executable = processes.filter((process) => process.isExecutable === true);
  if (executable.length === 1) return executable[0] ?? null;
  return null;
}

/** The flow elements (nodes and sequence flows) directly inside a process or sub-process. */
export function flowElementsOf(container: BpmnElement): BpmnElement[] {
  return listOf(container.flowElements);
}

/** Every flow element of a container and of the sub-processes nested in it, depth first. */
export function allFlowElementsOf(container: BpmnElement): BpmnElement[] {
  return flowElementsOf(container).flatMap((element) =>
    Array.isArray(element.flowElements) ? [element, ...allFlowElementsOf(element)] : [element],
  );
}

/**
 * The sequence flows into and out of each node of a container, read from the flows' source and
 * target (a file need not list a node's `incoming`/`outgoing`, and many exporters do not).
 */
export function flowsAround(container: BpmnElement): {
  incoming: (node: BpmnElement) => BpmnElement[];
  outgoing: (node: BpmnElement) => BpmnElement[];
} {
  const into = new Map<unknown, BpmnElement[]>();
  const out = new Map<unknown, BpmnElement[]>();
  for (const flow of flowElementsOf(container)) {
    if (flow.$type !== 'bpmn:SequenceFlow') continue;
    into.set(flow.targetRef, [...(into.get(flow.targetRef) ?? []), flow]);
    out.set(flow.sourceRef, [...(out.get(flow.sourceRef) ?? []), flow]);
  }
  return { incoming: (node) => into.get(node) ?? [], outgoing: (node) => out.get(node) ?? [] };
}

/** The start events at the top of a process (not those of its sub-processes). */
export function startEventsOf(process: BpmnElement): BpmnElement[] {
  return flowElementsOf(process).filter((element) => element.$type === 'bpmn:StartEvent');
}

/** The `clientela:` extension elements of an element of one type (`FormField`, `Param`). */
function extensionsOf(element: BpmnElement, type: string): BpmnElement[] {
  const extensionElements = element.extensionElements as BpmnElement | undefined;
  return listOf(extensionElements?.values).filter((value) => value.$type === `clientela:${type}`);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** A form field as written (`clientela:formField`), before any check. */
export type RawFormField = { key: string | null; label: string | null; type: string | null; required: boolean; options: string[] };

/** The form fields written on a user task or start event, as they are (the model check judges them). */
export function rawFormFieldsOf(element: BpmnElement): RawFormField[] {
  return extensionsOf(element, 'FormField').map((field) => ({
    key: text(field.key),
    label: text(field.label),
    type: text(field.type),
    required: field.required === true,
    options: (text(field.options) ?? '')
      .split('|')
      .map((option) => option.trim())
      .filter(Boolean),
  }));
}

/** The well-formed form fields of a user task or start event, as the contract shapes them. */
export function formFieldsOf(element: BpmnElement): TProcessFormField[] {
  return rawFormFieldsOf(element).flatMap((field) =>
    field.key && isFormFieldType(field.type)
      ? [{ key: field.key, label: field.label ?? field.key, type: field.type, required: field.required, options: field.options }]
      : [],
  );
}

const isFormFieldType = (type: string | null): type is TFormFieldType => FORM_FIELD_TYPES.includes(type as TFormFieldType);

/** A service or send task's parameters (`clientela:param`), placeholders unfilled; the first of a name wins. */
export function paramsOf(element: BpmnElement): Record<string, string> {
  const params: Record<string, string> = {};
  for (const param of extensionsOf(element, 'Param')) {
    const name = text(param.name);
    if (name && !(name in params)) params[name] = typeof param.value === 'string' ? param.value.trim() : '';
  }
  return params;
}

/** What a service or send task does (`clientela:action`), as written. */
export function actionOf(element: BpmnElement): string | null {
  return text(element.action);
}

/** Who performs a user task and by when (`clientela:performer`, `performerId`, `due`), as written. */
export function performerOf(element: BpmnElement): { kind: string | null; id: string | null; due: string | null } {
  return { kind: text(element.performer), id: text(element.performerId), due: text(element.due) };
}

/** A sequence flow's condition (the body of its `conditionExpression`), or null. */
export function conditionOf(flow: BpmnElement): string | null {
  const expression = flow.conditionExpression as BpmnElement | undefined;
  return expression ? text(expression.body) : null;
}

/** What starts the process at this start event, as written on it (unknown values read as they are). */
export function rawTriggerOf(event: BpmnElement): {
  kind: string;
  recordType: string | null;
  field: string | null;
  cron: string | null;
} {
  return { kind: text(event.trigger) ?? 'manual', recordType: text(event.recordType), field: text(event.field), cron: text(event.cron) };
}

/** What starts the process at this start event, shaped for the contract (call on a checked model). */
export function triggerOf(event: BpmnElement): TProcessTrigger {
  const raw = rawTriggerOf(event);
  const kind: TStartTrigger = START_TRIGGERS.includes(raw.kind as TStartTrigger) ? (raw.kind as TStartTrigger) : 'manual';
  const recordType = PROCESS_RECORD_TYPES.includes(raw.recordType as TProcessRecordType) ? (raw.recordType as TProcessRecordType) : null;
  return {
    eventId: event.id ?? '',
    name: text(event.name),
    kind,
    recordType,
    field: kind === 'fieldChanged' ? raw.field : null,
    cron: kind === 'schedule' ? raw.cron : null,
    form: formFieldsOf(event),
  };
}

/** The triggers of the executable process's start events (a message, signal or timer start reads as manual). */
export function triggersOf(model: BpmnModel): TProcessTrigger[] {
  const process = executableProcess(model);
  return process ? startEventsOf(process).map(triggerOf) : [];
}

/** When a schedule (a five-field cron in the given time zone) fires next after `after`; throws on a bad cron. */
export function nextRunOf(cron: string, timeZone: string, after: Date): Date {
  return cronParser.parseExpression(cron, { tz: timeZone, currentDate: after }).next().toDate();
}

/** Escapes text for an XML attribute or element body. */
export function escapeXml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}

/** The namespaces every model written here declares. */
export const BPMN_NAMESPACES =
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" ' +
  `xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:clientela="${CLIENTELA_BPMN_URI}"`;

/** A new, empty process: one start event, drawn, so the designer opens on something. */
export function emptyModelXml(name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${BPMN_NAMESPACES} id="Definitions_1" targetNamespace="${CLIENTELA_BPMN_URI}">
  <bpmn:process id="Process_1" name="${escapeXml(name)}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
