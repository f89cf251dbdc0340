import type { TDeal, TPipeline } from '@clientela/contract';
import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useDealMove } from './use-deal-move.tsx';

/** The pipeline's stages as steps, the deal's own marked; clicking another stage moves the deal there. */
export function DealStageSteps({ deal, pipeline }: { deal: TDeal; pipeline: TPipeline }) {
  const { t } = useTranslation('deals');
  const { locale } = useLocale();
  const { requestMove, modal } = useDealMove();
  const current = pipeline.stages.findIndex((stage) => stage.id === deal.stage.id);
  const status = deal.stage.kind === 'won' ? 'finish' : deal.stage.kind === 'lost' ? 'error' : 'process';
  return (
    <Card size="small" title={t('deal.stages')}>
      <Steps
        size="small"
        type="navigation"
        current={current}
        status={status}
        aria-label={t('deal.stages')}
        onChange={
          deal.mayChange
            ? (index) => {
                const stage = pipeline.stages[index];
                if (stage) requestMove(deal, stage);
              }
            : undefined
        }
        items={pipeline.stages.map((stage) => ({
          key: stage.id,
          title: stage.name,
          subTitle: formatPercent(stage.probability, locale),
          disabled: !deal.mayChange,
        }))}
      />
      {modal}
    </Card>
  );
}
