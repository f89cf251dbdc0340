import { LOCALES, type TQuote } from '@clientela/contract';
import { App, Button, Col, DatePicker, Descriptions, Divider, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { useMe } from '../auth/api.ts';
import { usePriceLists } from '../catalogue/api.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useCurrencySettings, useDealPages } from '../deals/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateQuote, useUpdateQuote } from './api.ts';
import { LineInputs } from './line-inputs.tsx';
import { money } from './money.ts';
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
  const priceLists = usePriceLists();
  const settings = useCurrencySettings();
  const create = useCreateQuote();
  const update = useUpdateQuote();
  const mutation = quote ? update : create;
  const title = quote ? t('editor.editTitle', { number: quote.number }) : t('editor.createTitle');
  const chosenCompany = Form.useWatch('companyId', form) as string | null | undefined;
  const priceListId = Form.useWatch('priceListId', form) as string | null | undefined;
  const lists = useMemo(
    () => (priceLists.data ?? []).filter((list) => list.active || list.id === quote?.priceListId),
    [priceLists.data, quote],
  );
  const defaultList = lists.find((list) => list.isDefault) ?? lists[0];
  const currency = lists.find((list) => list.id === priceListId)?.currency ?? quote?.currency ?? settings.data?.baseCurrency ?? 'EUR';
  const deals = useDealPages({ 'filter[companyId]': chosenCompany ?? undefined }, Boolean(chosenCompany));
  const dealOptions = (deals.data?.pages.flatMap((page) => page.data) ?? []).map((deal) => ({ value: deal.id, label: deal.title }));
  if (quote?.deal && !dealOptions.some((option) => option.value === quote.deal?.id))
    dealOptions.push({ value: quote.deal.id, label: quote.deal.title });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      quote ? toQuoteFormValues(quote) : { companyId: companyId ?? null, dealId: dealId ?? null, language: me.locale, lines: [] },
    );
    create.reset();
    update.reset();
  }, [open, quote, companyId, dealId, me.locale, form, create.reset, update.reset]);

  // The price lists may come after the editor opened: a new quote then starts from the default one, keeping what was typed.
  useEffect(() => {
    if (open && !quote && defaultList && !form.getFieldValue('priceListId')) form.setFieldValue('priceListId', defaultList.id);
  }, [open, quote, defaultList, form]);

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
            <Form.Item name="dealId" label={t('fields.deal')}>
              <Select
                allowClear
                placeholder={t('editor.noDeal')}
                options={dealOptions}
                loading={deals.isFetching}
                aria-label={t('fields.deal')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="priceListId" label={t('fields.priceList')} extra={t('editor.currency', { currency })}>
              <Select
                loading={priceLists.isPending}
                aria-label={t('fields.priceList')}
                options={lists.map((list) => ({
                  value: list.id,
                  label: `${list.isDefault ? t('editor.defaultList', { name: list.name }) : list.name} · ${list.currency}`,
                }))}
              />
            </Form.Item>
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
        <LineInputs currency={currency} priceListId={priceListId} />
        {quote && (
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Descriptions
              title={t('editor.saved')}
              column={1}
              size="small"
              style={{ minWidth: 260 }}
              items={[
                { key: 'net', label: t('totals.net'), children: money(quote.net, quote.currency, locale) },
                { key: 'vat', label: t('totals.vat'), children: money(quote.vat, quote.currency, locale) },
                {
                  key: 'total',
                  label: t('totals.total'),
                  children: <Typography.Text strong>{money(quote.total, quote.currency, locale)}</Typography.Text>,
                },
              ]}
            />
          </Flex>
        )}
      </Form>
    </Drawer>
  );
}
