import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TSurvey } from '@clientela/contract';
import { App, Button, Card, Flex, Result, Skeleton, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { useSurvey, useSurveyStatus } from './api.ts';
import { SurveyBuilder } from './survey-builder.tsx';
import { SurveyCalls } from './survey-calls.tsx';
import { SurveyResults } from './survey-results.tsx';
import { SurveySend } from './survey-send.tsx';
import { SurveyStatusTag } from './surveys-page.tsx';

const TABS = ['builder', 'send', 'results', 'calls'] as const;
type Tab = (typeof TABS)[number];

function StatusButtons({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation('surveys');
  const { message, modal } = App.useApp();
  const status = useSurveyStatus(survey.id);
  const run = async (action: 'open' | 'close') => {
    await status.mutateAsync(action);
    message.success(t(action === 'open' ? 'page.opened' : 'page.closed'));
  };
  return (
    <Flex gap={8} vertical align="flex-end">
      <Flex gap={8}>
        {survey.status !== 'open' && (
          <Button type="primary" loading={status.isPending} onClick={() => void run('open').catch(() => undefined)}>
            {t('page.open')}
          </Button>
        )}
        {survey.status === 'open' && (
          <Button
            loading={status.isPending}
            onClick={() =>
              modal.confirm({ title: t('page.closeConfirm'), okText: t('page.close'), onOk: () => run('close').catch(() => undefined) })
            }
          >
            {t('page.close')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={status.error} />
    </Flex>
  );
}

/** `/surveys/:id`: a survey's builder, sending, results and call lists. */
export function SurveyPage() {
  const { t } = useTranslation('surveys');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'builder';
  const survey = useSurvey(id);

  const back = (
    <Link to="/surveys">
      <ArrowLeftOutlined /> {t('page.back')}
    </Link>
  );
  if (survey.isPending) return <Skeleton active />;
  if (survey.isError) {
    const missing = isApiError(survey.error) && survey.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('page.notFound') : undefined}
        subTitle={missing ? undefined : <ErrorAlert error={survey.error} />}
        extra={back}
      />
    );
  }
  const data = survey.data;
  const content: Record<Tab, () => ReactNode> = {
    builder: () => <SurveyBuilder survey={data} />,
    send: () => <SurveySend survey={data} />,
    results: () => <SurveyResults survey={data} />,
    calls: () => <SurveyCalls survey={data} />,
  };
  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={data.name}
        subtitle={undefined}
        extra={
          <Flex gap={12} align="flex-start">
            <SurveyStatusTag status={data.status} />
            <StatusButtons survey={data} />
          </Flex>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'builder' ? {} : { tab: key }, { replace: true })}
          items={TABS.map((key) => ({ key, label: t(`page.tabs.${key}`), children: key === tab ? content[key]() : null }))}
        />
      </Card>
    </>
  );
}
