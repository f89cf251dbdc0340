import type { TContact } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { Page } from '../customers/types.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  companyId?: string;
  /** The contact chosen before, named before any search. */
  current?: { id: string; name: string } | null;
};

/** Chooses one of a company's contacts, searching on the server; usable as an antd form control. */
export function ContactOfCompanySelect({ id, value, onChange, companyId, current }: Props) {
  const { t } = useTranslation('contracts');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const contacts = useQuery({
    queryKey: ['contacts', 'options', companyId, q],
    queryFn: ({ signal }) =>
      api<Page<TContact>>('/api/v1/contacts', {
        signal,
        query: { q: q.trim(), limit: 20, sort: 'name', 'filter[companyId]': companyId },
      }),
    select: (page) => page.data,
    enabled: Boolean(companyId),
    placeholderData: keepPreviousData,
  });
  const options = (contacts.data ?? []).map((contact) => ({ value: contact.id, label: contact.name }));
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      disabled={!companyId}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={contacts.isFetching}
      placeholder={companyId ? t('form.noContact') : t('form.companyFirst')}
      notFoundContent={null}
    />
  );
}
