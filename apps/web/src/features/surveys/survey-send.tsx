import { CopyOutlined, LinkOutlined, SendOutlined } from '@ant-design/icons';
import type { TContact, TSurvey, TSurveySendResult } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { api } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import type { Page } from '../customers/types.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useSendSurvey, useSurveyLink, useSurveyTemplates, useUpdateSurvey } from './api.ts';
import { type Segment, type SegmentKind, SegmentSelect } from './segment-select.tsx';

function ContactSelect({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation('surveys');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search).trim();
  const contacts = useQuery({
    queryKey: ['contacts', 'options', 'survey-link', q],
    queryFn: ({ signal }) => api<Page<TContact>>('/api/v1/contacts', { signal, query: { q: q || undefined, limit: 20, sort: 'name' } }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      style={{ minWidth: 280 }}
      aria-label={t('send.contact')}
      placeholder={t('send.pickContact')}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={contacts.isFetching}
      notFoundContent={null}
      options={(contacts.data ?? []).map((contact) => ({ value: contact.id, label: contact.name }))}
    />
  );
}

function PersonalLink({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation('surveys');
  const { message } = App.useApp();
  const link = useSurveyLink(survey.id);
  const [contactId, setContactId] = useState<string>();
  const url = link.data ? new URL(link.data.url, window.location.origin).toString() : undefined;
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('send.personalLink')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('send.personalLinkHelp')}</Typography.Text>
      <Flex gap={8} wrap>
        <ContactSelect
          value={contactId}
          onChange={(id) => {
            setContactId(id);
            link.reset();
          }}
        />
        <Button icon={<LinkOutlined />} disabled={!contactId} loading={link.isPending} onClick={() => contactId && link.mutate(contactId)}>
          {t('send.getLink')}
        </Button>
      </Flex>
      <ErrorAlert error={link.error} />
      {url && (
        <Space.Compact style={{ maxWidth: 640 }}>
          <Input readOnly value={url} aria-label={t('send.personalLink')} data-testid="survey-personal-link" />
          <Button
            icon={<CopyOutlined />}
            onClick={() =>
              void navigator.clipboard?.writeText(url).then(
                () => message.success(t('send.copied')),
                () => undefined,
              )
            }
          >
            {t('send.copy')}
          </Button>
        </Space.Compact>
      )}
    </Flex>
  );
}

/** The Send tab: e-mails personal links to a segment, with an invitation template; or makes one contact's link. */
export function SurveySend({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation('surveys');
  const { locale } = useLocale();
  const templates = useSurveyTemplates();
  const update = useUpdateSurvey(survey.id);
  const send = useSendSurvey(survey.id);
  const [kind, setKind] = useState<SegmentKind>('view');
  const [segment, setSegment] = useState<Segment>({});
  const [result, setResult] = useState<TSurveySendResult | null>(null);
  const chosen = Boolean(segment.viewId ?? segment.listId);
  const templateOptions = (templates.data ?? []).map((template) => ({ value: template.id, label: template.name }));
  if (survey.template && !templateOptions.some((option) => option.value === survey.template?.id))
    templateOptions.unshift({ value: survey.template.id, label: survey.template.name });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      {survey.status === 'closed' && <Alert type="warning" showIcon title={t('send.closed')} />}
      {survey.status === 'draft' && <Alert type="info" showIcon title={t('send.opensDraft')} />}
      <Form layout="vertical">
        <Form.Item label={t('send.audience')}>
          <SegmentSelect
            kind={kind}
            onKind={setKind}
            value={segment}
            onChange={(next) => {
              setSegment(next);
              setResult(null);
            }}
          />
        </Form.Item>
        <Form.Item
          label={t('send.template')}
          extra={t('send.templateHelp', { link: '{{survey_link}}', interpolation: { escapeValue: false } })}
        >
          <Select
            style={{ maxWidth: 400 }}
            aria-label={t('send.template')}
            allowClear
            placeholder={t('send.noTemplate')}
            loading={templates.isFetching || update.isPending}
            value={survey.template?.id}
            onChange={(id?: string) => update.mutate({ templateId: id ?? null })}
            options={templateOptions}
          />
        </Form.Item>
        <ErrorAlert error={update.error ?? send.error} />
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!chosen || survey.status === 'closed'}
          loading={send.isPending}
          onClick={() => send.mutate(segment, { onSuccess: setResult })}
        >
          {t('send.submit')}
        </Button>
      </Form>
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="survey-send-result"
          title={t('send.result', {
            invited: formatNumber(result.invited, locale),
            alreadyInvited: formatNumber(result.alreadyInvited, locale),
            skipped: formatNumber(result.skipped, locale),
          })}
        />
      )}
      <Divider style={{ margin: 0 }} />
      <PersonalLink survey={survey} />
    </Flex>
  );
}
