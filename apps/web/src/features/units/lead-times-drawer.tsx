import type { TUnit } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { Drawer } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTaskSettingsMessages } from '../../lib/task-settings-messages.ts';

// The editor's code and messages load when it first opens: the users page's own chunk stays as it was.
const LeadTimesEditor = lazy(async () => {
  const [module] = await Promise.all([import('./lead-times-editor.tsx'), loadTaskSettingsMessages()]);
  return { default: module.LeadTimesEditor };
});

/** The "Lead times" item of a unit's menu, in the `taskSettings` namespace that it loads. */
export function LeadTimesLabel() {
  const { t } = useTranslation('taskSettings');
  const messages = useQuery({
    queryKey: ['messages', 'taskSettings'],
    queryFn: () => loadTaskSettingsMessages().then(() => true),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <span style={{ visibility: messages.data ? undefined : 'hidden' }}>{t('leadTimes.action')}</span>;
}

type Props = { unit: TUnit | null; onClose: () => void };

/** The standard lead times of `unit` in a drawer, editable by admins and the unit's managers; closed while `unit` is null. */
export function LeadTimesDrawer({ unit, onClose }: Props) {
  // The last unit shown stays mounted, so that the drawer slides closed; each opening starts afresh.
  const [state, setState] = useState<{ last: TUnit | null; shown: TUnit | null; opening: number }>({ last: null, shown: null, opening: 0 });
  if (unit !== state.last) setState({ last: unit, shown: unit ?? state.shown, opening: unit ? state.opening + 1 : state.opening });
  if (!state.shown) return null;
  return (
    <Suspense fallback={<Drawer open loading onClose={onClose} />}>
      <LeadTimesEditor key={state.opening} unit={state.shown} open={unit !== null} onClose={onClose} />
    </Suspense>
  );
}
