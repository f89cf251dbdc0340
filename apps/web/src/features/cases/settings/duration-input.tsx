import { InputNumber, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Duration } from './settings-payload.ts';

type Props = { id?: string; value?: Duration; onChange?: (value: Duration) => void; disabled?: boolean };

/** Working time as days (of eight hours), hours and minutes; an antd form control. */
export function DurationInput({ id, value, onChange, disabled }: Props) {
  const { t } = useTranslation('caseSettings');
  const current = value ?? { days: 0, hours: 0, minutes: 0 };
  const part = (key: keyof Duration, max: number) => (
    <InputNumber
      id={key === 'days' ? id : undefined}
      aria-label={t(`duration.${key}`)}
      min={0}
      max={max}
      precision={0}
      disabled={disabled}
      value={current[key]}
      suffix={t(`duration.${key}Short`)}
      style={{ width: 110 }}
      onChange={(next) => onChange?.({ ...current, [key]: typeof next === 'number' ? next : 0 })}
    />
  );
  return (
    <Space.Compact>
      {part('days', 999)}
      {part('hours', 23)}
      {part('minutes', 59)}
    </Space.Compact>
  );
}

/** "1 d 2 h 30 min" of working time, in the user's language. */
export function durationLabel(t: TFunction<'caseSettings'>, d: Duration): string {
  const parts = [
    d.days > 0 ? t('duration.daysCount', { count: d.days }) : null,
    d.hours > 0 ? t('duration.hoursCount', { count: d.hours }) : null,
    d.minutes > 0 ? t('duration.minutesCount', { count: d.minutes }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : t('duration.none');
}
