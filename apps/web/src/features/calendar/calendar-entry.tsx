import type { TCalendarEntry } from '@clientela/contract';
import { Button, Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { KIND_COLORS, kindOf } from './entry-kinds.ts';

const INTL_LOCALE = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;

function useTimeFormat() {
  const me = useMe();
  const { locale } = useLocale();
  const options = (extra: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...extra, timeZone: me.timeZone });
    } catch {
      return new Intl.DateTimeFormat(INTL_LOCALE[locale], extra);
    }
  };
  const time = options({ timeStyle: 'short' });
  const dateTime = options({ dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'full', timeZone: 'UTC' });
  return {
    time: (iso: string) => time.format(new Date(iso)),
    range: (start: string, end: string) => dateTime.formatRange(new Date(start), new Date(end)),
    day: (iso: string) => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
  };
}

/** Where an entry's record opens: a contract's page, or the companies and contacts an activity is about. */
function EntryLinks({ entry }: { entry: TCalendarEntry }) {
  const { t } = useTranslation('contracts');
  if (entry.links.length === 0 && entry.kind !== 'contract_end') {
    return <Typography.Text type="secondary">{t('calendar.noLinks')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={2}>
      {entry.kind === 'contract_end' && <Link to={`/contracts/${entry.id}`}>{t('calendar.openContract')}</Link>}
      {entry.links.map((link) => (
        <Link key={`${link.type}:${link.id}`} to={`/${link.type === 'company' ? 'companies' : 'contacts'}/${link.id}`}>
          {link.name}
        </Link>
      ))}
    </Flex>
  );
}

type Props = {
  entry: TCalendarEntry;
  /** The title may take several lines (a week's wide columns); else it is cut to one. */
  wrap?: boolean;
};

/** One entry in a day: coloured by its kind; a click shows its details and the records it opens. */
export function CalendarEntry({ entry, wrap }: Props) {
  const { t } = useTranslation('contracts');
  const format = useTimeFormat();
  const kind = kindOf(entry);
  const colors = KIND_COLORS[kind];
  const when = entry.allDay ? format.day(entry.start) : format.range(entry.start, entry.end);

  const details = (
    <Flex vertical gap={8} style={{ maxWidth: 320 }} data-testid="calendar-entry-details">
      <Typography.Text type="secondary">{when}</Typography.Text>
      {entry.person && (
        <Typography.Text>
          {entry.kind === 'contract_end'
            ? t('calendar.responsible', { name: entry.person.name })
            : t('calendar.recordedBy', { name: entry.person.name })}
        </Typography.Text>
      )}
      <EntryLinks entry={entry} />
    </Flex>
  );

  return (
    <Popover
      trigger="click"
      title={
        <Flex vertical>
          <Typography.Text type="secondary" style={{ fontSize: 12, color: colors.edge }}>
            {t(`calendar.kinds.${kind}`)}
          </Typography.Text>
          <span>{entry.title}</span>
        </Flex>
      }
      content={details}
    >
      <Button
        type="text"
        size="small"
        data-testid="calendar-entry"
        data-kind={kind}
        aria-label={t('calendar.entryLabel', { kind: t(`calendar.kinds.${kind}`), title: entry.title, when })}
        title={entry.title}
        onClick={(event) => event.stopPropagation()}
        style={{
          display: 'block',
          width: '100%',
          height: 'auto',
          textAlign: 'start',
          padding: '1px 6px',
          marginBottom: 2,
          borderInlineStart: `3px solid ${colors.edge}`,
          borderRadius: 4,
          background: colors.fill,
          overflow: 'hidden',
          whiteSpace: wrap ? 'normal' : 'nowrap',
          textOverflow: 'ellipsis',
          fontSize: 12,
        }}
      >
        {!entry.allDay && <strong style={{ marginInlineEnd: 4 }}>{format.time(entry.start)}</strong>}
        {entry.title}
      </Button>
    </Popover>
  );
}
