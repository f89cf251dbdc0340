import { DeleteOutlined, LockOutlined } from '@ant-design/icons';
import type { TCurrencySettings } from '@clientela/contract';
import { App, Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate, formatNumber } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { currencyName, currencyOptions } from '../custom-fields/currency-options.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCurrencySettings, useUpdateCurrencySettings } from './api.ts';
import { RatesSection } from './rates-section.tsx';

type InUse = TCurrencySettings['currencies'][number];

/** The body of the currencies card: base currency, currencies in use, and their rates; only admins change them. */
export function CurrenciesSettings() {
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  const { locale } = useLocale();
  const admin = useMe().role === 'admin';
  const settings = useCurrencySettings();
  const update = useUpdateCurrencySettings();
  const options = useMemo(() => currencyOptions(locale), [locale]);
  const [base, setBase] = useState<string>();
  const [adding, setAdding] = useState<string>();
  const data = settings.data;

  useEffect(() => {
    if (data) setBase(data.baseCurrency);
  }, [data]);

  const codes = data?.currencies.map((currency) => currency.code) ?? [];
  const change = async (input: Parameters<typeof update.mutateAsync>[0], done: string) => {
    try {
      await update.mutateAsync(input);
      message.success(done);
      return true;
    } catch {
      // Shown by the alert at the top of the card.
      return false;
    }
  };

  const columns: ColumnsType<InUse> = [
    {
      key: 'code',
      title: t('currencies.currency'),
      render: (_value, currency) => (
        <Flex vertical>
          <Typography.Text strong>{currency.code}</Typography.Text>
          <Typography.Text type="secondary">{currencyName(currency.code, locale)}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'rate',
      title: t('currencies.latestRate'),
      render: (_value, currency) =>
        currency.code === data?.baseCurrency ? (
          <Typography.Text type="secondary">{t('currencies.isBase')}</Typography.Text>
        ) : currency.latestRate && currency.latestRateOn ? (
          <Flex vertical>
            <span>
              {t('rates.equation', {
                currency: currency.code,
                rate: formatNumber(Number(currency.latestRate), locale),
                base: data?.baseCurrency,
              })}
            </span>
            <Typography.Text type="secondary">
              {t('rates.since', { date: formatCalendarDate(currency.latestRateOn, locale) })}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="warning">{t('currencies.noRate')}</Typography.Text>
        ),
    },
  ];
  if (admin) {
    columns.push({
      key: 'actions',
      title: '',
      align: 'right',
      render: (_value, currency) =>
        currency.code !== data?.baseCurrency && (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('currencies.removeNamed', { currency: currency.code })}
            onClick={() =>
              change({ currencies: codes.filter((code) => code !== currency.code) }, t('currencies.removed', { currency: currency.code }))
            }
          />
        ),
    });
  }

  return (
    <Card title={t('currencies.title')} style={{ maxWidth: 960, marginTop: 16 }} loading={settings.isPending}>
      <ErrorAlert error={settings.error ?? update.error} />
      {data && (
        <>
          <Typography.Paragraph type="secondary">{t('currencies.intro')}</Typography.Paragraph>
          <Typography.Title level={5}>{t('currencies.base')}</Typography.Title>
          <Flex gap={8} wrap align="center">
            <Select
              value={base}
              onChange={setBase}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!admin || !data.baseCurrencyChangeable}
              aria-label={t('currencies.base')}
              popupMatchSelectWidth={false}
              style={{ width: 260 }}
            />
            {admin && data.baseCurrencyChangeable && (
              <Button
                disabled={!base || base === data.baseCurrency}
                loading={update.isPending}
                onClick={() => base && change({ baseCurrency: base }, t('currencies.baseSaved', { currency: base }))}
              >
                {t('currencies.saveBase')}
              </Button>
            )}
          </Flex>
          {data.baseCurrencyChangeable ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('currencies.baseHint')}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="base-locked">
              <LockOutlined /> {t('currencies.baseLocked', { currency: data.baseCurrency })}
            </Typography.Paragraph>
          )}

          <Typography.Title level={5}>{t('currencies.inUse')}</Typography.Title>
          <Table<InUse>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={data.currencies}
            pagination={false}
            locale={{ emptyText: t('currencies.none') }}
          />
          {admin && (
            <Flex gap={8} wrap style={{ marginTop: 12 }}>
              <Select
                value={adding}
                onChange={setAdding}
                placeholder={t('currencies.addPlaceholder')}
                aria-label={t('currencies.addPlaceholder')}
                options={options.filter((option) => !codes.includes(option.value))}
                showSearch={{ optionFilterProp: 'label' }}
                popupMatchSelectWidth={false}
                style={{ width: 260 }}
              />
              <Button
                disabled={!adding}
                loading={update.isPending}
                onClick={async () => {
                  if (!adding) return;
                  if (await change({ currencies: [...codes, adding] }, t('currencies.added', { currency: adding }))) setAdding(undefined);
                }}
              >
                {t('currencies.add')}
              </Button>
            </Flex>
          )}

          <RatesSection settings={data} admin={admin} />
        </>
      )}
    </Card>
  );
}
