import { ArrowLeftOutlined, PauseCircleOutlined, PlayCircleOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { TRecipientStatus } from '@clientela/contract';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { isMoving, type MailingAction, useMailing, useMailingAction, useMayManageMailings } from './api.ts';
import { MailingProgress } from './mailing-progress.tsx';
import { MailingStatusTag } from './mailing-tags.tsx';
import { AudienceText } from './mailings-page.tsx';
import { RecipientCounts } from './recipient-counts.tsx';
import { RecipientsTable } from './recipients-table.tsx';
import { useQueueMailing } from './use-queue-mailing.tsx';

/** `/mailings/:id`: one mailing: audience, template, progress (followed while it is sent), outcomes and recipients. */
export function MailingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('mailings');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const format = useFormatters();
  const mailing = useMailing(id);
  const action = useMailingAction();
  const queue = useQueueMailing();
  const [status, setStatus] = useState<TRecipientStatus | undefined>();
  const may = useMayManageMailings();

  if (mailing.isPending) return <Skeleton active />;
  if (mailing.error || !mailing.data) {
    return (
      <Result
        status={isApiError(mailing.error) && mailing.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, mailing.error)}
        extra={<Link to="/mailings">{t('mailing.back')}</Link>}
      />
    );
  }
  const data = mailing.data;

  const run = async (what: Exclude<MailingAction, 'queue'>) => {
    try {
      await action.mutateAsync({ id: data.id, action: what });
      message.success(t(`mailing.done.${what}`));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };
  const confirmCancel = () =>
    modal.confirm({
      title: t('mailing.cancelConfirm', { name: data.name }),
      content: t('mailing.cancelHint'),
      okText: t('mailing.cancel'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: () => run('cancel'),
    });

  const open = data.status !== 'done' && data.status !== 'cancelled' && data.status !== 'draft';
  return (
    <>
      <Link to="/mailings">
        <ArrowLeftOutlined /> {t('mailing.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          <MailingStatusTag status={data.status} />
        </Flex>
        {may && (
          <Flex gap={8} wrap>
            {data.status === 'draft' && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => queue(data)}>
                {t('form.queue')}
              </Button>
            )}
            {isMoving(data) && (
              <Button icon={<PauseCircleOutlined />} loading={action.isPending} onClick={() => run('pause')}>
                {t('mailing.pause')}
              </Button>
            )}
            {data.status === 'paused' && (
              <Button type="primary" icon={<PlayCircleOutlined />} loading={action.isPending} onClick={() => run('resume')}>
                {t('mailing.resume')}
              </Button>
            )}
            {open && (
              <Button danger icon={<StopOutlined />} onClick={confirmCancel}>
                {t('mailing.cancel')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
      <Flex vertical gap={24}>
        <Card>
          <Flex vertical gap={16}>
            <MailingProgress mailing={data} size="default" />
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                {
                  key: 'template',
                  label: t('mailings.template'),
                  children: <Link to={`/templates/${data.template.id}`}>{data.template.name}</Link>,
                },
                { key: 'audience', label: t('mailings.audience'), children: <AudienceText mailing={data} /> },
                { key: 'campaign', label: t('form.campaign'), children: data.campaign?.name ?? '—' },
                { key: 'perMinute', label: t('form.perMinute'), children: formatNumber(data.perMinute, format.locale) },
                {
                  key: 'tracking',
                  label: t('mailing.tracking'),
                  children:
                    data.trackOpens || data.trackClicks
                      ? [data.trackOpens && t('mailing.opens'), data.trackClicks && t('mailing.clicks')].filter(Boolean).join(', ')
                      : t('mailing.trackingOff'),
                },
                ...(data.trackOpens
                  ? [{ key: 'opened', label: t('mailing.opened'), children: formatNumber(data.opened, format.locale) }]
                  : []),
                ...(data.trackClicks
                  ? [{ key: 'clicked', label: t('mailing.clicked'), children: formatNumber(data.clicked, format.locale) }]
                  : []),
                {
                  key: 'createdAt',
                  label: t('mailings.createdAt'),
                  children: t('mailing.by', { at: format.dateTime(data.createdAt), by: data.createdBy.name }),
                },
                ...(data.startedAt ? [{ key: 'startedAt', label: t('mailing.startedAt'), children: format.dateTime(data.startedAt) }] : []),
                ...(data.finishedAt
                  ? [{ key: 'finishedAt', label: t('mailing.finishedAt'), children: format.dateTime(data.finishedAt) }]
                  : []),
              ]}
            />
          </Flex>
        </Card>
        {data.status !== 'draft' && <RecipientCounts counts={data.counts} onPick={setStatus} />}
        {data.counts.bounced > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('mailing.bouncedNote', { count: data.counts.bounced, number: formatNumber(data.counts.bounced, format.locale) })}
            action={
              <Button size="small" onClick={() => setStatus('bounced')}>
                {t('mailing.showBounced')}
              </Button>
            }
          />
        )}
        {data.status !== 'draft' && (
          <RecipientsTable key={status ?? 'all'} mailingId={data.id} moving={isMoving(data)} status={status} onStatus={setStatus} />
        )}
      </Flex>
    </>
  );
}
