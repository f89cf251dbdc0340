import type { TDeal, TDealRequiredField, TPipelineStage } from '@clientela/contract';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { useMoveDeal } from './api.ts';
import { missingFields, requiredByServer } from './stage-requirements.ts';
import { type MoveFields, StageRequirementsModal } from './stage-requirements-modal.tsx';

type Target = { deal: TDeal; stage: TPipelineStage; fields: TDealRequiredField[] };

/**
 * Moving a deal to a stage, as the board's drop and the deal page's steps do it: the fields the
 * stage requires and the deal lacks are asked first (and again when the server names more), the
 * move is sent, and a refusal is said. Render `modal` once.
 */
export function useDealMove() {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveDeal();
  const [target, setTarget] = useState<Target | null>(null);

  const send = async (deal: TDeal, stage: TPipelineStage, fields?: MoveFields) => {
    const asking = fields !== undefined;
    try {
      await move.mutateAsync({ deal, stage, fields });
      return true;
    } catch (error) {
      const named = requiredByServer(error);
      if (named.length > 0) {
        setTarget((asked) => ({ deal, stage, fields: [...new Set([...(asked?.fields ?? []), ...named])] }));
      } else if (!asking) {
        // The modal shows its own refusals.
        message.error(t('move.refused', { title: deal.title, reason: errorMessage(tc, error) }));
      }
      throw error;
    }
  };

  /** Moves `deal` to `stage`, asking first for the fields the stage requires that the deal lacks. */
  const requestMove = (deal: TDeal, stage: TPipelineStage) => {
    if (!deal.mayChange || deal.stage.id === stage.id) return;
    const missing = missingFields(deal, stage);
    if (missing.length > 0) setTarget({ deal, stage, fields: missing });
    // The refusal is already said or asked about.
    else send(deal, stage).catch(() => undefined);
  };

  const modal = (
    <StageRequirementsModal
      target={target}
      onCancel={() => setTarget(null)}
      onSubmit={async (fields) => {
        if (!target) return;
        await send(target.deal, target.stage, fields);
        setTarget(null);
      }}
    />
  );

  return { requestMove, modal, moving: move.isPending };
}
