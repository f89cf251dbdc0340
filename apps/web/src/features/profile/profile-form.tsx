import { type TUpdateProfileInput, ZUpdateProfileInput } from '@clientela/contract';
import { App, Button, Card, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TimeZoneSelect } from '../../components/time-zone-select.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { LanguageSelect } from '../locale/language-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { useUpdateProfile } from './api.ts';

type Values = Required<TUpdateProfileInput>;

const fields = ZUpdateProfileInput.shape;

/** The user's own name, language and time zone. */
export function ProfileForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { changeLocale } = useLocale();
  const [form] = Form.useForm<Values>();
  const update = useUpdateProfile();

  // The language can also change from the header menu; keep the field in step.
  useEffect(() => form.setFieldValue('locale', me.locale), [form, me.locale]);

  const submit = async (values: Values) => {
    try {
      const saved = await update.mutateAsync({ ...values, name: values.name.trim() });
      if (saved.locale !== me.locale) await changeLocale(saved.locale);
      // This render's `t` still speaks the old language; confirm in the one just chosen.
      message.success(t('profile.details.saved', { lng: saved.locale }));
    } catch (error) {
      showFieldErrors(form, error, errorMessage(t, error));
    }
  };

  return (
    <Card title={t('profile.details.title')}>
      <ErrorAlert error={update.error} />
      <Form
        form={form}
        name="profile"
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ name: me.name, locale: me.locale, timeZone: me.timeZone }}
        aria-label={t('profile.details.title')}
      >
        <Form.Item label={t('profile.details.email')} extra={t('profile.details.emailHelp')}>
          <Input value={me.email} disabled aria-label={t('profile.details.email')} />
        </Form.Item>
        <Form.Item name="name" label={t('profile.details.name')} rules={[zodRule(t, fields.name.unwrap())]}>
          <Input autoComplete="name" maxLength={120} />
        </Form.Item>
        <Form.Item name="locale" label={t('common.language')}>
          <LanguageSelect />
        </Form.Item>
        <Form.Item name="timeZone" label={t('common.timeZone')} extra={t('profile.details.timeZoneHelp')}>
          <TimeZoneSelect />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
