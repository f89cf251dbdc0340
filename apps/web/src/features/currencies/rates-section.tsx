import { DeleteOutlined } from '@ant-design/icons';
import { type TCurrencySettings, type TExchangeRate, ZRate } from '@clientela/contract';
import { App, Button, Col, DatePicker, Flex, Form, Input, Popconfirm, Row, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { formatCalendarDate, formatNumber } from '../../lib/format.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { ImportButton } from '../imports/import-button.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { useDeleteExchangeRate, useExchangeRates, usePutExchangeRates } from './api.ts';

// ECharts loads with the first chart shown.
const RateChart = lazy(async () => ({ default: (await import('./rate-chart.tsx')).RateChart }));

type Props = { settings: TCurrencySettings; admin: boolean };
type Values = { currency?: string; on?: Dayjs | null; rate?: string };

/** Rates are typed as people write them: "0,92" in Russian and Italian is "0.92". */
const normalRate = (value: string | undefined) => (value ?? '').trim().replace(',', '.');

/** The exchange rates: a form to enter one (admins), and one currency's recent rates as a chart and a table. */
export function RatesSection({ settings, admin }: Props) {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const others = useMemo(
    () => settings.currencies.map((currency) => currency.code).filter((code) => code !== settings.baseCurrency),
    [settings],
  );
  const [shown, setShown] = useState<string | undefined>(others[0]);
  const rates = useExchangeRates(shown);
  const put = usePutExchangeRates();
  const remove = useDeleteExchangeRate();
  const [form] = Form.useForm<Values>();
  const currency = Form.useWatch('currency', form) ?? others[0] ?? '';
  const base = settings.baseCurrency;

  useEffect(() => {
    if (!shown || !others.includes(shown)) setShown(others[0]);
  }, [others, shown]);

  const submit = async (values: Values) => {
    if (!values.currency || !values.on) return;
    const rate = { currency: values.currency, on: values.on.format('YYYY-MM-DD'), rate: normalRate(values.rate) };
    try {
      await put.mutateAsync({ rates: [rate] });
      message.success(t('rates.saved', { currency: rate.currency }));
      form.setFieldValue('rate', '');
      setShown(rate.currency);
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const removeRate = async (rate: TExchangeRate) => {
    try {
      await remove.mutateAsync({ currency: rate.currency, on: rate.on });
      message.success(t('rates.removed'));
    } catch {
      // Shown by the alert above the table.
    }
  };

  const columns: ColumnsType<TExchangeRate> = [
    { key: 'on', title: t('rates.on'), render: (_value, rate) => formatCalendarDate(rate.on, locale) },
    {
      key: 'rate',
      title: t('rates.rate'),
      render: (_value, rate) => t('rates.equation', { currency: rate.currency, rate: formatNumber(Number(rate.rate), locale), base }),
    },
  ];
  if (admin) {
    columns.push({
      key: 'actions',
      title: '',
      align: 'right',
      render: (_value, rate) => (
        <Popconfirm title={t('rates.removeConfirm')} onConfirm={() => removeRate(rate)}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('rates.removeNamed', { currency: rate.currency, date: formatCalendarDate(rate.on, locale) })}
          />
        </Popconfirm>
      ),
    });
  }

  // Admins enter rates, or bring a file of them (a central bank's, a treasury's) through the import wizard.
  const title = (
    <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('rates.title')}
      </Typography.Title>
      {admin && <ImportButton entity="exchange_rate">{t('rates.importFile')}</ImportButton>}
    </Flex>
  );

  if (others.length === 0) {
    return (
      <>
        {title}
        <Typography.Paragraph type="secondary">{t('rates.noOtherCurrency', { base })}</Typography.Paragraph>
      </>
    );
  }

  const data = rates.data?.data ?? [];
  return (
    <>
      {title}
      {admin && (
        <Form
          form={form}
          name="exchange-rate"
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          initialValues={{ currency: others[0], on: dayjs(), rate: '' }}
          aria-label={t('rates.formLabel')}
        >
          <ErrorAlert error={put.error} />
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={6}>
              <Form.Item name="currency" label={t('rates.currency')} rules={[{ required: true, message: tc('validation.required') }]}>
                <Select options={others.map((code) => ({ value: code, label: code }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={7}>
              <Form.Item name="on" label={t('rates.on')} rules={[{ required: true, message: tc('validation.required') }]}>
                <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={7}>
              <Form.Item
                name="rate"
                label={t('rates.rateFor', { currency, base })}
                rules={[
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (!normalRate(value)) throw new Error(tc('validation.required'));
                      if (!ZRate.safeParse(normalRate(value)).success) throw new Error(t('rates.invalid'));
                    },
                  },
                ]}
              >
                <Input prefix={`1 ${currency} =`} suffix={base} inputMode="decimal" autoComplete="off" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={4}>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={put.isPending} block>
                  {t('rates.enter')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('rates.explain', { currency, base })}
          </Typography.Paragraph>
        </Form>
      )}
      <Select
        value={shown}
        onChange={setShown}
        options={others.map((code) => ({ value: code, label: t('rates.ofCurrency', { currency: code }) }))}
        aria-label={t('rates.shownCurrency')}
        style={{ minWidth: 200, marginBottom: 12 }}
      />
      <ErrorAlert error={rates.error ?? remove.error} />
      {data.length > 1 && (
        <div role="img" aria-label={t('rates.chartLabel', { currency: shown, base })}>
          <Suspense fallback={<div style={{ height: 180 }} />}>
            <RateChart rates={data} label={`${shown} → ${base}`} />
          </Suspense>
        </div>
      )}
      <Table<TExchangeRate>
        rowKey={(rate) => `${rate.currency}-${rate.on}`}
        size="small"
        columns={columns}
        dataSource={data.slice(0, 10)}
        loading={rates.isPending && Boolean(shown)}
        pagination={false}
        locale={{ emptyText: t('rates.empty', { currency: shown }) }}
      />
    </>
  );
}
