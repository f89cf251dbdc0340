import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { TDeal } from '@clientela/contract';
import { Button, Card, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTaskMessages } from '../../lib/task-messages.ts';
import { TimelineCard } from '../activities/timeline-card.tsx';
import { AgreementFormModal } from '../agreements/agreement-form-modal.tsx';
import { SendTaskButton } from '../tasks/send-task-button.tsx';

/**
 * What happened in a deal, newest first (its activities, tasks, agreements and stage moves), and
 * what can be done from it: log an activity about the deal and its customer, send a task about
 * it, record an agreement made in it.
 */
export function DealTimelineCard({ deal }: { deal: TDeal }) {
  const { t } = useTranslation('deals');
  const [agreeing, setAgreeing] = useState(false);
  // The tasks on the timeline say their status in the tasks' own words.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    loadTaskMessages().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  if (!ready)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const ref = { id: deal.id, title: deal.title };
  return (
    <>
      <TimelineCard
        owner={{ kind: 'deal', id: deal.id }}
        about={{ companies: deal.company ? [deal.company] : [], contacts: deal.contact ? [deal.contact] : [], deals: [ref] }}
        actions={
          <>
            <SendTaskButton about={{ deals: [deal.id] }} />
            <Button icon={<SafetyCertificateOutlined />} onClick={() => setAgreeing(true)}>
              {t('deal.recordAgreement')}
            </Button>
          </>
        }
      />
      <AgreementFormModal
        open={agreeing}
        onClose={() => setAgreeing(false)}
        customer={{ company: deal.company ?? undefined, contact: deal.contact ?? undefined }}
        deal={ref}
      />
    </>
  );
}
