import type { TUnit } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { buildUnitTree } from './unit-tree.ts';

const unit = (id: string, name: string, parentId: string | null = null): TUnit => ({
  id,
  name,
  parentId,
  memberCount: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('buildUnitTree', () => {
  it('nests units under their parents, sorted by name', () => {
    const tree = buildUnitTree([unit('b', 'Shop 2'), unit('a', 'Shop 10'), unit('k', 'Kitchen', 'b'), unit('c', 'Cash desk', 'b')], 'en');
    expect(tree.map((node) => node.unit.name)).toEqual(['Shop 2', 'Shop 10']);
    expect(tree[0]?.children.map((node) => node.unit.name)).toEqual(['Cash desk', 'Kitchen']);
  });

  it('keeps a unit whose parent is missing as a root', () => {
    expect(buildUnitTree([unit('x', 'Lost', 'gone')], 'en').map((node) => node.unit.id)).toEqual(['x']);
  });
});
