import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TLeadSource } from '@clientela/contract';
import { App, Button, Flex, Input, Popconfirm, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useCreateLeadSource, useDeleteLeadSource, useLeadSources, useOrderLeadSources, useUpdateLeadSource } from './campaigns-api.ts';

/** The lead sources: added, renamed in place, reordered, switched off, deleted while unused. */
export function LeadSourcesTab() {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const sources = useLeadSources();
  const create = useCreateLeadSource();
  const update = useUpdateLeadSource();
  const order = useOrderLeadSources();
  const remove = useDeleteLeadSource();
  const [name, setName] = useState('');
  const rows = sources.data ?? [];

  const add = async () => {
    if (!name.trim()) return;
    try {
      await create.mutateAsync({ name: name.trim() });
      setName('');
    } catch {
      // Shown by the alert above the table.
    }
  };
  const move = (index: number, by: -1 | 1) => {
    const ids = rows.map((row) => row.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    order.mutate(ids);
  };
  const fail = (error: unknown) => message.error(isApiError(error, 'in_use') ? t('sources.inUse') : errorMessage(tc, error));

  return (
    <>
      <Typography.Paragraph type="secondary">{t('sources.hint')}</Typography.Paragraph>
      <ErrorAlert error={create.error ?? update.error ?? order.error} />
      <Flex gap={8} style={{ marginBottom: 16, maxWidth: 480 }}>
        <Input
          value={name}
          onChange={(event) => setName(event.target.value)}
          onPressEnter={add}
          maxLength={120}
          placeholder={t('sources.newName')}
          aria-label={t('sources.newName')}
        />
        <Button icon={<PlusOutlined />} onClick={add} loading={create.isPending} disabled={!name.trim()}>
          {t('sources.add')}
        </Button>
      </Flex>
      <Table<TLeadSource>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        loading={sources.isPending}
        locale={{ emptyText: sources.isPending ? ' ' : t('sources.empty') }}
        columns={[
          {
            key: 'name',
            title: t('sources.name'),
            render: (_, source) => (
              <Typography.Text
                type={source.active ? undefined : 'secondary'}
                editable={{
                  tooltip: t('sources.rename'),
                  triggerType: ['icon'],
                  onChange: (next) => {
                    if (next.trim() && next.trim() !== source.name) update.mutate({ id: source.id, name: next.trim() });
                  },
                }}
              >
                {source.name}
              </Typography.Text>
            ),
          },
          {
            key: 'active',
            title: t('sources.active'),
            width: 100,
            render: (_, source) => (
              <Switch
                checked={source.active}
                aria-label={source.active ? t('sources.deactivate') : t('sources.activate')}
                onChange={(active) => update.mutate({ id: source.id, active })}
              />
            ),
          },
          {
            key: 'actions',
            width: 140,
            render: (_, source, index) => (
              <Flex gap={4}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('sources.up')}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('sources.down')}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                />
                <Popconfirm
                  title={t('sources.deleteConfirm')}
                  okText={tc('common.delete')}
                  cancelText={tc('common.cancel')}
                  onConfirm={() => remove.mutateAsync(source.id).catch(fail)}
                >
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('sources.delete')} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
