import type { TConsentState } from '@clientela/contract';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Input, Modal, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useConsent, useUpdateConsent } from './consent-api.ts';

const STATE_COLOR = { granted: 'green', withdrawn: 'red' } as const;

/** The consent card's body: the state now, where it came from, every change, and the buttons to change it. */
export function ConsentPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation('mailings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const consent = useConsent(contactId);
  const update = useUpdateConsent(contactId);
  const [changing, setChanging] = useState<TConsentState | null>(null);
  const [detail, setDetail] = useState('');

  const close = () => {
    setChanging(null);
    setDetail('');
  };
  const save = async () => {
    if (!changing) return;
    try {
      await update.mutateAsync({ state: changing, source: 'manual', detail: detail.trim() || null });
      message.success(t(changing === 'granted' ? 'consent.granted' : 'consent.withdrawn'));
      close();
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const data = consent.data;
  return (
    <Card title={t('consent.title')}>
      <ErrorAlert error={consent.error} />
      {consent.isPending ? (
        <Skeleton active />
      ) : (
        data && (
          <Flex vertical gap={16}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'state',
                  label: t('consent.state'),
                  children: data.state ? (
                    <Tag color={STATE_COLOR[data.state]}>{t(`consent.states.${data.state}`)}</Tag>
                  ) : (
                    <Tag>{t('consent.states.none')}</Tag>
                  ),
                },
                ...(data.at ? [{ key: 'at', label: t('consent.at'), children: format.dateTime(data.at) }] : []),
                ...(data.source ? [{ key: 'source', label: t('consent.source'), children: t(`consent.sources.${data.source}`) }] : []),
              ]}
            />
            {data.emailBouncedAt && (
              <Alert type="warning" showIcon title={t('consent.bounced', { at: format.dateTime(data.emailBouncedAt) })} />
            )}
            <Flex gap={8} wrap>
              <Button
                type={data.state === 'granted' ? 'default' : 'primary'}
                disabled={data.state === 'granted'}
                onClick={() => setChanging('granted')}
              >
                {t('consent.grant')}
              </Button>
              <Button danger disabled={data.state === 'withdrawn'} onClick={() => setChanging('withdrawn')}>
                {t('consent.withdraw')}
              </Button>
            </Flex>
            <div>
              <Typography.Title level={5}>{t('consent.history')}</Typography.Title>
              {data.history.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.noHistory')} />
              ) : (
                <Timeline
                  items={data.history.map((event) => ({
                    key: event.id,
                    color: STATE_COLOR[event.state],
                    content: (
                      <>
                        <div>
                          {t(`consent.states.${event.state}`)} · {t(`consent.sources.${event.source}`)}
                        </div>
                        {event.detail && <div>{event.detail}</div>}
                        <Typography.Text type="secondary">
                          {event.actor
                            ? t('consent.when', { at: format.dateTime(event.at), by: event.actor.name })
                            : format.dateTime(event.at)}
                        </Typography.Text>
                      </>
                    ),
                  }))}
                />
              )}
            </div>
          </Flex>
        )
      )}
      <Modal
        open={changing !== null}
        title={changing === 'withdrawn' ? t('consent.withdrawTitle') : t('consent.grantTitle')}
        okText={changing === 'withdrawn' ? t('consent.withdraw') : t('consent.grant')}
        okButtonProps={{ danger: changing === 'withdrawn', loading: update.isPending }}
        cancelText={tc('common.cancel')}
        onOk={save}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {changing === 'withdrawn' ? t('consent.withdrawHint') : t('consent.grantHint')}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('consent.detail')}
          placeholder={t('consent.detailPlaceholder')}
          value={detail}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          onChange={(event) => setDetail(event.target.value)}
        />
      </Modal>
    </Card>
  );
}
