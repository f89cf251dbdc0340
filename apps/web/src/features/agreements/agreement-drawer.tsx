import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, type DescriptionsProps, Drawer, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormatters } from '../customers/date-format.ts';
import { AgreementFormModal } from './agreement-form-modal.tsx';
import { AgreementCustomer, BindingTag } from './agreement-tags.tsx';
import { useAgreement, useDeleteAgreement } from './api.ts';
import { AgreementStatusSelect } from './status-select.tsx';

type Props = { id: string | undefined; onClose: () => void };

/** One agreement in full, opened from the list, a timeline or a search; edited and closed from here. */
export function AgreementDrawer({ id, onClose }: Props) {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const format = useFormatters();
  const agreement = useAgreement(id);
  const remove = useDeleteAgreement();
  const [editing, setEditing] = useState(false);
  const data = agreement.data;

  const confirmDelete = () => {
    if (!data) return;
    modal.confirm({
      title: t('agreements.deleteConfirm', { title: data.title }),
      content: t('agreements.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(data.id);
          message.success(t('agreements.deleted'));
          onClose();
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });
  };

  const rows: DescriptionsProps['items'] = data
    ? [
        {
          key: 'status',
          label: t('agreementForm.status'),
          children: (
            <Flex gap={6} align="center" wrap>
              <AgreementStatusSelect agreement={data} />
              {data.binding && <BindingTag />}
            </Flex>
          ),
        },
        { key: 'customer', label: t('agreements.customer'), children: <AgreementCustomer agreement={data} /> },
        { key: 'resource', label: t('agreementForm.resource'), children: data.resource ?? '—' },
        ...(data.contract
          ? [
              {
                key: 'contract',
                label: t('agreements.contract'),
                children: <Link to={`/contracts/${data.contract.id}`}>{`${data.contract.number} · ${data.contract.subject}`}</Link>,
              },
            ]
          : []),
        ...(data.deal
          ? [{ key: 'deal', label: t('agreementForm.deal'), children: <Link to={`/deals/${data.deal.id}`}>{data.deal.title}</Link> }]
          : []),
        { key: 'agreedBy', label: t('agreementForm.agreedBy'), children: data.agreedBy?.name ?? '—' },
        { key: 'agreedOn', label: t('agreementForm.agreedOn'), children: format.calendarDate(data.agreedOn) },
        {
          key: 'validUntil',
          label: t('agreementForm.validUntil'),
          children: data.validUntil ? format.calendarDate(data.validUntil) : t('agreements.noEnd'),
        },
        {
          key: 'details',
          label: t('agreementForm.details'),
          children: data.details ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.details}</Typography.Paragraph>
          ) : (
            '—'
          ),
        },
        {
          key: 'recorded',
          label: t('agreements.recorded'),
          children: `${data.createdBy?.name ?? t('system.someone')} · ${format.dateTime(data.createdAt)}`,
        },
        { key: 'updated', label: t('agreements.updated'), children: format.dateTime(data.updatedAt) },
      ]
    : [];

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={560}
      title={data?.title ?? t('agreements.one')}
      extra={
        data && (
          <Flex gap={8}>
            {data.mayChange && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('agreements.edit')}
              </Button>
            )}
            {data.mayDelete && <Button danger icon={<DeleteOutlined />} aria-label={tc('common.delete')} onClick={confirmDelete} />}
          </Flex>
        )
      }
    >
      {agreement.isPending && id ? (
        <Skeleton active />
      ) : agreement.error ? (
        <Result
          status={isApiError(agreement.error) && agreement.error.status === 404 ? '404' : 'error'}
          title={errorMessage(tc, agreement.error)}
        />
      ) : (
        <Descriptions column={1} items={rows} size="small" bordered data-testid="agreement-details" />
      )}
      {data && <AgreementFormModal open={editing} agreement={data} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
