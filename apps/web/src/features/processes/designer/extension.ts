/** A bpmn-moddle object as the designer reads it. */
export type ModdleObject = {
  $type: string;
  $parent?: ModdleObject;
  id?: string;
  name?: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  [key: string]: unknown;
};

/** A diagram shape or connection with its model object. */
export type DiagramElement = { id: string; type: string; businessObject: ModdleObject; parent?: DiagramElement };

type Modeling = {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, target: ModdleObject, properties: Record<string, unknown>): void;
};
type BpmnFactory = { create(type: string, properties?: Record<string, unknown>): ModdleObject };

export type Services = { modeling: Modeling; bpmnFactory: BpmnFactory };

export const FORM_FIELD = 'clientela:FormField';
export const PARAM = 'clientela:Param';

/** The extension elements of one type on an element's model object. */
export function extensionValues(bo: ModdleObject, type: string): ModdleObject[] {
  const extension = bo.extensionElements as ModdleObject | undefined;
  const values = (extension?.values as ModdleObject[] | undefined) ?? [];
  return values.filter((value) => value.$type === type);
}

/** The element's `bpmn:extensionElements`, created when missing. */
function ensureExtensionElements(element: DiagramElement, { modeling, bpmnFactory }: Services): ModdleObject {
  const bo = element.businessObject;
  let extension = bo.extensionElements as ModdleObject | undefined;
  if (!extension) {
    extension = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateModdleProperties(element, bo, { extensionElements: extension });
  }
  return extension;
}

/** Appends an extension element (a form field, a parameter) made of `properties`. */
export function addExtensionValue(
  element: DiagramElement,
  services: Services,
  type: string,
  properties: Record<string, unknown>,
): ModdleObject {
  const extension = ensureExtensionElements(element, services);
  const value = services.bpmnFactory.create(type, properties);
  value.$parent = extension;
  const values = (extension.values as ModdleObject[] | undefined) ?? [];
  services.modeling.updateModdleProperties(element, extension, { values: [...values, value] });
  return value;
}

/** Removes one extension element. */
export function removeExtensionValue(element: DiagramElement, services: Services, value: ModdleObject): void {
  const extension = element.businessObject.extensionElements as ModdleObject | undefined;
  if (!extension) return;
  const values = (extension.values as ModdleObject[] | undefined) ?? [];
  services.modeling.updateModdleProperties(element, extension, { values: values.filter((one) => one !== value) });
}

/** The value of a service task's `clientela:param`, by name. */
export function paramValue(bo: ModdleObject, name: string): string {
  const param = extensionValues(bo, PARAM).find((one) => one.name === name);
  return typeof param?.value === 'string' ? param.value : '';
}

/** Sets (or, when empty, removes) a service task's `clientela:param`. */
export function setParamValue(element: DiagramElement, services: Services, name: string, value: string | undefined): void {
  const param = extensionValues(element.businessObject, PARAM).find((one) => one.name === name);
  if (!value) {
    if (param) removeExtensionValue(element, services, param);
  } else if (param) {
    services.modeling.updateModdleProperties(element, param, { value });
  } else {
    addExtensionValue(element, services, PARAM, { name, value });
  }
}

/** A form field key not taken yet on the element: field1, field2… */
export function nextFieldKey(bo: ModdleObject): string {
  const taken = new Set(extensionValues(bo, FORM_FIELD).map((field) => field.key));
  let n = taken.size + 1;
  while (taken.has(`field${n}`)) n += 1;
  return `field${n}`;
}
