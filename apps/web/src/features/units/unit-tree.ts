import type { TUnit } from '@clientela/contract';

export type UnitNode = { unit: TUnit; children: UnitNode[] };

/** Turns the flat list into a tree sorted by name; orphans (parent not listed) become roots. */
export function buildUnitTree(units: readonly TUnit[], locale: string): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Unit names by id, for showing a user's unit. */
export function unitNames(units: readonly TUnit[] | undefined): Map<string, string> {
  return new Map((units ?? []).map((unit) => [unit.id, unit.name]));
}
