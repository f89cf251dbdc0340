import type { TAbsenceMode } from '@clientela/contract';
import { App, Button, Card, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { DATE_INPUT_FORMAT, useFormatters } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useCreateAbsence } from './api.ts';

export type AbsenceValues = {
  userId?: string | null;
  dates?: [Dayjs, Dayjs] | null;
  deputyId?: string | null;
  mode: TAbsenceMode;
  note?: string;
};

const INITIAL: AbsenceValues = { mode: 'show' };

/** The field of the form each of the API's field paths belongs to, and what it says there. */
const FIELD_OF_PATH = {
  startsOn: ['dates', 'dates'],
  endsOn: ['dates', 'dates'],
  deputyId: ['deputyId', 'deputy'],
  userId: ['userId', 'person'],
} as const;

/** Marks an absence: the dates, the deputy, whether open tasks are shown or handed to them, a note. Managers and admins may name who is away. */
export function AbsenceForm() {
  const { t } = useTranslation('absences');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const format = useFormatters();
  const [form] = Form.useForm<AbsenceValues>();
  const create = useCreateAbsence();

  const submit = async (values: AbsenceValues) => {
    const [from, to] = values.dates ?? [];
    if (!from || !to || !values.deputyId) return;
    try {
      await create.mutateAsync({
        ...(values.userId ? { userId: values.userId } : {}),
        deputyId: values.deputyId,
        startsOn: from.format('YYYY-MM-DD'),
        endsOn: to.format('YYYY-MM-DD'),
        mode: values.mode,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      message.success(t('form.saved'));
      form.resetFields();
      create.reset();
    } catch (error) {
      if (!isApiError(error)) return;
      const fields = new Map<string, string>();
      for (const item of error.errors) {
        const known = FIELD_OF_PATH[item.path as keyof typeof FIELD_OF_PATH];
        if (known) fields.set(known[0], t(`form.errors.${known[1]}`));
      }
      if (error.code === 'absence_overlaps') fields.set('dates', errorMessage(tc, error));
      form.setFields([...fields].map(([name, text]) => ({ name: name as keyof AbsenceValues, errors: [text] })));
      if (fields.size > 0) create.reset();
    }
  };

  return (
    <Card title={t('form.title')} style={{ marginBottom: 24 }}>
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        name="absence"
        layout="vertical"
        requiredMark={false}
        initialValues={INITIAL}
        onFinish={submit}
        aria-label={t('form.title')}
        style={{ maxWidth: 640 }}
      >
        {me.role !== 'employee' && (
          <Form.Item name="userId" label={t('form.person')}>
            <UserSelect placeholder={t('form.me')} aria-label={t('form.person')} />
          </Form.Item>
        )}
        <Form.Item name="dates" label={t('form.dates')} rules={[{ required: true, message: t('form.errors.dates') }]}>
          <DatePicker.RangePicker
            format={DATE_INPUT_FORMAT[format.locale]}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            aria-label={t('form.dates')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="deputyId" label={t('form.deputy')} rules={[{ required: true, message: t('form.errors.deputy') }]}>
          <UserSelect placeholder={t('form.deputyHint')} aria-label={t('form.deputy')} />
        </Form.Item>
        <Form.Item name="mode" label={t('form.mode')}>
          <Radio.Group
            options={(['show', 'move'] as const).map((value) => ({ value, label: t(`form.modes.${value}`) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} maxLength={2_000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
