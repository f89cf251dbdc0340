import { Col, Result, Row } from 'antd';
import i18n from 'i18next';
import { use, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { loadRolesMessages } from '../../lib/roles-messages.ts';
import { useMe } from '../auth/api.ts';
import { UnitsPanel } from '../units/units-panel.tsx';
import { UsersCard } from './users-card.tsx';

/** `/admin/users`: admins manage the people and the branches/departments of the workspace. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [unitId, setUnitId] = useState<string>();
  // The role picker names defined roles with the roles page's messages.
  if (!i18n.hasResourceBundle('en', 'roles')) use(loadRolesMessages());

  if (me.role !== 'admin') {
    return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text')} />;
  }

  return (
    <>
      <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')} />
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={8}>
          <UnitsPanel selectedId={unitId} onSelect={setUnitId} />
        </Col>
        <Col xs={24} xl={16}>
          <UsersCard unitId={unitId} onClearUnit={() => setUnitId(undefined)} />
        </Col>
      </Row>
    </>
  );
}
