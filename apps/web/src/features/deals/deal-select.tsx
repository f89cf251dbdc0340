import type { TDeal } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { Page } from '../customers/types.ts';
import { DEALS_KEY } from './api.ts';

type Titled = { id: string; title: string };

type Common = {
  id?: string;
  /** Deals already known by title (the page's own, an activity's), so they show before any search. */
  known?: readonly Titled[];
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
};
type Single = Common & { multiple?: false; value?: string | null; onChange?: (value: string | null) => void };
type Multiple = Common & { multiple: true; value?: string[]; onChange?: (value: string[]) => void };

/** Chooses one or more deals the user may read, searching them by title or company as one types; an antd form control. */
export function DealSelect(props: Single | Multiple) {
  const { id, known = [], placeholder, disabled } = props;
  const { t } = useTranslation('relationships');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search).trim();
  const found = useQuery({
    queryKey: [...DEALS_KEY, 'options', q],
    queryFn: ({ signal }) => api<Page<TDeal>>('/api/v1/deals', { signal, query: { q, limit: 20, sort: 'title' } }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
    enabled: !disabled,
  });
  const options = (found.data ?? []).map((deal) => ({
    value: deal.id,
    label: deal.company ? `${deal.title} · ${deal.company.name}` : deal.title,
  }));
  for (const deal of known) {
    if (!options.some((option) => option.value === deal.id)) options.push({ value: deal.id, label: deal.title });
  }
  const common = {
    id,
    'aria-label': props['aria-label'],
    options,
    disabled,
    showSearch: { filterOption: false, onSearch: setSearch },
    loading: found.isFetching,
    placeholder: placeholder ?? t('select.deal'),
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
