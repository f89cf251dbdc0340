import type { TDeal, TDealRequiredField, TMoveDealInput, TPipelineStage } from '@clientela/contract';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { currencyCodes, useCurrencySettings, useLostReasons } from './api.ts';
import { DECIMAL_SEPARATOR, toAmount } from './deal-payload.ts';

/** What the modal asks, as the form holds it. */
type Values = {
  amount?: string | null;
  currency?: string | null;
  expectedCloseOn?: Dayjs | null;
  companyId?: string | null;
  contactId?: string | null;
  source?: string;
  lostReasonId?: string;
  lostNote?: string;
};

export type MoveFields = Omit<TMoveDealInput, 'stageId'>;

type Props = {
  /** The deal, the stage it goes to and the fields that stage still needs; none while closed. */
  target: { deal: TDeal; stage: TPipelineStage; fields: TDealRequiredField[] } | null;
  /** Sends the move with the fields given; throws what the server refused. */
  onSubmit: (fields: MoveFields) => Promise<void>;
  onCancel: () => void;
};

function toFields(values: Values, asked: TDealRequiredField[]): MoveFields {
  const fields: MoveFields = {};
  const amount = toAmount(values.amount);
  if (asked.includes('amount') && amount) {
    fields.amount = amount;
    if (values.currency) fields.currency = values.currency;
  }
  if (asked.includes('expectedCloseOn') && values.expectedCloseOn) fields.expectedCloseOn = values.expectedCloseOn.format('YYYY-MM-DD');
  if (asked.includes('companyId') && values.companyId) fields.companyId = values.companyId;
  if (asked.includes('contactId') && values.contactId) fields.contactId = values.contactId;
  if (asked.includes('source') && values.source?.trim()) fields.source = values.source.trim();
  if (asked.includes('lostReasonId') && values.lostReasonId) {
    fields.lostReasonId = values.lostReasonId;
    if (values.lostNote?.trim()) fields.lostNote = values.lostNote.trim();
  }
  return fields;
}

/** Asks for exactly the fields a stage requires before a deal may enter it, then sends the move with them. */
export function StageRequirementsModal({ target, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A new deal or stage starts afresh; more fields named by the server keep what was typed.
  const opened = target ? `${target.deal.id}:${target.stage.id}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another move is asked about.
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ currency: target.deal.currency ?? target.deal.baseCurrency, companyId: target.deal.company?.id ?? null });
    setError(null);
  }, [opened, form]);

  const submit = async (values: Values) => {
    if (!target) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(toFields(values, target.fields));
    } catch (caught) {
      if (!showFieldErrors(form, caught, errorMessage(tc, caught))) setError(caught);
    } finally {
      setPending(false);
    }
  };

  const title = target ? t('requirements.title', { stage: target.stage.name }) : '';
  return (
    <Modal
      open={Boolean(target)}
      title={title}
      okText={t('requirements.move')}
      cancelText={tc('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      {target && (
        <>
          <p>{t('requirements.intro', { title: target.deal.title, count: target.fields.length })}</p>
          <ErrorAlert error={error} />
          <Form form={form} name="stage-requirements" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
            <RequiredInputs deal={target.deal} fields={target.fields} />
          </Form>
        </>
      )}
    </Modal>
  );
}

function RequiredInputs({ deal, fields }: { deal: TDeal; fields: TDealRequiredField[] }) {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const required = [{ required: true, message: tc('validation.required') }];
  const asks = (field: TDealRequiredField) => fields.includes(field);
  return (
    <>
      {asks('amount') && <AmountInputs />}
      {asks('expectedCloseOn') && (
        <Form.Item name="expectedCloseOn" label={t('fields.expectedCloseOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} />
        </Form.Item>
      )}
      {asks('companyId') && (
        <Form.Item name="companyId" label={t('fields.company')} rules={required}>
          <CustomerSelect entity="company" aria-label={t('fields.company')} />
        </Form.Item>
      )}
      {asks('contactId') && (
        <Form.Item name="contactId" label={t('fields.contact')} rules={required}>
          <CustomerSelect entity="contact" aria-label={t('fields.contact')} known={deal.contact ? [deal.contact] : []} />
        </Form.Item>
      )}
      {asks('source') && (
        <Form.Item
          name="source"
          label={t('fields.source')}
          rules={[{ required: true, whitespace: true, message: tc('validation.required') }]}
        >
          <Input maxLength={120} placeholder={t('form.sourceHint')} />
        </Form.Item>
      )}
      {asks('lostReasonId') && <LostReasonInputs />}
    </>
  );
}

function AmountInputs() {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const settings = useCurrencySettings();
  const codes = currencyCodes(settings.data);
  return (
    <Form.Item label={t('fields.amount')} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="amount" noStyle rules={[{ required: true, message: tc('validation.required') }]}>
          <InputNumber<string>
            stringMode
            min="0"
            max="999999999999.99"
            precision={2}
            decimalSeparator={DECIMAL_SEPARATOR[locale]}
            aria-label={t('fields.amount')}
            style={{ flex: 1 }}
          />
        </Form.Item>
        <Form.Item name="currency" noStyle rules={[{ required: true, message: tc('validation.required') }]}>
          <Select
            aria-label={t('fields.currency')}
            options={codes.map((code) => ({ value: code, label: code }))}
            loading={settings.isPending}
            style={{ width: 110 }}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

function LostReasonInputs() {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const reasons = useLostReasons();
  const options = (reasons.data ?? []).filter((reason) => reason.active).map((reason) => ({ value: reason.id, label: reason.name }));
  return (
    <>
      <Form.Item name="lostReasonId" label={t('fields.lostReason')} rules={[{ required: true, message: tc('validation.required') }]}>
        <Select options={options} loading={reasons.isPending} aria-label={t('fields.lostReason')} />
      </Form.Item>
      <Form.Item name="lostNote" label={t('fields.lostNote')}>
        <Input.TextArea rows={2} maxLength={2_000} />
      </Form.Item>
    </>
  );
}
