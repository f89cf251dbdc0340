import type { TLocale, TProduct } from '@clientela/contract';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useProductPages } from '../catalogue/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { money } from './money.ts';

type Props = { priceListId: string | null | undefined; onPick: (product: TProduct) => void };

function label(product: TProduct, priceListId: string | null | undefined, locale: TLocale, noPrice: string): string {
  const name = product.sku ? `${product.name} · ${product.sku}` : product.name;
  const price = product.prices.find((one) => one.priceListId === priceListId);
  return `${name} — ${price ? money(price.price, price.currency, locale) : noPrice}`;
}

/** A search over the active products showing each one's price in the document's price list; picking one hands it over. */
export function SalesProductPicker({ priceListId, onPick }: Props) {
  const { t } = useTranslation('sales');
  const { locale } = useLocale();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const products = useProductPages({ q, 'filter[active]': 'true' }, 20);
  const found = useMemo(() => products.data?.pages.flatMap((page) => page.data) ?? [], [products.data]);
  return (
    <Select<string>
      value={null}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      placeholder={t('editor.addProduct')}
      aria-label={t('editor.addProduct')}
      loading={products.isFetching}
      options={found.map((product) => ({ value: product.id, label: label(product, priceListId, locale, t('editor.noPriceInList')) }))}
      onChange={(id) => {
        const product = found.find((item) => item.id === id);
        if (product) onPick(product);
        setSearch('');
      }}
      style={{ width: '100%', maxWidth: 420 }}
    />
  );
}
