import { type TCreateUserInput, ZCreateUserInput } from '@clientela/contract';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { LanguageSelect } from '../locale/language-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { roleFields } from '../roles/role-select.tsx';
import { useCreateUser } from './api.ts';
import { UserInputs } from './user-inputs.tsx';

type Props = { open: boolean; defaultUnitId: string | undefined; onClose: () => void };

const fields = ZCreateUserInput.shape;

/** An admin adds a colleague, who can sign in right away with the initial password. */
export function UserCreateModal({ open, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { locale } = useLocale();
  const [form] = Form.useForm<TCreateUserInput>();
  const create = useCreateUser();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ role: 'employee', unitId: defaultUnitId ?? null, locale });
    create.reset();
  }, [open, defaultUnitId, locale, form, create.reset]);

  const submit = async ({ role, ...values }: TCreateUserInput) => {
    try {
      const user = await create.mutateAsync({
        ...values,
        // The picker holds a built-in role or a defined role's id.
        ...roleFields(role ?? 'employee'),
        email: values.email.trim(),
        timeZone: me.timeZone,
      });
      message.success(t('users.created', { name: user.name }));
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(t, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <ErrorAlert error={create.error} />
      <Form form={form} name="create-user" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('users.createTitle')}>
        <Form.Item name="email" label={t('users.email')} rules={[zodRule(t, fields.email)]} validateDebounce={500}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <UserInputs />
        <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHelp')} rules={[zodRule(t, fields.password)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="locale" label={t('common.language')}>
          <LanguageSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
