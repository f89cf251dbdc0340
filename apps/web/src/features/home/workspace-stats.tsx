import type { TUnit } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';

/** Real figures of the workspace for its admin: how many people and units it has. */
export function WorkspaceStats({ units }: { units: TUnit[] | undefined }) {
  const { t } = useTranslation();
  const people = useQuery({
    queryKey: ['users', 'count'],
    queryFn: () => api<{ total: number }>('/api/v1/users', { query: { limit: 1 } }),
    select: (list) => list.total,
  });
  const active = useQuery({
    queryKey: ['users', 'count', 'active'],
    queryFn: () => api<{ total: number }>('/api/v1/users', { query: { limit: 1, 'filter[active]': 'true' } }),
    select: (list) => list.total,
  });

  return (
    <Card title={t('home.stats.title')} style={{ height: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={8}>
          <Statistic title={t('home.stats.people')} value={people.data ?? '—'} loading={people.isPending} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('home.stats.active')} value={active.data ?? '—'} loading={active.isPending} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('home.stats.units')} value={units?.length ?? '—'} loading={!units} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('home.stats.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
