import { PlusOutlined } from '@ant-design/icons';
import type { TLostReason } from '@clientela/contract';
import { App, Button, Flex, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useCreateLostReason, useLostReasons, useUpdateLostReason } from './api.ts';

/** The reasons deals are lost for: admins add, rename, deactivate and reactivate them. */
export function LostReasonsList({ admin }: { admin: boolean }) {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const reasons = useLostReasons();
  const create = useCreateLostReason();
  const update = useUpdateLostReason();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  const add = async () => {
    if (!name.trim()) return;
    try {
      await create.mutateAsync({ name: name.trim() });
      setName('');
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };
  const change = async (reason: TLostReason, input: { name?: string; active?: boolean }) => {
    try {
      await update.mutateAsync({ id: reason.id, ...input });
      setRenaming(null);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <section aria-label={t('lostReasons.title')} style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t('lostReasons.title')}</Typography.Title>
      <ErrorAlert error={reasons.error} />
      <List
        size="small"
        loading={reasons.isPending}
        dataSource={reasons.data ?? []}
        locale={{ emptyText: t('lostReasons.empty') }}
        renderItem={(reason) => {
          const editing = renaming?.id === reason.id;
          return (
            <List.Item
              actions={
                admin
                  ? editing
                    ? [
                        <Button key="save" size="small" type="primary" onClick={() => change(reason, { name: renaming.name.trim() })}>
                          {tc('common.save')}
                        </Button>,
                        <Button key="cancel" size="small" onClick={() => setRenaming(null)}>
                          {tc('common.cancel')}
                        </Button>,
                      ]
                    : [
                        <Button key="rename" size="small" onClick={() => setRenaming({ id: reason.id, name: reason.name })}>
                          {t('lostReasons.rename')}
                        </Button>,
                        <Button key="active" size="small" onClick={() => change(reason, { active: !reason.active })}>
                          {reason.active ? t('lostReasons.deactivate') : t('lostReasons.activate')}
                        </Button>,
                      ]
                  : []
              }
            >
              {editing ? (
                <Input
                  value={renaming.name}
                  maxLength={120}
                  aria-label={t('lostReasons.nameOf', { name: reason.name })}
                  onChange={(event) => setRenaming({ id: reason.id, name: event.target.value })}
                  onPressEnter={() => change(reason, { name: renaming.name.trim() })}
                />
              ) : (
                <Flex gap={8} align="center">
                  <span>{reason.name}</span>
                  {!reason.active && <Tag>{t('lostReasons.inactive')}</Tag>}
                </Flex>
              )}
            </List.Item>
          );
        }}
      />
      {admin && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Input
            value={name}
            maxLength={120}
            placeholder={t('lostReasons.newPlaceholder')}
            aria-label={t('lostReasons.new')}
            onChange={(event) => setName(event.target.value)}
            onPressEnter={add}
          />
          <Button icon={<PlusOutlined />} onClick={add} loading={create.isPending} disabled={!name.trim()}>
            {t('lostReasons.add')}
          </Button>
        </Flex>
      )}
    </section>
  );
}
