import { LOCALES, type TQuote } from '@clientela/contract';
import { App, Button, Col, DatePicker, Divider, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { useMe } from '../auth/api.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateQuote, useUpdateQuote } from './api.ts';
import { DealField, PriceListField, SavedTotals, usePriceListChoice } from './document-inputs.tsx';
import { LineInputs } from './line-inputs.tsx';
import { type QuoteFormValues, toQuoteFormValues, toQuoteInput } from './quote-payload.ts';

type Props = {
  open: boolean;
  /** The draft to edit; none to create a quote. */
  quote?: TQuote;
  /** Prefills a new quote, e.g. from a company's or a deal's page. */
  companyId?: string;
  dealId?: string;
  onClose: () => void;
  onSaved?: (quote: TQuote) => void;
};

/** Creates or edits a draft quote in a side panel: customer, price list, language, lines with running totals in cents. */
export function QuoteEditor({ open, quote, companyId, dealId, onClose, onSaved }: Props) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const me = useMe();
  const [form] = Form.useForm<QuoteFormValues>();
  const create = useCreateQuote();
  const update = useUpdateQuote();
  const mutation = quote ? update : create;
  const title = quote ? t('editor.editTitle', { number: quote.number }) : t('editor.createTitle');
  const chosenCompany = Form.useWatch('companyId', form) as string | null | undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      quote ? toQuoteFormValues(quote) : { companyId: companyId ?? null, dealId: dealId ?? null, language: me.locale, lines: [] },
    );
    create.reset();
    update.reset();
  }, [open, quote, companyId, dealId, me.locale, form, create.reset, update.reset]);
  // After the reset above: a new quote then starts from the default price list.
  const pricing = usePriceListChoice(form, open, quote);

  const submit = async (values: QuoteFormValues) => {
    if (!values.lines?.length) {
      message.error(t('editor.needLine'));
      return;
    }
    const { companyId: company, ...input } = toQuoteInput(values);
    try {
      const saved = quote
        ? await update.mutateAsync({ id: quote.id, ...input })
        : await create.mutateAsync({ companyId: company, ...input });
      message.success(t(quote ? 'editor.updated' : 'editor.created', { number: saved.number }));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={900}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {quote ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="quote" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="companyId" label={t('fields.company')} rules={[{ required: true, message: tc('validation.required') }]}>
              <CustomerSelect
                entity="company"
                known={quote ? [quote.company] : []}
                disabled={Boolean(quote)}
                aria-label={t('fields.company')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactId" label={t('fields.contact')}>
              <CustomerSelect entity="contact" known={quote?.contact ? [quote.contact] : []} aria-label={t('fields.contact')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <DealField companyId={chosenCompany} known={quote?.deal} />
          </Col>
          <Col xs={24} md={12}>
            <PriceListField choice={pricing} />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="language" label={t('fields.language')}>
              <Select aria-label={t('fields.language')} options={LOCALES.map((value) => ({ value, label: tc(`languages.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="validUntil" label={t('fields.validUntil')}>
              <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input.TextArea rows={2} maxLength={5_000} />
        </Form.Item>
        <Divider titlePlacement="start">{t('editor.lines')}</Divider>
        <LineInputs currency={pricing.currency} priceListId={pricing.priceListId} />
        {quote && <SavedTotals document={quote} />}
      </Form>
    </Drawer>
  );
}
