import { LOCALES, type TLocale } from '@clientela/contract';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { ContactPicker } from '../mailings/contact-picker.tsx';
import { useInvitePortalUser } from './portal-users-api.ts';

type Values = { contactId?: string; email?: string; language?: TLocale };

type Props = { open: boolean; onClose: () => void; contact?: { id: string } };

/** Invites a contact to the portal: pick the contact (unless given), optionally another address and the language. */
export function PortalInviteModal({ open, onClose, contact }: Props) {
  const { t } = useTranslation('portalUsers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const invite = useInvitePortalUser();
  const submit = async (values: Values) => {
    const contactId = contact?.id ?? values.contactId;
    if (!contactId) return;
    try {
      const user = await invite.mutateAsync({ contactId, email: values.email?.trim() || undefined, language: values.language });
      message.success(t('done.invited', { email: user.email }));
      form.resetFields();
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };
  return (
    <Modal
      open={open}
      title={t('invite.title')}
      okText={t('invite.submit')}
      onOk={() => form.submit()}
      confirmLoading={invite.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={invite.error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        {!contact && (
          <Form.Item name="contactId" label={t('invite.contact')} rules={[{ required: true, message: t('invite.pickContact') }]}>
            <ContactPicker
              aria-label={t('invite.contact')}
              placeholder={t('invite.pickContact')}
              onChange={(value) => form.setFieldValue('contactId', value)}
            />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('invite.email')} extra={t('invite.emailHelp')}>
          <Input type="email" maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item name="language" label={t('invite.language')}>
          <Select
            allowClear
            placeholder={t('invite.languageDefault')}
            options={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
