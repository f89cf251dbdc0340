import { CUSTOMER_CLASSES, CUSTOMER_STATUSES, RELATIONSHIPS } from '@clientela/contract';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../units/unit-select.tsx';
import { PointsInput } from './points-input.tsx';
import { UserSelect } from './user-select.tsx';

/** Status, relationships and class: how a customer stands with us. */
export function StandingInputs() {
  const { t } = useTranslation('customers');
  return (
    <Row gutter={16}>
      <Col xs={24} sm={8}>
        <Form.Item name="status" label={t('fields.status')}>
          <Select options={CUSTOMER_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={10}>
        <Form.Item name="relationships" label={t('fields.relationships')}>
          <Select mode="multiple" options={RELATIONSHIPS.map((value) => ({ value, label: t(`relationship.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={6}>
        <Form.Item name="class" label={t('fields.class')}>
          <Select
            allowClear
            placeholder={t('form.noClass')}
            options={CUSTOMER_CLASSES.map((value) => ({ value, label: t('classTag', { class: value }) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Where the customer is and how to reach them. */
export function ReachInputs() {
  const { t } = useTranslation('customers');
  return (
    <>
      <PointsInput kind="phones" />
      <PointsInput kind="emails" />
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="city" label={t('fields.city')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="region" label={t('fields.region')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

type OwnershipProps = { currentOwner?: { id: string; name: string } | null };

/** Who looks after the customer, tags and notes. */
export function OwnershipInputs({ currentOwner }: OwnershipProps) {
  const { t } = useTranslation('customers');
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="ownerId" label={t('fields.ownerId')}>
            <UserSelect current={currentOwner} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="unitId" label={t('fields.unitId')}>
            <UnitSelect />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="leadSource" label={t('fields.leadSource')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="tags" label={t('fields.tags')}>
            <Select mode="tags" placeholder={t('form.tagsPlaceholder')} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('fields.notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
    </>
  );
}
