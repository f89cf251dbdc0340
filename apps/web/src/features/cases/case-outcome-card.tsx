import { EditOutlined } from '@ant-design/icons';
import { CASE_VERDICTS, type TCase, type TCaseVerdict } from '@clientela/contract';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { formatMoney } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useUpdateCase } from './api.ts';
import { CaseVerdictTag } from './case-tags.tsx';

type Values = {
  verdict?: TCaseVerdict | null;
  verdictReason?: string;
  resolution?: string;
  compensationAmount?: string;
  compensationCurrency?: string;
  compensationNote?: string;
};

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The case's outcome: verdict and its reason (complaints), resolution and compensation; editable by who may change it. */
export function CaseOutcomeCard({ record }: { record: TCase }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const update = useUpdateCase();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const complaint = record.kind === 'complaint';
  const { amount, currency, note } = record.compensation;

  const start = () => {
    form.setFieldsValue({
      verdict: record.verdict,
      verdictReason: record.verdictReason ?? '',
      resolution: record.resolution ?? '',
      compensationAmount: amount ?? '',
      compensationCurrency: currency ?? '',
      compensationNote: note ?? '',
    });
    update.reset();
    setEditing(true);
  };

  const save = async (values: Values) => {
    try {
      await update.mutateAsync({
        id: record.id,
        ...(complaint ? { verdict: values.verdict ?? null, verdictReason: orNull(values.verdictReason) } : {}),
        resolution: orNull(values.resolution),
        compensationAmount: orNull(values.compensationAmount?.replace(',', '.')),
        compensationCurrency: orNull(values.compensationCurrency?.toUpperCase()),
        compensationNote: orNull(values.compensationNote),
      });
      message.success(t('outcome.saved'));
      setEditing(false);
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const compensation = amount !== null ? (currency ? formatMoney(Number(amount), currency, locale) : amount) : null;

  return (
    <Card
      title={t('outcome.title')}
      extra={
        record.mayChange && !editing ? (
          <Button icon={<EditOutlined />} onClick={start}>
            {t('outcome.edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={save} aria-label={t('outcome.title')}>
          {complaint && (
            <>
              <Form.Item name="verdict" label={t('fields.verdict')}>
                <Select
                  allowClear
                  placeholder={t('outcome.noVerdict')}
                  options={CASE_VERDICTS.map((value) => ({ value, label: t(`verdict.${value}`) }))}
                />
              </Form.Item>
              <Form.Item name="verdictReason" label={t('fields.verdictReason')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5_000} />
              </Form.Item>
            </>
          )}
          <Form.Item name="resolution" label={t('fields.resolution')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item
                name="compensationAmount"
                label={t('fields.compensation')}
                rules={[{ pattern: /^\d{1,12}([.,]\d{1,2})?$/, message: t('outcome.amountInvalid') }]}
              >
                <Input inputMode="decimal" placeholder="0.00" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                name="compensationCurrency"
                label={t('fields.currency')}
                rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('outcome.currencyInvalid') }]}
              >
                <Input maxLength={3} placeholder="EUR" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="compensationNote" label={t('fields.compensationNote')}>
            <Input maxLength={2_000} />
          </Form.Item>
          <ErrorAlert error={update.error} />
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setEditing(false)}>{tc('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {tc('common.save')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={[
            ...(complaint
              ? [
                  {
                    key: 'verdict',
                    label: t('fields.verdict'),
                    children: record.verdict ? (
                      <CaseVerdictTag verdict={record.verdict} />
                    ) : (
                      <Typography.Text type="secondary">{t('outcome.noVerdict')}</Typography.Text>
                    ),
                  },
                  ...(record.verdictReason ? [{ key: 'reason', label: t('fields.verdictReason'), children: record.verdictReason }] : []),
                ]
              : []),
            {
              key: 'resolution',
              label: t('fields.resolution'),
              children: record.resolution ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{record.resolution}</Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('outcome.noResolution')}</Typography.Text>
              ),
            },
            ...(compensation || note
              ? [{ key: 'compensation', label: t('fields.compensation'), children: [compensation, note].filter(Boolean).join(' · ') }]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
