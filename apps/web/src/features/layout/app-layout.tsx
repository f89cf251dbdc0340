import { App, Flex, Layout, Typography } from 'antd';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { Brand } from '../../components/brand.tsx';
import { useMe } from '../auth/api.ts';
import { useUserLocaleSync } from '../locale/use-user-locale-sync.ts';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { SearchLauncher } from '../search/search-launcher.tsx';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';

/** The frame of every signed-in page: navigation on the left, workspace and account on top. */
export function AppLayout() {
  const me = useMe();
  const [collapsed, setCollapsed] = useState(false);
  useUserLocaleSync(me);

  // antd's App (messages, confirm dialogs) lives here, not at the root: the login page never needs it.
  return (
    <App>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          width={256}
          collapsedWidth={72}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{ borderInlineEnd: '1px solid #e8ecea', position: 'sticky', top: 0, height: '100vh', overflow: 'hidden' }}
        >
          <Flex align="center" style={{ height: 64, paddingInline: collapsed ? 20 : 24 }}>
            <Brand compact={collapsed} />
          </Flex>
          {/* The menu scrolls on its own, above the collapse button (48 px), so no item ever hides behind it. */}
          <div style={{ height: 'calc(100vh - 64px - 48px)', overflowY: 'auto' }}>
            <NavMenu />
          </div>
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #e8ecea' }}
          >
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="workspace-name" ellipsis>
              {me.workspace.name}
            </Typography.Text>
            <Flex align="center" gap={12} style={{ flex: 'none' }}>
              <SearchLauncher />
              <NotificationBell />
              <UserMenu />
            </Flex>
          </Layout.Header>
          {/* Layout.Content renders the page's <main> landmark. */}
          <Layout.Content style={{ padding: 24 }}>
            <div style={{ maxWidth: 1240, margin: '0 auto' }}>
              <Outlet />
            </div>
          </Layout.Content>
        </Layout>
      </Layout>
    </App>
  );
}
