import { ClockCircleOutlined, DeleteOutlined, EditOutlined, EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import type { TActivity, TAgreement, TDealStageChange, TSystemEvent, TTimelineItem, TTimelineTask } from '@clientela/contract';
import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { AgreementCustomer, AgreementStatusTag, BindingTag } from '../agreements/agreement-tags.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { TaskDue, TaskStatusTag } from '../tasks/task-tags.tsx';
import { RichText } from './rich-text.tsx';
import { changeLine, systemSentence } from './system-lines.ts';

/** Who and when, in small grey letters. */
function Byline({ who, at }: { who: string; at: string }) {
  const format = useFormatters();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {who} · <time dateTime={at}>{format.dateTime(at)}</time>
    </Typography.Text>
  );
}

const PATH_OF = {
  company: (id: string) => `/companies/${id}`,
  contact: (id: string) => `/contacts/${id}`,
  agreement: (id: string) => `/agreements?open=${id}`,
  deal: (id: string) => `/deals/${id}`,
};

function RecordLink({ record }: { record: { type: 'company' | 'contact' | 'agreement' | 'deal'; id: string; name: string } }) {
  return <Link to={PATH_OF[record.type](record.id)}>{record.name}</Link>;
}

/** A deal named on an entry: its title, opening the deal. */
export function DealLink({ deal }: { deal: { id: string; title: string } }) {
  return <RecordLink record={{ type: 'deal', id: deal.id, name: deal.title }} />;
}

type ActivityProps = {
  activity: TActivity;
  /** The record whose page this is: not linked to itself. */
  subjectId: string;
  onEdit: (activity: TActivity) => void;
  onDelete: (activity: TActivity) => void;
};

/** A call, meeting, visit, e-mail or note: what, who, when, its details, text, follow-up and the other records it is about. */
export function ActivityEntry({ activity, subjectId, onEdit, onDelete }: ActivityProps) {
  const { t } = useTranslation('relationships');
  const format = useFormatters();
  const typeName = t(`types.${activity.type}`);
  const details: ReactNode[] = [];
  if (activity.direction) {
    details.push(t(activity.type === 'email' ? `direction.email.${activity.direction}` : `direction.call.${activity.direction}`));
  }
  if (activity.outcome) details.push(t(`outcome.${activity.outcome}`));
  if (activity.durationMinutes !== null)
    details.push(t('entry.duration', { minutes: formatNumber(activity.durationMinutes, format.locale) }));
  if (activity.place) {
    details.push(
      <span key="place">
        <EnvironmentOutlined /> {activity.place}
      </span>,
    );
  }
  if (activity.participants) {
    details.push(
      <span key="participants">
        <UserOutlined /> {t('entry.participants', { names: activity.participants })}
      </span>,
    );
  }
  const others = [
    ...activity.links.filter((link) => link.id !== subjectId),
    ...activity.deals.filter((deal) => deal.id !== subjectId).map((deal) => ({ type: 'deal' as const, id: deal.id, name: deal.title })),
  ];
  const due = activity.followUpAt !== null && new Date(activity.followUpAt).getTime() < Date.now();

  return (
    <Flex vertical gap={4} data-testid="timeline-activity">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong>
          {activity.subject ? (
            <>
              {activity.subject}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{` · ${typeName}`}</Typography.Text>
            </>
          ) : (
            typeName
          )}
        </Typography.Text>
        {(activity.mayChange || activity.mayDelete) && (
          <Flex gap={2}>
            {activity.mayChange && (
              <Tooltip title={t('entry.edit')}>
                <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('entry.edit')} onClick={() => onEdit(activity)} />
              </Tooltip>
            )}
            {activity.mayDelete && (
              <Tooltip title={t('entry.delete')}>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('entry.delete')}
                  onClick={() => onDelete(activity)}
                />
              </Tooltip>
            )}
          </Flex>
        )}
      </Flex>
      <Byline who={activity.author?.name ?? t('system.someone')} at={activity.occurredAt} />
      {details.length > 0 && (
        <Typography.Text data-testid="activity-details">
          {details.map((detail, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the details come in a fixed order.
            <Fragment key={index}>
              {index > 0 && ' · '}
              {detail}
            </Fragment>
          ))}
        </Typography.Text>
      )}
      {activity.body && <RichText html={activity.body} />}
      {activity.followUpAt && (
        <span>
          <Tag color={due ? 'orange' : 'blue'} icon={<ClockCircleOutlined />}>
            {t(due ? 'entry.followUpDue' : 'entry.followUp', { date: format.dateTime(activity.followUpAt) })}
          </Tag>
        </span>
      )}
      {others.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('entry.alsoAbout')}{' '}
          {others.map((link, index) => (
            <Fragment key={link.id}>
              {index > 0 && ', '}
              <RecordLink record={link} />
            </Fragment>
          ))}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** An agreement recorded with the customer: status, title, what it reserves, until when. */
export function AgreementEntry({ agreement, at, subjectId }: { agreement: TAgreement; at: string; subjectId: string }) {
  const { t } = useTranslation('relationships');
  const format = useFormatters();
  // On the customer's own page, only another party (a contact of the company) is worth naming.
  const customer = agreement.customerHidden || [agreement.company, agreement.contact].some((record) => record && record.id !== subjectId);
  return (
    <Flex vertical gap={4} data-testid="timeline-agreement">
      <Flex gap={6} align="center" wrap>
        <AgreementStatusTag status={agreement.status} />
        {agreement.binding && <BindingTag />}
        <Link to={`/agreements?open=${agreement.id}`}>
          <Typography.Text strong>{agreement.title}</Typography.Text>
        </Link>
      </Flex>
      <Byline who={t('entry.agreementRecorded', { name: agreement.createdBy?.name ?? t('system.someone') })} at={at} />
      {agreement.resource && <Typography.Text>{t('entry.resource', { resource: agreement.resource })}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('entry.agreedBy', { name: agreement.agreedBy?.name ?? t('system.someone'), date: format.calendarDate(agreement.agreedOn) })}
        {agreement.validUntil && ` · ${t('entry.validUntil', { date: format.calendarDate(agreement.validUntil) })}`}
      </Typography.Text>
      {customer && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('entry.with')} <AgreementCustomer agreement={agreement} exceptId={subjectId} />
        </Typography.Text>
      )}
      {agreement.deal && agreement.deal.id !== subjectId && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('entry.inDeal')} <DealLink deal={agreement.deal} />
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A task sent about a deal: what, how it stands, who has it, by when. */
export function TaskEntry({ task, at }: { task: TTimelineTask; at: string }) {
  const { t } = useTranslation('relationships');
  const holder = task.assignee?.name ?? task.queue?.name;
  return (
    <Flex vertical gap={4} data-testid="timeline-task">
      <Flex gap={6} align="center" wrap>
        <TaskStatusTag status={task.status} />
        <Link to={`/tasks/${task.id}`}>
          <Typography.Text strong>{task.title}</Typography.Text>
        </Link>
      </Flex>
      <Byline who={t('entry.taskSent', { name: task.sender?.name ?? t('system.someone') })} at={at} />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {holder ? t('entry.taskFor', { name: holder }) : t('entry.taskWaiting')}
        {' · '}
        <TaskDue task={task} />
      </Typography.Text>
    </Flex>
  );
}

/** A deal's move to another stage (or its entry into the first). */
export function StageEntry({ change, at }: { change: TDealStageChange; at: string }) {
  const { t } = useTranslation('relationships');
  const format = useFormatters();
  const who = change.by?.name ?? t('system.someone');
  return (
    <Typography.Text data-testid="timeline-stage">
      {change.from
        ? t('entry.stageMoved', { actor: who, from: change.from.name, to: change.to.name })
        : t('entry.stageEntered', { actor: who, to: change.to.name })}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {' · '}
        <time dateTime={at}>{format.dateTime(at)}</time>
      </Typography.Text>
    </Typography.Text>
  );
}

/** A change of the record itself, as a sentence: created, status changed, handed over, merged. */
export function SystemEntry({ event, at, subjectId }: { event: TSystemEvent; at: string; subjectId: string }) {
  const { t } = useTranslation('relationships');
  const { t: tCustomers } = useTranslation('customers');
  const format = useFormatters();
  const lines =
    event.action === 'updated'
      ? event.changes
          .map((change) => changeLine(t, tCustomers, change, event.people, { kind: event.record.type, date: format.calendarDate }))
          .filter(Boolean)
      : [];
  return (
    <Flex vertical gap={2} data-testid="timeline-system">
      <Typography.Text>
        {event.record.id !== subjectId && (
          <>
            <RecordLink record={event.record} />
            {': '}
          </>
        )}
        {systemSentence(t, event)}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {' · '}
          <time dateTime={at}>{format.dateTime(at)}</time>
        </Typography.Text>
      </Typography.Text>
      {lines.map((line) => (
        <Typography.Text key={line} type="secondary" data-testid="timeline-change">
          {line}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** One entry of a timeline, of whichever kind. */
export function TimelineEntry({
  item,
  subjectId,
  onEdit,
  onDelete,
}: {
  item: TTimelineItem;
  subjectId: string;
  onEdit: (activity: TActivity) => void;
  onDelete: (activity: TActivity) => void;
}) {
  switch (item.kind) {
    case 'activity':
      return <ActivityEntry activity={item.activity} subjectId={subjectId} onEdit={onEdit} onDelete={onDelete} />;
    case 'agreement':
      return <AgreementEntry agreement={item.agreement} at={item.at} subjectId={subjectId} />;
    case 'system':
      return <SystemEntry event={item.event} at={item.at} subjectId={subjectId} />;
    case 'task':
      return <TaskEntry task={item.task} at={item.at} />;
    case 'stage':
      return <StageEntry change={item.change} at={item.at} />;
  }
}
