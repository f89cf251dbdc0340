import { RENEWAL_STATES, type TRenewalState, ZCreateContractInput } from '@clientela/contract';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../lib/form.ts';
import { CompanySelect } from '../contacts/company-select.tsx';
import { currencyOptions } from '../custom-fields/currency-options.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { ContactOfCompanySelect } from './contact-of-company-select.tsx';

const fields = ZCreateContractInput.shape;
const DECIMAL_SEPARATOR = { en: '.', ru: ',', it: ',' } as const;

type Ref = { id: string; name: string };

type Props = {
  /** The company a new contract is for when it is created from that company's page: not to be changed. */
  fixedCompany?: Ref;
  /** Names known before any search: the contract's company, contact and responsible person. */
  known?: { company?: Ref; contact?: Ref | null; responsible?: Ref | null };
  /** The renewal states offered; ending goes through "End contract", which shows the agreements first. */
  renewals?: readonly TRenewalState[];
  /** Says under the renewal how to end the contract (when editing one that is not ended). */
  endHint?: boolean;
};

/** Every field of a contract: shared by the create and the edit form. */
export function ContractInputs({ fixedCompany, known = {}, renewals = RENEWAL_STATES, endHint }: Props) {
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  const companyId = Form.useWatch('companyId', form) as string | undefined;
  const currencies = useMemo(() => currencyOptions(locale), [locale]);
  const company = fixedCompany ?? known.company;

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="number" label={t('fields.number')} rules={[zodRule(tc, fields.number)]}>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="subject" label={t('fields.subject')} rules={[zodRule(tc, fields.subject)]} extra={t('form.subjectHint')}>
            <Input maxLength={300} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="companyId" label={t('fields.company')} rules={[{ required: true, message: tc('validation.required') }]}>
            {fixedCompany ? (
              <Select disabled options={[{ value: fixedCompany.id, label: fixedCompany.name }]} />
            ) : (
              <CompanySelect known={company ? [company] : []} onChange={() => form.setFieldValue('contactId', null)} />
            )}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="contactId" label={t('fields.contact')}>
            <ContactOfCompanySelect companyId={companyId} current={known.contact} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="startDate" label={t('fields.startDate')}>
            <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="endDate"
            label={t('fields.endDate')}
            dependencies={['startDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: Dayjs | null) => {
                  const start = getFieldValue('startDate') as Dayjs | null;
                  if (value && start && value.isBefore(start, 'day')) throw new Error(t('form.endBeforeStart'));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="value" label={t('fields.value')}>
            <InputNumber<string>
              stringMode
              min="0"
              max="999999999999.99"
              precision={2}
              decimalSeparator={DECIMAL_SEPARATOR[locale]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="currency"
            label={t('fields.currency')}
            dependencies={['value']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | null) => {
                  if (getFieldValue('value') && !value) throw new Error(t('form.currencyNeeded'));
                },
              }),
            ]}
          >
            <Select options={currencies} showSearch={{ optionFilterProp: 'label' }} allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="renewal" label={t('fields.renewal')} extra={endHint ? t('form.endHint') : undefined}>
            <Select options={renewals.map((value) => ({ value, label: t(`renewal.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="responsibleId" label={t('fields.responsible')}>
            <UserSelect current={known.responsible} placeholder={t('form.nobody')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('fields.notes')}>
        <Input.TextArea rows={3} maxLength={10_000} />
      </Form.Item>
    </>
  );
}
