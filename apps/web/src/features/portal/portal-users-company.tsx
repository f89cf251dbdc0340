import { RELATIONSHIP_STYLES, type TRelationshipStyle } from '@clientela/contract';
import { Col, Form, Row, Select, Switch, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { WithPortalUserMessages } from './portal-users-messages.tsx';

function Inputs() {
  const { t } = useTranslation('portalUsers');
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="relationshipStyle" label={t('company.style')}>
          <Select
            allowClear
            placeholder={t('company.styleNone')}
            options={RELATIONSHIP_STYLES.map((style) => ({
              value: style,
              label: t(`company.styles.${style}.label`),
              title: t(`company.styles.${style}.help`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="portalAccess" label={t('company.portalAccess')} valuePropName="checked" extra={t('company.portalAccessHelp')}>
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The company form's relationship style and "Customer portal" switch. */
export function CompanyPortalInputs() {
  return (
    <WithPortalUserMessages>
      <Inputs />
    </WithPortalUserMessages>
  );
}

function Tags({ style, portalAccess }: { style: TRelationshipStyle | null; portalAccess: boolean }) {
  const { t } = useTranslation('portalUsers');
  return (
    <>
      {style && (
        <Tooltip title={t(`company.styles.${style}.help`)}>
          <Tag color="purple">{t(`company.styles.${style}.label`)}</Tag>
        </Tooltip>
      )}
      {!portalAccess && (
        <Tooltip title={t('company.portalAccessHelp')}>
          <Tag>{t('company.portalOff')}</Tag>
        </Tooltip>
      )}
    </>
  );
}

/** The company's relationship style as a tag with its explanation, and a tag when its portal is switched off. */
export function CompanyPortalTags(props: { style: TRelationshipStyle | null; portalAccess: boolean }) {
  return (
    <WithPortalUserMessages>
      <Tags {...props} />
    </WithPortalUserMessages>
  );
}
