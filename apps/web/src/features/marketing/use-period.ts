import dayjs from 'dayjs';
import { useState } from 'react';

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'custom';

/** The first and last day of this month, quarter or year, as `YYYY-MM-DD`. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today = dayjs()): { from: string; to: string } {
  const start =
    preset === 'month'
      ? today.startOf('month')
      : preset === 'year'
        ? today.startOf('year')
        : today.startOf('month').month(Math.floor(today.month() / 3) * 3);
  const end = preset === 'month' ? start.endOf('month') : preset === 'year' ? start.endOf('year') : start.add(2, 'month').endOf('month');
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

/** A report's period: a preset (this quarter unless told) or custom days. */
export function usePeriod(initial: PeriodPreset = 'quarter') {
  const [preset, setPreset] = useState<PeriodPreset>(initial);
  const [custom, setCustom] = useState(() => presetPeriod(initial === 'custom' ? 'quarter' : initial));
  const period = preset === 'custom' ? custom : presetPeriod(preset);
  return {
    preset,
    period,
    choose: (next: PeriodPreset) => {
      if (next === 'custom') setCustom(period);
      setPreset(next);
    },
    setCustom,
  };
}
