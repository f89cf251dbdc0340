import type { TMyDayActivity, TMyDayAgreement, TMyDayContract, TMyDayTask } from '@clientela/contract';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DayItem } from './day-section.tsx';
import type { useDayFormat } from './use-day-format.ts';

type Format = ReturnType<typeof useDayFormat>;
type Ref = { type: 'company' | 'contact' | 'agreement' | 'contract' | 'case'; id: string; name: string };

/** Where a record a task or an activity is about opens. */
export function recordPath(ref: Pick<Ref, 'type' | 'id'>): string {
  switch (ref.type) {
    case 'company':
      return `/companies/${ref.id}`;
    case 'contact':
      return `/contacts/${ref.id}`;
    case 'contract':
      return `/contracts/${ref.id}`;
    case 'agreement':
      return '/agreements';
    case 'case':
      return `/cases/${ref.id}`;
  }
}

function RecordLinks({ links }: { links: Ref[] }) {
  return (
    <>
      {links.map((link, i) => (
        <span key={`${link.type}:${link.id}`}>
          {i > 0 && ', '}
          <Link to={recordPath(link)}>{link.name}</Link>
        </span>
      ))}
    </>
  );
}

/** "for Ezio" on the items of a colleague the reader covers for. */
function CoveringTag({ person }: { person: { name: string } | null }) {
  const { t } = useTranslation('myDay');
  return person ? <Tag color="purple">{t('for', { name: person.name })}</Tag> : null;
}

/** A task: what, how urgent, when due, from whom (or to whom, for those I sent), about what. */
export function TaskItem({
  task,
  format,
  late = false,
  sent = false,
}: {
  task: TMyDayTask;
  format: Format;
  late?: boolean;
  sent?: boolean;
}) {
  const { t } = useTranslation('myDay');
  const person = sent
    ? task.assignee
      ? t('task.to', { name: task.assignee.name })
      : task.queue && t('task.queue', { unit: task.queue.name })
    : task.sender && t('task.from', { name: task.sender.name });
  const tags: ReactNode[] = [
    task.priority === 'high' || task.priority === 'urgent' ? (
      <Tag key="priority" color={task.priority === 'urgent' ? 'red' : 'orange'}>
        {t(`task.${task.priority}`)}
      </Tag>
    ) : null,
    <CoveringTag key="covering" person={task.coveringFor} />,
  ];
  return (
    <DayItem
      title={<Link to={`/tasks/${task.id}`}>{task.title}</Link>}
      tags={tags}
      late={late}
      meta={[
        task.dueAt ? t('task.due', { when: format.when(task.dueAt) }) : t('task.noDue'),
        person,
        task.links.length > 0 ? <RecordLinks key="links" links={task.links} /> : null,
      ]}
    />
  );
}

/** A call, meeting or visit (when and where), or a follow-up (when it is due); linked to its first record. */
export function ActivityItem({ activity, format, followUp = false }: { activity: TMyDayActivity; format: Format; followUp?: boolean }) {
  const { t } = useTranslation('myDay');
  const first = activity.links[0];
  const name = `${t(`activity.${activity.type}`)}${activity.subject ? `: ${activity.subject}` : ''}`;
  const late = followUp && new Date(activity.at).getTime() < Date.now();
  return (
    <DayItem
      title={first ? <Link to={recordPath(first)}>{name}</Link> : name}
      tags={<CoveringTag person={activity.coveringFor} />}
      late={late}
      meta={[
        followUp ? t('activity.followUp', { when: format.when(activity.at) }) : format.when(activity.at),
        !followUp && activity.durationMinutes ? t('activity.minutes', { count: activity.durationMinutes }) : null,
        !followUp && activity.place ? t('activity.at', { place: activity.place }) : null,
        activity.links.length > 0 ? <RecordLinks key="links" links={activity.links} /> : null,
      ]}
    />
  );
}

/** An agreement running out: its customer's page, or the agreements list when the customer is hidden. */
export function AgreementItem({ agreement, format }: { agreement: TMyDayAgreement; format: Format }) {
  const { t } = useTranslation('myDay');
  const customer = agreement.company
    ? { type: 'company' as const, ...agreement.company }
    : agreement.contact
      ? { type: 'contact' as const, ...agreement.contact }
      : null;
  const date = format.calendarDate(agreement.validUntil);
  return (
    <DayItem
      title={<Link to={customer ? recordPath(customer) : '/agreements'}>{agreement.title}</Link>}
      late={agreement.expired}
      meta={[agreement.expired ? t('agreement.lapsed', { date }) : t('agreement.until', { date }), customer?.name]}
    />
  );
}

/** A contract ending: its page, its company's, and where it stands on renewal. */
export function ContractItem({ contract, format }: { contract: TMyDayContract; format: Format }) {
  const { t } = useTranslation('myDay');
  const date = format.calendarDate(contract.endDate);
  return (
    <DayItem
      title={<Link to={`/contracts/${contract.id}`}>{`${contract.number} · ${contract.subject}`}</Link>}
      tags={<Tag>{t(`contract.renewal.${contract.renewal}`)}</Tag>}
      late={contract.expired}
      meta={[
        contract.expired ? t('contract.ended', { date }) : t('contract.ends', { date }),
        <Link key="company" to={`/companies/${contract.company.id}`}>
          {contract.company.name}
        </Link>,
      ]}
    />
  );
}
