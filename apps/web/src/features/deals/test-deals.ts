import type { TDeal, TPipeline, TPipelineBoard, TPipelineStage } from '@clientela/contract';

const stage = (id: string, name: string, position: number, extra: Partial<TPipelineStage> = {}): TPipelineStage => ({
  id,
  name,
  position,
  probability: 10,
  kind: 'open',
  requiredFields: [],
  ...extra,
});

/** The stages of the test pipeline: two open ones, a won one requiring amount and close date, a lost one requiring a reason. */
export const LEAD = stage('00000000-0000-4000-8000-000000000d01', 'Lead', 0, { probability: 10 });
export const PROPOSAL = stage('00000000-0000-4000-8000-000000000d02', 'Proposal', 1, { probability: 50 });
export const WON = stage('00000000-0000-4000-8000-000000000d03', 'Won', 2, {
  probability: 100,
  kind: 'won',
  requiredFields: ['amount', 'expectedCloseOn'],
});
export const LOST = stage('00000000-0000-4000-8000-000000000d04', 'Lost', 3, {
  probability: 0,
  kind: 'lost',
  requiredFields: ['lostReasonId'],
});

/** A pipeline for tests; only what is given differs from the default one. */
export function aPipeline(extra: Partial<TPipeline> = {}): TPipeline {
  return {
    id: '00000000-0000-4000-8000-000000000c01',
    name: 'Wholesale',
    position: 0,
    isDefault: true,
    active: true,
    stages: [LEAD, PROPOSAL, WON, LOST],
    ...extra,
  };
}

/** A deal for tests, in the Lead stage with nothing filled in unless told. */
export function aDeal(id: string, title: string, extra: Partial<TDeal> = {}): TDeal {
  return {
    id,
    title,
    pipelineId: '00000000-0000-4000-8000-000000000c01',
    stage: { id: LEAD.id, name: LEAD.name, kind: 'open' },
    company: null,
    contact: null,
    owner: { id: '00000000-0000-4000-8000-000000000003', name: 'Elio Conti' },
    unitId: null,
    source: null,
    product: null,
    amount: null,
    currency: null,
    amountBase: null,
    baseCurrency: 'EUR',
    probability: 10,
    expectedCloseOn: null,
    closedOn: null,
    lostReason: null,
    attribution: { source: null, campaign: null, convertedSource: null, convertedCampaign: null },
    lostNote: null,
    stageEnteredAt: '2026-11-20T09:00:00.000Z',
    notes: null,
    mayChange: true,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...extra,
  };
}

type Column = TPipelineBoard['columns'][number];

/** A board of the test pipeline; columns not given are empty. */
export function aBoard(columns: Partial<Record<string, Partial<Column>>>, pipeline = aPipeline()): TPipelineBoard {
  return {
    pipeline,
    baseCurrency: 'EUR',
    columns: pipeline.stages.map((one) => ({
      stageId: one.id,
      count: 0,
      sumBase: '0.00',
      withoutRate: 0,
      deals: [],
      nextCursor: null,
      ...columns[one.id],
    })),
  };
}

/**
 * Gives the board's columns and cards a layout, as a browser would (jsdom has none): column i
 * spans 300·i to 300·i+280, its cards lie inside it, and a dragged card's overlay starts where the
 * card is. dnd-kit measures these to find where a card lands.
 */
export function layOutBoard(): () => void {
  const original = Element.prototype.getBoundingClientRect;
  const rect = (left: number, top: number, width: number, height: number) =>
    ({ x: left, y: top, left, top, width, height, right: left + width, bottom: top + height, toJSON: () => ({}) }) as DOMRect;
  Element.prototype.getBoundingClientRect = function (this: Element): DOMRect {
    const overlay = this.getAttribute('data-drag-overlay');
    const card = overlay ? document.querySelector(`[data-deal-card="${overlay}"]`) : null;
    if (card) return card.getBoundingClientRect();
    const column = this.closest('[data-stage-column]');
    if (!column) return original.call(this);
    const left = Number(column.getAttribute('data-stage-column')) * 300;
    if (this === column) return rect(left, 0, 280, 700);
    if (this.hasAttribute('data-deal-card')) return rect(left + 10, 100, 260, 80);
    return original.call(this);
  };
  return () => {
    Element.prototype.getBoundingClientRect = original;
  };
}
