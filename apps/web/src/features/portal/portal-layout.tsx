import { LogoutOutlined } from '@ant-design/icons';
import type { TLocale } from '@clientela/contract';
import { App, Button, Layout, Menu, type MenuProps, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { LanguageSelect } from '../locale/language-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { usePortalLogout, useSwitchPortalLanguage } from './portal-account-api.ts';
import { usePortalBranding, usePortalMe } from './portal-api.ts';

/** The header's colour when the workspace chose none: a deep shade of the app's own teal. */
const DEFAULT_HEADER = '#134e4a';

/** Whether white text reads better than black on a `#rrggbb` colour (WCAG relative luminance; equal contrast at 0.179). */
function isDark(hex: string): boolean {
  const channel = (at: number) => {
    const value = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return true;
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5) < 0.179;
}

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
  const background = branding.data?.color ?? DEFAULT_HEADER;
  const dark = isDark(background);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 8, background, paddingInline: 12 }}>
        {branding.data?.hasLogo ? (
          <img src={`/api/portal/branding/${encodeURIComponent(workspace)}/logo`} alt={branding.data.name} style={{ maxHeight: 40 }} />
        ) : null}
        <span
          style={{
            color: dark ? '#fff' : 'rgba(0, 0, 0, 0.88)',
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            maxWidth: '30vw',
          }}
        >
          {branding.data?.title ?? branding.data?.name ?? ''}
        </span>
        <Menu
          theme={dark ? 'dark' : 'light'}
          mode="horizontal"
          items={items}
          selectedKeys={selected}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          aria-label={t('layout.navigation')}
        />
        <HeaderActions workspace={workspace} portalUserId={me.data.portalUserId} language={me.data.language} />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        {/* antd's App gives the pages their messages (App.useApp), as the staff layout does. */}
        <App component={false}>
          <Outlet />
        </App>
      </Layout.Content>
    </Layout>
  );
}

/** The language switch (remembered on the customer's account) and the sign-out, at the header's end. */
function HeaderActions({ workspace, portalUserId, language: chosen }: { workspace: string; portalUserId: string; language: TLocale }) {
  const { t } = useTranslation('portal');
  const { locale, changeLocale } = useLocale();
  // Once per sign-in, the portal speaks the language the customer chose last time.
  const syncedFor = useRef<string | null>(null);
  useEffect(() => {
    if (syncedFor.current === portalUserId) return;
    syncedFor.current = portalUserId;
    if (chosen !== locale) void changeLocale(chosen);
  }, [portalUserId, chosen, locale, changeLocale]);
  const navigate = useNavigate();
  const language = useSwitchPortalLanguage();
  const logout = usePortalLogout();
  return (
    <>
      <LanguageSelect value={locale} onChange={(value) => void language.switchTo(value)} style={{ width: 112, flex: 'none' }} />
      <Button
        icon={<LogoutOutlined />}
        aria-label={t('layout.signOut')}
        title={t('layout.signOut')}
        loading={logout.isPending}
        style={{ flex: 'none' }}
        onClick={() =>
          logout.mutate(undefined, { onSettled: () => navigate(`/portal/${encodeURIComponent(workspace)}/login`, { replace: true }) })
        }
      />
    </>
  );
}
