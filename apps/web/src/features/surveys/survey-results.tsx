import type { TLocale, TSurvey, TSurveyQuestionResult, TSurveyTextAnswer } from '@clientela/contract';
import { Button, Card, Col, Empty, Flex, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useMoreTextAnswers, useSurveyResults } from './api.ts';
import { type Segment, type SegmentKind, SegmentSelect } from './segment-select.tsx';
import type { Texts } from './survey-draft.ts';

const NpsBar = lazy(async () => ({ default: (await import('./survey-charts.tsx')).NpsBar }));
const DistributionChart = lazy(async () => ({ default: (await import('./survey-charts.tsx')).DistributionChart }));

/** A survey text in the user's language, else in the first language it has. */
export function localText(texts: Texts | null | undefined, locale: TLocale): string {
  return texts?.[locale] || texts?.en || texts?.ru || texts?.it || '';
}

function TextAnswers({ survey, question, segment }: { survey: TSurvey; question: TSurveyQuestionResult; segment: Segment }) {
  const { t } = useTranslation('surveys');
  const format = useFormatters();
  const [more, setMore] = useState(false);
  const first = question.texts;
  const rest = useMoreTextAnswers(survey.id, question.id, segment, first?.nextCursor ?? null, more);
  if (!first) return null;
  const items: TSurveyTextAnswer[] = [...first.data, ...(rest.data?.pages.flatMap((page) => page.data) ?? [])];
  const hasMore = more ? rest.hasNextPage : Boolean(first.nextCursor);
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('results.texts')}</Typography.Text>
      <List
        size="small"
        bordered
        dataSource={items}
        locale={{ emptyText: t('results.noTexts') }}
        data-testid="survey-texts"
        renderItem={(item, index) => (
          <List.Item key={`${item.submittedAt}-${index}`}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.text}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.contact?.name ?? t('results.anonymous')} · {format.date(item.submittedAt)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <ErrorAlert error={rest.error} />
      {hasMore && (
        <div>
          <Button loading={rest.isFetching} onClick={() => (more ? void rest.fetchNextPage() : setMore(true))}>
            {t('results.more')}
          </Button>
        </div>
      )}
    </Flex>
  );
}

function QuestionResult({
  survey,
  result,
  segment,
  locale,
}: {
  survey: TSurvey;
  result: TSurveyQuestionResult;
  segment: Segment;
  locale: TLocale;
}) {
  const { t } = useTranslation('surveys');
  const question = survey.questions.find((q) => q.id === result.id);
  const title = localText(result.text, locale);
  const barLabel = (value: string) => {
    const option = question?.options.find((o) => o.id === value);
    return option ? localText(option.text, locale) : value;
  };
  const bars = result.distribution.map((item) => ({ label: barLabel(item.value), count: item.count }));
  const average = result.csat?.average;
  return (
    <Card size="small" title={title} data-testid="survey-question-result">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('results.answers', { count: result.answered, formatted: formatNumber(result.answered, locale) })}
          {typeof average === 'number' && ` · ${t('results.average', { value: formatNumber(average, locale) })}`}
          {result.nps && ` · ${t('results.nps')} ${formatNumber(result.nps.score, locale)}`}
        </Typography.Text>
        {bars.length > 0 && (
          <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 120 }} />}>
            <DistributionChart
              bars={bars}
              label={t('results.distributionChart', { question: title })}
              locale={locale}
              horizontal={result.type !== 'nps' && result.type !== 'rating'}
            />
          </Suspense>
        )}
        {result.texts && <TextAnswers survey={survey} question={result} segment={segment} />}
      </Flex>
    </Card>
  );
}

/** The Results tab: response rate, NPS, CSAT, each question's answers and the written answers, of everyone or a segment. */
export function SurveyResults({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation('surveys');
  const { locale } = useFormatters();
  const [kind, setKind] = useState<SegmentKind>('view');
  const [segment, setSegment] = useState<Segment>({});
  const results = useSurveyResults(survey.id, segment);
  const data = results.data;
  const labels = {
    promoters: t('results.promoters'),
    passives: t('results.passives'),
    detractors: t('results.detractors'),
    chart: t('results.npsChart'),
  };

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('results.segment')}</Typography.Text>
        <SegmentSelect kind={kind} onKind={setKind} value={segment} onChange={setSegment} emptyLabel={t('results.allInvited')} />
      </Flex>
      <ErrorAlert error={results.error} />
      {results.isPending ? (
        <Skeleton active />
      ) : data ? (
        <Flex vertical gap={16} aria-busy={results.isFetching}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8}>
              <Statistic title={t('results.invited')} value={formatNumber(data.invited, locale)} />
            </Col>
            <Col xs={12} md={8}>
              <Statistic title={t('results.answered')} value={formatNumber(data.answered, locale)} />
            </Col>
            <Col xs={24} md={8}>
              <Statistic title={t('results.responseRate')} value={formatPercent(data.responseRate, locale)} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('results.nps')} data-testid="survey-nps">
                {data.nps && data.nps.total > 0 ? (
                  <Flex vertical gap={8}>
                    <Flex align="baseline" gap={16} wrap>
                      <Typography.Text style={{ fontSize: 48, fontWeight: 600, lineHeight: 1 }} data-testid="survey-nps-score">
                        {formatNumber(data.nps.score, locale)}
                      </Typography.Text>
                      <Typography.Text type="secondary">{t('results.npsHelp')}</Typography.Text>
                    </Flex>
                    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 72 }} />}>
                      <NpsBar nps={data.nps} labels={labels} locale={locale} />
                    </Suspense>
                    <Typography.Text data-testid="survey-nps-parts">
                      {labels.promoters} {formatNumber(data.nps.promoters, locale)} · {labels.passives}{' '}
                      {formatNumber(data.nps.passives, locale)} · {labels.detractors} {formatNumber(data.nps.detractors, locale)}
                    </Typography.Text>
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('results.noNps')}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('results.csat')} data-testid="survey-csat" style={{ height: '100%' }}>
                {data.csat && data.csat.total > 0 ? (
                  <Flex vertical gap={8}>
                    <Typography.Text style={{ fontSize: 48, fontWeight: 600, lineHeight: 1 }}>
                      {formatPercent(data.csat.share, locale)}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t('results.csatHelp', { average: formatNumber(data.csat.average, locale) })}
                    </Typography.Text>
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('results.noCsat')}</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          {data.answered === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noAnswers')} />
          ) : (
            data.questions.map((result) => (
              <QuestionResult key={result.id} survey={survey} result={result} segment={segment} locale={locale} />
            ))
          )}
        </Flex>
      ) : null}
    </Flex>
  );
}
