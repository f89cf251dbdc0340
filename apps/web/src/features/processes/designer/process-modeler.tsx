import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './designer.css';
import { CLIENTELA_MODDLE } from '@clientela/contract';
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import Modeler from 'bpmn-js/lib/Modeler';
import type { ModdleExtension } from 'bpmn-js/lib/model/Types';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { clientelaPropertiesModule, type Directory } from './clientela-provider.ts';
import type { DiagramElement } from './extension.ts';
import { KeepUndrawnDiModule } from './keep-undrawn-di.ts';
import { TranslateModule } from './translate.ts';

/** What the page asks of the diagram. */
export type ModelerHandle = {
  /** Draws a model in place of the current one; resolves with the importer's warnings. */
  importXml(xml: string): Promise<string[]>;
  /** The model as pretty-printed BPMN XML. */
  exportXml(): Promise<string>;
  /** Selects an element and scrolls it into view; false when the diagram has no such element. */
  reveal(elementId: string): boolean;
  /** An element's name, else null. */
  elementName(elementId: string): string | null;
};

type Props = {
  ref?: Ref<ModelerHandle>;
  readOnly: boolean;
  /** Filled in place by the page as users and units load; `directoryVersion` tells the panel to draw again. */
  directory: Directory;
  directoryVersion: number;
  /** Called after every change the author makes (not after an import). */
  onChange?: () => void;
};

type ElementRegistry = { get(id: string): DiagramElement | undefined };
type Selection = { select(element: DiagramElement): void };
type Box = { x: number; y: number; width: number; height: number };
type Canvas = {
  scrollToElement(element: DiagramElement): void;
  viewbox(box?: Box): { inner: Box; outer: Box };
};

/** Room the palette takes on the canvas's left, and a margin around the model. */
const PALETTE_WIDTH = 120;
const MARGIN = 24;

/** Shows the whole model, at most at its natural size, centred in the room the palette leaves. */
function fitBesidePalette(canvas: Canvas) {
  const { inner, outer } = canvas.viewbox();
  if (inner.width <= 0 || inner.height <= 0) return;
  const fit = Math.min(1, (outer.width - PALETTE_WIDTH - 2 * MARGIN) / inner.width, (outer.height - 2 * MARGIN) / inner.height);
  const scale = Math.max(fit, 0.1);
  const width = outer.width / scale;
  const height = outer.height / scale;
  // Centred on the model, then moved by half the palette so that the model sits in the free part.
  canvas.viewbox({
    x: inner.x + inner.width / 2 - width / 2 - PALETTE_WIDTH / 2 / scale,
    y: inner.y + inner.height / 2 - height / 2,
    width,
    height,
  });
}
type EventBus = { on(event: string, callback: () => void): void; fire(event: string, payload?: object): void };

/** The bpmn-js canvas with the properties panel beside it (a read-only viewer for readers). */
export function ProcessModeler({ ref, readOnly, directory, directoryVersion, onChange }: Props) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<BaseViewer | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // An import clears the command stack, which is not a change made by the author.
  const importing = useRef(false);

  useEffect(() => {
    const container = canvasRef.current;
    if (!container) return;
    const moddleExtensions = { clientela: CLIENTELA_MODDLE as unknown as ModdleExtension };
    const viewer = readOnly
      ? new NavigatedViewer({ container, moddleExtensions, additionalModules: [TranslateModule] })
      : new Modeler({
          container,
          moddleExtensions,
          propertiesPanel: { parent: panelRef.current },
          additionalModules: [
            BpmnPropertiesPanelModule,
            BpmnPropertiesProviderModule,
            clientelaPropertiesModule(directory),
            KeepUndrawnDiModule,
            TranslateModule,
          ],
        });
    viewerRef.current = viewer;
    viewer.get<EventBus>('eventBus').on('commandStack.changed', () => {
      if (!importing.current) onChangeRef.current?.();
    });
    return () => {
      viewer.destroy();
      viewerRef.current = null;
    };
  }, [readOnly, directory]);

  // Users and units arrive after the diagram: the panel draws again to offer them.
  useEffect(() => {
    if (directoryVersion > 0 && !readOnly) viewerRef.current?.get<EventBus>('eventBus').fire('propertiesPanel.providersChanged');
  }, [directoryVersion, readOnly]);

  useImperativeHandle(
    ref,
    (): ModelerHandle => ({
      async importXml(xml) {
        const viewer = viewerRef.current;
        if (!viewer) return [];
        importing.current = true;
        try {
          const { warnings } = await viewer.importXML(xml);
          fitBesidePalette(viewer.get<Canvas>('canvas'));
          return warnings;
        } finally {
          importing.current = false;
        }
      },
      async exportXml() {
        const viewer = viewerRef.current;
        if (!viewer) throw new Error('The diagram is not ready');
        const { xml } = await viewer.saveXML({ format: true });
        return xml ?? '';
      },
      reveal(elementId) {
        const viewer = viewerRef.current;
        const element = viewer?.get<ElementRegistry>('elementRegistry').get(elementId);
        if (!viewer || !element) return false;
        if (!readOnly) viewer.get<Selection>('selection').select(element);
        viewer.get<Canvas>('canvas').scrollToElement(element);
        return true;
      },
      elementName(elementId) {
        const element = viewerRef.current?.get<ElementRegistry>('elementRegistry').get(elementId);
        const name = element?.businessObject.name;
        return typeof name === 'string' && name.trim() ? name.trim() : null;
      },
    }),
    [readOnly],
  );

  return (
    <div className="clientela-designer">
      <div ref={canvasRef} className="clientela-designer-canvas" data-testid="bpmn-canvas" />
      {!readOnly && <div ref={panelRef} className="clientela-designer-panel" />}
    </div>
  );
}
