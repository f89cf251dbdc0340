import { App, Button, Card, Form, Input, Select } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { countryOptions } from '../../lib/country-options.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { loadSalesMessages } from '../../lib/sales-messages.ts';
import { AuditRetentionCard } from '../audit-log/audit-retention-card.tsx';
import { CurrenciesCard } from '../currencies/currencies-card.tsx';
import { PipelinesCard } from '../deals/pipelines-card.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { PortalLookCard } from '../portal/portal-users-look-card.tsx';
import { RhythmRulesCard } from '../rhythm/rhythm-rules-card.tsx';
import { useUpdateWorkspaceSettings, useWorkspaceSettings } from './api.ts';
import { ReminderRulesCard } from './reminder-rules-card.tsx';

type Values = { name: string; defaultCountry: string | null };

// The letterhead is printed on quotes and speaks the sales namespace: its code and messages load with it.
const LetterheadCard = lazy(async () => {
  const [module] = await Promise.all([import('./letterhead-card.tsx'), loadSalesMessages()]);
  return { default: module.LetterheadCard };
});

/** `/admin/workspace`: the workspace's name, the country of phone numbers written without one, and the letterhead of its quotes. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const settings = useWorkspaceSettings();
  const update = useUpdateWorkspaceSettings();
  const [form] = Form.useForm<Values>();
  const countries = useMemo(() => countryOptions(locale), [locale]);

  const submit = async (values: Values) => {
    try {
      await update.mutateAsync({ name: values.name.trim(), defaultCountry: values.defaultCountry ?? null });
      message.success(t('workspace.saved'));
    } catch (error) {
      showFieldErrors(form, error, errorMessage(t, error));
    }
  };

  return (
    <>
      <PageHeader title={t('workspace.title')} subtitle={t('workspace.subtitle')} />
      <Card style={{ maxWidth: 640 }} loading={settings.isPending}>
        <ErrorAlert error={settings.error ?? update.error} />
        {settings.data && (
          <Form
            form={form}
            name="workspace"
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ name: settings.data.name, defaultCountry: settings.data.defaultCountry }}
          >
            <Form.Item
              name="name"
              label={t('workspace.name')}
              rules={[{ required: true, whitespace: true, message: t('workspace.nameRequired') }]}
            >
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="defaultCountry" label={t('workspace.defaultCountry')} extra={t('workspace.defaultCountryHelp')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={countries}
                placeholder={t('workspace.noCountry')}
                aria-label={t('workspace.defaultCountry')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
      <Suspense fallback={<Card loading style={{ maxWidth: 960, marginTop: 16 }} />}>
        <LetterheadCard />
      </Suspense>
      <PortalLookCard />
      <ReminderRulesCard />
      <RhythmRulesCard />
      <CurrenciesCard />
      <PipelinesCard />
      <AuditRetentionCard />
    </>
  );
}
