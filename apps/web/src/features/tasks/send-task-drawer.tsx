import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_PRIORITIES, type TTask, ZCreateTaskInput, type ZUnitLeadTimes } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, DatePicker, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { api } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { DATE_INPUT_FORMAT, useFormatters } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useUnits } from '../units/api.ts';
import { UnitSelect } from '../units/unit-select.tsx';
import { useCreateTask, useLeadTime } from './api.ts';
import { type SendTaskValues, type TaskAbout, toCreateTaskInput } from './task-payload.ts';
import { WatchersSelect } from './watchers-select.tsx';

type Props = { open: boolean; onClose: () => void; about?: TaskAbout; onSent?: (task: TTask) => void };

const INITIAL: Partial<SendTaskValues> = { priority: 'normal', target: 'person', checklist: [], watcherIds: [] };

/** The kinds of work a unit has standard lead times for, to offer as the kind is typed. */
function useUnitKinds(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['tasks', 'unit-lead-times', unitId],
    queryFn: ({ signal }) => api<z.infer<typeof ZUnitLeadTimes>>(`/api/v1/units/${unitId}/lead-times`, { signal }),
    enabled: Boolean(unitId),
    select: (list) => list.data.map((row) => ({ value: row.kind })),
  });
}

/** Sends a task to a person or a unit's queue; for a queue and a kind of work, shows the unit's standard lead time first. */
export function SendTaskDrawer({ open, onClose, about, onSent }: Props) {
  const { t } = useTranslation('tasks');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const format = useFormatters();
  const [form] = Form.useForm<SendTaskValues>();
  const create = useCreateTask();
  const target = Form.useWatch('target', form);
  const queueUnitId = Form.useWatch('queueUnitId', form);
  const kind = Form.useWatch('kind', form);
  const dueAt = Form.useWatch('dueAt', form);
  const units = useUnits();
  const kinds = useUnitKinds(target === 'queue' ? queueUnitId : null);
  const leadTime = useLeadTime(target === 'queue' ? queueUnitId : null, kind);
  const unitName = units.data?.find((unit) => unit.id === queueUnitId)?.name ?? '';
  const advice = leadTime.data;
  const tooEarly = Boolean(advice?.earliestDue && dueAt && dueAt.format('YYYY-MM-DD') < advice.earliestDue);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(INITIAL);
    create.reset();
  }, [open, form, create.reset]);

  const submit = async (values: SendTaskValues) => {
    try {
      const task = await create.mutateAsync(toCreateTaskInput(values, me.timeZone, about));
      // The person is away: say at once where the task went, not only in a notice.
      if (task.redirected)
        message.info(t('send.redirected', { absent: task.redirected.absent.name, deputy: task.redirected.deputy.name }), 8);
      else message.success(t('send.sent'));
      onSent?.(task);
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Drawer
      open={open}
      title={t('send.title')}
      size={640}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('send.submit')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={create.error} />
      <Form form={form} name="send-task" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('send.title')}>
        <Form.Item name="title" label={t('fields.title')} rules={[zodRule(tc, ZCreateTaskInput.shape.title)]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea rows={4} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="priority" label={t('fields.priority')}>
          <Select options={TASK_PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))} />
        </Form.Item>
        <Form.Item name="target" label={t('send.to')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('send.toPerson') },
              { value: 'queue', label: t('send.toQueue') },
            ]}
          />
        </Form.Item>
        {target === 'queue' ? (
          <Form.Item name="queueUnitId" label={t('send.queue')} rules={[{ required: true, message: t('send.chooseAssignee') }]}>
            <UnitSelect placeholder={t('send.queue')} aria-label={t('send.queue')} />
          </Form.Item>
        ) : (
          <Form.Item name="assigneeId" label={t('send.person')} rules={[{ required: true, message: t('send.chooseAssignee') }]}>
            <UserSelect placeholder={t('send.person')} aria-label={t('send.person')} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('fields.kind')}>
          <AutoComplete options={kinds.data ?? []} placeholder={t('send.kindHint')} aria-label={t('fields.kind')} />
        </Form.Item>
        {advice && (
          <Alert
            type={advice.days === null ? 'info' : 'warning'}
            showIcon
            data-testid="lead-time"
            style={{ marginBottom: 16, fontSize: 16 }}
            title={
              advice.days === null || !advice.earliestDue
                ? t('send.noLeadTime', { unit: unitName, kind: advice.kind })
                : t('send.leadTime', {
                    count: advice.days,
                    unit: unitName,
                    kind: advice.kind,
                    date: format.calendarDate(advice.earliestDue),
                  })
            }
          />
        )}
        <Form.Item
          name="dueAt"
          label={t('fields.due')}
          validateStatus={tooEarly ? 'warning' : undefined}
          help={tooEarly ? t('send.tooEarly') : undefined}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format={`${DATE_INPUT_FORMAT[format.locale]} HH:mm`} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('fields.checklist')}>
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 8 }}>
                      <Input maxLength={500} aria-label={t('send.item')} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('send.removeItem')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                  {t('send.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="watcherIds" label={t('fields.watchers')}>
          <WatchersSelect aria-label={t('fields.watchers')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
