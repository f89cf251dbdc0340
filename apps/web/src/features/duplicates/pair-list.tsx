import type { TDuplicateEntity, TDuplicatePair } from '@clientela/contract';
import { Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/api.ts';
import { useDuplicatePairs } from './api.ts';
import { MergeModal } from './merge-modal.tsx';
import { PairCard } from './pair-card.tsx';

/** The probable duplicate pairs of companies or of contacts, paged on the server ("load more"). */
export function PairList({ entity }: { entity: TDuplicateEntity }) {
  const { t } = useTranslation('duplicates');
  const me = useMe();
  const pairs = useDuplicatePairs(entity);
  const rows = useMemo(() => pairs.data?.pages.flatMap((page) => page.data) ?? [], [pairs.data]);
  const total = pairs.data?.pages[0]?.total ?? 0;
  const [merging, setMerging] = useState<TDuplicatePair | null>(null);

  if (pairs.isPending) return <Skeleton active />;
  return (
    <>
      <ErrorAlert error={pairs.error} />
      {rows.length === 0 && !pairs.error ? (
        <Empty description={t(`page.empty.${entity}`)} />
      ) : (
        <Flex vertical gap={16}>
          {rows.map((pair) => (
            <PairCard key={`${pair.a.id}:${pair.b.id}`} pair={pair} canMerge={me.role !== 'employee'} onMerge={() => setMerging(pair)} />
          ))}
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary" data-testid="duplicates-total">
              {t('page.shown', { shown: rows.length, total })}
            </Typography.Text>
            {pairs.hasNextPage && (
              <Button onClick={() => pairs.fetchNextPage()} loading={pairs.isFetchingNextPage}>
                {t('page.loadMore')}
              </Button>
            )}
          </Flex>
        </Flex>
      )}
      {merging && <MergeModal entity={merging.entity} ids={[merging.a.id, merging.b.id]} onClose={() => setMerging(null)} />}
    </>
  );
}
