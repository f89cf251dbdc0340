import type { TDuplicateEntity, TMerge } from '@clientela/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useMerges } from './api.ts';
import { useMergeActions } from './use-merge-actions.tsx';

/** On a record's page: the merges into it that can still be undone, each as a discreet line with "Undo". */
export function MergedBanner({ entity, recordId }: { entity: TDuplicateEntity; recordId: string }) {
  const { t } = useTranslation('duplicates');
  const me = useMe();
  const format = useFormatters();
  const merges = useMerges(entity, recordId);
  const { undo } = useMergeActions();
  const undoing = useMutation({ mutationFn: (merge: TMerge) => undo(merge) });
  const into = (merges.data ?? []).filter((merge) => merge.survivorId === recordId && !merge.undoneAt);
  if (into.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {into.map((merge) => (
        <Alert
          key={merge.id}
          type="info"
          showIcon
          title={t('banner.merged', { names: merge.mergedNames.join(', '), date: format.date(merge.createdAt) })}
          action={
            me.role !== 'employee' && (
              <Button
                size="small"
                type="link"
                loading={undoing.isPending && undoing.variables?.id === merge.id}
                onClick={() => undoing.mutate(merge)}
              >
                {t('banner.undo')}
              </Button>
            )
          }
        />
      ))}
    </Flex>
  );
}
