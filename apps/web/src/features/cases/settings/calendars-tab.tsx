import { DeleteOutlined, EditOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { TWorkingCalendar } from '@clientela/contract';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { TimeZoneSelect } from '../../../components/time-zone-select.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { formatCalendarDate } from '../../../lib/format.ts';
import { showApiFieldErrors } from '../../activities/field-errors.ts';
import { useMe } from '../../auth/api.ts';
import { useLocale } from '../../locale/locale-context.tsx';
import { UnitSelect } from '../../units/unit-select.tsx';
import { useWorkingCalendars, useWorkingCalendarWrites } from './api.ts';
import {
  type CalendarFormValues,
  type DayHours,
  dayProblem,
  minutesToTime,
  toCalendarFormValues,
  toCalendarInput,
  WEEK_ORDER,
} from './settings-payload.ts';

/** The working calendars: the workspace's default and one per unit, on which SLA times run. */
export function CalendarsTab({ admin }: { admin: boolean }) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const calendars = useWorkingCalendars();
  const { remove } = useWorkingCalendarWrites();
  const [editing, setEditing] = useState<TWorkingCalendar | 'new' | null>(null);

  const week = (calendar: TWorkingCalendar) =>
    WEEK_ORDER.flatMap((day) => {
      const hours = calendar.hours.filter((h) => h.day === day);
      if (hours.length === 0) return [];
      return [`${t(`weekday.${day}`)} ${hours.map((h) => `${minutesToTime(h.from)}–${minutesToTime(h.to)}`).join(', ')}`];
    });

  const confirmDelete = (calendar: TWorkingCalendar) =>
    modal.confirm({
      title: t('calendars.deleteConfirm', { name: calendar.name }),
      content: t('calendars.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(calendar.id);
          message.success(t('calendars.deleted', { name: calendar.name }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <>
      <Flex justify="space-between" align="start" gap={16} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('calendars.intro')}
        </Typography.Paragraph>
        {admin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('calendars.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={calendars.error} />
      <Table<TWorkingCalendar>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={calendars.isPending}
        dataSource={calendars.data ?? []}
        locale={{ emptyText: t('calendars.empty') }}
        columns={[
          { title: t('calendars.name'), dataIndex: 'name' },
          { title: t('calendars.unit'), render: (_, c) => c.unit?.name ?? <Tag color="blue">{t('calendars.default')}</Tag> },
          { title: tc('common.timeZone'), dataIndex: 'timeZone' },
          {
            title: t('calendars.hours'),
            render: (_, c) => (
              <Flex vertical>
                {week(c).map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </Flex>
            ),
          },
          { title: t('calendars.holidays'), render: (_, c) => t('calendars.holidayCount', { count: c.holidays.length }) },
          ...(admin
            ? [
                {
                  title: tc('common.actions'),
                  key: 'actions',
                  render: (_: unknown, c: TWorkingCalendar) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('common.editNamed', { name: c.name })}
                        onClick={() => setEditing(c)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.deleteNamed', { name: c.name })}
                        onClick={() => confirmDelete(c)}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CalendarDrawer
        calendar={editing === 'new' ? undefined : (editing ?? undefined)}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

function CalendarDrawer({ calendar, open, onClose }: { calendar?: TWorkingCalendar; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('caseSettings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { locale } = useLocale();
  const [form] = Form.useForm<CalendarFormValues>();
  const { create, update } = useWorkingCalendarWrites();
  const mutation = calendar ? update : create;
  const holidays: string[] = Form.useWatch('holidays', form) ?? [];

  // The form is built anew each time the drawer opens, from the calendar (or a new one's defaults).
  const initial = useMemo(() => (open ? toCalendarFormValues(calendar, me.timeZone) : undefined), [open, calendar, me.timeZone]);
  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
  }, [open, create.reset, update.reset]);

  const submit = async () => {
    try {
      // Every value, the weekday numbers too (they have no field of their own).
      const input = toCalendarInput(form.getFieldsValue(true) as CalendarFormValues);
      if (calendar) await update.mutateAsync({ id: calendar.id, ...input });
      else await create.mutateAsync(input);
      message.success(t('calendars.saved', { name: input.name }));
      onClose();
    } catch (error) {
      showApiFieldErrors(form, error, errorMessage(tc, error), (field) => {
        if (field === 'unitId') return t('calendars.errors.unitTaken');
        if (field === 'hours') return t('calendars.errors.hours');
        return undefined;
      });
    }
  };

  return (
    <Drawer
      open={open}
      title={calendar ? t('calendars.editTitle') : t('calendars.createTitle')}
      size={640}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {tc('common.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={mutation.error} />
      {initial && (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" initialValues={initial}>
          <Form.Item name="name" label={t('calendars.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="unitId" label={t('calendars.unit')} extra={t('calendars.unitHint')}>
            <UnitSelect placeholder={t('calendars.default')} />
          </Form.Item>
          <Form.Item name="timeZone" label={tc('common.timeZone')} rules={[{ required: true, message: t('common.required') }]}>
            <TimeZoneSelect />
          </Form.Item>
          <Typography.Title level={5}>{t('calendars.hours')}</Typography.Title>
          <Form.List
            name="week"
            rules={[
              {
                validator: async (_, week: DayHours[]) => {
                  if (!week?.some((d) => d.working)) throw new Error(t('calendars.errors.hours'));
                  if (week.some((d) => dayProblem(d))) throw new Error(t('calendars.errors.fix'));
                },
              },
            ]}
          >
            {(fields, _ops, { errors }) => (
              <>
                {fields.map((field) => (
                  <DayRow key={field.key} name={field.name} />
                ))}
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('calendars.holidays')}
          </Typography.Title>
          <Form.Item name="holidays" hidden>
            <Input />
          </Form.Item>
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            {[...holidays].sort().map((day) => (
              <Tag
                key={day}
                closable
                onClose={() =>
                  form.setFieldValue(
                    'holidays',
                    holidays.filter((d) => d !== day),
                  )
                }
              >
                {formatCalendarDate(day, locale)}
              </Tag>
            ))}
            {holidays.length === 0 && <Typography.Text type="secondary">{t('calendars.noHolidays')}</Typography.Text>}
          </Flex>
          <DatePicker
            aria-label={t('calendars.addHoliday')}
            placeholder={t('calendars.addHoliday')}
            value={null}
            onChange={(value: Dayjs | null) => {
              if (!value) return;
              const day = value.format('YYYY-MM-DD');
              if (!holidays.includes(day)) form.setFieldValue('holidays', [...holidays, day].sort());
            }}
          />
        </Form>
      )}
    </Drawer>
  );
}

/** One weekday: whether it is worked, and its one or two intervals. */
function DayRow({ name }: { name: number }) {
  const form = Form.useFormInstance<CalendarFormValues>();
  return (
    <Form.Item noStyle shouldUpdate>
      {() => {
        const day: DayHours | undefined = form.getFieldValue(['week', name]);
        return day ? <DayFields name={name} day={day} /> : null;
      }}
    </Form.Item>
  );
}

function DayFields({ name, day }: { name: number; day: DayHours }) {
  const { t } = useTranslation('caseSettings');
  const problem = dayProblem(day);
  const label = t(`weekday.${day.day as (typeof WEEK_ORDER)[number]}`);
  return (
    <Form.Item
      label={label}
      validateStatus={problem ? 'error' : undefined}
      help={problem ? t(`calendars.errors.${problem}`) : undefined}
      style={{ marginBottom: 12 }}
    >
      <Flex gap={8} align="center" wrap>
        <Form.Item name={[name, 'working']} valuePropName="checked" noStyle>
          <Switch aria-label={t('calendars.worked', { day: label })} />
        </Form.Item>
        <Form.List name={[name, 'intervals']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space.Compact key={field.key}>
                  <Form.Item name={[field.name, 'from']} noStyle>
                    <Input
                      aria-label={t('calendars.from', { day: label })}
                      disabled={!day.working}
                      style={{ width: 80 }}
                      placeholder="09:00"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'to']} noStyle>
                    <Input
                      aria-label={t('calendars.to', { day: label })}
                      disabled={!day.working}
                      style={{ width: 80 }}
                      placeholder="18:00"
                    />
                  </Form.Item>
                  {index > 0 && (
                    <Button
                      icon={<MinusOutlined />}
                      aria-label={t('calendars.removeInterval', { day: label })}
                      disabled={!day.working}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space.Compact>
              ))}
              {fields.length < 2 && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  aria-label={t('calendars.addInterval', { day: label })}
                  disabled={!day.working}
                  onClick={() => add({ from: '14:00', to: '18:00' })}
                />
              )}
            </>
          )}
        </Form.List>
      </Flex>
    </Form.Item>
  );
}
