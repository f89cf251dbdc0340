import type { ModdleObject } from './extension.ts';

type EventBus = { on(event: string, priority: number, callback: () => void): void };
type Canvas = { getRootElements(): { businessObject: ModdleObject; di?: ModdleObject }[] };
type ElementRegistry = { filter(fn: (element: { di?: ModdleObject }) => boolean): { di?: ModdleObject }[] };
type BpmnJs = { getDefinitions(): ModdleObject | undefined };

/**
 * Keeps the layout of elements the canvas does not draw (e.g. a process outside every pool of a
 * collaboration). bpmn-js rebuilds each plane's shape list from the drawn elements before saving,
 * which would silently drop theirs from an imported model; they are put back after it.
 */
function KeepUndrawnDi(eventBus: EventBus, canvas: Canvas, elementRegistry: ElementRegistry, bpmnjs: BpmnJs) {
  let undrawn = new Map<ModdleObject, ModdleObject[]>();

  eventBus.on('import.done', 500, () => {
    undrawn = new Map();
    const drawn = new Set(elementRegistry.filter((element) => Boolean(element.di)).map((element) => element.di));
    const diagrams = (bpmnjs.getDefinitions()?.diagrams as ModdleObject[] | undefined) ?? [];
    for (const diagram of diagrams) {
      const plane = diagram.plane as ModdleObject | undefined;
      const elements = (plane?.planeElement as ModdleObject[] | undefined) ?? [];
      const left = elements.filter((di) => !drawn.has(di));
      if (plane && left.length > 0) undrawn.set(plane, left);
    }
  });

  // bpmn-js orders the planes at priority 2000; this runs right after it.
  eventBus.on('saveXML.start', 1500, () => {
    for (const root of canvas.getRootElements()) {
      const plane = root.di;
      const left = plane ? undrawn.get(plane) : undefined;
      if (!plane || !left) continue;
      const elements = (plane.planeElement as ModdleObject[] | undefined) ?? [];
      const present = new Set(elements);
      const missing = left.filter((di) => !present.has(di));
      if (missing.length > 0) plane.set('planeElement', [...elements, ...missing]);
    }
  });
}
KeepUndrawnDi.$inject = ['eventBus', 'canvas', 'elementRegistry', 'bpmnjs'];

/** The diagram-js module that keeps undrawn elements' layout through a save. */
export const KeepUndrawnDiModule = {
  __init__: ['keepUndrawnDi'],
  keepUndrawnDi: ['type', KeepUndrawnDi],
};
