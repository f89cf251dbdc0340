import { Flex, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromMinutes, type TimeUnit, toMinutes, unitOf } from './duration.ts';

type Props = {
  /** Given by Form.Item, so that the field's label names the number box. */
  id?: string;
  /** Minutes; 0 is off, null while nothing is typed. */
  value?: number | null;
  onChange?: (minutes: number | null) => void;
  /** The rule's name, for the switch and the unit picker. */
  label: string;
  /** Minutes offered when the rule is switched on without an earlier value. */
  fallback: number;
};

/** A length of time as a switch (off is 0) and a number of hours or days, kept as minutes. */
export function DurationInput({ id, value = null, onChange, label, fallback }: Props) {
  const { t } = useTranslation('taskSettings');
  const [unit, setUnit] = useState<TimeUnit>(() => unitOf(value || fallback));
  // What the number box shows while the rule is off or empty: the last length it had.
  const [last, setLast] = useState<number>(() => value || fallback);
  const on = value !== 0;
  // Left undefined while on, so that a read-only form disables the controls too.
  const off = on ? undefined : true;
  const [typed, setTyped] = useState<number | null>(null);
  const amount = value ? fromMinutes(value, unit) : value === null ? typed : fromMinutes(last, unit);

  const change = (minutes: number | null) => {
    if (minutes) setLast(minutes);
    onChange?.(minutes);
  };

  return (
    <Flex align="center" gap={8}>
      <Switch checked={on} aria-label={t('reminders.switch', { rule: label })} onChange={(checked) => change(checked ? last : 0)} />
      <InputNumber
        id={id}
        value={amount}
        min={0}
        disabled={off}
        style={{ width: 110 }}
        onChange={(next) => {
          setTyped(next);
          change(toMinutes(next, unit));
        }}
      />
      <Select<TimeUnit>
        value={unit}
        disabled={off}
        style={{ width: 110 }}
        aria-label={t('reminders.timeUnit', { rule: label })}
        options={[
          { value: 'hours', label: t('reminders.hours') },
          { value: 'days', label: t('reminders.days') },
        ]}
        // The number stays as typed: "2" and then "days" means two days.
        onChange={(next) => {
          setUnit(next);
          change(toMinutes(amount, next));
        }}
      />
    </Flex>
  );
}
