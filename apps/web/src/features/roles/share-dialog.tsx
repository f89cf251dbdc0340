import { DeleteOutlined, ShareAltOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { TRecordShare, TShareableEntity } from '@clientela/contract';
import { App, Button, Divider, Flex, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useRecordShares, useRemoveShare } from './share-api.ts';
import { ShareForm } from './share-form.tsx';

type Props = { entity: TShareableEntity; recordId: string; recordName: string };

/** The "Share" button of a record page and the dialog it opens. */
export function ShareOpener(props: Props) {
  const { t } = useTranslation('roles');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ShareAltOutlined />} onClick={() => setOpen(true)}>
        {t('share.button')}
      </Button>
      {open && <ShareDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/** Who a record is shared with and how far, with a form to add someone and a button to stop sharing. */
export function ShareDialog({ entity, recordId, recordName, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation('roles');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const shares = useRecordShares(entity, recordId);
  const remove = useRemoveShare();

  const onRemove = async (share: TRecordShare) => {
    try {
      await remove.mutateAsync(share.id);
      message.success(t('share.removed', { name: share.name }));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Modal
      open
      title={t('share.title', { name: recordName })}
      width={760}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('share.close')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('share.intro')}</Typography.Paragraph>
      <ErrorAlert error={shares.error} />
      <Table<TRecordShare>
        rowKey="id"
        size="small"
        dataSource={shares.data}
        loading={shares.isPending && !shares.error}
        pagination={false}
        locale={{ emptyText: t('share.empty') }}
        aria-label={t('share.current')}
        columns={[
          {
            key: 'target',
            title: t('share.columns.target'),
            render: (_, share) => (
              <Flex gap={8} align="center">
                {share.userId ? <UserOutlined aria-label={t('share.person')} /> : <TeamOutlined aria-label={t('share.unit')} />}
                <Typography.Text strong>{share.name}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'access',
            title: t('share.accessLabel'),
            render: (_, share) => <Tag color={share.access === 'update' ? 'blue' : undefined}>{t(`share.access.${share.access}`)}</Tag>,
          },
          {
            key: 'sharedBy',
            title: t('share.columns.sharedBy'),
            render: (_, share) => (
              <Flex vertical>
                <span>{share.createdByName ?? t('share.formerColleague')}</span>
                <Typography.Text type="secondary">{format.dateTime(share.createdAt)}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'remove',
            title: <span className="sr-only">{tc('common.actions')}</span>,
            align: 'right',
            width: 56,
            render: (_, share) => (
              <Popconfirm
                title={t('share.removeConfirm', { name: share.name })}
                okText={t('share.removeOk')}
                okButtonProps={{ danger: true }}
                cancelText={tc('common.cancel')}
                onConfirm={() => onRemove(share)}
              >
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('share.removeAria', { name: share.name })} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">{t('share.add')}</Divider>
      <ShareForm entity={entity} recordId={recordId} />
      <Typography.Text type="secondary">{t('share.sameAgain')}</Typography.Text>
    </Modal>
  );
}
