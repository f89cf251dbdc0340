import type { TAbcSettings, TUpdateAbcSettingsInput } from '@clientela/contract';
import { App, Button, Card, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { DECIMAL_SEPARATOR } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useSaveAbcSettings } from './api.ts';

type Values = {
  aShare: number;
  bShare: number;
  xVariation: number;
  yVariation: number;
  basis: TAbcSettings['basis'];
  schedule: TAbcSettings['schedule'];
};

/** The workspace's ABC×XYZ thresholds, what revenue is, and whether classes are written monthly (admins). */
export function AbcSettingsForm({ settings }: { settings: TAbcSettings }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveAbcSettings();
  const { locale } = useLocale();
  // Whole numbers show as such ("80 %"); a fraction is written with the reader's decimal separator.
  const percentInput = (
    <InputNumber min={0} max={100} step={1} decimalSeparator={DECIMAL_SEPARATOR[locale]} suffix="%" style={{ width: 140 }} />
  );
  return (
    <Card size="small" title={t('abc.settings')} style={{ marginTop: 16 }}>
      <Form<Values>
        layout="inline"
        initialValues={{
          aShare: Number(settings.aShare),
          bShare: Number(settings.bShare),
          xVariation: Number(settings.xVariation),
          yVariation: Number(settings.yVariation),
          basis: settings.basis,
          schedule: settings.schedule,
        }}
        onFinish={async (values) => {
          const input: TUpdateAbcSettingsInput = {
            aShare: String(values.aShare),
            bShare: String(values.bShare),
            xVariation: String(values.xVariation),
            yVariation: String(values.yVariation),
            basis: values.basis,
            schedule: values.schedule,
          };
          try {
            await save.mutateAsync(input);
            message.success(t('abc.saved'));
          } catch (error) {
            message.error(errorMessage(tc, error));
          }
        }}
      >
        <Form.Item name="aShare" label={t('abc.aShare')}>
          {percentInput}
        </Form.Item>
        <Form.Item name="bShare" label={t('abc.bShare')}>
          {percentInput}
        </Form.Item>
        <Form.Item name="xVariation" label={t('abc.xVariation')}>
          {percentInput}
        </Form.Item>
        <Form.Item name="yVariation" label={t('abc.yVariation')}>
          {percentInput}
        </Form.Item>
        <Form.Item name="basis" label={t('controls.basis')}>
          <Select
            style={{ width: 150 }}
            options={(['won_deals', 'orders'] as const).map((value) => ({ value, label: t(`basis.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="schedule" label={t('abc.schedule')}>
          <Select
            style={{ width: 200 }}
            options={(['manual', 'monthly'] as const).map((value) => ({ value, label: t(`abc.scheduleOf.${value}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {t('abc.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
