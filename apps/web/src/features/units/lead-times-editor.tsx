import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TUnit } from '@clientela/contract';
import { Alert, App, Button, Drawer, Flex, Form, type FormInstance, Input, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useSaveUnitLeadTimes, useUnitLeadTimes } from './lead-times-api.ts';

type Row = { kind?: string; days?: number | null };
type Values = { data: Row[] };

type Props = { unit: TUnit; open: boolean; onClose: () => void };

/** A unit's standard lead time per kind of work: rows to add, change and remove, saved as one list. */
export function LeadTimesEditor({ unit, open, onClose }: Props) {
  const { t } = useTranslation('taskSettings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  // Employees only read; a manager not above this unit is refused by the server, which the alert says.
  const canEdit = useMe().role !== 'employee';
  const [form] = Form.useForm<Values>();
  const leadTimes = useUnitLeadTimes(unit.id);
  const save = useSaveUnitLeadTimes(unit.id);
  // Shown once read afresh, so that the form starts from what is saved now.
  const saved = leadTimes.isFetchedAfterMount ? leadTimes.data?.data : undefined;

  const submit = async (values: Values) => {
    try {
      const data = (values.data ?? []).map((row) => ({ kind: (row.kind ?? '').trim(), days: row.days ?? 0 }));
      await save.mutateAsync({ data });
      message.success(t('leadTimes.saved', { unit: unit.name }));
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Drawer
      open={open}
      title={t('leadTimes.title', { unit: unit.name })}
      size={560}
      onClose={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          {canEdit && (
            <Button type="primary" disabled={!saved} loading={save.isPending} onClick={() => form.submit()}>
              {tc('common.save')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('leadTimes.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t('leadTimes.readOnly')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={leadTimes.error ?? save.error} />
      {saved ? (
        <LeadTimesForm rows={saved} form={form} canEdit={canEdit} onFinish={submit} />
      ) : (
        !leadTimes.error && <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Drawer>
  );
}

type FormProps = {
  rows: { kind: string; days: number }[];
  form: FormInstance<Values>;
  canEdit: boolean;
  onFinish: (values: Values) => void;
};

/** One row per kind of work: its name and the days it takes. */
function LeadTimesForm({ rows, form, canEdit, onFinish }: FormProps) {
  const { t } = useTranslation('taskSettings');
  return (
    <Form
      form={form}
      name="lead-times"
      layout="vertical"
      requiredMark={false}
      disabled={!canEdit}
      onFinish={onFinish}
      initialValues={{ data: rows }}
      aria-label={t('leadTimes.action')}
    >
      <Form.List name="data">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Typography.Paragraph type="secondary">{t('leadTimes.empty')}</Typography.Paragraph>}
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={[field.name, 'kind']}
                  label={index === 0 ? t('leadTimes.kind') : undefined}
                  rules={[{ required: true, whitespace: true, message: t('leadTimes.kindRequired') }]}
                  style={{ flex: 1, marginBottom: 12 }}
                >
                  <Input maxLength={100} placeholder={t('leadTimes.kindPlaceholder')} aria-label={t('leadTimes.kind')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'days']}
                  label={index === 0 ? t('leadTimes.days') : undefined}
                  rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('leadTimes.daysRequired') }]}
                  style={{ width: 120, marginBottom: 12 }}
                >
                  <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} aria-label={t('leadTimes.days')} />
                </Form.Item>
                {canEdit && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('leadTimes.remove', { number: index + 1 })}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                  />
                )}
              </Flex>
            ))}
            {canEdit && (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: '', days: null })}>
                {t('leadTimes.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Form>
  );
}
