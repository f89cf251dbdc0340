import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TPipeline } from '@clientela/contract';
import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { useDeletePipeline, usePipelines } from './api.ts';
import { LostReasonsList } from './lost-reasons-list.tsx';
import { PipelineDrawer } from './pipeline-drawer.tsx';
import { orderedPipelines } from './pipeline-order.ts';

/** The pipelines with their stages, edited by admins in a drawer, and the reasons deals are lost for. */
export function PipelinesSettings() {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const admin = useMe().role === 'admin';
  const pipelines = usePipelines();
  const remove = useDeletePipeline();
  const [editing, setEditing] = useState<TPipeline | 'new' | null>(null);

  const confirmDelete = (pipeline: TPipeline) =>
    modal.confirm({
      title: t('pipelines.deleteConfirm', { name: pipeline.name }),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(pipeline.id);
          message.success(t('pipelines.deleted', { name: pipeline.name }));
        } catch (error) {
          message.error(isApiError(error, 'stage_has_deals') ? t('pipelines.pipelineHasDeals') : errorMessage(tc, error));
        }
      },
    });

  return (
    <Card
      title={t('pipelines.title')}
      style={{ marginTop: 16 }}
      extra={
        admin && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('pipelines.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('pipelines.subtitle')}</Typography.Paragraph>
      <ErrorAlert error={pipelines.error} />
      <List
        loading={pipelines.isPending}
        dataSource={orderedPipelines(pipelines.data ?? [])}
        locale={{ emptyText: t('pipelines.empty') }}
        renderItem={(pipeline) => (
          <List.Item
            actions={
              admin
                ? [
                    <Button
                      key="edit"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('pipelines.editOne', { name: pipeline.name })}
                      onClick={() => setEditing(pipeline)}
                    />,
                    <Button
                      key="delete"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('pipelines.deleteOne', { name: pipeline.name })}
                      onClick={() => confirmDelete(pipeline)}
                    />,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8} align="center" wrap>
                  {pipeline.name}
                  {pipeline.isDefault && <Tag color="blue">{t('pipelines.default')}</Tag>}
                  {!pipeline.active && <Tag>{t('pipelines.inactive')}</Tag>}
                </Flex>
              }
              description={pipeline.stages.map((stage) => stage.name).join(' → ')}
            />
          </List.Item>
        )}
      />
      <LostReasonsList admin={admin} />
      <PipelineDrawer
        open={editing !== null}
        pipeline={editing === 'new' ? undefined : (editing ?? undefined)}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
