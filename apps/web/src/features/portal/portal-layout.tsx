import { Layout, Menu, type MenuProps, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { usePortalBranding, usePortalMe } from './portal-api.ts';

/**
 * The customer portal's frame (`/portal/:workspace/…`): the workspace's logo, title and colour,
 * the portal's sections, and nothing of the staff app. Pages inside need a portal session;
 * without one the visitor goes to the portal's sign-in.
 */
export function PortalLayout() {
  const { t } = useTranslation('portal');
  const { workspace = '' } = useParams();
  const { pathname } = useLocation();
  const me = usePortalMe();
  const branding = usePortalBranding(workspace);
  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) return <Result status="error" title={t('layout.failed')} />;
  if (!me.data || me.data.workspace.slug !== workspace) {
    return <Navigate to={`/portal/${encodeURIComponent(workspace)}/login?next=${encodeURIComponent(pathname)}`} replace />;
  }
  const base = `/portal/${encodeURIComponent(workspace)}`;
  const sections = ['cases', 'help', 'orders', 'ideas', 'community', 'profile'] as const;
  const items: MenuProps['items'] = [
    { key: base, label: <Link to={base}>{t('layout.home')}</Link> },
    ...sections.map((section) => ({ key: `${base}/${section}`, label: <Link to={`${base}/${section}`}>{t(`layout.${section}`)}</Link> })),
  ];
  const selected = items.map((item) => String(item?.key)).filter((key) => (key === base ? pathname === base : pathname.startsWith(key)));
  const color = branding.data?.color ?? undefined;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: color ?? undefined, paddingInline: 16 }}>
        {branding.data?.hasLogo ? (
          <img src={`/api/portal/branding/${encodeURIComponent(workspace)}/logo`} alt={branding.data.name} style={{ maxHeight: 40 }} />
        ) : null}
        <span style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>{branding.data?.title ?? branding.data?.name ?? ''}</span>
        <Menu
          theme="dark"
          mode="horizontal"
          items={items}
          selectedKeys={selected}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          aria-label={t('layout.navigation')}
        />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
