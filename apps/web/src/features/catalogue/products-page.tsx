import { PlusOutlined, SearchOutlined, TagsOutlined } from '@ant-design/icons';
import { PRODUCT_KINDS, type TProduct, type TProductKind } from '@clientela/contract';
import { Button, Card, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatMoney } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useMe } from '../auth/api.ts';
import { ImportButton } from '../imports/import-button.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { useCategories, usePriceLists, useProductPages } from './api.ts';
import { CategoriesDrawer } from './categories-drawer.tsx';
import { categoryOptions } from './category-options.ts';
import { mayEditCatalogue } from './permissions.ts';
import { ProductFormDrawer } from './product-form-drawer.tsx';
import { filtersFromParams, type ProductFilters, paramsFromFilters, queryOf, type Shown } from './product-query.ts';

function sortOf(sorter: SorterResult<TProduct> | SorterResult<TProduct>[]): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order) return undefined;
  const field = String(one.columnKey);
  return one.order === 'descend' ? `-${field}` : field;
}

function sortOrder(sort: string | undefined, key: string) {
  if (sort === key) return 'ascend' as const;
  if (sort === `-${key}`) return 'descend' as const;
  return null;
}

/** A VAT rate as the user's language writes a percentage: "5.5%", "5,5 %". */
function formatVat(rate: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate) / 100);
}

/** `/products`: the goods and services the workspace sells, with their prices, searched by name or SKU. */
export function ProductsPage() {
  const { t } = useTranslation('catalogue');
  const { locale } = useLocale();
  const me = useMe();
  const editable = mayEditCatalogue(me);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [search, setSearch] = useState(filters.q);
  const q = useDebouncedValue(search);
  const [editing, setEditing] = useState<{ product?: TProduct } | null>(null);
  const [managingCategories, setManagingCategories] = useState(false);
  const categories = useCategories();
  const priceLists = usePriceLists();

  const change = (next: Partial<ProductFilters>) => setParams(paramsFromFilters({ ...filters, ...next }), { replace: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text changes the address.
  useEffect(() => {
    if (q !== filters.q) change({ q });
  }, [q]);

  const products = useProductPages(queryOf(filters));
  const rows = useMemo(() => products.data?.pages.flatMap((page) => page.data) ?? [], [products.data]);
  const total = products.data?.pages[0]?.total ?? 0;

  const columns: ColumnsType<TProduct> = [
    {
      key: 'name',
      title: t('fields.name'),
      sorter: true,
      sortOrder: sortOrder(filters.sort, 'name'),
      render: (_value, product) => (
        <Flex vertical>
          {/* The whole row opens the product; the name does so from the keyboard too. */}
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', fontWeight: 600, justifyContent: 'flex-start' }}
            onClick={(event) => {
              event.stopPropagation();
              setEditing({ product });
            }}
          >
            {product.name}
          </Button>
          {product.kind === 'service' && <Typography.Text type="secondary">{t('kinds.service')}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'sku',
      title: t('fields.sku'),
      dataIndex: 'sku',
      sorter: true,
      sortOrder: sortOrder(filters.sort, 'sku'),
      render: (sku: string | null) => sku ?? '—',
    },
    { key: 'category', title: t('fields.category'), render: (_value, product) => product.category?.name ?? '—' },
    { key: 'unit', title: t('fields.unit'), dataIndex: 'unit' },
    {
      key: 'vatRate',
      title: t('fields.vatRate'),
      align: 'right',
      render: (_value, product) => formatVat(product.vatRate, locale),
    },
    {
      key: 'prices',
      title: t('fields.prices'),
      render: (_value, product) =>
        product.prices.length === 0 ? (
          <Typography.Text type="secondary">{t('products.noPrices')}</Typography.Text>
        ) : (
          <Flex vertical>
            {product.prices.map((price) => (
              <span key={price.priceListId}>
                <Typography.Text type="secondary">{price.priceListName}: </Typography.Text>
                {formatMoney(Number(price.price), price.currency, locale)}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      key: 'active',
      title: t('fields.active'),
      render: (_value, product) =>
        product.active ? <Tag color="green">{t('products.activeTag')}</Tag> : <Tag>{t('products.inactiveTag')}</Tag>,
    },
  ];

  const shownOptions: { value: Shown; label: string }[] = [
    { value: 'active', label: t('filters.active') },
    { value: 'inactive', label: t('filters.inactive') },
    { value: 'all', label: t('filters.all') },
  ];

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<TagsOutlined />} onClick={() => setManagingCategories(true)}>
              {t('categories.title')}
            </Button>
            {/* The file holds the products as filtered, a price column per list; it imports back as it is. */}
            {me.permissions?.sales?.export !== 'none' && <ExportButton resource="products" query={queryOf(filters)} />}
            {editable && <ImportButton entity="product" />}
            {editable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                {t('products.create')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('filters.search')}
            aria-label={t('filters.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
          />
          <Select<string>
            allowClear
            placeholder={t('filters.anyCategory')}
            aria-label={t('fields.category')}
            value={filters.categoryId}
            onChange={(categoryId) => change({ categoryId })}
            options={categoryOptions(categories.data ?? [])}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            style={{ minWidth: 200 }}
          />
          <Select<TProductKind>
            allowClear
            placeholder={t('filters.anyKind')}
            aria-label={t('fields.kind')}
            value={filters.kind}
            onChange={(kind) => change({ kind })}
            options={PRODUCT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
            style={{ minWidth: 160 }}
          />
          <Select<string>
            allowClear
            placeholder={t('filters.anyPriceList')}
            aria-label={t('filters.priceList')}
            value={filters.priceListId}
            onChange={(priceListId) => change({ priceListId })}
            options={(priceLists.data ?? []).map((list) => ({ value: list.id, label: `${list.name} · ${list.currency}` }))}
            popupMatchSelectWidth={false}
            style={{ minWidth: 180 }}
          />
          <Segmented<Shown>
            options={shownOptions}
            value={filters.shown}
            onChange={(shown) => change({ shown })}
            aria-label={t('filters.shown')}
          />
        </Flex>
        <ErrorAlert error={products.error} />
        <Table<TProduct>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={products.isPending || (products.isFetching && !products.isFetchingNextPage)}
          locale={{ emptyText: t('products.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(product) => ({ onClick: () => setEditing({ product }), style: { cursor: 'pointer' } })}
          onChange={(_pagination, _filters, sorter) => change({ sort: sortOf(sorter) })}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" data-testid="list-total">
            {t('products.shown', { shown: rows.length, total })}
          </Typography.Text>
          {products.hasNextPage && (
            <Button onClick={() => products.fetchNextPage()} loading={products.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      <ProductFormDrawer open={editing !== null} product={editing?.product} onClose={() => setEditing(null)} />
      <CategoriesDrawer open={managingCategories} onClose={() => setManagingCategories(false)} />
    </>
  );
}
