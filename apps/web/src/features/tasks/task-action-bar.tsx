import type { TTask } from '@clientela/contract';
import { App, Button, DatePicker, Flex, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/api.ts';
import { DATE_INPUT_FORMAT, useFormatters } from '../customers/date-format.ts';
import { useTransitionTask } from './api.ts';
import { availableActions, type TaskAction } from './task-actions.ts';

type StepValues = { committedDate?: Dayjs; reason?: string; result?: string; note?: string };

const TITLE_OF = {
  accept: 'actions.acceptTitle',
  decline: 'actions.declineTitle',
  done: 'actions.doneTitle',
  reopen: 'actions.reopenTitle',
} as const;
const FIELD_LABEL = { committedDate: 'fields.committed', reason: 'fields.declineReason', result: 'fields.result' } as const;

/** The moves the current user may make on the task, as buttons; a move that needs a date, reason or result asks for it first. */
export function TaskActionBar({ task }: { task: TTask }) {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const me = useMe();
  const format = useFormatters();
  const transition = useTransitionTask();
  const [asking, setAsking] = useState<TaskAction>();
  const [form] = Form.useForm<StepValues>();
  const actions = availableActions(task, me);

  const move = async (action: TaskAction, values: StepValues = {}) => {
    try {
      await transition.mutateAsync({
        id: task.id,
        to: action.to,
        ...(values.committedDate ? { committedDate: values.committedDate.format('YYYY-MM-DD') } : {}),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        ...(values.result?.trim() ? { result: values.result.trim() } : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      message.success(t('actions.moved', { status: t(`status.${action.to}`) }));
      setAsking(undefined);
    } catch {
      // Shown by the alert below (or in the open dialog): 403 for a move that is not ours, 409 when the status changed.
    }
  };

  const open = (action: TaskAction) => {
    transition.reset();
    if (!action.needs && action.key !== 'reopen') {
      void move(action);
      return;
    }
    form.resetFields();
    setAsking(action);
  };

  if (actions.length === 0 && !transition.error) return null;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {actions.map((action) => (
          <Button
            key={action.key}
            type={action.key === 'accept' || action.key === 'confirm' || action.key === 'done' ? 'primary' : 'default'}
            danger={action.key === 'decline'}
            loading={transition.isPending && transition.variables?.to === action.to && !asking}
            onClick={() => open(action)}
          >
            {t(`actions.${action.key}`)}
          </Button>
        ))}
      </Flex>
      {!asking && <ErrorAlert error={transition.error} />}
      <Modal
        open={Boolean(asking)}
        title={asking && asking.key in TITLE_OF ? t(TITLE_OF[asking.key as keyof typeof TITLE_OF]) : undefined}
        okText={asking ? t(`actions.${asking.key}`) : undefined}
        confirmLoading={transition.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAsking(undefined)}
        forceRender
      >
        <ErrorAlert error={transition.error} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => asking && move(asking, values)}>
          {asking?.needs === 'committedDate' && (
            <Form.Item
              name="committedDate"
              label={t(FIELD_LABEL.committedDate)}
              rules={[{ required: true, message: t(FIELD_LABEL.committedDate) }]}
            >
              <DatePicker format={DATE_INPUT_FORMAT[format.locale]} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {(asking?.needs === 'reason' || asking?.needs === 'result') && (
            <Form.Item
              name={asking.needs}
              label={t(FIELD_LABEL[asking.needs])}
              rules={[{ required: true, whitespace: true, message: t(FIELD_LABEL[asking.needs]) }]}
            >
              <Input.TextArea rows={4} maxLength={asking.needs === 'reason' ? 2_000 : 20_000} />
            </Form.Item>
          )}
          {asking?.needs !== 'reason' && asking?.needs !== 'result' && (
            <Form.Item name="note" label={t('actions.note')}>
              <Input.TextArea rows={2} maxLength={2_000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Flex>
  );
}
