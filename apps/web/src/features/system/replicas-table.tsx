import type { TReplicaStatus } from '@clientela/contract';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/locale-context.tsx';
import { formatBytes, formatDuration } from './system-format.ts';

/** Each read replica: whether it answers, and how far behind the primary it has replayed. */
export function ReplicasTable({ replicas }: { replicas: TReplicaStatus[] }) {
  const { t } = useTranslation('system');
  const { locale } = useLocale();
  return (
    <Table<TReplicaStatus>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={replicas}
      locale={{ emptyText: t('replicas.empty') }}
      columns={[
        { key: 'name', title: t('replicas.name'), dataIndex: 'name' },
        {
          key: 'state',
          title: t('replicas.state'),
          render: (_, replica) => <Tag color={replica.up ? 'green' : 'red'}>{replica.up ? t('replicas.up') : t('replicas.down')}</Tag>,
        },
        {
          key: 'lag',
          title: t('replicas.lag'),
          render: (_, replica) =>
            replica.lagSeconds === null ? t('replicas.unknown') : t('replicas.behind', { lag: formatDuration(replica.lagSeconds, locale) }),
        },
        {
          key: 'lagBytes',
          title: t('replicas.lagBytes'),
          render: (_, replica) => (replica.lagBytes === null ? t('replicas.unknown') : formatBytes(replica.lagBytes, locale)),
        },
      ]}
    />
  );
}
