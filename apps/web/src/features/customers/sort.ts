import type { SorterResult } from 'antd/es/table/interface';
import type { CustomerSort } from './types.ts';

/** The antd sort order a column shows for the list's sort. */
export function sortOrder(sort: CustomerSort, field: 'name' | 'updatedAt') {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

/** The list's sort after a click on a sortable column; back to by name when cleared. */
export function sortOf<T>(sorter: SorterResult<T> | SorterResult<T>[]): CustomerSort {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = one?.columnKey === 'updatedAt' ? 'updatedAt' : 'name';
  if (!one?.order) return 'name';
  return one.order === 'descend' ? `-${field}` : field;
}
