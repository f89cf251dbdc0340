import { PlusOutlined } from '@ant-design/icons';
import { DEAL_TIMELINE_TYPES, type TActivity, TIMELINE_TYPES, type TTimelineType } from '@clientela/contract';
import { App, Button, Card, Empty, Flex, Select, Skeleton, Timeline, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { ActivityFormDrawer } from './activity-form-drawer.tsx';
import type { ActivityAbout } from './activity-payload.ts';
import { TYPE_COLOR, TYPE_ICON } from './activity-types.tsx';
import { type TimelineOwner, useDeleteActivity, useTimeline } from './api.ts';
import { TimelineEntry } from './timeline-entry.tsx';

type Named = { id: string; name: string };

type Props = {
  owner: TimelineOwner;
  /** What a new activity is about at first: the record the page shows (a deal, with its customer). */
  about?: ActivityAbout;
  /** Companies the log form offers before any search (a group's members). */
  offer?: readonly Named[];
  /** Further things to do from here, beside "Log activity" (a deal's "Send a task", "Record an agreement"). */
  actions?: ReactNode;
};

/** Asks for the next page when the end of the list scrolls into view. */
function useLoadOnSight(load: () => void, active: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    const element = sentinel.current;
    if (!active || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [active]);
  return sentinel;
}

/**
 * Everything that happened with a customer or in a deal, newest first: activities, agreements and
 * changes of the record (a deal's tasks and stage moves), filtered by kind and person, loading
 * further back as the reader scrolls.
 */
export function TimelineCard({ owner, about, offer, actions }: Props) {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const [types, setTypes] = useState<TTimelineType[]>([]);
  const [personId, setPersonId] = useState<string | null>(null);
  const filters = useMemo(() => ({ types, personId: personId ?? undefined }), [types, personId]);
  const timeline = useTimeline(owner, filters);
  const remove = useDeleteActivity();
  const [form, setForm] = useState<{ open: boolean; activity?: TActivity }>({ open: false });
  const items = useMemo(() => timeline.data?.pages.flatMap((page) => page.data) ?? [], [timeline.data]);
  const canLoadMore = timeline.hasNextPage && !timeline.isFetchingNextPage;
  const sentinel = useLoadOnSight(() => {
    if (canLoadMore) timeline.fetchNextPage();
  }, Boolean(timeline.hasNextPage));
  const filtered = types.length > 0 || personId !== null;

  const confirmDelete = (activity: TActivity) =>
    modal.confirm({
      title: t('entry.deleteConfirm', { what: activity.subject || t(`types.${activity.type}`) }),
      content: t('entry.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(activity.id);
          message.success(t('entry.deleted'));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <Card
      title={t('timeline.title')}
      data-testid="timeline"
      extra={
        <Flex gap={8} wrap justify="flex-end">
          {actions}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })}>
            {t('timeline.log')}
          </Button>
        </Flex>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<TTimelineType[]>
          mode="multiple"
          allowClear
          value={types}
          onChange={setTypes}
          placeholder={t('timeline.allTypes')}
          aria-label={t('timeline.typeFilter')}
          options={(owner.kind === 'deal' ? DEAL_TIMELINE_TYPES : TIMELINE_TYPES).map((value) => ({
            value,
            text: t(`types.${value}`),
            title: t(`types.${value}`),
            label: (
              <span>
                <span style={{ color: TYPE_COLOR[value] }}>{TYPE_ICON[value]}</span> {t(`types.${value}`)}
              </span>
            ),
          }))}
          optionFilterProp="text"
          style={{ minWidth: 220, flex: '1 1 260px' }}
        />
        <UserSelect
          value={personId}
          onChange={setPersonId}
          placeholder={t('timeline.anyone')}
          aria-label={t('timeline.personFilter')}
          style={{ minWidth: 180, flex: '0 1 220px' }}
        />
      </Flex>
      <ErrorAlert error={timeline.error} />
      {timeline.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('timeline.noneFiltered') : t('timeline.empty')} />
      ) : (
        <Timeline
          items={items.map((item) => {
            const type: TTimelineType = item.kind === 'activity' ? item.activity.type : item.kind;
            return {
              key: `${item.kind}-${item.id}`,
              icon: <span style={{ color: TYPE_COLOR[type], fontSize: 16 }}>{TYPE_ICON[type]}</span>,
              content: (
                <TimelineEntry
                  item={item}
                  subjectId={owner.id}
                  onEdit={(activity) => setForm({ open: true, activity })}
                  onDelete={confirmDelete}
                />
              ),
            };
          })}
        />
      )}
      <div ref={sentinel} />
      {timeline.hasNextPage ? (
        <Flex justify="center">
          <Button onClick={() => timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            {t('timeline.loadMore')}
          </Button>
        </Flex>
      ) : (
        items.length > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', fontSize: 13 }}>
            {t('timeline.end')}
          </Typography.Text>
        )
      )}
      <ActivityFormDrawer open={form.open} activity={form.activity} about={about} offer={offer} onClose={() => setForm({ open: false })} />
    </Card>
  );
}
