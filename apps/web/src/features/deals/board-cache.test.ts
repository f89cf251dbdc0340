import { describe, expect, it } from 'vitest';
import { appendCards, placeDeal } from './board-cache.ts';
import { aBoard, aDeal, LEAD, PROPOSAL } from './test-deals.ts';

const priced = aDeal('00000000-0000-4000-8000-000000000e01', 'Flour', { amount: '0.10', currency: 'EUR', amountBase: '0.10' });
const unrated = aDeal('00000000-0000-4000-8000-000000000e02', 'Samovars', { amount: '150000.00', currency: 'RUB' });
const board = aBoard({
  [LEAD.id]: { count: 2, sumBase: '0.10', withoutRate: 1, deals: [priced, unrated] },
  [PROPOSAL.id]: { count: 1, sumBase: '0.20' },
});
const column = (b: typeof board, id: string) => b.columns.find((one) => one.stageId === id);

describe('placeDeal', () => {
  it('takes the deal out of its column and puts it first in its new one, sums added in cents', () => {
    const moved = placeDeal(board, { ...priced, stage: { id: PROPOSAL.id, name: 'Proposal', kind: 'open' } });
    expect(column(moved, LEAD.id)).toMatchObject({ count: 1, sumBase: '0.00', withoutRate: 1 });
    expect(column(moved, LEAD.id)?.deals.map((deal) => deal.title)).toEqual(['Samovars']);
    // 0.20 + 0.10 in floats is 0.30000000000000004.
    expect(column(moved, PROPOSAL.id)).toMatchObject({ count: 2, sumBase: '0.30', withoutRate: 0 });
    expect(column(moved, PROPOSAL.id)?.deals[0]?.title).toBe('Flour');
  });

  it('carries the count of deals without a rate along', () => {
    const moved = placeDeal(board, { ...unrated, stage: { id: PROPOSAL.id, name: 'Proposal', kind: 'open' } });
    expect(column(moved, LEAD.id)).toMatchObject({ count: 1, sumBase: '0.10', withoutRate: 0 });
    expect(column(moved, PROPOSAL.id)).toMatchObject({ count: 2, sumBase: '0.20', withoutRate: 1 });
  });
});

describe('appendCards', () => {
  it('adds a column’s next page once, with its next cursor', () => {
    const more = appendCards(board, LEAD.id, [unrated, aDeal('00000000-0000-4000-8000-000000000e03', 'Salt')], 'next');
    expect(column(more, LEAD.id)?.deals.map((deal) => deal.title)).toEqual(['Flour', 'Samovars', 'Salt']);
    expect(column(more, LEAD.id)?.nextCursor).toBe('next');
  });
});
