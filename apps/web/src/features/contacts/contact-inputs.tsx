import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CHANNELS, type TAttribution } from '@clientela/contract';
import { Button, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldRules } from '../../lib/field-rules.ts';
import { OwnershipInputs, ReachInputs, StandingInputs } from '../customers/customer-inputs.tsx';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { AttributionInputs, LanguageInput } from '../marketing/attribution.tsx';
import { CompanySelect } from './company-select.tsx';

type Props = {
  currentOwner?: { id: string; name: string } | null;
  knownCompanies?: { id: string; name: string }[];
  attribution?: TAttribution;
};

/** The companies a person works for, each with their role there. */
function CompanyLinksInput({ knownCompanies }: { knownCompanies: { id: string; name: string }[] }) {
  const { t } = useTranslation('customers');
  return (
    <Form.Item label={t('fields.companies')}>
      <Form.List name="companies">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'companyId']} style={{ flex: 2, marginBottom: 0 }}>
                  <CompanySelect known={knownCompanies} aria-label={`${t('form.company')} ${index + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} style={{ flex: 1, marginBottom: 0 }}>
                  <Input aria-label={`${t('form.role')} ${index + 1}`} placeholder={t('form.rolePlaceholder')} maxLength={120} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('form.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: '' })} style={{ alignSelf: 'flex-start' }}>
              {t('form.addCompany')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Every field of a contact: shared by the create and the edit form. */
export function ContactInputs({ currentOwner, knownCompanies = [], attribution }: Props) {
  const { t } = useTranslation('customers');
  const { locale } = useLocale();
  const rules = useFieldRules('contacts');
  const nameRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async () => {
      const first = String(getFieldValue('firstName') ?? '').trim();
      const last = String(getFieldValue('lastName') ?? '').trim();
      if (!first && !last) throw new Error(t('contacts.nameRequired'));
    },
  });
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="firstName" label={t('fields.firstName')}>
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="lastName" label={t('fields.lastName')} dependencies={['firstName']} rules={[nameRule]}>
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="position" label={t('fields.position')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="birthday" label={t('fields.birthday')} hidden={rules.isHidden('birthday')}>
            <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} disabled={rules.isReadOnly('birthday')} />
          </Form.Item>
        </Col>
      </Row>
      <CompanyLinksInput knownCompanies={knownCompanies} />
      <StandingInputs />
      <ReachInputs />
      <Form.Item name="preferredChannel" label={t('fields.preferredChannel')}>
        <Select allowClear options={CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))} />
      </Form.Item>
      <LanguageInput />
      <Form.Item name="preferences" label={t('fields.preferences')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.preferencesPlaceholder')} />
      </Form.Item>
      <Form.Item name="personalEvents" label={t('fields.personalEvents')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.personalEventsPlaceholder')} />
      </Form.Item>
      <AttributionInputs attribution={attribution} />
      <OwnershipInputs currentOwner={currentOwner} />
    </>
  );
}
