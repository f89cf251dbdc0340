import { MailOutlined } from '@ant-design/icons';
import { Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PortalAccountShell } from './portal-account-shell.tsx';
import { usePortalMe } from './portal-api.ts';

/** `/portal`: where a customer without their workspace's address lands. */
export function PortalEntryPage() {
  const { t } = useTranslation('portal');
  const me = usePortalMe();
  if (me.isPending) return <Spin fullscreen />;
  if (me.data) return <Navigate to={`/portal/${encodeURIComponent(me.data.workspace.slug)}`} replace />;
  return (
    <PortalAccountShell title={t('entry.title')}>
      <Result
        icon={<MailOutlined />}
        subTitle={<Typography.Paragraph style={{ marginBottom: 0 }}>{t('entry.text')}</Typography.Paragraph>}
        extra={<Typography.Text type="secondary">{t('entry.hint')}</Typography.Text>}
        style={{ padding: '8px 0' }}
      />
    </PortalAccountShell>
  );
}
