import { TeamOutlined } from '@ant-design/icons';
import type { TSavedReport } from '@clientela/contract';
import { Menu, type MenuProps, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api.ts';

type Props = {
  reports: TSavedReport[] | undefined;
  selectedId: string | undefined;
  onOpen: (id: string) => void;
};

/** The saved reports at hand: the reader's own (shared ones marked), then those others share. */
export function SavedReportsPanel({ reports, selectedId, onOpen }: Props) {
  const { t } = useTranslation('reportBuilder');
  const me = useMe();
  if (!reports) return <Skeleton active paragraph={{ rows: 4 }} />;
  const item = (report: TSavedReport) => ({
    key: report.id,
    label: report.name,
    title: report.owner && report.owner.id !== me.id ? t('saved.by', { name: report.owner.name }) : report.name,
    ...(report.shared ? { extra: <TeamOutlined aria-label={t('saved.sharedMark')} /> } : {}),
  });
  const mine = reports.filter((report) => report.owner?.id === me.id);
  const others = reports.filter((report) => report.owner?.id !== me.id);
  const empty = (text: string) => ({ key: `empty-${text}`, label: text, disabled: true });
  const items: MenuProps['items'] = [
    { type: 'group', key: 'mine', label: t('saved.mine'), children: mine.length ? mine.map(item) : [empty(t('saved.noneMine'))] },
    { type: 'group', key: 'shared', label: t('saved.shared'), children: others.length ? others.map(item) : [empty(t('saved.noneShared'))] },
  ];
  return (
    <nav aria-label={t('saved.title')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('saved.title')}
      </Typography.Title>
      <Menu
        mode="inline"
        selectedKeys={selectedId ? [selectedId] : []}
        items={items}
        onClick={({ key }) => onOpen(key)}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
