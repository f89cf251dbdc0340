import type { TContact } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { Page } from '../customers/types.ts';

type Props = { value?: string; onChange: (value: string | undefined) => void; placeholder: string; 'aria-label': string };

/** Chooses a contact, searching `/contacts?q=` as one types; cleared back to none. */
export function ContactPicker({ value, onChange, placeholder, 'aria-label': ariaLabel }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const contacts = useQuery({
    queryKey: ['contacts', 'picker', q],
    queryFn: ({ signal }) => api<Page<TContact>>('/api/v1/contacts', { signal, query: { q, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      aria-label={ariaLabel}
      allowClear
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      style={{ minWidth: 220 }}
      options={(contacts.data?.data ?? []).map((contact) => ({ value: contact.id, label: contact.name }))}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={contacts.isFetching}
      notFoundContent={null}
    />
  );
}
