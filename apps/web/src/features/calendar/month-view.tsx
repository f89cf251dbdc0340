import type { TCalendarEntry } from '@clientela/contract';
import { Calendar } from 'antd';
import dayjs from 'dayjs';
import { CalendarEntry } from './calendar-entry.tsx';

type Props = {
  /** A day of the month shown, `YYYY-MM-DD`. */
  anchor: string;
  byDay: Map<string, TCalendarEntry[]>;
  /** A day was picked: another month's day moves the view there. */
  onPick: (day: string) => void;
};

/** A month as antd's calendar lays it out (six weeks), each day listing its entries. */
export function MonthView({ anchor, byDay, onPick }: Props) {
  return (
    <Calendar
      value={dayjs(anchor)}
      headerRender={() => null}
      onSelect={(date, { source }) => {
        if (source === 'date') onPick(date.format('YYYY-MM-DD'));
      }}
      cellRender={(date, info) => {
        if (info.type !== 'date') return info.originNode;
        const entries = byDay.get(date.format('YYYY-MM-DD')) ?? [];
        return (
          <div data-testid={`day-${date.format('YYYY-MM-DD')}`}>
            {entries.map((entry) => (
              <CalendarEntry key={entry.key} entry={entry} />
            ))}
          </div>
        );
      }}
    />
  );
}
