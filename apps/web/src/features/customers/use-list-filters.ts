import { useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { FilterState } from './list-filters.tsx';
import type { CustomerFilters, CustomerSort } from './types.ts';

/** The filters as typed and as sent (search and city debounced), with the sort. */
export function useListFilters() {
  const [state, setState] = useState<FilterState>({ search: '', city: '' });
  const [sort, setSort] = useState<CustomerSort>('name');
  const search = useDebouncedValue(state.search);
  const city = useDebouncedValue(state.city);
  const filters: CustomerFilters = {
    q: search,
    sort,
    status: state.status,
    relationship: state.relationship,
    class: state.class,
    city: city.trim() || undefined,
  };
  return { state, setState, sort, setSort, filters };
}
