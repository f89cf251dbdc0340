import { type TAttribution, ZCreateCompanyInput } from '@clientela/contract';
import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldRules } from '../../lib/field-rules.ts';
import { zodRule } from '../../lib/form.ts';
import { OwnershipInputs, ReachInputs, StandingInputs } from '../customers/customer-inputs.tsx';
import { AttributionInputs } from '../marketing/attribution.tsx';
import { CompanyPortalInputs } from '../portal/portal-users-company.tsx';

const fields = ZCreateCompanyInput.shape;

type Props = { currentOwner?: { id: string; name: string } | null; attribution?: TAttribution };

/** Every field of a company: shared by the create and the edit form. */
export function CompanyInputs({ currentOwner, attribution }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const rules = useFieldRules('companies');
  return (
    <>
      <Form.Item name="name" label={t('fields.name')} rules={[zodRule(tc, fields.name)]}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <StandingInputs />
      <ReachInputs />
      <Form.Item name="legalName" label={t('fields.legalName')}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="taxNumber" label={t('fields.taxNumber')} hidden={rules.isHidden('taxNumber')}>
            <Input maxLength={40} disabled={rules.isReadOnly('taxNumber')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="website" label={t('fields.website')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <CompanyPortalInputs />
      <AttributionInputs attribution={attribution} />
      <OwnershipInputs currentOwner={currentOwner} />
    </>
  );
}
