import { ArrowLeftOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, InputNumber, Result, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatMoney } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { type PriceListPrice, usePriceListPrices, usePriceLists, usePutPrices } from './api.ts';
import { mayEditCatalogue } from './permissions.ts';
import { ProductPicker } from './product-picker.tsx';

const DECIMAL_SEPARATOR = { en: '.', ru: ',', it: ',' } as const;

/** Prices typed but not saved yet, by product, next to the saved one; null takes the product out of the list. */
type Drafts = Record<string, { price: string | null; saved: string }>;

function isChange(draft: Drafts[string] | undefined): boolean {
  if (!draft) return false;
  // A product just added to the list (no saved price) counts once it has a price.
  if (draft.saved === '') return draft.price !== null;
  return draft.price === null || Number(draft.price) !== Number(draft.saved);
}

/** `/price-lists/:id`: one list's prices, product by product; managers change several and save them at once. */
export function PriceListPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  const { locale } = useLocale();
  const editable = mayEditCatalogue(useMe());
  const priceLists = usePriceLists();
  const priceList = priceLists.data?.find((list) => list.id === id);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const prices = usePriceListPrices(id, q);
  const rows = useMemo(() => prices.data?.pages.flatMap((page) => page.data) ?? [], [prices.data]);
  const total = prices.data?.pages[0]?.total ?? 0;
  const [drafts, setDrafts] = useState<Drafts>({});
  const [added, setAdded] = useState<PriceListPrice[]>([]);
  const shownRows = useMemo(() => {
    const listed = new Set(rows.map((row) => row.product.id));
    return [...added.filter((row) => !listed.has(row.product.id)), ...rows];
  }, [added, rows]);
  const inTable = useMemo(() => new Set(shownRows.map((row) => row.product.id)), [shownRows]);
  const put = usePutPrices();

  // Changes survive a new search: they are kept by product, not by row.
  const changes = Object.entries(drafts).filter(([, draft]) => isChange(draft));

  const save = async () => {
    try {
      await put.mutateAsync({ id, prices: changes.map(([productId, draft]) => ({ productId, price: draft.price })) });
      message.success(t('prices.saved', { count: changes.length }));
      setDrafts({});
      setAdded([]);
    } catch {
      // Shown by the alert above the table.
    }
  };

  const columns: ColumnsType<PriceListPrice> = [
    { key: 'name', title: t('fields.name'), render: (_value, row) => row.product.name },
    { key: 'sku', title: t('fields.sku'), render: (_value, row) => row.product.sku ?? '—' },
    { key: 'unit', title: t('fields.unit'), render: (_value, row) => row.product.unit },
    {
      key: 'price',
      title: priceList ? t('prices.priceIn', { currency: priceList.currency }) : t('prices.price'),
      render: (_value, row) => {
        const draft = drafts[row.product.id];
        if (!editable || !priceList) return priceList ? formatMoney(Number(row.price), priceList.currency, locale) : row.price;
        const changed = isChange(draft);
        return (
          <Flex gap={8} align="center">
            <InputNumber<string>
              stringMode
              min="0"
              max="999999999999.99"
              precision={2}
              decimalSeparator={DECIMAL_SEPARATOR[locale]}
              value={draft ? draft.price : row.price}
              onChange={(value) =>
                setDrafts((current) => ({ ...current, [row.product.id]: { price: value ? value : null, saved: row.price } }))
              }
              placeholder={t('prices.removed')}
              aria-label={t('prices.priceOf', { name: row.product.name })}
              status={changed ? 'warning' : undefined}
              style={{ width: 160 }}
            />
            {changed && (
              <Tag color={draft?.price === null ? 'red' : 'orange'}>
                {draft?.price === null ? t('prices.willRemove') : t('prices.changed')}
              </Tag>
            )}
          </Flex>
        );
      },
    },
  ];

  if (priceLists.isSuccess && !priceList) {
    return <Result status="404" title={t('prices.notFound')} extra={<Link to="/price-lists">{t('prices.back')}</Link>} />;
  }

  return (
    <>
      <Link to="/price-lists">
        <ArrowLeftOutlined /> {t('prices.back')}
      </Link>
      <PageHeader
        title={priceList?.name ?? ''}
        subtitle={priceList ? t('prices.subtitle', { currency: priceList.currency }) : undefined}
        extra={
          editable && (
            <Flex gap={8}>
              <Button
                disabled={changes.length === 0 && added.length === 0}
                onClick={() => {
                  setDrafts({});
                  setAdded([]);
                }}
              >
                {t('prices.discard')}
              </Button>
              <Button type="primary" disabled={changes.length === 0} loading={put.isPending} onClick={save}>
                {t('prices.save', { count: changes.length })}
              </Button>
            </Flex>
          )
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
          {editable && (
            <ProductPicker
              exclude={inTable}
              onPick={(product) =>
                setAdded((current) => [
                  { product: { id: product.id, name: product.name, sku: product.sku, unit: product.unit }, price: '' },
                  ...current,
                ])
              }
            />
          )}
          {editable && <Typography.Text type="secondary">{t('prices.hint')}</Typography.Text>}
        </Flex>
        <ErrorAlert error={priceLists.error ?? prices.error ?? put.error} />
        <Table<PriceListPrice>
          rowKey={(row) => row.product.id}
          columns={columns}
          dataSource={shownRows}
          pagination={false}
          loading={prices.isPending || (prices.isFetching && !prices.isFetchingNextPage)}
          locale={{ emptyText: t('prices.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" data-testid="list-total">
            {t('products.shown', { shown: rows.length, total })}
          </Typography.Text>
          {prices.hasNextPage && (
            <Button onClick={() => prices.fetchNextPage()} loading={prices.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}
