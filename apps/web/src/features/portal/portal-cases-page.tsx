import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type CaseState, usePortalCases } from './portal-cases-api.ts';
import { PortalCaseStatus, usePortalDate } from './portal-cases-parts.tsx';

/** The customer's requests: open ones first by default, newest first, each a card that reads well on a phone. */
export function PortalCasesPage() {
  const { t } = useTranslation('portalCases');
  const { workspace = '' } = useParams();
  const base = `/portal/${encodeURIComponent(workspace)}`;
  const navigate = useNavigate();
  const date = usePortalDate();
  const [state, setState] = useState<CaseState>('open');
  const cases = usePortalCases(state);
  const rows = cases.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${base}/cases/new`)}>
          {t('list.new')}
        </Button>
      </Flex>
      <Segmented<CaseState>
        value={state}
        onChange={setState}
        options={(['open', 'closed', 'all'] as const).map((value) => ({ value, label: t(`list.state.${value}`) }))}
      />
      <ErrorAlert error={cases.error} />
      {cases.isPending ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty description={t('list.empty')} />
      ) : (
        <Flex vertical gap={8} role="list" aria-label={t('list.label')}>
          {rows.map((c) => (
            <Card key={c.id} size="small" role="listitem">
              <Flex vertical gap={4}>
                <Flex justify="space-between" gap={8} wrap>
                  <Link to={`${base}/cases/${c.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                    {c.subject}
                  </Link>
                  <PortalCaseStatus status={c.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[c.number, c.type.name, c.company?.name, t('list.opened', { date: date(c.createdAt, 'date') })]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                {c.lastMessageAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('list.lastMessage', { date: date(c.lastMessageAt) })}
                  </Typography.Text>
                ) : null}
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      {cases.hasNextPage ? (
        <Button onClick={() => cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          {t('list.more')}
        </Button>
      ) : null}
    </Flex>
  );
}
