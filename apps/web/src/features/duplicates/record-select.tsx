import type { TDuplicateCheckResult, TDuplicateEntity } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { type CustomerRecord, RECORDS_KEY, RESOURCE } from '../customer-list/api.ts';
import type { Page } from '../customers/types.ts';

type Props = {
  entity: TDuplicateEntity;
  /** The record being merged, never offered. */
  exceptId: string;
  value?: string;
  onChange: (id: string | undefined) => void;
  /** Probable duplicates, offered first while nothing is typed. */
  suggestions?: TDuplicateCheckResult['data'];
};

function optionOf(record: { id: string; name: string; city: string | null }) {
  return { value: record.id, label: record.city ? `${record.name} · ${record.city}` : record.name };
}

/** Chooses a company or a contact to merge with, searching the list endpoint (`?q=`) as one types. */
export function RecordSelect({ entity, exceptId, value, onChange, suggestions = [] }: Props) {
  const { t } = useTranslation('duplicates');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search).trim();
  const found = useQuery({
    queryKey: [...RECORDS_KEY[entity], 'merge-options', q],
    queryFn: ({ signal }) => api<Page<CustomerRecord>>(`/api/v1/${RESOURCE[entity]}`, { signal, query: { q, limit: 20, sort: 'name' } }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
  });
  const suggested = search.trim() ? [] : suggestions.map(({ record }) => optionOf(record)).filter((option) => option.value !== exceptId);
  const others = (found.data ?? [])
    .filter((record) => record.id !== exceptId && !suggested.some((option) => option.value === record.id))
    .map(optionOf);
  const options: SelectProps['options'] =
    suggested.length > 0
      ? [
          { label: t('mergeWith.suggested'), options: suggested },
          ...(others.length > 0 ? [{ label: t('mergeWith.found'), options: others }] : []),
        ]
      : others;
  return (
    <Select
      aria-label={t('mergeWith.select')}
      style={{ width: '100%' }}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      placeholder={t('mergeWith.placeholder')}
      // Nothing to offer is said, rather than an open dropdown that stays blank.
      notFoundContent={found.isFetching ? <Spin size="small" /> : t('mergeWith.none')}
    />
  );
}
