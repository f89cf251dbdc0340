import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CASE_CHANNELS, type TCaseRoutingRule } from '@clientela/contract';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { showApiFieldErrors } from '../../activities/field-errors.ts';
import { useProductPages } from '../../catalogue/api.ts';
import { UserSelect } from '../../customers/user-select.tsx';
import { useProcessDefinitions } from '../../processes/definitions-api.ts';
import { UnitSelect } from '../../units/unit-select.tsx';
import { useRoutingRules, useRoutingRuleWrites, useSettingsCaseTypes } from './api.ts';
import { MoveButtons } from './move-buttons.tsx';
import { type RuleFormValues, reorderRules, ruleHasTarget, toRuleFormValues, toRuleInput } from './settings-payload.ts';

/** Where new cases go: the first active rule, in order, whose conditions all hold. */
export function RoutingRulesTab({ admin }: { admin: boolean }) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const rules = useRoutingRules();
  const { update, remove } = useRoutingRuleWrites();
  const [editing, setEditing] = useState<TCaseRoutingRule | 'new' | null>(null);
  const sorted = [...(rules.data ?? [])].sort((a, b) => a.position - b.position);

  const move = async (index: number, delta: number) => {
    try {
      for (const change of reorderRules(sorted, index, delta)) await update.mutateAsync(change);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };
  const confirmDelete = (rule: TCaseRoutingRule) =>
    modal.confirm({
      title: t('rules.deleteConfirm', { name: rule.name }),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(rule.id);
          message.success(t('rules.deleted', { name: rule.name }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  const conditions = (rule: TCaseRoutingRule) => {
    const parts = [
      rule.type && `${t('rules.type')}: ${rule.type.name}`,
      rule.category && `${t('rules.category')}: ${rule.category.name}`,
      rule.product && `${t('rules.product')}: ${rule.product.name}`,
      rule.customerClass && `${t('rules.customerClass')}: ${rule.customerClass}`,
      rule.channel && `${t('rules.channel')}: ${t(`channel.${rule.channel}`)}`,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : t('rules.everyCase');
  };
  const target = (rule: TCaseRoutingRule) =>
    [rule.unit?.name, rule.user?.name, rule.process && `${t('rules.process')}: ${rule.process.name}`].filter(Boolean).join(' · ');

  return (
    <>
      <Flex justify="space-between" align="start" gap={16} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('rules.intro')}
        </Typography.Paragraph>
        {admin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('rules.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={rules.error} />
      <Table<TCaseRoutingRule>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={rules.isPending}
        dataSource={sorted}
        locale={{ emptyText: t('rules.empty') }}
        columns={[
          { title: '#', key: 'n', width: 50, render: (_, _rule, index) => index + 1 },
          ...(admin
            ? [
                {
                  key: 'order',
                  width: 90,
                  render: (_: unknown, _rule: TCaseRoutingRule, index: number) => (
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
          { title: t('rules.name'), dataIndex: 'name' },
          { title: t('rules.conditions'), render: (_, rule) => conditions(rule) },
          { title: t('rules.target'), render: (_, rule) => target(rule) },
          {
            title: t('common.status'),
            render: (_, rule) => (rule.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          ...(admin
            ? [
                {
                  title: tc('common.actions'),
                  key: 'actions',
                  render: (_: unknown, rule: TCaseRoutingRule) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('common.editNamed', { name: rule.name })}
                        onClick={() => setEditing(rule)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.deleteNamed', { name: rule.name })}
                        onClick={() => confirmDelete(rule)}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RuleModal
        rule={editing === 'new' ? undefined : (editing ?? undefined)}
        nextPosition={sorted.length}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

function ProductSelect({
  id,
  value,
  onChange,
  current,
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  current?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation('caseSettings');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const products = useProductPages({ q, 'filter[active]': 'true' }, 20);
  const found = (products.data?.pages ?? []).flatMap((p) => p.data).map((p) => ({ value: p.id, label: p.name }));
  const options = current && !found.some((o) => o.value === current.id) ? [{ value: current.id, label: current.name }, ...found] : found;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={t('common.any')}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      loading={products.isFetching}
    />
  );
}

function RuleModal({
  rule,
  nextPosition,
  open,
  onClose,
}: {
  rule?: TCaseRoutingRule;
  nextPosition: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const types = useSettingsCaseTypes();
  const processes = useProcessDefinitions();
  const { create, update } = useRoutingRuleWrites();
  const mutation = rule ? update : create;
  const typeId = Form.useWatch('typeId', form);
  const categories = (types.data ?? []).find((type) => type.id === typeId)?.categories ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toRuleFormValues(rule));
    create.reset();
    update.reset();
  }, [open, rule, form, create.reset, update.reset]);

  const submit = async (values: RuleFormValues) => {
    try {
      if (rule) await update.mutateAsync({ id: rule.id, ...toRuleInput(values) });
      else await create.mutateAsync(toRuleInput(values, nextPosition));
      message.success(t('rules.saved', { name: values.name.trim() }));
      onClose();
    } catch (error) {
      showApiFieldErrors(form, error, errorMessage(tc, error), () => undefined);
    }
  };
  const targetRule = {
    validator: async () => {
      if (!ruleHasTarget(form.getFieldsValue(['unitId', 'userId', 'processDefinitionId']))) throw new Error(t('rules.errors.noTarget'));
    },
  };

  return (
    <Modal
      open={open}
      title={rule ? t('rules.editTitle') : t('rules.createTitle')}
      width={680}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="name" label={t('rules.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Typography.Title level={5}>{t('rules.when')}</Typography.Title>
        <Flex gap={16}>
          <Form.Item name="typeId" label={t('rules.type')} style={{ flex: 1 }}>
            <Select
              allowClear
              placeholder={t('common.any')}
              options={(types.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
              onChange={() => form.setFieldValue('categoryId', null)}
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('rules.category')} style={{ flex: 1 }}>
            <Select
              allowClear
              disabled={!typeId}
              placeholder={t('common.any')}
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="productId" label={t('rules.product')}>
          <ProductSelect current={rule?.product ?? null} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="customerClass" label={t('rules.customerClass')} style={{ flex: 1 }}>
            <Select allowClear placeholder={t('common.any')} options={(['A', 'B', 'C'] as const).map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="channel" label={t('rules.channel')} style={{ flex: 1 }}>
            <Select allowClear placeholder={t('common.any')} options={CASE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('rules.then')}</Typography.Title>
        <Form.Item name="unitId" label={t('rules.unit')} rules={[targetRule]} dependencies={['userId', 'processDefinitionId']}>
          <UnitSelect placeholder={t('rules.none')} />
        </Form.Item>
        <Form.Item name="userId" label={t('rules.user')}>
          <UserSelect current={rule?.user ?? null} placeholder={t('rules.none')} />
        </Form.Item>
        <Form.Item name="processDefinitionId" label={t('rules.process')}>
          <Select
            allowClear
            placeholder={t('rules.none')}
            loading={processes.isPending}
            options={(processes.data?.data ?? []).filter((p) => p.publishedVersion !== null).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('common.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
