import { PhoneOutlined } from '@ant-design/icons';
import type { TCallListItem, TCallListTarget, TSurvey, TTaskStatus } from '@clientela/contract';
import { Alert, Button, DatePicker, Flex, Form, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { DATE_INPUT_FORMAT, useFormatters } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useCallList, useCreateCallList } from './api.ts';

const STATUS_COLOR: Partial<Record<TTaskStatus, string>> = {
  in_progress: 'processing',
  done: 'success',
  confirmed: 'success',
  declined: 'error',
};

/** The Call lists tab: call tasks for detractors and non-responders, and the tasks made so far. */
export function SurveyCalls({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation('surveys');
  const format = useFormatters();
  const calls = useCallList(survey.id);
  const create = useCreateCallList(survey.id);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [due, setDue] = useState<Dayjs | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [who, setWho] = useState<TCallListTarget | null>(null);

  const make = (target: TCallListTarget) => {
    setWho(target);
    setCreated(null);
    create.mutate(
      { who: target, assigneeId: assigneeId ?? undefined, dueOn: due ? due.format('YYYY-MM-DD') : undefined },
      { onSuccess: (result) => setCreated(result.created) },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('calls.intro')}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Flex gap={16} wrap>
          <Form.Item label={t('calls.assignee')} style={{ minWidth: 260 }}>
            <UserSelect
              value={assigneeId}
              onChange={setAssigneeId}
              placeholder={t('calls.pickAssignee')}
              aria-label={t('calls.assignee')}
            />
          </Form.Item>
          <Form.Item label={t('calls.dueOn')}>
            <DatePicker value={due} onChange={setDue} format={DATE_INPUT_FORMAT[format.locale]} aria-label={t('calls.dueOn')} />
          </Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          {(
            [
              ['detractors', 'calls.detractors'],
              ['non_responders', 'calls.nonResponders'],
              ['both', 'calls.both'],
            ] as const
          ).map(([target, label]) => (
            <Button
              key={target}
              icon={<PhoneOutlined />}
              type={target === 'detractors' ? 'primary' : 'default'}
              loading={create.isPending && who === target}
              disabled={create.isPending}
              onClick={() => make(target)}
            >
              {t(label)}
            </Button>
          ))}
        </Flex>
      </Form>
      <ErrorAlert error={create.error} />
      {created !== null && (
        <Alert
          type={created > 0 ? 'success' : 'info'}
          showIcon
          data-testid="survey-calls-created"
          title={
            created > 0 ? t('calls.created', { count: created, formatted: formatNumber(created, format.locale) }) : t('calls.noneCreated')
          }
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('calls.tasks')}
      </Typography.Title>
      <ErrorAlert error={calls.error} />
      <Table<TCallListItem>
        rowKey={(item) => item.task.id}
        size="small"
        dataSource={calls.data ?? []}
        loading={calls.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('calls.noTasks') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'contact',
            title: t('calls.contact'),
            render: (_, item) => <Link to={`/tasks/${item.task.id}`}>{item.contact.name}</Link>,
          },
          {
            key: 'reason',
            title: t('calls.reason'),
            render: (_, item) =>
              item.answered ? (
                <Tag color="red">
                  {t('calls.reasons.detractor')}
                  {item.nps !== null && ` · ${formatNumber(item.nps, format.locale)}`}
                </Tag>
              ) : (
                <Tag>{t('calls.reasons.non_responder')}</Tag>
              ),
          },
          {
            key: 'status',
            title: t('calls.taskStatus'),
            render: (_, item) => <Tag color={STATUS_COLOR[item.task.status]}>{t(`calls.taskStatuses.${item.task.status}`)}</Tag>,
          },
          { key: 'assignee', title: t('calls.assigneeColumn'), render: (_, item) => item.task.assignee?.name },
          {
            key: 'due',
            title: t('calls.due'),
            className: 'nowrap',
            render: (_, item) => (item.task.dueOn ? format.calendarDate(item.task.dueOn.slice(0, 10)) : null),
          },
        ]}
      />
    </Flex>
  );
}
