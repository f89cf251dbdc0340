import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import type { TConsentRecordEntry } from '@clientela/contract';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormatters } from '../customers/date-format.ts';
import { exportUrl, useConsentRecord, useErasePerson, usePersonDataStatus } from './api.ts';

const STATE_COLOR = { granted: 'green', withdrawn: 'red' } as const;

/** The "Personal data" card's body: the erasure notice, the export, the record of consents, and Erase for admins. */
export function PersonDataPanel({ contactId, fullName }: { contactId: string; fullName: string }) {
  const { t } = useTranslation('gdpr');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const status = usePersonDataStatus(contactId);
  const consents = useConsentRecord(contactId);
  const erase = useErasePerson(contactId);
  const [erasing, setErasing] = useState(false);
  const [form] = Form.useForm<{ reason: string; confirm: string }>();
  const confirm = Form.useWatch('confirm', form) ?? '';

  const close = () => {
    setErasing(false);
    form.resetFields();
  };
  const submit = async ({ reason, confirm }: { reason: string; confirm: string }) => {
    try {
      await erase.mutateAsync({ reason, confirm });
      message.success(t('erased'));
      close();
    } catch (error) {
      if (isApiError(error) && error.errors.some((e) => e.path === 'confirm')) {
        form.setFields([{ name: 'confirm', errors: [t('confirmMismatch')] }]);
      } else {
        message.error(errorMessage(tc, error));
      }
    }
  };

  const erasure = status.data?.erasure;
  const columns = [
    {
      key: 'at',
      title: t('columns.at'),
      render: (_: unknown, row: TConsentRecordEntry) => format.dateTime(row.at),
    },
    {
      key: 'state',
      title: t('columns.state'),
      render: (_: unknown, row: TConsentRecordEntry) => <Tag color={STATE_COLOR[row.state]}>{t(`states.${row.state}`)}</Tag>,
    },
    { key: 'source', title: t('columns.source'), render: (_: unknown, row: TConsentRecordEntry) => t(`sources.${row.source}`) },
    { key: 'detail', title: t('columns.detail'), render: (_: unknown, row: TConsentRecordEntry) => row.detail ?? '' },
    { key: 'by', title: t('columns.by'), render: (_: unknown, row: TConsentRecordEntry) => row.by?.name ?? t('bySystem') },
  ];

  return (
    <Card title={t('title')} loading={status.isPending}>
      <Flex vertical gap={16}>
        <ErrorAlert error={status.error ?? consents.error} />
        {erasure && (
          <Alert
            type="info"
            showIcon
            title={
              erasure.erasedBy
                ? t('erasedNotice', { at: format.dateTime(erasure.erasedAt), by: erasure.erasedBy.name })
                : t('erasedNoticeNoOne', { at: format.dateTime(erasure.erasedAt) })
            }
            description={erasure.reason ?? undefined}
          />
        )}
        <Flex gap={8} wrap>
          {status.data?.canExport && (
            <Button icon={<DownloadOutlined />} href={exportUrl(contactId)} download>
              {t('export')}
            </Button>
          )}
          {status.data?.canErase && !erasure && (
            <Button danger icon={<DeleteOutlined />} onClick={() => setErasing(true)}>
              {t('erase')}
            </Button>
          )}
        </Flex>
        <div>
          <Typography.Title level={5}>{t('consents')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={consents.isPending}
            columns={columns}
            dataSource={consents.data ?? []}
            locale={{ emptyText: t('noConsents') }}
          />
        </div>
      </Flex>
      <Modal
        open={erasing}
        title={t('eraseTitle')}
        okText={t('erase')}
        okButtonProps={{ danger: true, loading: erase.isPending, disabled: confirm.trim() !== fullName.trim() }}
        cancelText={tc('common.cancel')}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('eraseHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="confirm" label={t('confirm', { name: fullName })}>
            <Input autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
