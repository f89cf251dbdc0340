import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type TWorkspaceSettings,
  WORKSPACE_LOGO_MAX_BYTES,
  WORKSPACE_LOGO_TYPES,
  ZUpdateWorkspaceSettingsInput,
} from '@clientela/contract';
import { Alert, App, Button, Card, Col, Flex, Form, Image, Input, Row, Typography, Upload } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import {
  useDeleteWorkspaceLogo,
  usePutWorkspaceLogo,
  useUpdateWorkspaceSettings,
  useWorkspaceSettings,
  WORKSPACE_LOGO_URL,
} from './api.ts';

type Values = Pick<TWorkspaceSettings, 'legalName' | 'address' | 'taxNumber' | 'phone' | 'email' | 'website'>;
const FIELDS = ['legalName', 'address', 'taxNumber', 'phone', 'email', 'website'] as const;
const schema = ZUpdateWorkspaceSettingsInput.shape;

// People write "www.rossi.it" as often as "https://www.rossi.it": the first is read as the second.
const withScheme = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed && !/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? `https://${trimmed}` : trimmed;
};

/** A rule checking a filled-in field with the contract's schema, as the server will. */
const checked = (field: 'email' | 'website', message: string, read: (value: string) => string = (value) => value): Rule => ({
  validator: async (_rule, value: string | null | undefined) => {
    if (value?.trim() && !schema[field].safeParse(read(value)).success) throw new Error(message);
  },
});

/** The logo: a preview that opens larger, and for admins an upload (PNG or JPEG, checked before it is sent) and a remove button. */
function LogoField({ hasLogo, editable }: { hasLogo: boolean; editable: boolean }) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const put = usePutWorkspaceLogo();
  const remove = useDeleteWorkspaceLogo();
  // Changes with each upload, so that the preview shows the new logo rather than the one cached.
  const [version, setVersion] = useState(0);

  const send = async (file: File) => {
    if (!(WORKSPACE_LOGO_TYPES as readonly string[]).includes(file.type)) {
      message.error(t('letterhead.wrongType'));
      return;
    }
    if (file.size > WORKSPACE_LOGO_MAX_BYTES) {
      message.error(t('letterhead.tooLarge'));
      return;
    }
    try {
      await put.mutateAsync(file);
      setVersion((n) => n + 1);
      message.success(t('letterhead.logoSaved'));
    } catch (error) {
      message.error(
        isApiError(error, 'unsupported_media_type')
          ? t('letterhead.wrongType')
          : isApiError(error, 'payload_too_large')
            ? t('letterhead.tooLarge')
            : errorMessage(tc, error),
      );
    }
  };
  const drop = async () => {
    try {
      await remove.mutateAsync();
      message.success(t('letterhead.logoRemoved'));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text>{t('letterhead.logo')}</Typography.Text>
      {hasLogo ? (
        <Image
          src={`${WORKSPACE_LOGO_URL}?v=${version}`}
          alt={t('letterhead.logo')}
          style={{ maxWidth: 180, maxHeight: 80, objectFit: 'contain' }}
        />
      ) : (
        <Typography.Text type="secondary">{t('letterhead.noLogo')}</Typography.Text>
      )}
      {editable && (
        <Flex gap={8} wrap>
          <Upload
            accept={WORKSPACE_LOGO_TYPES.join(',')}
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void send(file);
              // The file goes through the API client (session and CSRF token), not antd's own request.
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={put.isPending}>
              {hasLogo ? t('letterhead.replaceLogo') : t('letterhead.uploadLogo')}
            </Button>
          </Upload>
          {hasLogo && (
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending} onClick={drop}>
              {t('letterhead.removeLogo')}
            </Button>
          )}
        </Flex>
      )}
      {editable && <Typography.Text type="secondary">{t('letterhead.logoHelp')}</Typography.Text>}
    </Flex>
  );
}

/** The letterhead printed on quotes: the company's legal name, address, tax number and contacts, and its logo. Admins change it; others read it. */
export function LetterheadCard() {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const editable = me.role === 'admin';
  const settings = useWorkspaceSettings();
  const update = useUpdateWorkspaceSettings();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    const input = Object.fromEntries(FIELDS.map((field) => [field, values[field]?.trim() ?? '']));
    input.website = withScheme(values.website);
    try {
      const saved = await update.mutateAsync(input);
      form.setFieldsValue({ website: saved.website });
      message.success(t('letterhead.saved'));
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const data = settings.data;
  return (
    <Card title={t('letterhead.title')} style={{ maxWidth: 960, marginTop: 16 }} loading={settings.isPending}>
      <ErrorAlert error={settings.error ?? update.error} />
      {data && (
        <>
          <Typography.Paragraph type="secondary">{t('letterhead.help')}</Typography.Paragraph>
          {!editable && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('letterhead.readOnly')} />}
          <Row gutter={24}>
            <Col xs={24} md={16}>
              <Form
                form={form}
                name="letterhead"
                layout="vertical"
                requiredMark={false}
                disabled={!editable}
                onFinish={submit}
                aria-label={t('letterhead.title')}
                initialValues={Object.fromEntries(FIELDS.map((field) => [field, data[field] ?? '']))}
              >
                <Form.Item name="legalName" label={t('letterhead.legalName')} extra={t('letterhead.legalNameHelp', { name: data.name })}>
                  <Input maxLength={200} placeholder={data.name} />
                </Form.Item>
                <Form.Item name="address" label={t('letterhead.address')}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="taxNumber" label={t('letterhead.taxNumber')}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="phone" label={t('letterhead.phone')}>
                      <Input maxLength={40} inputMode="tel" />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="email" label={t('letterhead.email')} rules={[checked('email', t('letterhead.invalidEmail'))]}>
                      <Input maxLength={254} inputMode="email" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="website"
                      label={t('letterhead.website')}
                      rules={[checked('website', t('letterhead.invalidWebsite'), withScheme)]}
                    >
                      <Input maxLength={200} inputMode="url" placeholder={t('letterhead.websitePlaceholder')} />
                    </Form.Item>
                  </Col>
                </Row>
                {editable && (
                  <Button type="primary" htmlType="submit" loading={update.isPending}>
                    {tc('common.save')}
                  </Button>
                )}
              </Form>
            </Col>
            <Col xs={24} md={8}>
              <LogoField hasLogo={data.hasLogo} editable={editable} />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
