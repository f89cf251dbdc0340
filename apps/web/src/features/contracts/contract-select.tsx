import type { TContract } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { Page } from '../customers/types.ts';
import { CONTRACTS_KEY } from './api.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Only this company's contracts, when given. */
  companyId?: string | null;
  /** The contract chosen before, named before any search. */
  current?: { id: string; number: string; subject: string } | null;
  /** What the empty select says, in the caller's words (this component loads no messages). */
  placeholder?: string;
  'aria-label'?: string;
};

const label = (contract: { number: string; subject: string }) => `${contract.number} · ${contract.subject}`;

/**
 * Chooses a contract by number or subject, searching on the server; usable as an antd form control
 * (e.g. for what an agreement is about).
 */
export function ContractSelect({ id, value, onChange, companyId, current, placeholder, 'aria-label': ariaLabel }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const contracts = useQuery({
    queryKey: [...CONTRACTS_KEY, 'options', companyId ?? null, q],
    queryFn: ({ signal }) =>
      api<Page<TContract>>('/api/v1/contracts', {
        signal,
        query: { q: q.trim(), limit: 20, 'filter[companyId]': companyId ?? undefined },
      }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
  });
  const options = (contracts.data ?? []).map((contract) => ({ value: contract.id, label: label(contract) }));
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: label(current) });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={contracts.isFetching}
      placeholder={placeholder}
      aria-label={ariaLabel}
      notFoundContent={null}
    />
  );
}
