import { DownloadOutlined } from '@ant-design/icons';
import type { TPortalDocumentLine } from '@clientela/contract';
import { Button, Descriptions, Drawer, Empty, Flex, Grid, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate, formatMoney, formatNumber, formatPercent } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { usePortalOrder, usePortalQuote } from './portal-home-api.ts';
import { OrderStatusTag, QuoteStatusTag } from './portal-orders-tags.tsx';

function Lines({ lines, currency }: { lines: TPortalDocumentLine[]; currency: string }) {
  const { t } = useTranslation('portalHome');
  const { locale } = useLocale();
  const money = (value: string) => formatMoney(Number(value), currency, locale);
  if (lines.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.noLines')} />;
  return (
    <ul aria-label={t('orders.lines')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {lines.map((line) => (
        <li key={line.position} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
          <Flex justify="space-between" gap={8} align="start">
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text>{line.name}</Typography.Text>
              <Typography.Text type="secondary">
                {t('orders.line.quantity', {
                  quantity: formatNumber(Number(line.quantity), locale),
                  unit: line.unit,
                  price: money(line.unitPrice),
                })}
                {Number(line.discountPercent) > 0
                  ? ` · ${t('orders.line.discount', { percent: formatPercent(Number(line.discountPercent), locale) })}`
                  : ''}
                {` · ${t('orders.line.vat', { percent: formatPercent(Number(line.vatRate), locale) })}`}
              </Typography.Text>
            </Flex>
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {money(line.total)}
            </Typography.Text>
          </Flex>
        </li>
      ))}
    </ul>
  );
}

function Shell({ open, title, onClose, children }: { open: boolean; title: ReactNode; onClose: () => void; children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={open} title={title} onClose={onClose} size={screens.sm ? 560 : '100%'} destroyOnHidden>
      {children}
    </Drawer>
  );
}

/** An order's lines, totals, invoiced and paid amounts, in a drawer over the list. */
export function PortalOrderDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('portalHome');
  const { locale } = useLocale();
  const order = usePortalOrder(id);
  const data = order.data;
  const money = (value: string) => (data ? formatMoney(Number(value), data.currency, locale) : '');
  return (
    <Shell open={id !== null} title={data ? t('orders.order', { number: data.number }) : ''} onClose={onClose}>
      {order.isError ? <ErrorAlert error={order.error} /> : null}
      {order.isPending ? <Skeleton active /> : null}
      {data ? (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('orders.status')}>
              <OrderStatusTag status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.date')}>{formatCalendarDate(data.orderedOn, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.company')}>{data.company.name}</Descriptions.Item>
            {data.quote ? (
              <Descriptions.Item label={t('orders.tabs.quotes')}>{t('orders.fromQuote', { number: data.quote.number })}</Descriptions.Item>
            ) : null}
          </Descriptions>
          <Lines lines={data.lines} currency={data.currency} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('orders.net')}>{money(data.net)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.vat')}>{money(data.vat)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.total')}>
              <strong>{money(data.total)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.invoiced')}>{money(data.invoiced)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.paid')}>{money(data.paid)}</Descriptions.Item>
          </Descriptions>
        </Flex>
      ) : null}
    </Shell>
  );
}

/** A quote's lines, totals, validity and PDF, in a drawer over the list. */
export function PortalQuoteDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('portalHome');
  const { locale } = useLocale();
  const quote = usePortalQuote(id);
  const data = quote.data;
  const money = (value: string) => (data ? formatMoney(Number(value), data.currency, locale) : '');
  return (
    <Shell open={id !== null} title={data ? t('orders.quote', { number: data.number }) : ''} onClose={onClose}>
      {quote.isError ? <ErrorAlert error={quote.error} /> : null}
      {quote.isPending ? <Skeleton active /> : null}
      {data ? (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('orders.status')}>
              <QuoteStatusTag status={data.status} /> {t('orders.version', { version: data.version })}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.date')}>{formatCalendarDate(data.issuedOn, locale)}</Descriptions.Item>
            {data.validUntil ? (
              <Descriptions.Item label={t('orders.validLabel')}>{formatCalendarDate(data.validUntil, locale)}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('orders.company')}>{data.company.name}</Descriptions.Item>
          </Descriptions>
          <Lines lines={data.lines} currency={data.currency} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('orders.net')}>{money(data.net)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.vat')}>{money(data.vat)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.total')}>
              <strong>{money(data.total)}</strong>
            </Descriptions.Item>
          </Descriptions>
          {data.notes ? (
            <div>
              <Typography.Title level={5}>{t('orders.notes')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.notes}</Typography.Paragraph>
            </div>
          ) : null}
          <Button type="primary" icon={<DownloadOutlined />} href={data.pdfUrl} download>
            {t('orders.pdf')}
          </Button>
        </Flex>
      ) : null}
    </Shell>
  );
}
