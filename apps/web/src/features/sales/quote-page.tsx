import { ArrowLeftOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { TQuoteStatus } from '@clientela/contract';
import { App, Button, Card, Descriptions, type DescriptionsProps, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useConvertQuote, useNewQuoteVersion, useQuote, useQuoteStatus } from './api.ts';
import { LinesTable } from './lines-table.tsx';
import { QuoteEditor } from './quote-editor.tsx';
import { QuoteStatusTag } from './status-tag.tsx';

const MARK: Partial<Record<TQuoteStatus, 'quote.send' | 'quote.markAccepted' | 'quote.markRejected' | 'quote.markExpired'>> = {
  sent: 'quote.send',
  accepted: 'quote.markAccepted',
  rejected: 'quote.markRejected',
  expired: 'quote.markExpired',
};
/** The statuses a quote may move to, as the server allows them. */
const NEXT: Record<TQuoteStatus, TQuoteStatus[]> = {
  draft: ['sent'],
  sent: ['accepted', 'rejected', 'expired'],
  accepted: [],
  rejected: [],
  expired: [],
};

/** `/quotes/:id`: one quote version — customer, priced lines and totals, and what its status allows next. */
export function QuotePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const quote = useQuote(id);
  const setStatus = useQuoteStatus();
  const newVersion = useNewQuoteVersion();
  const convert = useConvertQuote();
  const [editing, setEditing] = useState(false);

  if (quote.isPending) return <Skeleton active />;
  if (quote.error || !quote.data) {
    return (
      <Result
        status={isApiError(quote.error) && quote.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, quote.error)}
        extra={<Link to="/quotes">{t('quote.back')}</Link>}
      />
    );
  }
  const data = quote.data;
  const busy = setStatus.isPending || newVersion.isPending || convert.isPending;

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };
  const move = (status: TQuoteStatus) =>
    run(async () => {
      await setStatus.mutateAsync({ id: data.id, status });
      message.success(t('quote.statusChanged', { status: t(`quoteStatus.${status}`) }));
    });
  const version = () =>
    run(async () => {
      const created = await newVersion.mutateAsync(data.id);
      message.success(t('quote.versionCreated', { version: created.version }));
      navigate(`/quotes/${created.id}`);
    });
  const toOrder = () =>
    run(async () => {
      const order = await convert.mutateAsync(data.id);
      message.success(t('quote.converted'));
      navigate(`/orders/${order.id}`);
    });

  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const items: DescriptionsProps['items'] = [
    { key: 'company', label: t('fields.company'), children: <Link to={`/companies/${data.company.id}`}>{data.company.name}</Link> },
    {
      key: 'contact',
      label: t('fields.contact'),
      children: data.contact ? <Link to={`/contacts/${data.contact.id}`}>{data.contact.name}</Link> : t('quote.noContact'),
    },
    {
      key: 'deal',
      label: t('fields.deal'),
      children: data.deal ? <Link to={`/deals/${data.deal.id}`}>{data.deal.title}</Link> : t('quote.noDeal'),
    },
    { key: 'owner', label: t('fields.owner'), children: data.owner?.name ?? none },
    { key: 'language', label: t('fields.language'), children: tc(`languages.${data.language}`) },
    { key: 'currency', label: t('fields.currency'), children: data.currency },
    { key: 'issuedOn', label: t('fields.issuedOn'), children: formatCalendarDate(data.issuedOn, locale) },
    { key: 'validUntil', label: t('fields.validUntil'), children: data.validUntil ? formatCalendarDate(data.validUntil, locale) : none },
    ...(data.notes
      ? [
          {
            key: 'notes',
            label: t('fields.notes'),
            span: 'filled' as const,
            children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.notes}</Typography.Paragraph>,
          },
        ]
      : []),
  ];

  return (
    <>
      <Link to="/quotes">
        <ArrowLeftOutlined /> {t('quote.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('quote.heading', { number: data.number })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('quote.version', { version: data.version })}</Typography.Text>
          <QuoteStatusTag status={data.status} />
        </Flex>
        <Flex gap={8} wrap>
          {data.mayChange && data.status === 'draft' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('quote.edit')}
            </Button>
          )}
          {data.mayChange &&
            NEXT[data.status].map((status) => {
              const label = MARK[status];
              return label ? (
                <Button
                  key={status}
                  type={status === 'sent' || status === 'accepted' ? 'primary' : 'default'}
                  disabled={busy}
                  onClick={() => move(status)}
                >
                  {t(label)}
                </Button>
              ) : null;
            })}
          {data.mayChange && data.status !== 'draft' && data.status !== 'accepted' && (
            <Button disabled={busy} onClick={version}>
              {t('quote.newVersion')}
            </Button>
          )}
          {data.mayChange && data.status === 'accepted' && !data.orderId && (
            <Button type="primary" loading={convert.isPending} onClick={toOrder}>
              {t('quote.convert')}
            </Button>
          )}
          {data.orderId && (
            <Link to={`/orders/${data.orderId}`} style={{ alignSelf: 'center' }}>
              {t('quote.openOrder')}
            </Link>
          )}
          <Button icon={<FilePdfOutlined />} href={`/api/v1/quotes/${data.id}/pdf`} download={`${data.number}-v${data.version}.pdf`}>
            {t('quote.pdf')}
          </Button>
        </Flex>
      </Flex>
      <Flex vertical gap={24}>
        <Card title={t('quote.details')}>
          <Descriptions column={{ xs: 1, md: 2 }} items={items} size="small" />
        </Card>
        <Card title={t('editor.lines')}>
          <LinesTable document={data} />
        </Card>
      </Flex>
      <QuoteEditor open={editing} quote={data} onClose={() => setEditing(false)} />
    </>
  );
}
