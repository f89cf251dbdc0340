import type { TPlanKind } from '@clientela/contract';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { usePlanTargets } from './api.ts';

type Props = {
  kind: Exclude<TPlanKind, 'total'>;
  action: 'read' | 'set';
  value?: string | undefined;
  /** The name of the chosen target, shown before the search answers. */
  label?: string | undefined;
  onChange: (id: string | undefined, name: string | undefined) => void;
  placeholder: string;
  'aria-label': string;
  /** Targets not to offer (rows already in the grid). */
  exclude?: ReadonlySet<string>;
};

/** Picks a unit, manager, product or customer by name, among those the reader may plan for. */
export function TargetSelect({ kind, action, value, label, onChange, placeholder, 'aria-label': ariaLabel, exclude }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const targets = usePlanTargets(kind, q, action);
  const options = (targets.data?.data ?? []).filter((t) => !exclude?.has(t.id)).map((t) => ({ value: t.id, label: t.name }));
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return (
    <Select
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      placeholder={placeholder}
      loading={targets.isFetching}
      options={options}
      onChange={(id?: string) => onChange(id, options.find((o) => o.value === id)?.label)}
      allowClear
      popupMatchSelectWidth={false}
      style={{ minWidth: 220 }}
    />
  );
}
