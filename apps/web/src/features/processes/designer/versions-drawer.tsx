import type { TProcessVersion } from '@clientela/contract';
import { Button, Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber } from '../../../lib/format.ts';
import { useMe } from '../../auth/api.ts';
import { useLocale } from '../../locale/locale-context.tsx';

type Props = {
  open: boolean;
  versions: TProcessVersion[];
  /** Opens a version's model in the canvas (as a new draft); absent for readers. */
  onOpenVersion?: (version: number) => void;
  onClose: () => void;
};

/** The published versions of a process, newest first, with how many instances each has. */
export function VersionsDrawer({ open, versions, onOpenVersion, onClose }: Props) {
  const { t } = useTranslation('processDesigner');
  const { locale } = useLocale();
  const me = useMe();
  return (
    <Drawer open={open} onClose={onClose} title={t('versions.title')} size={720}>
      <Table<TProcessVersion>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions}
        locale={{ emptyText: t('versions.empty') }}
        columns={[
          { key: 'version', title: t('versions.version'), render: (_, row) => t('versions.label', { version: row.version }) },
          { key: 'publishedAt', title: t('versions.publishedAt'), render: (_, row) => formatInstant(row.publishedAt, locale, me.timeZone) },
          { key: 'publishedBy', title: t('versions.publishedBy'), render: (_, row) => row.publishedBy?.name ?? '—' },
          { key: 'instances', title: t('versions.instances'), align: 'right', render: (_, row) => formatNumber(row.instances, locale) },
          { key: 'running', title: t('versions.running'), align: 'right', render: (_, row) => formatNumber(row.running, locale) },
          ...(onOpenVersion
            ? [
                {
                  key: 'open',
                  title: '',
                  render: (_: unknown, row: TProcessVersion) => (
                    <Button size="small" onClick={() => onOpenVersion(row.version)}>
                      {t('versions.open')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}
