import { CheckOutlined, DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';

import { Avatar, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { initials } from '../../lib/format.ts';
import { LOCALES } from '../../lib/locales.ts';
import { useLogout, useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useSwitchLanguage } from '../locale/use-switch-language.ts';

/** The account button in the header: profile, language, log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { locale } = useLocale();
  const switchLanguage = useSwitchLanguage();
  const logout = useLogout();
  const navigate = useNavigate();

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
    { type: 'divider' },
    {
      key: 'language',
      type: 'group',
      label: t('common.language'),
      children: LOCALES.map((value) => ({
        key: `locale:${value}`,
        label: t(`languages.${value}`),
        icon: value === locale ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
        lang: value,
      })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/profile');
    else if (key === 'logout') logout.mutate();
    else if (key.startsWith('locale:')) {
      const value = LOCALES.find((candidate) => `locale:${candidate}` === key);
      if (value) void switchLanguage(value);
    }
  };

  return (
    <Dropdown menu={{ items, onClick, selectedKeys: [`locale:${locale}`] }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label={t('nav.account')} style={{ height: 44, paddingInline: 8 }}>
        <Avatar size={30} style={{ background: '#0f766e', fontSize: 13 }}>
          {initials(me.name)}
        </Avatar>
        <Typography.Text style={{ maxWidth: 180 }} ellipsis>
          {me.name}
        </Typography.Text>
        <DownOutlined style={{ fontSize: 11 }} />
      </Button>
    </Dropdown>
  );
}
