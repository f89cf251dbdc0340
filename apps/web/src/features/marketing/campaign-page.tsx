import { DeleteOutlined, MailOutlined, TeamOutlined } from '@ant-design/icons';
import type { TCampaignDetail } from '@clientela/contract';
import { App, Button, Card, Col, Flex, Popconfirm, Progress, Result, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { CampaignCostsCard } from './campaign-costs-card.tsx';
import { CampaignDetailsCard } from './campaign-details-card.tsx';
import { useCampaign, useDeleteCampaign } from './campaigns-api.ts';
import { amountOf, useMarketingFormat } from './marketing-format.ts';
import { CampaignStatusTag } from './marketing-tags.tsx';

/** The budget against what was spent, as a bar that turns red once over. */
function BudgetCard({ campaign }: { campaign: TCampaignDetail }) {
  const { t } = useTranslation('marketing');
  const format = useMarketingFormat(campaign.baseCurrency);
  const budget = amountOf(campaign.budget);
  const spent = amountOf(campaign.totals.actual) ?? 0;
  const left = amountOf(campaign.totals.budgetLeft);
  return (
    <Card title={t('campaign.budgetLeft')}>
      {budget === null ? (
        <Typography.Text type="secondary">{t('campaign.noBudget')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Statistic
            value={format.money(left ?? budget - spent)}
            styles={{ content: left !== null && left < 0 ? { color: '#cf1322' } : undefined }}
          />
          <Progress
            percent={budget > 0 ? Math.min(100, Math.round((spent / budget) * 100)) : 100}
            status={left !== null && left < 0 ? 'exception' : 'normal'}
            aria-label={t('campaign.budgetLeft')}
          />
          <Typography.Text type="secondary">
            {left !== null && left < 0
              ? t('campaign.overBudget', { amount: format.money(-left) })
              : t('campaign.spentOf', { spent: format.money(spent), budget: format.money(budget) })}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

/** What the campaign brought: leads, deals, revenue and what each cost. */
function ResultsCard({ campaign }: { campaign: TCampaignDetail }) {
  const { t } = useTranslation('marketing');
  const format = useMarketingFormat(campaign.baseCurrency);
  const { results } = campaign;
  const items = [
    { key: 'leads', title: t('fields.leads'), value: format.number(results.leads) },
    { key: 'deals', title: t('fields.deals'), value: format.number(results.deals) },
    { key: 'wonDeals', title: t('fields.wonDeals'), value: format.number(results.wonDeals) },
    { key: 'revenue', title: t('fields.revenue'), value: format.money(results.wonRevenue) },
    { key: 'costPerLead', title: t('fields.costPerLead'), value: format.money(results.costPerLead) },
    { key: 'costPerWon', title: t('fields.costPerWon'), value: format.money(results.costPerWonDeal) },
    { key: 'roi', title: t('fields.roi'), value: format.ratio(results.roi) },
  ];
  return (
    <Card title={t('campaign.results')}>
      <Row gutter={[16, 16]}>
        {items.map((item) => (
          <Col key={item.key} xs={12} md={6} xl={3} style={{ minWidth: 140 }}>
            <Statistic title={item.title} value={item.value} data-testid={`result-${item.key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** `/campaigns/:id`: one campaign: dates, budget, cost lines, segment and its ROI. */
export function CampaignPage() {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const remove = useDeleteCampaign();

  if (campaign.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (isApiError(campaign.error, 'not_found')) return <Result status="404" title={t('campaign.notFound')} />;
  if (!campaign.data) return <ErrorAlert error={campaign.error} />;
  const data = campaign.data;

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={t(`kind.${data.kind}`)}
        extra={
          <Flex gap={8} wrap align="center">
            <CampaignStatusTag status={data.status} />
            <Link to={`/leads?campaignId=${data.id}`}>
              <Button icon={<TeamOutlined />}>{t('campaign.leadsLink')}</Button>
            </Link>
            <Link to={`/mailings?campaignId=${data.id}`}>
              <Button icon={<MailOutlined />}>{t('campaign.mailingsLink')}</Button>
            </Link>
            {data.mayChange && (
              <Popconfirm
                title={t('campaign.deleteConfirm')}
                okText={tc('common.delete')}
                cancelText={tc('common.cancel')}
                onConfirm={async () => {
                  await remove.mutateAsync(data.id);
                  message.success(t('campaign.deletedMessage'));
                  navigate('/campaigns');
                }}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('campaign.delete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        }
      />
      <ErrorAlert error={remove.error} />
      <Flex vertical gap={16}>
        <ResultsCard campaign={data} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <CampaignDetailsCard campaign={data} />
          </Col>
          <Col xs={24} lg={8}>
            <BudgetCard campaign={data} />
          </Col>
        </Row>
        <CampaignCostsCard campaign={data} />
      </Flex>
    </>
  );
}
