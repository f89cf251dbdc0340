import type { TCompany } from '@clientela/contract';
import { ZCreateCompanyGroupInput } from '@clientela/contract';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useCompanyGroup, useCompanyGroups, useCreateCompanyGroup } from '../company-groups/api.ts';
import { useUpdateCompany } from './api.ts';

type Values = { mode: 'existing' | 'new'; groupId?: string; newName?: string; parentCompanyId?: string | null };

type Props = { open: boolean; company: TCompany; onClose: () => void };

/** Puts a company into a group (an existing one or a new one) and chooses its parent there. */
export function CompanyGroupModal({ open, company, onClose }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const groupId = Form.useWatch('groupId', form);
  const groups = useCompanyGroups();
  const group = useCompanyGroup(mode === 'existing' ? groupId : undefined);
  const createGroup = useCreateCompanyGroup();
  const update = useUpdateCompany();
  const error = createGroup.error ?? update.error;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      mode: company.group || (groups.data?.length ?? 0) > 0 ? 'existing' : 'new',
      groupId: company.group?.id,
      parentCompanyId: company.parentCompanyId,
    });
    createGroup.reset();
    update.reset();
  }, [open, company, form, groups.data?.length, createGroup.reset, update.reset]);

  const parents = (group.data?.members ?? [])
    .filter((member) => member.id !== company.id)
    .map((member) => ({ value: member.id, label: member.name }));

  const submit = async (values: Values) => {
    try {
      const target =
        values.mode === 'new' ? (await createGroup.mutateAsync({ name: values.newName?.trim() ?? '' })).id : (values.groupId ?? null);
      await update.mutateAsync({
        id: company.id,
        groupId: target,
        parentCompanyId: values.mode === 'new' ? null : (values.parentCompanyId ?? null),
      });
      message.success(t('group.saved'));
      onClose();
    } catch (caught) {
      showFieldErrors(form, caught, errorMessage(tc, caught));
    }
  };

  return (
    <Modal
      open={open}
      title={t('group.dialogTitle')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createGroup.isPending || update.isPending}
      forceRender
    >
      <ErrorAlert error={error} />
      <Form form={form} name="company-group" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('group.dialogTitle')}>
        <Form.Item name="mode">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: t('group.existing'), disabled: (groups.data?.length ?? 0) === 0 },
              { value: 'new', label: t('group.new') },
            ]}
          />
        </Form.Item>
        {mode === 'new' ? (
          <Form.Item name="newName" label={t('group.newName')} rules={[zodRule(tc, ZCreateCompanyGroupInput.shape.name)]}>
            <Input placeholder={t('group.newNamePlaceholder')} maxLength={200} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="groupId" label={t('group.name')} rules={[{ required: true, message: tc('validation.required') }]}>
              <Select
                placeholder={t('group.choose')}
                loading={groups.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(groups.data ?? []).map((option) => ({ value: option.id, label: option.name }))}
                onChange={() => form.setFieldValue('parentCompanyId', null)}
              />
            </Form.Item>
            <Form.Item name="parentCompanyId" label={t('group.parent')}>
              <Select allowClear placeholder={t('group.noParent')} loading={group.isFetching} disabled={!groupId} options={parents} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
