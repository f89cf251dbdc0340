import { Card, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useDealStages } from './api.ts';

const KIND_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

/** A deal's way through the stages, oldest first: from, to, when (in the user's time zone) and who. */
export function StageHistoryCard({ dealId }: { dealId: string }) {
  const { t } = useTranslation('deals');
  const format = useFormatters();
  const history = useDealStages(dealId);
  return (
    <Card title={t('history.title')}>
      <ErrorAlert error={history.error} />
      {history.isPending ? (
        <Skeleton active />
      ) : (
        <Timeline
          items={(history.data ?? []).map((change) => ({
            key: `${change.at}-${change.to.id}`,
            color: KIND_COLOR[change.to.kind],
            content: (
              <>
                <div>
                  {change.from
                    ? t('history.moved', { from: change.from.name, to: change.to.name })
                    : t('history.created', { to: change.to.name })}
                </div>
                <Typography.Text type="secondary">
                  {change.by ? t('history.when', { at: format.dateTime(change.at), by: change.by.name }) : format.dateTime(change.at)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
