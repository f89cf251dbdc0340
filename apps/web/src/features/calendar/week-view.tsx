import type { TCalendarEntry } from '@clientela/contract';
import { Typography } from 'antd';
import { useLocale } from '../locale/locale-context.tsx';
import { CalendarEntry } from './calendar-entry.tsx';
import { capitalised } from './capitalised.ts';

const INTL_LOCALE = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;

type Props = {
  /** The seven days shown, `YYYY-MM-DD`. */
  days: readonly string[];
  byDay: Map<string, TCalendarEntry[]>;
  today: string;
};

/** A week of seven columns, each day's entries in time order, whole-day ones first. */
export function WeekView({ days, byDay, today }: Props) {
  const { locale } = useLocale();
  const weekday = new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: 'short', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <div style={{ overflowX: 'auto' }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(120px, 1fr))', border: '1px solid #f0f0f0', borderRadius: 8 }}>
        {days.map((day, index) => {
          const at = new Date(`${day}T00:00:00Z`);
          const entries = byDay.get(day) ?? [];
          const isToday = day === today;
          return (
            <section
              key={day}
              aria-label={`${weekday.format(at)} ${date.format(at)}`}
              data-testid={`day-${day}`}
              style={{ borderInlineStart: index === 0 ? undefined : '1px solid #f0f0f0', minHeight: 360 }}
            >
              <header
                style={{
                  padding: '8px 10px',
                  borderBottom: '1px solid #f0f0f0',
                  background: isToday ? '#e6f4ff' : '#fafafa',
                  borderStartStartRadius: index === 0 ? 8 : 0,
                  borderStartEndRadius: index === 6 ? 8 : 0,
                }}
              >
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {capitalised(weekday.format(at))}
                </Typography.Text>
                <Typography.Text strong={isToday} style={{ color: isToday ? '#1677ff' : undefined }}>
                  {date.format(at)}
                </Typography.Text>
              </header>
              <div style={{ padding: 6 }}>
                {entries.map((entry) => (
                  <CalendarEntry key={entry.key} entry={entry} wrap />
                ))}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
