import type { TKbCategory } from '@clientela/contract';

export type KbCategoryNode = { category: TKbCategory; children: KbCategoryNode[] };

/** The flat list as a tree, each level in its set order then by name; orphans (parent gone) at the top. */
export function buildKbCategoryTree(categories: readonly TKbCategory[], locale: string): KbCategoryNode[] {
  const ids = new Set(categories.map((category) => category.id));
  const byParent = new Map<string | null, TKbCategory[]>();
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), category]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null): KbCategoryNode[] =>
    (byParent.get(parent) ?? [])
      .filter((category) => !seen.has(category.id))
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, locale))
      .map((category) => {
        seen.add(category.id);
        return { category, children: build(category.id) };
      });
  return build(null);
}

/** A category and everything under it: what it may not be moved into. */
export function descendantsOf(categories: readonly TKbCategory[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of categories) {
      if (category.parentId && out.has(category.parentId) && !out.has(category.id)) {
        out.add(category.id);
        grew = true;
      }
    }
  }
  return out;
}

/** "Parent / Child" names for pickers. */
export function categoryPaths(categories: readonly TKbCategory[]): Map<string, string> {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const out = new Map<string, string>();
  for (const category of categories) {
    const names: string[] = [];
    let current: TKbCategory | undefined = category;
    const visited = new Set<string>();
    while (current && !visited.has(current.id)) {
      visited.add(current.id);
      names.unshift(current.name);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    out.set(category.id, names.join(' / '));
  }
  return out;
}

export type CategoryOption = { value: string; title: string; disabled?: boolean; children: CategoryOption[] };

/** The tree as a TreeSelect's options; `excluded` ones (a category and its children, when moving it) cannot be picked. */
export function categoryOptions(
  categories: readonly TKbCategory[],
  locale: string,
  excluded: ReadonlySet<string> = new Set(),
): CategoryOption[] {
  const toData = (nodes: KbCategoryNode[]): CategoryOption[] =>
    nodes.map(({ category, children }) => ({
      value: category.id,
      title: category.name,
      disabled: excluded.has(category.id),
      children: toData(children),
    }));
  return toData(buildKbCategoryTree(categories, locale));
}
