import type { TOrder } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useProductPages } from '../catalogue/api.ts';
import type { Page } from '../customers/types.ts';

type Named = { id: string; name: string };
type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'aria-label'?: string;
};

/** Chooses the product a case is about, searching the active products as one types; an antd form control. */
export function CaseProductSelect({ id, value, onChange, current, 'aria-label': ariaLabel }: Props & { current?: Named | null }) {
  const { t } = useTranslation('cases');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const products = useProductPages({ q, 'filter[active]': 'true' }, 20);
  const options = useMemo(() => {
    const found = (products.data?.pages.flatMap((page) => page.data) ?? []).map((product) => ({
      value: product.id,
      label: product.sku ? `${product.name} · ${product.sku}` : product.name,
    }));
    if (current && !found.some((option) => option.value === current.id)) found.unshift({ value: current.id, label: current.name });
    return found;
  }, [products.data, current]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={products.isFetching}
      placeholder={t('form.noProduct')}
      notFoundContent={null}
      aria-label={ariaLabel}
    />
  );
}

/** Chooses one of the company's orders (by number), once a company is chosen; an antd form control. */
export function CaseOrderSelect({
  id,
  value,
  onChange,
  companyId,
  current,
  'aria-label': ariaLabel,
}: Props & {
  companyId?: string | null;
  current?: { id: string; number: string } | null;
}) {
  const { t } = useTranslation('cases');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search).trim();
  const orders = useQuery({
    queryKey: ['orders', 'options', companyId, q],
    queryFn: ({ signal }) =>
      api<Page<TOrder>>('/api/v1/orders', { signal, query: { q: q || undefined, limit: 20, 'filter[companyId]': companyId ?? undefined } }),
    select: (page) => page.data,
    enabled: Boolean(companyId),
    placeholderData: keepPreviousData,
  });
  const options = (orders.data ?? []).map((order) => ({ value: order.id, label: order.number }));
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.number });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      disabled={!companyId}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={orders.isFetching}
      placeholder={companyId ? t('form.noOrder') : t('form.companyFirst')}
      notFoundContent={null}
      aria-label={ariaLabel}
    />
  );
}
