import type { TUser } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { Page } from '../customers/types.ts';

type Props = { id?: string; value?: string[]; onChange?: (value: string[]) => void; 'aria-label'?: string };

/** Chooses several colleagues, searching on the server as one types; an antd form control. */
export function WatchersSelect({ id, value, onChange, 'aria-label': ariaLabel }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const users = useQuery({
    queryKey: ['users', 'options', q],
    queryFn: ({ signal }) => api<Page<TUser>>('/api/v1/users', { signal, query: { q: q.trim(), limit: 20, sort: 'name' } }),
    select: (page) => page.data,
  });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(next: string[]) => onChange?.(next)}
      options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
      aria-label={ariaLabel}
    />
  );
}
