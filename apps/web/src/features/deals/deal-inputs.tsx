import { ZCreateDealInput } from '@clientela/contract';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldRules } from '../../lib/field-rules.ts';
import { zodRule } from '../../lib/form.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { currencyCodes, useCurrencySettings, usePipelines } from './api.ts';
import { DECIMAL_SEPARATOR } from './deal-payload.ts';
import { orderedPipelines } from './pipeline-order.ts';

const fields = ZCreateDealInput.shape;

type Ref = { id: string; name: string };

type Props = {
  /** Names known before any search: the deal's company, contact and owner. */
  known?: { company?: Ref | null; contact?: Ref | null; owner?: Ref | null };
};

/** Every field of a deal: shared by the create and the edit form. */
export function DealInputs({ known = {} }: Props) {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  const pipelines = usePipelines();
  const settings = useCurrencySettings();
  const pipelineId = Form.useWatch('pipelineId', form) as string | undefined;
  const stages = pipelines.data?.find((pipeline) => pipeline.id === pipelineId)?.stages ?? [];
  const codes = currencyCodes(settings.data);
  const rules = useFieldRules('deals');

  return (
    <>
      <Form.Item name="title" label={t('fields.title')} rules={[zodRule(tc, fields.title)]}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="pipelineId" label={t('fields.pipeline')} rules={[{ required: true, message: tc('validation.required') }]}>
            <Select
              loading={pipelines.isPending}
              options={orderedPipelines(pipelines.data ?? []).map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
              onChange={(id: string) => {
                const first = pipelines.data?.find((pipeline) => pipeline.id === id)?.stages[0];
                form.setFieldValue('stageId', first?.id);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="stageId" label={t('fields.stage')} rules={[{ required: true, message: tc('validation.required') }]}>
            <Select options={stages.map((stage) => ({ value: stage.id, label: stage.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="companyId" label={t('fields.company')}>
            <CustomerSelect entity="company" known={known.company ? [known.company] : []} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="contactId" label={t('fields.contact')}>
            <CustomerSelect entity="contact" known={known.contact ? [known.contact] : []} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="ownerId" label={t('fields.owner')}>
            <UserSelect current={known.owner} placeholder={t('form.noOwner')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="source" label={t('fields.source')}>
            <Input maxLength={120} placeholder={t('form.sourceHint')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="amount" label={t('fields.amount')} hidden={rules.isHidden('amount')}>
            <InputNumber<string>
              disabled={rules.isReadOnly('amount')}
              stringMode
              min="0"
              max="999999999999.99"
              precision={2}
              decimalSeparator={DECIMAL_SEPARATOR[locale]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="currency"
            label={t('fields.currency')}
            dependencies={['amount']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | null) => {
                  if (getFieldValue('amount') && !value) throw new Error(t('form.currencyNeeded'));
                },
              }),
            ]}
          >
            <Select options={codes.map((code) => ({ value: code, label: code }))} loading={settings.isPending} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="probability"
            label={t('fields.probability')}
            extra={t('form.probabilityHint')}
            hidden={rules.isHidden('probability')}
          >
            <InputNumber disabled={rules.isReadOnly('probability')} min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="expectedCloseOn" label={t('fields.expectedCloseOn')}>
        <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} />
      </Form.Item>
      <Form.Item name="notes" label={t('fields.notes')}>
        <Input.TextArea rows={3} maxLength={10_000} />
      </Form.Item>
    </>
  );
}
