import type { TFormFieldType, TProcessRecordType, TServiceAction, TStartTrigger } from '@clientela/contract';
import { BPMN_NAMESPACES, escapeXml } from '../model.ts';

/** A unit of the workspace a template may hand a step to. */
export type TemplateUnit = { id: string; name: string };

/** A parameter value: a translated text (its message key) or a value written as is. */
export type ParamValue<K extends string> = K | { raw: string };

/**
 * Who performs a template's user task. A unit queue names the unit by hints (lower-case stems in
 * each language, matched against the workspace's unit names); without a match the fallback does it.
 */
export type TemplatePerformer =
  | { kind: 'owner' }
  | { kind: 'ownerManager' }
  | { kind: 'role'; id: 'admin' | 'manager' | 'employee' }
  | { kind: 'unit'; hints: readonly string[]; fallback: { kind: 'owner' } | { kind: 'role'; id: 'admin' | 'manager' | 'employee' } };

export type TemplateField<K extends string> = {
  key: string;
  label: K;
  type: TFormFieldType;
  required?: boolean;
  /** A select's choices, as messages: the values people pick and conditions compare, in the template's language. */
  options?: readonly K[];
};

type Placed = { id: string; col: number; row: number };
/** A node of a template, placed on a grid of columns (left to right) and rows. */
export type TemplateNode<K extends string> =
  | (Placed & {
      type: 'start';
      name: K;
      trigger?: TStartTrigger;
      recordType?: TProcessRecordType;
      form?: readonly TemplateField<K>[];
    })
  | (Placed & { type: 'end'; name: K })
  | (Placed & { type: 'userTask'; name: K; performer: TemplatePerformer; due?: string; form?: readonly TemplateField<K>[] })
  | (Placed & { type: 'serviceTask' | 'sendTask'; name: K; action: TServiceAction; params: Record<string, ParamValue<K>> })
  | (Placed & { type: 'exclusiveGateway'; name?: K; default?: string })
  | (Placed & { type: 'parallelGateway' })
  | (Placed & { type: 'timer'; name: K; duration: string })
  | { id: string; type: 'boundaryTimer'; name: K; attachedTo: string; duration: string; interrupting: boolean };

export type TemplateFlow<K extends string> = { id: string; from: string; to: string; name?: K; condition?: string };

/** A template's process: its nodes and flows; every text is a message key. */
export type TemplateSpec<K extends string> = {
  processId: string;
  name: K;
  nodes: readonly TemplateNode<K>[];
  flows: readonly TemplateFlow<K>[];
};

type Box = { x: number; y: number; w: number; h: number; kind: 'event' | 'task' | 'gateway'; boundary: boolean };

const COLUMN = 170;
const ROW = 140;
const LEFT = 200;
const TOP = 220;
const SIZE = { event: [36, 36], task: [100, 80], gateway: [50, 50] } as const;

const kindOf = (type: TemplateNode<string>['type']): Box['kind'] =>
  type === 'userTask' || type === 'serviceTask' || type === 'sendTask' ? 'task' : type.endsWith('Gateway') ? 'gateway' : 'event';

function layout<K extends string>(spec: TemplateSpec<K>): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const node of spec.nodes) {
    if (node.type === 'boundaryTimer') continue;
    const kind = kindOf(node.type);
    const [w, h] = SIZE[kind];
    boxes.set(node.id, { x: LEFT + node.col * COLUMN - w / 2, y: TOP + node.row * ROW - h / 2, w, h, kind, boundary: false });
  }
  for (const node of spec.nodes) {
    if (node.type !== 'boundaryTimer') continue;
    const host = boxes.get(node.attachedTo);
    if (!host) throw new Error(`boundary ${node.id} is attached to nothing`);
    boxes.set(node.id, { x: host.x + host.w - 38, y: host.y + host.h - 18, w: 36, h: 36, kind: 'event', boundary: true });
  }
  return boxes;
}

const cx = (b: Box) => b.x + b.w / 2;
const cy = (b: Box) => b.y + b.h / 2;

/** Orthogonal waypoints: straight along a row; branches leave a gateway or boundary event up or down; merges arrive from below or above. */
function waypoints(s: Box, t: Box): [number, number][] {
  if (Math.abs(cy(s) - cy(t)) < 1 && cx(t) > cx(s))
    return [
      [s.x + s.w, cy(s)],
      [t.x, cy(t)],
    ];
  const down = cy(t) > cy(s);
  if (Math.abs(cx(s) - cx(t)) < 1)
    return down
      ? [
          [cx(s), s.y + s.h],
          [cx(t), t.y],
        ]
      : [
          [cx(s), s.y],
          [cx(t), t.y + t.h],
        ];
  const right = cx(t) > cx(s);
  if (s.kind === 'gateway' || s.boundary) {
    return [
      [cx(s), down ? s.y + s.h : s.y],
      [cx(s), cy(t)],
      [right ? t.x : t.x + t.w, cy(t)],
    ];
  }
  return [
    [right ? s.x + s.w : s.x, cy(s)],
    [cx(t), cy(s)],
    [cx(t), down ? t.y : t.y + t.h],
  ];
}

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeXml(value)}"`);

function performerAttrs(performer: TemplatePerformer, units: readonly TemplateUnit[]): string {
  if (performer.kind === 'role') return attr('clientela:performer', 'role') + attr('clientela:performerId', performer.id);
  if (performer.kind !== 'unit') return attr('clientela:performer', performer.kind);
  const unit = units.find((candidate) => performer.hints.some((hint) => matchesHint(candidate.name, hint)));
  if (unit) return attr('clientela:performer', 'unit') + attr('clientela:performerId', unit.id);
  return performerAttrs(performer.fallback, units);
}

/**
 * A unit name matches a hint when one of its words starts with it (`Qualità` by `qualit`, `Отдел
 * качества` by `качеств`); a hint of two letters (`it`) must be the whole word.
 */
function matchesHint(name: string, hint: string): boolean {
  const stem = hint.toLocaleLowerCase();
  return name
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => (stem.length <= 2 ? word === stem : word.startsWith(stem)));
}

/** Writes a template's model in one language: every text from `messages`, escaped; full diagram interchange. */
export function buildTemplate<K extends string>(
  spec: TemplateSpec<K>,
  messages: Record<K, string>,
  units: readonly TemplateUnit[],
): string {
  const text = (key: K) => messages[key];
  const boxes = layout(spec);
  const incoming = (id: string) => spec.flows.filter((flow) => flow.to === id).map((flow) => `<bpmn:incoming>${flow.id}</bpmn:incoming>`);
  const outgoing = (id: string) => spec.flows.filter((flow) => flow.from === id).map((flow) => `<bpmn:outgoing>${flow.id}</bpmn:outgoing>`);
  const fields = (form: readonly TemplateField<K>[] | undefined) =>
    (form ?? []).map(
      (field) =>
        `<clientela:formField${attr('key', field.key)}${attr('label', text(field.label))}${attr('type', field.type)}${attr('required', String(field.required ?? false))}${field.options ? attr('options', field.options.map(text).join('|')) : ''} />`,
    );
  const extensions = (items: string[]) => (items.length > 0 ? [`<bpmn:extensionElements>${items.join('')}</bpmn:extensionElements>`] : []);
  const timer = (id: string, duration: string) =>
    `<bpmn:timerEventDefinition id="${id}_timer"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${escapeXml(duration)}</bpmn:timeDuration></bpmn:timerEventDefinition>`;
  // The schema's order: extension elements, then the flows in and out, then event definitions.
  const element = (tag: string, node: { id: string }, attrs: string, children: string[], definitions: string[] = []) =>
    `    <bpmn:${tag} id="${node.id}"${attrs}>${[...children, ...incoming(node.id), ...outgoing(node.id), ...definitions].join('')}</bpmn:${tag}>`;

  const nodeXml = (node: TemplateNode<K>): string => {
    switch (node.type) {
      case 'start':
        return element(
          'startEvent',
          node,
          attr('name', text(node.name)) + attr('clientela:trigger', node.trigger) + attr('clientela:recordType', node.recordType),
          extensions(fields(node.form)),
        );
      case 'end':
        return element('endEvent', node, attr('name', text(node.name)), []);
      case 'userTask':
        return element(
          'userTask',
          node,
          attr('name', text(node.name)) + performerAttrs(node.performer, units) + attr('clientela:due', node.due),
          extensions(fields(node.form)),
        );
      case 'serviceTask':
      case 'sendTask': {
        const params = Object.entries(node.params).map(([name, value]) => {
          const body = typeof value === 'string' ? text(value as K) : (value as { raw: string }).raw;
          return `<clientela:param${attr('name', name)}>${escapeXml(body)}</clientela:param>`;
        });
        return element(node.type, node, attr('name', text(node.name)) + attr('clientela:action', node.action), extensions(params));
      }
      case 'exclusiveGateway':
        return element('exclusiveGateway', node, attr('name', node.name && text(node.name)) + attr('default', node.default), []);
      case 'parallelGateway':
        return element('parallelGateway', node, '', []);
      case 'timer':
        return element('intermediateCatchEvent', node, attr('name', text(node.name)), [], [timer(node.id, node.duration)]);
      case 'boundaryTimer':
        return element(
          'boundaryEvent',
          node,
          attr('name', text(node.name)) + attr('cancelActivity', String(node.interrupting)) + attr('attachedToRef', node.attachedTo),
          [],
          [timer(node.id, node.duration)],
        );
    }
  };
  const nodes = spec.nodes.map(nodeXml);
  const flows = spec.flows.map((flow) => {
    // A condition names choices in the template's language: `{{key}}` is the message of `key`.
    const feel = flow.condition?.replace(/\{\{(\w+)\}\}/g, (_, key: string) => text(key as K).replace(/"/g, '\\"'));
    const condition = feel
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">${escapeXml(feel)}</bpmn:conditionExpression>`
      : '';
    return `    <bpmn:sequenceFlow id="${flow.id}"${attr('name', flow.name && text(flow.name))} sourceRef="${flow.from}" targetRef="${flow.to}">${condition}</bpmn:sequenceFlow>`;
  });

  // An event's or gateway's name goes below it, unless a flow leaves or arrives there: then above, or beside when both are
  // taken; a boundary event's goes below its task's edge, to the right.
  const label = (id: string, b: Box) => {
    const others = spec.flows.flatMap((flow) => (flow.from === id ? [flow.to] : flow.to === id ? [flow.from] : []));
    const below = others.some((other) => cy(boxes.get(other) as Box) > cy(b) + 1);
    const above = others.some((other) => cy(boxes.get(other) as Box) < cy(b) - 1);
    const [x, y, w] = b.boundary
      ? [b.x + b.w + 4, b.y + b.h - 6, 110]
      : !below
        ? [b.x - 32, b.y + b.h + 6, b.w + 64]
        : !above
          ? [b.x - 32, b.y - 33, b.w + 64]
          : [b.x + b.w + 6, b.y - 27, 100];
    return `<bpmndi:BPMNLabel><dc:Bounds x="${x}" y="${y}" width="${w}" height="27" /></bpmndi:BPMNLabel>`;
  };
  const shapes = spec.nodes.map((node) => {
    const b = boxes.get(node.id) as Box;
    const marker = node.type === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
    const withLabel = b.kind !== 'task' && 'name' in node && node.name !== undefined;
    return `      <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" />${withLabel ? label(node.id, b) : ''}</bpmndi:BPMNShape>`;
  });
  const edges = spec.flows.map((flow) => {
    const points = waypoints(boxes.get(flow.from) as Box, boxes.get(flow.to) as Box);
    const [first = [0, 0], second = [0, 0]] = points;
    // A name sits above a flow that leaves sideways, beside one that leaves up or down.
    const sideways = first[1] === second[1];
    const [lx, ly] = sideways ? [first[0] + 8, first[1] - 20] : [first[0] + 6, (first[1] + second[1]) / 2 - 7];
    const flowLabel = flow.name ? `<bpmndi:BPMNLabel><dc:Bounds x="${lx}" y="${ly}" width="90" height="14" /></bpmndi:BPMNLabel>` : '';
    return `      <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}${flowLabel}</bpmndi:BPMNEdge>`;
  });

  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${BPMN_NAMESPACES} id="Definitions_${spec.processId}" targetNamespace="http://clientela.app/templates">
  <bpmn:process id="${spec.processId}" name="${escapeXml(text(spec.name))}" isExecutable="true">
${[...nodes, ...flows].join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${spec.processId}">
    <bpmndi:BPMNPlane id="Plane_${spec.processId}" bpmnElement="${spec.processId}">
${[...shapes, ...edges].join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
