import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Modal, Segmented, Spin, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { type CalendarScope, useCalendar } from './api.ts';
import { type CalendarView, daysOfView, entriesByDay, moveAnchor, rangeOf } from './calendar-range.ts';
import { capitalised } from './capitalised.ts';
import { KIND_COLORS, SHOWN_KINDS } from './entry-kinds.ts';
import { FeedPanel } from './feed-panel.tsx';
import { MonthView } from './month-view.tsx';
import { WeekView } from './week-view.tsx';
import { todayIn } from './zoned-days.ts';

const INTL_LOCALE = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;
const SCOPES: readonly CalendarScope[] = ['me', 'unit', 'company'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The title of what is shown: "March 2026", or the week's first and last day. */
function periodTitle(view: CalendarView, anchor: string, days: readonly string[], locale: keyof typeof INTL_LOCALE): string {
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  if (view === 'month') {
    return capitalised(
      new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at(anchor)),
    );
  }
  const format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(at(days[0] ?? anchor), at(days[days.length - 1] ?? anchor));
}

/** `/calendar`: meetings, planned calls, follow-ups and contract ends of mine, my unit's or everyone's, by week or month. */
export function CalendarPage() {
  const { t } = useTranslation('contracts');
  const { locale } = useLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [subscribing, setSubscribing] = useState(false);
  const today = todayIn(me.timeZone);
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month';
  const scope: CalendarScope = SCOPES.find((one) => one === params.get('scope')) ?? 'me';
  const anchor = DAY.test(params.get('date') ?? '') ? (params.get('date') as string) : today;

  const change = (next: { view?: CalendarView; scope?: CalendarScope; date?: string }) => {
    const values = { view, scope, date: anchor, ...next };
    const out: Record<string, string> = {};
    if (values.view !== 'month') out.view = values.view;
    if (values.scope !== 'me') out.scope = values.scope;
    if (values.date !== today) out.date = values.date;
    setParams(out, { replace: true });
  };

  // Weeks start as antd's month grid starts them: by the language's custom (dayjs's locale).
  const weekStart = dayjs().startOf('week').day();
  const days = useMemo(() => daysOfView(view, anchor, weekStart), [view, anchor, weekStart]);
  const { from, to } = rangeOf(days, me.timeZone);
  const calendar = useCalendar(from, to, scope);
  const byDay = useMemo(() => entriesByDay(calendar.data ?? [], me.timeZone), [calendar.data, me.timeZone]);

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          <Button icon={<CalendarOutlined />} onClick={() => setSubscribing(true)}>
            {t('feed.open')}
          </Button>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8} wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('calendar.previous')}
              onClick={() => change({ date: moveAnchor(view, anchor, -1) })}
            />
            <Button onClick={() => change({ date: today })}>{t('calendar.today')}</Button>
            <Button
              icon={<RightOutlined />}
              aria-label={t('calendar.next')}
              onClick={() => change({ date: moveAnchor(view, anchor, 1) })}
            />
            <Typography.Title level={4} style={{ margin: '0 8px' }} data-testid="calendar-period">
              {periodTitle(view, anchor, days, locale)}
            </Typography.Title>
            {calendar.isFetching && <Spin size="small" />}
          </Flex>
          <Flex align="center" gap={12} wrap>
            <Segmented<CalendarScope>
              aria-label={t('calendar.scope')}
              value={scope}
              onChange={(next) => change({ scope: next })}
              options={SCOPES.map((value) => ({
                value,
                disabled: value === 'unit' && !me.unitId,
                label:
                  value === 'unit' && !me.unitId ? (
                    <Tooltip title={t('calendar.noUnit')}>{t(`calendar.scopes.${value}`)}</Tooltip>
                  ) : (
                    t(`calendar.scopes.${value}`)
                  ),
              }))}
            />
            <Segmented<CalendarView>
              aria-label={t('calendar.view')}
              value={view}
              onChange={(next) => change({ view: next })}
              options={[
                { value: 'week', label: t('calendar.week') },
                { value: 'month', label: t('calendar.month') },
              ]}
            />
          </Flex>
        </Flex>
        <Flex gap={16} wrap style={{ marginBottom: 12 }} aria-label={t('calendar.legend')} role="list">
          {SHOWN_KINDS.map((kind) => (
            <Flex key={kind} align="center" gap={6} role="listitem">
              <span style={{ width: 10, height: 10, borderRadius: 2, background: KIND_COLORS[kind].edge, display: 'inline-block' }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`calendar.kinds.${kind}`)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
        <ErrorAlert error={calendar.error} />
        {calendar.data?.length === 0 && !calendar.isFetching && (
          <Typography.Paragraph type="secondary" data-testid="calendar-empty">
            {scope === 'company' ? t('calendar.emptyCompany') : t('calendar.empty')}
          </Typography.Paragraph>
        )}
        {view === 'week' ? (
          <WeekView days={days} byDay={byDay} today={today} />
        ) : (
          <MonthView anchor={anchor} byDay={byDay} onPick={(day) => change({ date: day })} />
        )}
      </Card>
      <Modal open={subscribing} title={t('feed.title')} footer={null} onCancel={() => setSubscribing(false)} width={600}>
        <FeedPanel />
      </Modal>
    </>
  );
}
