import { App, Button, Card, ColorPicker, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useUpdateWorkspaceSettings, useWorkspaceSettings } from '../workspace/api.ts';
import { WithPortalUserMessages } from './portal-users-messages.tsx';

type Values = { portalTitle?: string | null; portalColor?: string | null };

function LookCard() {
  const { t } = useTranslation('portalUsers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const settings = useWorkspaceSettings();
  const update = useUpdateWorkspaceSettings();
  const [form] = Form.useForm<Values>();
  const address = `${window.location.origin}/portal/${me.workspace.slug}`;
  const save = async (values: Values) => {
    try {
      await update.mutateAsync({ portalTitle: values.portalTitle ?? '', portalColor: values.portalColor || null });
      message.success(t('look.saved'));
    } catch (error) {
      if (!showFieldErrors(form, error, errorMessage(tc, error))) message.error(errorMessage(tc, error));
    }
  };
  return (
    <Card title={t('look.title')} style={{ maxWidth: 640, marginTop: 16 }} loading={settings.isPending}>
      <ErrorAlert error={settings.error} />
      <Typography.Paragraph type="secondary">{t('look.intro')}</Typography.Paragraph>
      {settings.data && (
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ portalTitle: settings.data.portalTitle, portalColor: settings.data.portalColor }}
        >
          <Form.Item name="portalTitle" label={t('look.portalTitle')} extra={t('look.portalTitleHelp')}>
            <Input maxLength={120} placeholder={settings.data.name} />
          </Form.Item>
          <Form.Item
            name="portalColor"
            label={t('look.color')}
            getValueFromEvent={(color: { toHexString: () => string } | null) => color?.toHexString() ?? null}
          >
            <ColorPicker allowClear disabledAlpha format="hex" showText aria-label={t('look.color')} />
          </Form.Item>
          <Form.Item label={t('look.address')}>
            <Typography.Text copyable={{ text: address }} code>
              {address}
            </Typography.Text>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('look.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The admin's "Customer portal" card on the workspace page: the portal's title, colour and address. */
export function PortalLookCard() {
  return (
    <WithPortalUserMessages>
      <LookCard />
    </WithPortalUserMessages>
  );
}
