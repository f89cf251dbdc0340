import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { CLIENTELA_MODDLE, type TProcessInstanceStatus, type TProcessStep } from '@clientela/contract';
import { Alert } from 'antd';
import type { ModdleExtension } from 'bpmn-js/lib/model/Types';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The marker (a CSS class on the element) each state of a step is drawn with. */
export const STEP_MARKERS = {
  done: 'clientela-step-done',
  current: 'clientela-step-current',
  failed: 'clientela-step-failed',
} as const;

type Marker = keyof typeof STEP_MARKERS;

/**
 * Which elements to mark, and how: failed over current over done (an element a run went through
 * once and waits at again is current). A failed instance's steps still active are where it failed.
 */
export function stepMarkers(
  steps: Pick<TProcessStep, 'elementId' | 'status'>[],
  current: { elementId: string }[],
  status: TProcessInstanceStatus,
): Map<string, Marker> {
  const markers = new Map<string, Marker>();
  const rank: Record<Marker, number> = { done: 0, current: 1, failed: 2 };
  const mark = (elementId: string, marker: Marker) => {
    const had = markers.get(elementId);
    if (!had || rank[marker] > rank[had]) markers.set(elementId, marker);
  };
  for (const step of steps) {
    if (step.status === 'completed') mark(step.elementId, 'done');
    else if (step.status === 'failed') mark(step.elementId, 'failed');
    else if (step.status === 'active') mark(step.elementId, status === 'failed' ? 'failed' : status === 'running' ? 'current' : 'done');
  }
  if (status === 'running') for (const wait of current) mark(wait.elementId, 'current');
  return markers;
}

// Shapes are drawn by bpmn-js as SVG: the first child of an element's visual is its outline.
const STYLE = `
.clientela-diagram .djs-element.${STEP_MARKERS.done} .djs-visual > :first-child { stroke: #15803d !important; fill: #dcfce7 !important; }
.clientela-diagram .djs-element.${STEP_MARKERS.current} .djs-visual > :first-child { stroke: #1d4ed8 !important; stroke-width: 3px !important; fill: #dbeafe !important; }
.clientela-diagram .djs-element.${STEP_MARKERS.failed} .djs-visual > :first-child { stroke: #b91c1c !important; stroke-width: 3px !important; fill: #fee2e2 !important; }
`;

type Canvas = { addMarker(elementId: string, marker: string): void; zoom(level: 'fit-viewport'): number };
type ElementRegistry = { get(id: string): unknown };

type Props = {
  xml: string;
  steps: Pick<TProcessStep, 'elementId' | 'status'>[];
  current: { elementId: string }[];
  status: TProcessInstanceStatus;
  height?: number;
};

/** An instance's model, read-only, with its steps marked: done, waiting now, failed. */
export function ProcessDiagram({ xml, steps, current, status, height = 420 }: Props) {
  const { t } = useTranslation('processes');
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    const viewer = new NavigatedViewer({
      container: element,
      moddleExtensions: { clientela: CLIENTELA_MODDLE as unknown as ModdleExtension },
    });
    viewer
      .importXML(xml)
      .then(() => {
        if (disposed) return;
        setFailed(false);
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        for (const [elementId, marker] of stepMarkers(steps, current, status)) {
          // A step of an element the drawing lacks (a model without diagram interchange) is left unmarked.
          if (registry.get(elementId)) canvas.addMarker(elementId, STEP_MARKERS[marker]);
        }
        canvas.zoom('fit-viewport');
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      viewer.destroy();
    };
  }, [xml, steps, current, status]);

  return (
    <div className="clientela-diagram">
      <style>{STYLE}</style>
      {failed && <Alert type="warning" showIcon title={t('diagram.failed')} style={{ marginBottom: 8 }} />}
      <div
        ref={container}
        role="img"
        aria-label={t('diagram.label')}
        data-testid="process-diagram"
        style={{ height, border: '1px solid var(--ant-color-border-secondary, #f0f0f0)', borderRadius: 8 }}
      />
    </div>
  );
}
