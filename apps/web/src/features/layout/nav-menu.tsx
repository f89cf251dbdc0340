import { HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/api.ts';

/** The left navigation; admin pages appear only for admins. */
export function NavMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    ...(me.role === 'admin'
      ? [{ key: '/admin/users', icon: <TeamOutlined />, label: <Link to="/admin/users">{t('nav.admin')}</Link> }]
      : []),
    { key: '/profile', icon: <UserOutlined />, label: <Link to="/profile">{t('nav.profile')}</Link> },
  ];
  const selected = items.map((item) => String(item?.key)).filter((key) => (key === '/' ? pathname === '/' : pathname.startsWith(key)));

  return (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" items={items} selectedKeys={selected} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}
