import type { FormInstance } from 'antd';
import { Descriptions, Flex, Form, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePriceLists } from '../catalogue/api.ts';
import { useCurrencySettings, useDealPages } from '../deals/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { money } from './money.ts';

type Saved = { priceListId: string | null; currency: string; net: string; vat: string; total: string };

/**
 * The price lists a quote or an order may use (the active ones, and its own) and the currency its
 * lines are in. A new document starts from the default list once the lists have come, keeping
 * whatever was typed meanwhile.
 */
export function usePriceListChoice(form: FormInstance, open: boolean, saved: Saved | undefined) {
  const priceLists = usePriceLists();
  const settings = useCurrencySettings();
  const priceListId = Form.useWatch('priceListId', form) as string | null | undefined;
  const lists = useMemo(
    () => (priceLists.data ?? []).filter((list) => list.active || list.id === saved?.priceListId),
    [priceLists.data, saved],
  );
  const defaultList = lists.find((list) => list.isDefault) ?? lists[0];
  const currency = lists.find((list) => list.id === priceListId)?.currency ?? saved?.currency ?? settings.data?.baseCurrency ?? 'EUR';
  useEffect(() => {
    if (open && !saved && defaultList && !form.getFieldValue('priceListId')) form.setFieldValue('priceListId', defaultList.id);
  }, [open, saved, defaultList, form]);
  return { lists, priceListId, currency, loading: priceLists.isPending };
}

/** The price list field: each list with its currency, the default one marked. */
export function PriceListField({ choice, disabled }: { choice: ReturnType<typeof usePriceListChoice>; disabled?: boolean }) {
  const { t } = useTranslation('sales');
  return (
    <Form.Item name="priceListId" label={t('fields.priceList')} extra={t('editor.currency', { currency: choice.currency })}>
      <Select
        loading={choice.loading}
        disabled={disabled}
        aria-label={t('fields.priceList')}
        options={choice.lists.map((list) => ({
          value: list.id,
          label: `${list.isDefault ? t('editor.defaultList', { name: list.name }) : list.name} · ${list.currency}`,
        }))}
      />
    </Form.Item>
  );
}

/** The deal field: the chosen company's deals, and the document's own deal even when it is not among them. */
export function DealField({
  companyId,
  known,
  disabled,
}: {
  companyId: string | null | undefined;
  known: { id: string; title: string } | null | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation('sales');
  const deals = useDealPages({ 'filter[companyId]': companyId ?? undefined }, Boolean(companyId) && !disabled);
  const options = (deals.data?.pages.flatMap((page) => page.data) ?? []).map((deal) => ({ value: deal.id, label: deal.title }));
  if (known && !options.some((option) => option.value === known.id)) options.push({ value: known.id, label: known.title });
  return (
    <Form.Item name="dealId" label={t('fields.deal')}>
      <Select
        allowClear
        disabled={disabled}
        placeholder={t('editor.noDeal')}
        options={options}
        loading={deals.isFetching}
        aria-label={t('fields.deal')}
      />
    </Form.Item>
  );
}

/** The totals as the server last priced the document, under its lines while they are edited. */
export function SavedTotals({ document }: { document: Saved }) {
  const { t } = useTranslation('sales');
  const { locale } = useLocale();
  return (
    <Flex justify="flex-end" style={{ marginTop: 12 }}>
      <Descriptions
        title={t('editor.saved')}
        column={1}
        size="small"
        style={{ minWidth: 260 }}
        items={[
          { key: 'net', label: t('totals.net'), children: money(document.net, document.currency, locale) },
          { key: 'vat', label: t('totals.vat'), children: money(document.vat, document.currency, locale) },
          {
            key: 'total',
            label: t('totals.total'),
            children: <Typography.Text strong>{money(document.total, document.currency, locale)}</Typography.Text>,
          },
        ]}
      />
    </Flex>
  );
}
