import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Option = { value: string; label: string };

let cached: Option[] | undefined;

function offsetOf(timeZone: string, now: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(now);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** All IANA zones this browser knows, labelled with their current UTC offset; computed once. */
function timeZoneOptions(): Option[] {
  if (cached) return cached;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
  const now = new Date();
  cached = all.map((zone) => {
    const offset = offsetOf(zone, now);
    return { value: zone, label: offset ? `(${offset}) ${zone.replaceAll('_', ' ')}` : zone };
  });
  return cached;
}

/** The browser's own time zone, a good default for new accounts; UTC if the list lacks it. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return timeZoneOptions().some((option) => option.value === zone) ? zone : 'UTC';
}

type Props = { value?: string; onChange?: (value: string) => void; id?: string };

/** A searchable list of time zones; usable as an antd form control. */
export function TimeZoneSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const list = timeZoneOptions();
    // Keep a stored zone the browser does not list (e.g. an old alias) selectable.
    return value && !list.some((option) => option.value === value) ? [{ value, label: value }, ...list] : list;
  }, [value]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={t('common.timeZone')}
      popupMatchSelectWidth={false}
    />
  );
}
