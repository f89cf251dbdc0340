// bpmn-moddle types only its meta-model, not its entry point: the part the server uses.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{
      rootElement?: { $type: string; [property: string]: unknown };
      elementsById?: Record<string, { $type: string; [property: string]: unknown }>;
      warnings?: { message: string }[];
    }>;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
