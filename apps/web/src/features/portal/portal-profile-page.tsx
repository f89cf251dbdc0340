import { DeleteOutlined, DownloadOutlined, LogoutOutlined, PlusOutlined } from '@ant-design/icons';
import { CHANNELS, type TPortalProfile } from '@clientela/contract';
import { App, Button, Card, Col, Flex, Form, Input, Row, Select, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { showFieldErrors } from '../../lib/form.ts';
import { formatInstant } from '../../lib/format.ts';
import { LanguageSelect } from '../locale/language-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { MY_DATA_URL, useChangePortalPassword, usePortalLogout, usePortalProfile, useUpdatePortalProfile } from './portal-account-api.ts';

type Point = { label: string; value: string };
type DetailsValues = Pick<TPortalProfile, 'firstName' | 'lastName' | 'position' | 'preferredChannel' | 'language'> & {
  phones: Point[];
  emails: Point[];
};

/** The customer's own details, marketing consent and personal-data download. */
export function PortalProfilePage() {
  const { t } = useTranslation('portal');
  const profile = usePortalProfile();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('profile.title')}
      </Typography.Title>
      <ErrorAlert error={profile.error} />
      {profile.isPending ? <Skeleton active /> : null}
      {profile.data ? (
        <>
          <DetailsCard profile={profile.data} />
          <ConsentCard profile={profile.data} />
          <DataCard />
          <PasswordCard />
          <SignOut />
        </>
      ) : null}
    </Flex>
  );
}

function DetailsCard({ profile }: { profile: TPortalProfile }) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const [form] = Form.useForm<DetailsValues>();
  const update = useUpdatePortalProfile();
  const required = { required: true, whitespace: true, message: t('profile.required') };
  const submit = (values: DetailsValues) => {
    update.mutate(
      {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        position: values.position?.trim() || null,
        phones: (values.phones ?? []).filter((p) => p.value?.trim()).map((p) => ({ label: p.label?.trim() ?? '', value: p.value.trim() })),
        emails: (values.emails ?? []).filter((e) => e.value?.trim()).map((e) => ({ label: e.label?.trim() ?? '', value: e.value.trim() })),
        preferredChannel: values.preferredChannel ?? null,
        language: values.language,
      },
      {
        onSuccess: () => void message.success(t('profile.saved')),
        onError: (error) => showFieldErrors(form, error, ''),
      },
    );
  };
  return (
    <Card title={t('profile.details')}>
      <Typography.Paragraph type="secondary">{t('profile.signInEmail', { email: profile.signInEmail })}</Typography.Paragraph>
      {profile.companies.length > 0 ? (
        <Typography.Paragraph type="secondary">
          {`${t('profile.companies')}: ${profile.companies.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join(', ')}`}
        </Typography.Paragraph>
      ) : null}
      <Form<DetailsValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={profile}
        onFinish={submit}
        aria-label={t('profile.details')}
      >
        <ErrorAlert error={update.error} />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="firstName" label={t('profile.firstName')} rules={[{ max: 120 }]}>
              <Input autoComplete="given-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="lastName"
              label={t('profile.lastName')}
              dependencies={['firstName']}
              rules={[
                { max: 120 },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string | undefined) => {
                    if (!value?.trim() && !String(getFieldValue('firstName') ?? '').trim()) throw new Error(t('profile.nameRequired'));
                  },
                }),
              ]}
            >
              <Input autoComplete="family-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="position" label={t('profile.position')} rules={[{ max: 120 }]}>
          <Input autoComplete="organization-title" />
        </Form.Item>
        <PointList name="phones" title={t('profile.phones')} valueLabel={t('profile.phone')} type="tel" required={required} />
        <PointList name="emails" title={t('profile.emails')} valueLabel={t('profile.emailValue')} type="email" required={required} />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="preferredChannel" label={t('profile.preferredChannel')}>
              <Select
                allowClear
                placeholder={t('profile.noPreference')}
                options={CHANNELS.map((channel) => ({ value: channel, label: t(`profile.channels.${channel}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="language" label={t('profile.language')}>
              <LanguageSelect />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('profile.save')}
        </Button>
      </Form>
    </Card>
  );
}

type PointListProps = { name: 'phones' | 'emails'; title: string; valueLabel: string; type: 'tel' | 'email'; required: object };

/** A labelled list of phones or e-mail addresses, as the contact keeps them. */
function PointList({ name, title, valueLabel, type, required }: PointListProps) {
  const { t } = useTranslation('portal');
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text strong>{title}</Typography.Text>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" wrap>
              <Form.Item name={[field.name, 'value']} rules={[required]} style={{ flex: '2 1 180px', marginBottom: 8 }}>
                <Input type={type} aria-label={valueLabel} placeholder={valueLabel} />
              </Form.Item>
              <Form.Item name={[field.name, 'label']} rules={[{ max: 40 }]} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                <Input aria-label={t('profile.label')} placeholder={t('profile.label')} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('profile.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', value: '' })} style={{ alignSelf: 'flex-start' }}>
            {t('profile.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function ConsentCard({ profile }: { profile: TPortalProfile }) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const { locale } = useLocale();
  const update = useUpdatePortalProfile();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Card title={t('profile.consentTitle')}>
      <ErrorAlert error={update.error} />
      <Flex gap={12} align="center">
        <Switch
          id="portal-consent"
          checked={profile.marketingConsent}
          loading={update.isPending}
          onChange={(checked) =>
            update.mutate({ marketingConsent: checked }, { onSuccess: () => void message.success(t('profile.consentSaved')) })
          }
        />
        <label htmlFor="portal-consent">{t('profile.consentLabel')}</label>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('profile.consentHelp')}
      </Typography.Paragraph>
      {profile.consentAt ? (
        <Typography.Text type="secondary">
          {t('profile.consentSince', { date: formatInstant(profile.consentAt, locale, timeZone, 'date') })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

function DataCard() {
  const { t } = useTranslation('portal');
  return (
    <Card title={t('profile.dataTitle')}>
      <Typography.Paragraph>{t('profile.dataText')}</Typography.Paragraph>
      <Button icon={<DownloadOutlined />} href={MY_DATA_URL} download="my-data.json">
        {t('profile.download')}
      </Button>
    </Card>
  );
}

type PasswordValues = { current: string; next: string; confirm: string };

function PasswordCard() {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePortalPassword();
  return (
    <Card title={t('profile.passwordTitle')}>
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label={t('profile.passwordTitle')}
        onFinish={(values) =>
          change.mutate(
            { current: values.current, next: values.next },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('profile.passwordChanged'));
              },
              onError: (error) => showFieldErrors(form, error, ''),
            },
          )
        }
      >
        <ErrorAlert error={change.error} />
        <input type="text" name="username" autoComplete="username" hidden readOnly />
        <Form.Item name="current" label={t('profile.currentPassword')} rules={[{ required: true, message: t('profile.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label={t('profile.newPassword')}
          extra={t('link.passwordHelp')}
          rules={[{ required: true, message: t('profile.required') }, { min: 10, message: t('link.passwordHelp') }, { max: 200 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('profile.confirmPassword')}
          dependencies={['next']}
          rules={[
            { required: true, message: t('profile.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string) => {
                if (value && value !== getFieldValue('next')) throw new Error(t('link.passwordsDiffer'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button htmlType="submit" loading={change.isPending}>
          {t('profile.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

function SignOut() {
  const { t } = useTranslation('portal');
  const { workspace = '' } = useParams();
  const navigate = useNavigate();
  const logout = usePortalLogout();
  return (
    <Button
      danger
      icon={<LogoutOutlined />}
      loading={logout.isPending}
      style={{ alignSelf: 'flex-start' }}
      onClick={() =>
        logout.mutate(undefined, { onSettled: () => navigate(`/portal/${encodeURIComponent(workspace)}/login`, { replace: true }) })
      }
    >
      {t('profile.signOut')}
    </Button>
  );
}
