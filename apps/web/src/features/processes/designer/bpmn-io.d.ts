// The properties panel packages ship no types: the few parts the designer uses, typed loosely.
declare module '@bpmn-io/properties-panel' {
  type Entry = (props: Record<string, unknown>) => unknown;
  export const TextFieldEntry: Entry;
  export const TextAreaEntry: Entry;
  export const SelectEntry: Entry;
  export const CheckboxEntry: Entry;
  export const NumberFieldEntry: Entry;
  export const ListGroup: Entry;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
  export function isNumberFieldEntryEdited(node: unknown): boolean;
}

declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}
