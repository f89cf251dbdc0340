import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CASE_PRIORITIES, type TSlaPolicy } from '@clientela/contract';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { showApiFieldErrors } from '../../activities/field-errors.ts';
import { useSettingsCaseTypes, useSettingsSlaPolicies, useSlaPolicyWrites } from './api.ts';
import { DurationInput, durationLabel } from './duration-input.tsx';
import { joinMinutes, type PolicyFormValues, splitMinutes, toPolicyFormValues, toPolicyInput } from './settings-payload.ts';

/** The SLA policies: how fast each type and priority of case is answered and resolved, in working time. */
export function SlaPoliciesTab({ admin }: { admin: boolean }) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const policies = useSettingsSlaPolicies();
  const { remove } = useSlaPolicyWrites();
  const [editing, setEditing] = useState<TSlaPolicy | 'new' | null>(null);
  const time = (minutes: number) => durationLabel(t, splitMinutes(minutes));

  const confirmDelete = (policy: TSlaPolicy) =>
    modal.confirm({
      title: t('policies.deleteConfirm', { name: policy.name }),
      content: t('policies.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(policy.id);
          message.success(t('policies.deleted', { name: policy.name }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <>
      <Flex justify="space-between" align="start" gap={16} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('policies.intro')}
        </Typography.Paragraph>
        {admin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('policies.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={policies.error} />
      <Table<TSlaPolicy>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={policies.isPending}
        dataSource={policies.data ?? []}
        locale={{ emptyText: t('policies.empty') }}
        columns={[
          { title: t('policies.name'), dataIndex: 'name' },
          {
            title: t('policies.type'),
            render: (_, p) => p.type?.name ?? <Typography.Text type="secondary">{t('common.any')}</Typography.Text>,
          },
          {
            title: t('policies.priority'),
            render: (_, p) =>
              p.priority ? t(`priority.${p.priority}`) : <Typography.Text type="secondary">{t('common.any')}</Typography.Text>,
          },
          { title: t('policies.firstResponse'), render: (_, p) => time(p.firstResponseMinutes) },
          { title: t('policies.resolution'), render: (_, p) => time(p.resolutionMinutes) },
          {
            title: t('policies.warnBefore'),
            render: (_, p) => (p.warnBeforeMinutes > 0 ? time(p.warnBeforeMinutes) : t('policies.noWarning')),
          },
          {
            title: t('common.status'),
            render: (_, p) => (p.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          ...(admin
            ? [
                {
                  title: tc('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: TSlaPolicy) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('common.editNamed', { name: p.name })}
                        onClick={() => setEditing(p)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.deleteNamed', { name: p.name })}
                        onClick={() => confirmDelete(p)}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PolicyModal
        policy={editing === 'new' ? undefined : (editing ?? undefined)}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

function PolicyModal({ policy, open, onClose }: { policy?: TSlaPolicy; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyFormValues>();
  const types = useSettingsCaseTypes();
  const { create, update } = useSlaPolicyWrites();
  const mutation = policy ? update : create;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toPolicyFormValues(policy));
    create.reset();
    update.reset();
  }, [open, policy, form, create.reset, update.reset]);

  const submit = async (values: PolicyFormValues) => {
    try {
      const input = toPolicyInput(values);
      if (policy) await update.mutateAsync({ id: policy.id, ...input });
      else await create.mutateAsync(input);
      message.success(t('policies.saved', { name: input.name }));
      onClose();
    } catch (error) {
      showApiFieldErrors(form, error, errorMessage(tc, error), (field) => {
        if (field === 'priority' || field === 'typeId') return t('policies.errors.taken');
        if (field === 'firstResponseMinutes') return t('policies.errors.firstAfterResolution');
        return undefined;
      });
    }
  };

  const positive = {
    validator: async (_: unknown, value: PolicyFormValues['resolution']) => {
      if (joinMinutes(value) < 1) throw new Error(t('policies.errors.zero'));
    },
  };

  return (
    <Modal
      open={open}
      title={policy ? t('policies.editTitle') : t('policies.createTitle')}
      width={640}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="name" label={t('policies.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="typeId" label={t('policies.type')} style={{ flex: 1 }}>
            <Select
              allowClear
              placeholder={t('common.any')}
              loading={types.isPending}
              options={(types.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('policies.priority')} style={{ flex: 1 }}>
            <Select
              allowClear
              placeholder={t('common.any')}
              options={CASE_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary">{t('duration.hint')}</Typography.Paragraph>
        <Form.Item name="firstResponse" label={t('policies.firstResponse')} rules={[positive]}>
          <DurationInput />
        </Form.Item>
        <Form.Item name="resolution" label={t('policies.resolution')} rules={[positive]}>
          <DurationInput />
        </Form.Item>
        <Form.Item name="warnBefore" label={t('policies.warnBefore')} extra={t('policies.warnBeforeHint')}>
          <DurationInput />
        </Form.Item>
        <Form.Item name="active" label={t('common.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
