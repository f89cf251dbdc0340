import { Col, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiTokensCard } from '../api-tokens/api-tokens-card.tsx';
import { NotificationPreferencesCard } from '../notifications/notification-preferences.tsx';
import { PasswordForm } from './password-form.tsx';
import { ProfileForm } from './profile-form.tsx';

/** `/profile`: one's own details, password, API tokens and notification settings. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { hash } = useLocation();

  // The router does not scroll to anchors such as #api-tokens by itself.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [hash]);

  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <ProfileForm />
        </Col>
        <Col xs={24} lg={12}>
          <PasswordForm />
        </Col>
        <Col span={24}>
          <ApiTokensCard />
        </Col>
        <Col span={24}>
          <NotificationPreferencesCard />
        </Col>
      </Row>
    </>
  );
}
