import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CASE_KINDS, type TCaseType } from '@clientela/contract';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { showApiFieldErrors } from '../../activities/field-errors.ts';
import { useCaseTypeWrites, useSettingsCaseTypes } from './api.ts';
import { MoveButtons } from './move-buttons.tsx';
import { reorderTypes, type TypeFormValues, toTypeFormValues, toTypeInput } from './settings-payload.ts';

/** Case types with their categories: added, renamed, ordered and deactivated by admins. */
export function CaseTypesTab({ admin }: { admin: boolean }) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const types = useSettingsCaseTypes();
  const { update } = useCaseTypeWrites();
  const [editing, setEditing] = useState<TCaseType | 'new' | null>(null);
  const sorted = [...(types.data ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));

  const move = async (index: number, delta: number) => {
    try {
      for (const change of reorderTypes(sorted, index, delta)) await update.mutateAsync(change);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };
  const toggle = async (type: TCaseType) => {
    try {
      await update.mutateAsync({ id: type.id, active: !type.active });
      message.success(type.active ? t('types.deactivated', { name: type.name }) : t('types.activated', { name: type.name }));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <>
      <Flex justify="space-between" align="start" gap={16} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('types.intro')}
        </Typography.Paragraph>
        {admin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('types.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={types.error} />
      <Table<TCaseType>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={types.isPending}
        dataSource={sorted}
        locale={{ emptyText: t('types.empty') }}
        columns={[
          ...(admin
            ? [
                {
                  key: 'order',
                  width: 90,
                  render: (_: unknown, _type: TCaseType, index: number) => (
                    <MoveButtons
                      index={index}
                      count={sorted.length}
                      disabled={update.isPending}
                      onMove={(delta) => void move(index, delta)}
                    />
                  ),
                },
              ]
            : []),
          { title: t('types.name'), dataIndex: 'name' },
          { title: t('types.kind'), render: (_, type) => t(`kind.${type.kind}`) },
          {
            title: t('types.categories'),
            render: (_, type) => (
              <Flex gap={4} wrap>
                {[...type.categories]
                  .sort((a, b) => a.position - b.position)
                  .map((c) => (
                    <Tag key={c.id} color={c.active ? undefined : 'default'} style={c.active ? undefined : { opacity: 0.6 }}>
                      {c.name}
                    </Tag>
                  ))}
              </Flex>
            ),
          },
          { title: t('types.cases'), dataIndex: 'cases', align: 'right' },
          {
            title: t('common.status'),
            render: (_, type) => (type.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          ...(admin
            ? [
                {
                  title: tc('common.actions'),
                  key: 'actions',
                  render: (_: unknown, type: TCaseType) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('common.editNamed', { name: type.name })}
                        onClick={() => setEditing(type)}
                      />
                      <Button size="small" onClick={() => void toggle(type)}>
                        {type.active ? t('types.deactivate') : t('types.activate')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TypeModal
        type={editing === 'new' ? undefined : (editing ?? undefined)}
        nextPosition={sorted.length}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

function TypeModal({ type, nextPosition, open, onClose }: { type?: TCaseType; nextPosition: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TypeFormValues>();
  const { create, update } = useCaseTypeWrites();
  const mutation = type ? update : create;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toTypeFormValues(type));
    create.reset();
    update.reset();
  }, [open, type, form, create.reset, update.reset]);

  const submit = async (values: TypeFormValues) => {
    try {
      if (type) await update.mutateAsync({ id: type.id, ...toTypeInput(values) });
      else await create.mutateAsync(toTypeInput(values, nextPosition));
      message.success(t('types.saved', { name: values.name.trim() }));
      onClose();
    } catch (error) {
      showApiFieldErrors(form, error, errorMessage(tc, error), (field) => (field === 'name' ? t('types.errors.nameTaken') : undefined));
    }
  };

  return (
    <Modal
      open={open}
      title={type ? t('types.editTitle') : t('types.createTitle')}
      width={600}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Flex gap={16}>
          <Form.Item
            name="name"
            label={t('types.name')}
            style={{ flex: 2 }}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="kind" label={t('types.kind')} style={{ flex: 1 }}>
            <Select options={CASE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('common.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Title level={5}>{t('types.categories')}</Typography.Title>
        <Form.List name="categories">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="center">
                  <MoveButtons index={index} count={fields.length} onMove={(delta) => move(index, index + delta)} />
                  <Form.Item
                    name={[field.name, 'name']}
                    noStyle
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input aria-label={t('types.categoryName', { index: index + 1 })} maxLength={120} style={{ flex: 1 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'active']} valuePropName="checked" noStyle>
                    <Switch
                      aria-label={t('types.categoryActive', { index: index + 1 })}
                      checkedChildren={t('common.active')}
                      unCheckedChildren={t('common.inactive')}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('types.removeCategory', { index: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', active: true })} style={{ alignSelf: 'start' }}>
                {t('types.addCategory')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
