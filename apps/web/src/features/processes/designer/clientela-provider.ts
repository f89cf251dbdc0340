import {
  CheckboxEntry,
  isCheckboxEntryEdited,
  isNumberFieldEntryEdited,
  isSelectEntryEdited,
  isTextAreaEntryEdited,
  isTextFieldEntryEdited,
  ListGroup,
  NumberFieldEntry,
  SelectEntry,
  TextAreaEntry,
  TextFieldEntry,
} from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import {
  FORM_FIELD_TYPES,
  PERFORMER_KINDS,
  PROCESS_RECORD_TYPES,
  ROLES,
  SERVICE_ACTION_PARAMS,
  SERVICE_ACTIONS,
  START_TRIGGERS,
  type TServiceAction,
} from '@clientela/contract';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';
import i18next from 'i18next';
import { formatDueDuration, parseDueDuration } from './duration.ts';
import {
  addExtensionValue,
  type DiagramElement,
  extensionValues,
  FORM_FIELD,
  type ModdleObject,
  nextFieldKey,
  paramValue,
  removeExtensionValue,
  type Services,
  setParamValue,
} from './extension.ts';

/** The people, roles and units a user task can go to, filled by the page once loaded. */
export type Directory = { users: { id: string; name: string }[]; units: { id: string; name: string }[] };

type Option = { value: string; label: string };
type EntryProps = { element: DiagramElement; id: string };
type AttributeProps = { name: string; label: string; description?: string };
type Entry = { id: string; component: (props: never) => unknown; isEdited?: (node: unknown) => boolean; [key: string]: unknown };
type Group = { id: string; label: string; entries?: Entry[]; component?: unknown; items?: unknown[]; add?: (event: Event) => void };

// The keys are built from the contract's lists; the locale parity test checks that each exists.
const translateAny = i18next.t as unknown as (key: string, options?: Record<string, unknown>) => string;
const t = (key: string, options?: Record<string, unknown>) => translateAny(`processDesigner:${key}`, options);
const none: Option = { value: '', label: '' };

function useServices(): Services {
  return { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
}

/** An attribute of the element's model object, as text. */
function attr(element: DiagramElement, name: string): string {
  const value = element.businessObject.get(name);
  return typeof value === 'string' ? value : '';
}

/** A select over one `clientela:` attribute of the element. */
function AttributeSelect({
  element,
  id,
  name,
  label,
  description,
  getOptions,
}: EntryProps & AttributeProps & { getOptions: () => Option[] }) {
  const modeling = useService<Services['modeling']>('modeling');
  return h(SelectEntry, {
    element,
    id,
    label,
    description,
    getValue: () => attr(element, name),
    setValue: (value: string | undefined) => modeling.updateProperties(element, { [name]: value || undefined }),
    getOptions: () => [none, ...getOptions()],
  });
}

/** A text input over one `clientela:` attribute of the element. */
function AttributeText({ element, id, name, label, description }: EntryProps & AttributeProps) {
  const modeling = useService<Services['modeling']>('modeling');
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element,
    id,
    label,
    description,
    debounce,
    getValue: () => attr(element, name),
    setValue: (value: string | undefined) => modeling.updateProperties(element, { [name]: value || undefined }),
  });
}

function selectEntry(id: string, name: string, label: string, getOptions: () => Option[], description?: string): Entry {
  return { id, component: AttributeSelect, name, label, getOptions, description, isEdited: isSelectEntryEdited };
}

function textEntry(id: string, name: string, label: string, description?: string): Entry {
  return { id, component: AttributeText, name, label, description, isEdited: isTextFieldEntryEdited };
}

/** A plain line of help under the entries. */
function HintEntry({ text }: { text: string }) {
  return h('div', { class: 'bio-properties-panel-description clientela-hint' }, text);
}

function hintEntry(id: string, text: string): Entry {
  return { id, component: HintEntry, text };
}

// —— User task ——

function performerEntries(element: DiagramElement, directory: Directory): Entry[] {
  const kind = attr(element, 'clientela:performer');
  const entries: Entry[] = [
    selectEntry('clientela-performer', 'clientela:performer', t('panel.performer'), () =>
      PERFORMER_KINDS.map((value) => ({ value, label: t(`performerKinds.${value}`) })),
    ),
  ];
  const pick: Record<string, (() => Option[]) | undefined> = {
    user: () => directory.users.map((user) => ({ value: user.id, label: user.name })),
    role: () => ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
    unit: () => directory.units.map((unit) => ({ value: unit.id, label: unit.name })),
  };
  const options = pick[kind];
  if (options) {
    const withCurrent = () => {
      const list = options();
      const current = attr(element, 'clientela:performerId');
      return current && !list.some((option) => option.value === current) ? [...list, { value: current, label: current }] : list;
    };
    entries.push(selectEntry('clientela-performer-id', 'clientela:performerId', t(`performerPick.${kind}`), withCurrent));
  }
  entries.push(
    { id: 'clientela-due-days', component: DueEntry, part: 'days', isEdited: isNumberFieldEntryEdited },
    { id: 'clientela-due-hours', component: DueEntry, part: 'hours', isEdited: isNumberFieldEntryEdited },
  );
  return entries;
}

/** Days or hours of the user task's due time, written back as an ISO 8601 duration. */
function DueEntry({ element, id, part }: EntryProps & { part: 'days' | 'hours' }) {
  const modeling = useService<Services['modeling']>('modeling');
  const debounce = useService('debounceInput');
  const due = attr(element, 'clientela:due');
  const parsed = parseDueDuration(due) ?? { days: 0, hours: 0 };
  return h(NumberFieldEntry, {
    element,
    id,
    label: t(part === 'days' ? 'panel.dueDays' : 'panel.dueHours'),
    description: part === 'hours' ? (due ? t('panel.dueIso', { value: due }) : t('panel.dueNone')) : undefined,
    min: 0,
    max: part === 'hours' ? 23 : 3650,
    debounce,
    getValue: () => (parseDueDuration(attr(element, 'clientela:due')) ?? parsed)[part],
    setValue: (value: number | undefined) => {
      const current = parseDueDuration(attr(element, 'clientela:due')) ?? { days: 0, hours: 0 };
      modeling.updateProperties(element, { 'clientela:due': formatDueDuration({ ...current, [part]: Number(value) || 0 }) });
    },
  });
}

// —— Form fields (user tasks, start events) ——

/** One property of a form field (key, label, type, required, options). */
function FieldEntry({ element, id, field, name, label, kind, options }: EntryProps & FieldProps) {
  const modeling = useService<Services['modeling']>('modeling');
  const debounce = useService('debounceInput');
  const common = {
    element,
    id,
    label,
    getValue: () => (kind === 'checkbox' ? Boolean(field.get(name)) : ((field.get(name) as string | undefined) ?? '')),
    setValue: (value: unknown) =>
      modeling.updateModdleProperties(element, field, { [name]: kind === 'checkbox' ? Boolean(value) : value || undefined }),
  };
  if (kind === 'checkbox') return h(CheckboxEntry, common);
  if (kind === 'select') return h(SelectEntry, { ...common, getOptions: () => options ?? [] });
  return h(TextFieldEntry, { ...common, debounce, description: name === 'options' ? t('panel.fieldOptionsHint') : undefined });
}
type FieldProps = { field: ModdleObject; name: string; label: string; kind: 'text' | 'select' | 'checkbox'; options?: Option[] };

function fieldEntry(id: string, field: ModdleObject, kind: FieldProps['kind'], name: string, label: string, options?: Option[]): Entry {
  const isEdited = kind === 'checkbox' ? isCheckboxEntryEdited : kind === 'select' ? isSelectEntryEdited : isTextFieldEntryEdited;
  return { id, component: FieldEntry, field, kind, name, label, options, isEdited };
}

function formGroup(element: DiagramElement, services: Services, id: string, label: string): Group {
  const fields = extensionValues(element.businessObject, FORM_FIELD);
  const typeOptions = FORM_FIELD_TYPES.map((value) => ({ value, label: t(`fieldTypes.${value}`) }));
  return {
    id,
    label,
    component: ListGroup,
    items: fields.map((field, index) => {
      const prefix = `${id}-${index}`;
      const entries: Entry[] = [
        fieldEntry(`${prefix}-key`, field, 'text', 'key', t('panel.fieldKey')),
        fieldEntry(`${prefix}-label`, field, 'text', 'label', t('panel.fieldLabel')),
        fieldEntry(`${prefix}-type`, field, 'select', 'type', t('panel.fieldType'), typeOptions),
        fieldEntry(`${prefix}-required`, field, 'checkbox', 'required', t('panel.fieldRequired')),
      ];
      if (field.get('type') === 'select') {
        entries.push(fieldEntry(`${prefix}-options`, field, 'text', 'options', t('panel.fieldOptions')));
      }
      return {
        id: prefix,
        label: (field.get('label') as string | undefined) || (field.get('key') as string | undefined) || t('panel.fieldUnnamed'),
        entries,
        autoFocusEntry: `${prefix}-label`,
        remove: () => removeExtensionValue(element, services, field),
      };
    }),
    add: (event: Event) => {
      event.stopPropagation();
      addExtensionValue(element, services, FORM_FIELD, {
        key: nextFieldKey(element.businessObject),
        label: '',
        type: 'text',
        required: false,
      });
    },
  };
}

// —— Start event ——

function startEntries(element: DiagramElement): Entry[] {
  const trigger = attr(element, 'clientela:trigger') || 'manual';
  const entries: Entry[] = [
    selectEntry('clientela-trigger', 'clientela:trigger', t('panel.trigger'), () =>
      START_TRIGGERS.map((value) => ({ value, label: t(`triggers.${value}`) })),
    ),
  ];
  if (trigger !== 'schedule') {
    entries.push(
      selectEntry(
        'clientela-record-type',
        'clientela:recordType',
        t('panel.recordType'),
        () => PROCESS_RECORD_TYPES.map((value) => ({ value, label: t(`recordTypes.${value}`) })),
        t('panel.recordTypeHint'),
      ),
    );
  }
  if (trigger === 'fieldChanged') {
    entries.push(textEntry('clientela-field', 'clientela:field', t('panel.field'), t('panel.fieldHint')));
  }
  if (trigger === 'schedule') {
    entries.push(textEntry('clientela-cron', 'clientela:cron', t('panel.cron'), t('panel.cronHint')));
  }
  return entries;
}

// —— Service and send tasks ——

function ParamEntry({ element, id, param, required }: EntryProps & { param: string; required: boolean }) {
  const services = useServices();
  const debounce = useService('debounceInput');
  const label = `${t(`params.${param}`, { defaultValue: param })}${required ? ' *' : ''}`;
  const common = {
    element,
    id,
    label,
    debounce,
    description:
      param === 'to'
        ? t('panel.paramToHint')
        : param === 'body' || param === 'subject'
          ? t('panel.placeholdersHint', { list: '{{record.name}}, {{form.key}}, {{process.name}}' })
          : undefined,
    getValue: () => paramValue(element.businessObject, param),
    setValue: (value: string | undefined) => setParamValue(element, services, param, value),
  };
  return param === 'body' ? h(TextAreaEntry, { ...common, rows: 5 }) : h(TextFieldEntry, common);
}

function actionEntries(element: DiagramElement): Entry[] {
  const action = attr(element, 'clientela:action');
  const entries: Entry[] = [
    selectEntry('clientela-action', 'clientela:action', t('panel.action'), () =>
      SERVICE_ACTIONS.map((value) => ({ value, label: t(`actions.${value}`) })),
    ),
  ];
  const params = (SERVICE_ACTION_PARAMS as Record<string, TServiceActionParams | undefined>)[action] ?? [];
  for (const { name, required } of params) {
    entries.push({
      id: `clientela-param-${name}`,
      component: ParamEntry,
      param: name,
      required,
      isEdited: name === 'body' ? isTextAreaEntryEdited : isTextFieldEntryEdited,
    });
  }
  return entries;
}
type TServiceActionParams = (typeof SERVICE_ACTION_PARAMS)[TServiceAction];

// —— Conditions on a gateway's outgoing flows ——

function ConditionEntry({ element, id }: EntryProps) {
  const { modeling, bpmnFactory } = useServices();
  const debounce = useService('debounceInput');
  return h(TextAreaEntry, {
    element,
    id,
    label: t('panel.condition'),
    description: t('panel.conditionHint'),
    debounce,
    rows: 3,
    monospace: true,
    getValue: () => {
      const expression = element.businessObject.conditionExpression as ModdleObject | undefined;
      return typeof expression?.body === 'string' ? expression.body : '';
    },
    setValue: (value: string | undefined) => {
      const conditionExpression = value?.trim()
        ? bpmnFactory.create('bpmn:FormalExpression', { body: value, language: 'feel' })
        : undefined;
      modeling.updateProperties(element, { conditionExpression });
    },
  });
}

function conditionEntries(element: DiagramElement): Entry[] | null {
  const bo = element.businessObject;
  const source = bo.sourceRef as ModdleObject | undefined;
  if (!source || !(is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway'))) return null;
  if (source.default === bo) return [hintEntry('clientela-default-flow', t('panel.isDefaultFlow'))];
  return [
    { id: 'clientela-condition', component: ConditionEntry, isEdited: isTextAreaEntryEdited },
    hintEntry('clientela-condition-examples', t('panel.conditionExamples')),
    hintEntry('clientela-default-note', t('panel.defaultFlowNote')),
  ];
}

// —— The provider ——

/** The "Clientela" groups of the properties panel: what the engine needs beyond standard BPMN. */
function clientelaGroups(element: DiagramElement, directory: Directory, services: Services): Group[] {
  const group = (entries: Entry[]): Group => ({ id: 'clientela', label: t('panel.group'), entries });
  if (is(element, 'bpmn:UserTask')) {
    return [group(performerEntries(element, directory)), formGroup(element, services, 'clientela-form', t('panel.form'))];
  }
  if (is(element, 'bpmn:StartEvent')) {
    return [group(startEntries(element)), formGroup(element, services, 'clientela-start-form', t('panel.startForm'))];
  }
  if (is(element, 'bpmn:ServiceTask') || is(element, 'bpmn:SendTask')) return [group(actionEntries(element))];
  if (is(element, 'bpmn:SequenceFlow')) {
    const entries = conditionEntries(element);
    return entries ? [group(entries)] : [];
  }
  return [];
}

type PropertiesPanel = { registerProvider(priority: number, provider: object): void };

/** Registers the Clientela groups after the standard ones (lower priority runs later). */
function ClientelaPropertiesProvider(
  this: { getGroups: unknown },
  propertiesPanel: PropertiesPanel,
  directory: Directory,
  modeling: Services['modeling'],
  bpmnFactory: Services['bpmnFactory'],
) {
  this.getGroups = (element: DiagramElement) => (groups: Group[]) => [
    ...groups,
    ...clientelaGroups(element, directory, { modeling, bpmnFactory }),
  ];
  propertiesPanel.registerProvider(500, this);
}
ClientelaPropertiesProvider.$inject = ['propertiesPanel', 'clientelaDirectory', 'modeling', 'bpmnFactory'];

/** The diagram-js module of the Clientela groups; `directory` is read whenever the panel draws. */
export function clientelaPropertiesModule(directory: Directory) {
  return {
    __init__: ['clientelaPropertiesProvider'],
    clientelaPropertiesProvider: ['type', ClientelaPropertiesProvider],
    clientelaDirectory: ['value', directory],
  };
}
