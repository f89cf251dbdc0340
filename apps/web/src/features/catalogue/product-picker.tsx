import type { TProduct } from '@clientela/contract';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useProductPages } from './api.ts';

type Props = {
  /** Products not to offer, e.g. those already in the list. */
  exclude: ReadonlySet<string>;
  onPick: (product: TProduct) => void;
};

/** A search box over the active products; picking one hands it over and clears the box. */
export function ProductPicker({ exclude, onPick }: Props) {
  const { t } = useTranslation('catalogue');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const products = useProductPages({ q, 'filter[active]': 'true' }, 20);
  const found = useMemo(() => products.data?.pages.flatMap((page) => page.data) ?? [], [products.data]);

  return (
    <Select<string>
      value={null}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      placeholder={t('prices.addProduct')}
      aria-label={t('prices.addProduct')}
      loading={products.isFetching}
      notFoundContent={products.isFetching ? undefined : t('products.empty')}
      options={found
        .filter((product) => !exclude.has(product.id))
        .map((product) => ({ value: product.id, label: product.sku ? `${product.name} · ${product.sku}` : product.name }))}
      onChange={(id) => {
        const product = found.find((item) => item.id === id);
        if (product) onPick(product);
        setSearch('');
      }}
      style={{ width: 320 }}
    />
  );
}
