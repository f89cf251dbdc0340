import { GiftOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { BIRTHDAY_ACTIONS, type TBirthdayAction, type TBirthdaySettings } from '@clientela/contract';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Radio, Row, Select, Skeleton, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatNumber } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useTemplates } from './api.ts';
import { type Audience, AudiencePicker } from './audience-picker.tsx';
import { useBirthdaySettings, useRunBirthdays, useSaveBirthdaySettings, useUpcomingBirthdays } from './consent-api.ts';

type Draft = { enabled: boolean; action: TBirthdayAction; templateId: string | null; limited: boolean; audience: Audience };

function draftOf(settings: TBirthdaySettings): Draft {
  return {
    enabled: settings.enabled,
    action: settings.action,
    templateId: settings.templateId,
    limited: Boolean(settings.viewId || settings.listId),
    audience: { entity: 'contact', kind: settings.listId ? 'list' : 'view', id: settings.listId ?? settings.viewId },
  };
}

function SettingsCard({ settings }: { settings: TBirthdaySettings }) {
  const { t } = useTranslation('mailings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const admin = useMe().role === 'admin';
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const templates = useTemplates('birthday');
  const save = useSaveBirthdaySettings();
  useEffect(() => setDraft(draftOf(settings)), [settings]);

  const submit = async () => {
    const id = draft.limited ? draft.audience.id : null;
    try {
      await save.mutateAsync({
        enabled: draft.enabled,
        action: draft.action,
        templateId: draft.action === 'email' ? draft.templateId : null,
        viewId: draft.audience.kind === 'view' ? id : null,
        listId: draft.audience.kind === 'list' ? id : null,
      });
      message.success(t('birthdays.saved'));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Card title={t('birthdays.settings')}>
      {!admin && <Alert type="info" showIcon title={t('birthdays.adminsOnly')} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" component="div" disabled={!admin}>
        <Form.Item label={t('birthdays.enabled')}>
          <Switch aria-label={t('birthdays.enabled')} checked={draft.enabled} onChange={(enabled) => setDraft({ ...draft, enabled })} />
        </Form.Item>
        <Form.Item label={t('birthdays.action')}>
          <Radio.Group
            value={draft.action}
            onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            options={BIRTHDAY_ACTIONS.map((value) => ({ value, label: t(`birthdays.actions.${value}`) }))}
          />
        </Form.Item>
        {draft.action === 'email' && (
          <Form.Item label={t('birthdays.template')} required extra={t('birthdays.templateHint')}>
            <Select
              aria-label={t('birthdays.template')}
              value={draft.templateId ?? undefined}
              onChange={(templateId) => setDraft({ ...draft, templateId: templateId ?? null })}
              loading={templates.isPending}
              options={(templates.data?.data ?? []).map((template) => ({ value: template.id, label: template.name }))}
              notFoundContent={
                <Typography.Text type="secondary">
                  {t('birthdays.noTemplates')} <Link to="/templates/new">{t('templates.new')}</Link>
                </Typography.Text>
              }
            />
          </Form.Item>
        )}
        <Form.Item label={t('birthdays.whom')}>
          <Flex vertical gap={8}>
            <Radio.Group
              value={draft.limited}
              onChange={(event) => setDraft({ ...draft, limited: event.target.value })}
              options={[
                { value: false, label: t('birthdays.everyone') },
                { value: true, label: t('birthdays.limited') },
              ]}
            />
            {draft.limited && (
              <AudiencePicker value={draft.audience} onChange={(audience) => setDraft({ ...draft, audience })} entities={['contact']} />
            )}
          </Flex>
        </Form.Item>
        <Button type="primary" onClick={submit} loading={save.isPending}>
          {tc('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function UpcomingCard() {
  const { t } = useTranslation('mailings');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const admin = useMe().role === 'admin';
  const upcoming = useUpcomingBirthdays(14);
  const run = useRunBirthdays();

  const runNow = async () => {
    try {
      await run.mutateAsync();
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Card
      title={t('birthdays.upcoming')}
      extra={
        admin && (
          <Button icon={<PlayCircleOutlined />} onClick={runNow} loading={run.isPending}>
            {t('birthdays.runNow')}
          </Button>
        )
      }
    >
      {run.data && (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={t('birthdays.runResult', {
            greeted: formatNumber(run.data.greeted, locale),
            skipped: formatNumber(run.data.skipped, locale),
          })}
        />
      )}
      <ErrorAlert error={upcoming.error} />
      {upcoming.isPending ? (
        <Skeleton active />
      ) : (upcoming.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('birthdays.noneUpcoming')} />
      ) : (
        <Flex vertical gap={12} role="list" aria-label={t('birthdays.upcoming')}>
          {(upcoming.data ?? []).map((birthday) => (
            <Flex key={birthday.contactId} role="listitem" gap={12} align="center" justify="space-between" wrap>
              <Flex gap={12} align="center">
                <GiftOutlined />
                <div>
                  <Link to={`/contacts/${birthday.contactId}`}>{birthday.name}</Link>
                  <div>
                    <Typography.Text type="secondary">
                      {t('birthdays.turns', {
                        date: formatCalendarDate(birthday.date, locale),
                        age: formatNumber(birthday.age, locale),
                        count: birthday.age,
                      })}
                      {birthday.owner && ` · ${birthday.owner.name}`}
                    </Typography.Text>
                  </div>
                </div>
              </Flex>
              {birthday.greeted && <Tag color="green">{t('birthdays.greeted')}</Tag>}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The birthday greetings: the automation's settings, the coming birthdays and a run now. */
export function BirthdaySettingsPanel() {
  const settings = useBirthdaySettings();
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <ErrorAlert error={settings.error} />
        {settings.isPending ? <Skeleton active /> : settings.data && <SettingsCard settings={settings.data} />}
      </Col>
      <Col xs={24} xl={12}>
        <UpcomingCard />
      </Col>
    </Row>
  );
}
