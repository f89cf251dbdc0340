import { LOCALES } from '@clientela/contract';
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../customers/user-select.tsx';
import { CampaignSelect, SourceSelect } from './marketing-pickers.tsx';

type Named = { id: string; name: string };
type Props = { current?: { owner?: Named | null; source?: Named | null; campaign?: Named | null } };

/** Every field of a lead: shared by the create modal and the lead's edit form. */
export function LeadInputs({ current = {} }: Props) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const identified = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async () => {
      const named = ['firstName', 'lastName', 'companyName', 'email', 'phone'].some(
        (name) => String(getFieldValue(name) ?? '').trim() !== '',
      );
      if (!named) throw new Error(t('leads.nameRequired'));
    },
  });
  const col = (name: string, label: string, input = <Input maxLength={300} autoComplete="off" />, rules: object[] = []) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label} rules={rules}>
        {input}
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Row gutter={16}>
        {col('firstName', t('fields.firstName'), <Input maxLength={100} autoComplete="off" />, [identified])}
        {col('lastName', t('fields.lastName'), <Input maxLength={100} autoComplete="off" />)}
        {col('companyName', t('fields.company'))}
        {col('position', t('fields.position'), <Input maxLength={200} />)}
        {col('email', t('fields.email'), <Input type="email" maxLength={254} autoComplete="off" />)}
        {col('phone', t('fields.phone'), <Input maxLength={40} autoComplete="off" />)}
        {col('city', t('fields.city'), <Input maxLength={120} />)}
        {col(
          'language',
          t('fields.language'),
          <Select
            allowClear
            aria-label={t('fields.language')}
            options={LOCALES.map((value) => ({ value, label: tc(`languages.${value}`) }))}
          />,
        )}
        {col('sourceId', t('fields.source'), <SourceSelect current={current.source} aria-label={t('fields.source')} />)}
        {col(
          'campaignId',
          t('fields.campaign'),
          <CampaignSelect current={current.campaign} aria-label={t('fields.campaign')} placeholder={t('fields.campaign')} />,
        )}
        {col('ownerId', t('fields.owner'), <UserSelect current={current.owner} aria-label={t('fields.owner')} />)}
      </Row>
      <Form.Item name="message" label={t('fields.message')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="marketingConsent" valuePropName="checked">
        <Checkbox>{t('fields.consent')}</Checkbox>
      </Form.Item>
    </>
  );
}
