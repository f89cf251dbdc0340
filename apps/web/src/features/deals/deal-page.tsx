import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { AttributionCard } from '../marketing/attribution.tsx';
import { ShareButton } from '../roles/share-button.tsx';
import { useDeal, useDeleteDeal, usePipelines } from './api.ts';
import { DealDetails } from './deal-details.tsx';
import { DealFormDrawer } from './deal-form-drawer.tsx';
import { DealStageSteps } from './deal-stage-steps.tsx';
import { DealTimelineCard } from './deal-timeline-card.tsx';
import { StageHistoryCard } from './stage-history-card.tsx';

const KIND_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

/** `/deals/:id`: one deal — its details, its stage among the pipeline's, its way through them and its timeline. */
export function DealPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const deal = useDeal(id);
  const pipelines = usePipelines();
  const remove = useDeleteDeal();
  const [editing, setEditing] = useState(false);

  if (deal.isPending) return <Skeleton active />;
  if (deal.error || !deal.data) {
    return (
      <Result
        status={isApiError(deal.error) && deal.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, deal.error)}
        extra={<Link to="/deals">{t('deal.back')}</Link>}
      />
    );
  }
  const data = deal.data;
  const pipeline = pipelines.data?.find((one) => one.id === data.pipelineId);

  const confirmDelete = () =>
    modal.confirm({
      title: t('deal.deleteConfirm', { title: data.title }),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(data.id);
          message.success(t('deal.deleted', { title: data.title }));
          navigate('/deals');
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <>
      <Link to="/deals">
        <ArrowLeftOutlined /> {t('deal.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <div>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {data.title}
            </Typography.Title>
            <Tag color={KIND_COLOR[data.stage.kind]}>{data.stage.name}</Tag>
          </Flex>
          {pipeline && <Typography.Text type="secondary">{t('deal.inPipeline', { pipeline: pipeline.name })}</Typography.Text>}
        </div>
        {data.mayChange && (
          <Flex gap={8} wrap>
            {data.company && (
              <Link to={`/quotes?new=1&companyId=${data.company.id}&dealId=${data.id}`}>
                <Button icon={<FileTextOutlined />}>{t('deal.newQuote')}</Button>
              </Link>
            )}
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('deal.edit')}
            </Button>
            <ShareButton entity="deals" record={data} name={data.title} />
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              {tc('common.delete')}
            </Button>
          </Flex>
        )}
      </Flex>
      {data.stage.kind === 'lost' && (
        <Alert
          type="error"
          showIcon
          title={data.lostReason ? t('deal.lostBecause', { reason: data.lostReason.name }) : t('deal.lost')}
          description={data.lostNote ?? undefined}
          style={{ marginBottom: 24 }}
        />
      )}
      <Flex vertical gap={24}>
        {pipeline && <DealStageSteps deal={data} pipeline={pipeline} />}
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={14}>
            <DealDetails deal={data} />
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={24}>
              <StageHistoryCard dealId={data.id} />
              <AttributionCard attribution={data.attribution} />
            </Flex>
          </Col>
        </Row>
        <DealTimelineCard deal={data} />
      </Flex>
      <DealFormDrawer open={editing} deal={data} onClose={() => setEditing(false)} />
    </>
  );
}
