import { ROLES, type TDefinedRole, type TRole, ZCreateRoleInput } from '@clientela/contract';
import { App, Button, Drawer, Flex, Form, Input, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { zodRule } from '../../lib/form.ts';
import { useCustomFields } from '../custom-fields/api.ts';
import { useCreateRole, useRoleCatalogue, useUpdateRole } from './api.ts';
import { FieldRulesTable } from './field-rules-table.tsx';
import { PermissionMatrix } from './permission-matrix.tsx';
import { type RoleFormValues, showRoleErrors, toRoleFormValues, toRoleInput } from './role-payload.ts';

type Props = { open: boolean; role?: TDefinedRole; onClose: () => void };

const fields = ZCreateRoleInput.shape;

/** Creates or edits a defined role: its name, base role, the scopes it changes and the fields it protects. */
export function RoleDrawer({ open, role, onClose }: Props) {
  const { t } = useTranslation('roles');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleFormValues>();
  const catalogue = useRoleCatalogue();
  const companyFields = useCustomFields('company');
  const contactFields = useCustomFields('contact');
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const title = role ? t('editor.editTitle', { name: role.name }) : t('editor.createTitle');
  const customLabels = useMemo(
    () => new Map([...(companyFields.data ?? []), ...(contactFields.data ?? [])].map((field) => [field.key, field.label])),
    [companyFields.data, contactFields.data],
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toRoleFormValues(role));
    create.reset();
    update.reset();
  }, [open, role, form, create.reset, update.reset]);

  const submit = async (values: RoleFormValues) => {
    const input = toRoleInput(values);
    try {
      if (role) await update.mutateAsync({ id: role.id, ...input });
      else await create.mutateAsync(input);
      message.success(t('editor.saved', { name: input.name }));
      onClose();
    } catch (error) {
      showRoleErrors(form, error);
    }
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={1180}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {role ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error ?? catalogue.error} />
      <Form form={form} name="role" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Flex gap={16} wrap>
          <Form.Item name="name" label={t('editor.name')} rules={[zodRule(tc, fields.name)]} style={{ flex: '1 1 260px' }}>
            <Input maxLength={80} autoComplete="off" />
          </Form.Item>
          <Form.Item name="baseRole" label={t('editor.baseRole')} extra={t('editor.baseRoleHelp')} style={{ flex: '0 1 260px' }}>
            <Select<TRole> options={ROLES.map((value) => ({ value, label: tc(`roles.${value}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('editor.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Typography.Title level={5}>{t('matrix.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('matrix.help')}</Typography.Paragraph>
        {catalogue.data ? (
          <>
            <PermissionMatrix resources={catalogue.data.resources} />
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t('fieldRules.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('fieldRules.help')}</Typography.Paragraph>
            <FieldRulesTable fields={catalogue.data.fields} customLabels={customLabels} />
          </>
        ) : (
          <Spin />
        )}
      </Form>
    </Drawer>
  );
}
