import type { TImport, TImportProblem } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<TImport['status'], string> = {
  mapping: 'default',
  queued: 'processing',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};

const OUTCOME_COLOR: Record<TImportProblem['outcome'], string> = {
  create: 'green',
  update: 'blue',
  skip: 'default',
  reject: 'red',
};

/** Where an import stands, as a coloured tag. */
export function StatusTag({ status }: { status: TImport['status'] }) {
  const { t } = useTranslation('imports');
  return <Tag color={STATUS_COLOR[status]}>{t(`statuses.${status}`)}</Tag>;
}

/** What becomes (or became) of a row: new, update, skipped, rejected. */
export function OutcomeTag({ outcome }: { outcome: TImportProblem['outcome'] }) {
  const { t } = useTranslation('imports');
  return <Tag color={OUTCOME_COLOR[outcome]}>{t(`outcomes.${outcome}`)}</Tag>;
}
