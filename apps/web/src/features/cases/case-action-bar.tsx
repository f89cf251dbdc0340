import {
  BookOutlined,
  CheckOutlined,
  PauseOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { TCase } from '@clientela/contract';
import { App, Button, Flex } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { useTakeCase, useTransitionCase } from './api.ts';
import { actionTarget, type CaseAction, caseActions, isOpenCase } from './case-actions.ts';
import { HandoverModal } from './handover-modal.tsx';
import { ResolveModal } from './resolve-modal.tsx';

const ICON: Record<CaseAction, ReactNode> = {
  start: <PlayCircleOutlined />,
  waitCustomer: <PauseOutlined />,
  resume: <PlayCircleOutlined />,
  resolve: <CheckOutlined />,
  close: <CheckOutlined />,
  reopen: <RedoOutlined />,
};

/** The moves the reader may make on a case: its status moves, take, hand over, and "turn into an article". */
export function CaseActionBar({ record }: { record: TCase }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const transition = useTransitionCase();
  const take = useTakeCase();
  const [resolving, setResolving] = useState(false);
  const [handingOver, setHandingOver] = useState(false);
  const actions = caseActions(record);
  const mayTake = !record.owner && record.unit !== null && isOpenCase(record.status) && me.unitId === record.unit.id;
  const mayHandOver = record.mayChange && isOpenCase(record.status) && !record.handover;

  const move = async (action: CaseAction) => {
    if (action === 'resolve') {
      setResolving(true);
      return;
    }
    try {
      await transition.mutateAsync({ id: record.id, to: actionTarget(action) });
      message.success(t(`actions.done.${action}`));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const takeIt = async () => {
    try {
      await take.mutateAsync(record.id);
      message.success(t('actions.taken'));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Flex gap={8} wrap data-testid="case-actions">
      {mayTake && (
        <Button type="primary" icon={<UserAddOutlined />} loading={take.isPending} onClick={takeIt}>
          {t('actions.take')}
        </Button>
      )}
      {actions.map((action) => (
        <Button
          key={action}
          type={action === 'resolve' || action === 'start' ? 'primary' : 'default'}
          icon={ICON[action]}
          loading={transition.isPending && transition.variables?.to === actionTarget(action)}
          onClick={() => move(action)}
        >
          {t(`actions.${action}`)}
        </Button>
      ))}
      {mayHandOver && (
        <Button icon={<SwapOutlined />} onClick={() => setHandingOver(true)}>
          {t('actions.handover')}
        </Button>
      )}
      {(record.status === 'resolved' || record.status === 'closed') && (
        <Button icon={<BookOutlined />} onClick={() => navigate(`/kb/new?fromCase=${record.id}`)}>
          {t('actions.toArticle')}
        </Button>
      )}
      <ResolveModal record={record} open={resolving} onClose={() => setResolving(false)} />
      <HandoverModal caseId={record.id} open={handingOver} onClose={() => setHandingOver(false)} />
    </Flex>
  );
}
