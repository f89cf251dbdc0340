import type { TPortalOrder, TPortalQuote } from '@clientela/contract';
import { Button, Empty, Flex, Skeleton, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate, formatMoney } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { usePortalOrders, usePortalQuotes } from './portal-home-api.ts';
import { PortalOrderDrawer, PortalQuoteDrawer } from './portal-orders-drawer.tsx';
import { OrderStatusTag, QuoteStatusTag } from './portal-orders-tags.tsx';

type Pages<T> = {
  data: { pages: { data: T[]; total: number }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** A list of documents, one row each (it reads on a phone as well as on a desk), with "show more". */
function DocumentList<T extends { id: string }>({
  query,
  label,
  empty,
  count,
  renderRow,
}: {
  query: Pages<T>;
  label: string;
  empty: string;
  count: (total: number) => string;
  renderRow: (item: T) => ReactNode;
}) {
  const { t } = useTranslation('portalHome');
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  if (items.length === 0) return <Empty description={empty} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{count(query.data?.pages[0]?.total ?? items.length)}</Typography.Text>
      <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.id} style={{ padding: '10px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
            {renderRow(item)}
          </li>
        ))}
      </ul>
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('orders.more')}
        </Button>
      ) : null}
    </Flex>
  );
}

function Row({ number, onOpen, when, tag, amount }: { number: string; onOpen: () => void; when: string; tag: ReactNode; amount: string }) {
  const { t } = useTranslation('portalHome');
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Flex vertical style={{ minWidth: 0 }}>
        <Button type="link" onClick={onOpen} aria-label={t('orders.open', { number })} style={{ padding: 0, height: 'auto' }}>
          {number}
        </Button>
        <Typography.Text type="secondary">{when}</Typography.Text>
      </Flex>
      <Flex align="center" gap={8}>
        {tag}
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {amount}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/** The company's orders and quotes with their status; a row opens its lines in a drawer. */
export function PortalOrdersPage() {
  const { t } = useTranslation('portalHome');
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'quotes' ? 'quotes' : 'orders';
  const orders = usePortalOrders();
  const quotes = usePortalQuotes(tab === 'quotes');
  // The drawer is in the address, so that the first page can link straight to an order.
  const show = (key: 'order' | 'quote', id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set(key, id);
      else next.delete(key);
      return next;
    });
  const money = (value: string, currency: string) => formatMoney(Number(value), currency, locale);
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={2}>{t('orders.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'quotes' ? { tab: 'quotes' } : {})}
        items={[
          {
            key: 'orders',
            label: t('orders.tabs.orders'),
            children: (
              <DocumentList<TPortalOrder>
                query={orders}
                label={t('orders.tabs.orders')}
                empty={t('orders.emptyOrders')}
                count={(count) => t('orders.count', { count })}
                renderRow={(order) => (
                  <Row
                    number={order.number}
                    onOpen={() => show('order', order.id)}
                    when={t('orders.orderedOn', { date: formatCalendarDate(order.orderedOn, locale) })}
                    tag={<OrderStatusTag status={order.status} />}
                    amount={money(order.total, order.currency)}
                  />
                )}
              />
            ),
          },
          {
            key: 'quotes',
            label: t('orders.tabs.quotes'),
            children: (
              <DocumentList<TPortalQuote>
                query={quotes}
                label={t('orders.tabs.quotes')}
                empty={t('orders.emptyQuotes')}
                count={(count) => t('orders.quoteCount', { count })}
                renderRow={(quote) => (
                  <Row
                    number={quote.version > 1 ? `${quote.number} (${t('orders.version', { version: quote.version })})` : quote.number}
                    onOpen={() => show('quote', quote.id)}
                    when={
                      quote.validUntil && quote.status === 'sent'
                        ? t('orders.validUntil', { date: formatCalendarDate(quote.validUntil, locale) })
                        : t('orders.issuedOn', { date: formatCalendarDate(quote.issuedOn, locale) })
                    }
                    tag={<QuoteStatusTag status={quote.status} />}
                    amount={money(quote.total, quote.currency)}
                  />
                )}
              />
            ),
          },
        ]}
      />
      <PortalOrderDrawer id={params.get('order')} onClose={() => show('order', null)} />
      <PortalQuoteDrawer id={params.get('quote')} onClose={() => show('quote', null)} />
    </Flex>
  );
}
