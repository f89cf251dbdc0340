import { PlusOutlined } from '@ant-design/icons';
import type { TImport } from '@clientela/contract';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useImports } from './api.ts';
import { StatusTag } from './status-tags.tsx';

/** `/imports`: the imports of the user, newest first, each opening its wizard or its result. */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const format = useFormatters();
  const imports = useImports();
  const rows = imports.data?.pages.flatMap((page) => page.data) ?? [];
  const total = imports.data?.pages[0]?.total ?? 0;
  const number = (value: number) => formatNumber(value, format.locale);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/imports/new')}>
            {t('new')}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={imports.error} />
        <Table<TImport>
          rowKey="id"
          dataSource={rows}
          loading={imports.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          columns={[
            { key: 'file', title: t('list.file'), render: (_, imp) => <Link to={`/imports/${imp.id}`}>{imp.fileName}</Link> },
            { key: 'entity', title: t('list.entity'), render: (_, imp) => t(`entities.${imp.entity}`) },
            { key: 'status', title: t('list.status'), render: (_, imp) => <StatusTag status={imp.status} /> },
            { key: 'rows', title: t('list.rows'), align: 'right', render: (_, imp) => number(imp.rowCount) },
            {
              key: 'result',
              title: t('list.result'),
              render: (_, imp) =>
                imp.status === 'mapping' ? null : (
                  <Typography.Text type="secondary">
                    {t('list.counts', {
                      created: number(imp.counts.created),
                      updated: number(imp.counts.updated),
                      skipped: number(imp.counts.skipped),
                      rejected: number(imp.counts.rejected),
                    })}
                  </Typography.Text>
                ),
            },
            { key: 'createdBy', title: t('list.createdBy'), render: (_, imp) => imp.createdBy?.name },
            { key: 'createdAt', title: t('list.createdAt'), className: 'nowrap', render: (_, imp) => format.dateTime(imp.createdAt) },
          ]}
        />
        {rows.length > 0 && (
          <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('shown', { shown: number(rows.length), total: number(total) })}</Typography.Text>
            {imports.hasNextPage && (
              <Button onClick={() => imports.fetchNextPage()} loading={imports.isFetchingNextPage}>
                {t('loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
