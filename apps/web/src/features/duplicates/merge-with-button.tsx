import { MergeOutlined } from '@ant-design/icons';
import type { TDuplicateEntity } from '@clientela/contract';
import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api.ts';
import type { CustomerRecord } from '../customer-list/api.ts';
import { useDuplicateCheck } from './api.ts';
import { MergeModal } from './merge-modal.tsx';
import { RecordSelect } from './record-select.tsx';
import { recordCheckInput } from './use-duplicate-check.ts';

type Step = { kind: 'closed' } | { kind: 'pick'; otherId?: string } | { kind: 'merge'; otherId: string };

/** "Merge with…" on a record's page: pick the other record, then the merge dialog. Employees cannot merge. */
export function MergeWithButton({ entity, record }: { entity: TDuplicateEntity; record: CustomerRecord }) {
  const { t } = useTranslation('duplicates');
  const { t: tc } = useTranslation();
  const me = useMe();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const suggestions = useDuplicateCheck(step.kind === 'pick' ? recordCheckInput(entity, record) : null);
  const close = () => setStep({ kind: 'closed' });
  if (me.role === 'employee') return null;

  return (
    <>
      <Button icon={<MergeOutlined />} onClick={() => setStep({ kind: 'pick' })}>
        {t('mergeWith.button')}
      </Button>
      {step.kind === 'pick' && (
        <Modal
          open
          title={t('mergeWith.title', { name: record.name })}
          okText={t('mergeWith.next')}
          cancelText={tc('common.cancel')}
          okButtonProps={{ disabled: !step.otherId }}
          onOk={() => step.otherId && setStep({ kind: 'merge', otherId: step.otherId })}
          onCancel={close}
        >
          <Typography.Paragraph>{t(`mergeWith.hint.${entity}`)}</Typography.Paragraph>
          <RecordSelect
            entity={entity}
            exceptId={record.id}
            value={step.otherId}
            onChange={(otherId) => setStep({ kind: 'pick', otherId })}
            suggestions={suggestions.data}
          />
        </Modal>
      )}
      {step.kind === 'merge' && (
        <MergeModal entity={entity} ids={[record.id, step.otherId]} initialSurvivorId={record.id} onClose={close} />
      )}
    </>
  );
}
