import type { TUser } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { Page } from './types.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The person chosen before, so the select can name them before any search. */
  current?: { id: string; name: string } | null;
  /** What the empty select says; "no owner" by default. */
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
};

/** Chooses a colleague, searching on the server as one types; usable as an antd form control. */
export function UserSelect({ id, value, onChange, current, placeholder, 'aria-label': ariaLabel, style }: Props) {
  const { t } = useTranslation('customers');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const users = useQuery({
    queryKey: ['users', 'options', q],
    queryFn: ({ signal }) => api<Page<TUser>>('/api/v1/users', { signal, query: { q: q.trim(), limit: 20, sort: 'name' } }),
    select: (page) => page.data,
  });
  const options = (users.data ?? []).map((user) => ({ value: user.id, label: user.name }));
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
      placeholder={placeholder ?? t('form.noOwner')}
      aria-label={ariaLabel}
      style={style}
    />
  );
}
