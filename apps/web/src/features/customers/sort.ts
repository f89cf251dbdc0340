import type { SorterResult } from 'antd/es/table/interface';

/** Columns the server sorts customer lists by. */
export const SORTABLE = ['name', 'createdAt', 'updatedAt'] as const;

/** Whether a column id is one the server sorts by. */
export function isSortable(id: string): id is (typeof SORTABLE)[number] {
  return (SORTABLE as readonly string[]).includes(id);
}

/** The antd sort order a column shows for the list's sort (`name`, `-updatedAt`…). */
export function sortOrder(sort: string, field: string) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

/** The list's sort after a click on a sortable column; back to by name when cleared. */
export function sortOf<T>(sorter: SorterResult<T> | SorterResult<T>[]): string {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const key = String(one?.columnKey ?? '');
  const field = isSortable(key) ? key : 'name';
  if (!one?.order) return 'name';
  return one.order === 'descend' ? `-${field}` : field;
}
