import { type TUpdateUserInput, type TUser, ZUpdateUserInput } from '@clientela/contract';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { roleChoiceOf, roleFields } from '../roles/role-select.tsx';
import { useUpdateUser } from './api.ts';
import { UserInputs } from './user-inputs.tsx';

type Props = { user: TUser | null; onClose: () => void };

type Values = Required<Pick<TUpdateUserInput, 'name' | 'unitId' | 'active'>> & { role: string; password?: string };

const passwordSchema = ZUpdateUserInput.shape.password;

/** An admin changes a colleague's name, role, unit, status, or sets a new password. */
export function UserEditModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();
  const isSelf = user?.id === me.id;

  useEffect(() => {
    if (!user) return;
    form.resetFields();
    form.setFieldsValue({ name: user.name, role: roleChoiceOf(user), unitId: user.unitId, active: user.active, password: '' });
    update.reset();
  }, [user, form, update.reset]);

  const submit = async ({ password, role, ...values }: Values) => {
    if (!user) return;
    const input: TUpdateUserInput & { id: string } = { id: user.id, ...values, ...roleFields(role), name: values.name.trim() };
    if (password) input.password = password;
    if (isSelf) {
      delete input.role;
      delete input.roleId;
      delete input.active;
    }
    try {
      await update.mutateAsync(input);
      message.success(t('users.updated', { name: input.name }));
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(t, error));
    }
  };

  const title = user ? t('users.editTitle', { name: user.name }) : '';

  return (
    <Modal
      open={user !== null}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      <ErrorAlert error={update.error} />
      <Form form={form} name="edit-user" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <UserInputs lockRole={isSelf} />
        <Form.Item
          name="active"
          label={t('users.activeLabel')}
          valuePropName="checked"
          extra={isSelf ? t('users.ownActiveLocked') : t('users.activeHelp')}
        >
          <Switch disabled={isSelf} />
        </Form.Item>
        <Form.Item name="password" label={t('users.newPassword')} extra={t('users.newPasswordHelp')} rules={[zodRule(t, passwordSchema)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
