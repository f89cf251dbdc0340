import { ApartmentOutlined, KeyOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { MyDay } from '../my-day/my-day.tsx';
import { useUnits } from '../units/api.ts';
import { RoleTag } from '../users/role-tag.tsx';
import { WorkspaceStats } from './workspace-stats.tsx';

type Shortcut = { key: string; icon: ReactNode; title: string; text: string; to: string };

/** `/`: the start page: what needs you today, then who you are, where you work, and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const units = useUnits();
  const unitName = me.unitId ? units.data?.find((unit) => unit.id === me.unitId)?.name : undefined;
  const isAdmin = me.role === 'admin';

  const shortcuts: Shortcut[] = [
    { key: 'profile', icon: <UserOutlined />, title: t('home.cards.profile.title'), text: t('home.cards.profile.text'), to: '/profile' },
    {
      key: 'tokens',
      icon: <KeyOutlined />,
      title: t('home.cards.tokens.title'),
      text: t('home.cards.tokens.text'),
      to: '/profile#api-tokens',
    },
    ...(isAdmin
      ? [{ key: 'admin', icon: <TeamOutlined />, title: t('home.cards.admin.title'), text: t('home.cards.admin.text'), to: '/admin/users' }]
      : []),
  ];

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('home.greeting', { name: me.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 16, marginBottom: 24 }}>
        {t('home.intro', { workspace: me.workspace.name, role: t(`roles.${me.role}`) })}
      </Typography.Paragraph>
      <MyDay />
      <Row gutter={[24, 24]} style={{ marginTop: 24 }}>
        <Col xs={24} lg={isAdmin ? 14 : 24}>
          <Card title={t('home.account.title')} style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, sm: 2 }} colon={false} layout="vertical" size="small">
              <Descriptions.Item label={t('home.account.name')}>{me.name}</Descriptions.Item>
              <Descriptions.Item label={t('home.account.email')}>{me.email}</Descriptions.Item>
              <Descriptions.Item label={t('home.account.role')}>
                <RoleTag role={me.role} />
              </Descriptions.Item>
              <Descriptions.Item label={t('home.account.unit')}>
                {unitName ?? (
                  <Typography.Text type="secondary">
                    <ApartmentOutlined /> {t('home.account.noUnit')}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.language')}>{t(`languages.${locale}`)}</Descriptions.Item>
              <Descriptions.Item label={t('common.timeZone')}>{me.timeZone.replaceAll('_', ' ')}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {isAdmin && (
          <Col xs={24} lg={10}>
            <WorkspaceStats units={units.data} />
          </Col>
        )}
        {shortcuts.map((shortcut) => (
          <Col key={shortcut.key} xs={24} md={12} xl={8}>
            <Card hoverable onClick={() => navigate(shortcut.to)} style={{ height: '100%' }}>
              <Card.Meta
                avatar={<span style={{ fontSize: 24, color: '#0f766e' }}>{shortcut.icon}</span>}
                title={
                  <Link to={shortcut.to} onClick={(event) => event.stopPropagation()} style={{ fontSize: 16, whiteSpace: 'normal' }}>
                    {shortcut.title}
                  </Link>
                }
                description={shortcut.text}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
