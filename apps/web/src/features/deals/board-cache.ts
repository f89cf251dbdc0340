import type { TDeal, TPipelineBoard } from '@clientela/contract';

type Column = TPipelineBoard['columns'][number];

// Sums are decimal strings: added in whole cents so that no float error creeps in.
const cents = (value: string | null) => (value === null ? 0 : Math.round(Number(value) * 100));
const decimal = (value: number) => (value / 100).toFixed(2);
const lacksRate = (deal: TDeal) => deal.amount !== null && deal.amountBase === null;

function withoutDeal(column: Column, deal: TDeal): Column {
  return {
    ...column,
    deals: column.deals.filter((card) => card.id !== deal.id),
    count: Math.max(0, column.count - 1),
    sumBase: decimal(cents(column.sumBase) - cents(deal.amountBase)),
    withoutRate: Math.max(0, column.withoutRate - (lacksRate(deal) ? 1 : 0)),
  };
}

function withDeal(column: Column, deal: TDeal): Column {
  return {
    ...column,
    // The newest in a stage come first.
    deals: [deal, ...column.deals],
    count: column.count + 1,
    sumBase: decimal(cents(column.sumBase) + cents(deal.amountBase)),
    withoutRate: column.withoutRate + (lacksRate(deal) ? 1 : 0),
  };
}

/** The board with `deal` (as it now is) taken out of its old column and put first in its stage's, counts and sums adjusted. */
export function placeDeal(board: TPipelineBoard, deal: TDeal): TPipelineBoard {
  const old = board.columns.flatMap((column) => column.deals).find((card) => card.id === deal.id);
  const inPipeline = board.columns.some((column) => column.stageId === deal.stage.id);
  if (!old && !inPipeline) return board;
  return {
    ...board,
    columns: board.columns.map((column) => {
      let next = column;
      if (old && column.deals.some((card) => card.id === deal.id)) next = withoutDeal(next, old);
      if (column.stageId === deal.stage.id) next = withDeal(next, deal);
      return next;
    }),
  };
}

/** The board with one more page of a column's cards. */
export function appendCards(board: TPipelineBoard, stageId: string, deals: TDeal[], nextCursor: string | null): TPipelineBoard {
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId !== stageId) return column;
      const known = new Set(column.deals.map((card) => card.id));
      return { ...column, deals: [...column.deals, ...deals.filter((card) => !known.has(card.id))], nextCursor };
    }),
  };
}
