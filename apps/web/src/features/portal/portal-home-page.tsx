import { Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePortalMe } from './portal-api.ts';
import { usePortalHome } from './portal-home-api.ts';
import { HelpSearchCard, ManagerCard, OrdersCard, RequestsCard, SurveysCard } from './portal-home-cards.tsx';

/** The portal's first page: open requests, recent orders, surveys to answer, the dedicated manager. */
export function PortalHomePage() {
  const { t } = useTranslation('portalHome');
  const { workspace = '' } = useParams();
  const base = `/portal/${encodeURIComponent(workspace)}`;
  const me = usePortalMe();
  const home = usePortalHome();
  const name = me.data?.name ?? '';
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {name ? t('home.greeting', { name }) : t('home.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
      </div>
      <HelpSearchCard base={base} />
      {home.isPending ? (
        <Skeleton active />
      ) : home.isError ? (
        <>
          <Result status="warning" title={t('home.failed')} />
          <ErrorAlert error={home.error} />
        </>
      ) : (
        // One column on a phone, two side by side from a tablet up.
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <RequestsCard base={base} cases={home.data.cases} />
          </Col>
          <Col xs={24} lg={12}>
            <OrdersCard base={base} orders={home.data.orders} />
          </Col>
          <Col xs={24} lg={12}>
            <SurveysCard surveys={home.data.surveys} />
          </Col>
          {home.data.manager ? (
            <Col xs={24} lg={12}>
              <ManagerCard manager={home.data.manager} />
            </Col>
          ) : null}
        </Row>
      )}
    </Flex>
  );
}
