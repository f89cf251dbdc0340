import type { TProductCategory } from '@clientela/contract';

/** A category's name after its parents' ("Bread / Sourdough"), so that two "Other" categories differ. */
export function categoryPath(category: TProductCategory, all: TProductCategory[]): string {
  const names = [category.name];
  const seen = new Set([category.id]);
  let parentId = category.parentId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = all.find((item) => item.id === parentId);
    if (!parent) break;
    names.unshift(parent.name);
    parentId = parent.parentId;
  }
  return names.join(' / ');
}

function isWithin(category: TProductCategory, ancestorId: string, all: TProductCategory[]): boolean {
  const seen = new Set<string>();
  let current: TProductCategory | undefined = category;
  while (current && !seen.has(current.id)) {
    if (current.id === ancestorId) return true;
    seen.add(current.id);
    const parentId: string | null = current.parentId;
    current = parentId ? all.find((item) => item.id === parentId) : undefined;
  }
  return false;
}

/** The categories as select options, sorted by their path; `exceptId` leaves out that category and those inside it. */
export function categoryOptions(all: TProductCategory[], exceptId?: string): { value: string; label: string }[] {
  return all
    .filter((category) => !exceptId || !isWithin(category, exceptId, all))
    .map((category) => ({ value: category.id, label: categoryPath(category, all) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
