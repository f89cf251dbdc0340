import type { TCompany, TContact } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { RECORDS_KEY, RESOURCE } from '../customer-list/api.ts';
import type { Page } from '../customers/types.ts';

type Named = { id: string; name: string };

type Common = {
  entity: 'company' | 'contact';
  id?: string;
  /** Records already known by name (the page's own, an activity's links), so they show before any search. */
  known?: readonly Named[];
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
};
type Single = Common & { multiple?: false; value?: string | null; onChange?: (value: string | null) => void };
type Multiple = Common & { multiple: true; value?: string[]; onChange?: (value: string[]) => void };

function label(record: TCompany | TContact): string {
  if ('companies' in record) {
    const company = record.companies[0]?.name;
    return company ? `${record.name} · ${company}` : record.name;
  }
  return record.city ? `${record.name} · ${record.city}` : record.name;
}

/** Chooses one or more companies or contacts, searching the list endpoint (`?q=`) as one types; an antd form control. */
export function CustomerSelect(props: Single | Multiple) {
  const { entity, id, known = [], placeholder, disabled } = props;
  const { t } = useTranslation('relationships');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search).trim();
  const found = useQuery({
    queryKey: [...RECORDS_KEY[entity], 'options', 'relationships', q],
    queryFn: ({ signal }) =>
      api<Page<TCompany | TContact>>(`/api/v1/${RESOURCE[entity]}`, { signal, query: { q, limit: 20, sort: 'name' } }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
    enabled: !disabled,
  });
  const options = (found.data ?? []).map((record) => ({ value: record.id, label: label(record) }));
  for (const record of known) {
    if (!options.some((option) => option.value === record.id)) options.push({ value: record.id, label: record.name });
  }
  const common = {
    id,
    'aria-label': props['aria-label'],
    options,
    disabled,
    showSearch: { filterOption: false, onSearch: setSearch },
    loading: found.isFetching,
    placeholder: placeholder ?? t(entity === 'company' ? 'select.company' : 'select.contact'),
    notFoundContent: found.isFetching ? <Spin size="small" /> : t('select.none'),
    style: { width: '100%' },
  };
  if (props.multiple) {
    return (
      <Select<string[]>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(next) => {
          setSearch('');
          props.onChange?.(next);
        }}
      />
    );
  }
  return <Select<string> {...common} allowClear value={props.value ?? undefined} onChange={(next) => props.onChange?.(next ?? null)} />;
}
