import type { TDuplicateEntity } from '@clientela/contract';
import { Alert, Flex, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCustomFields } from '../custom-fields/api.ts';
import { RESOURCE } from '../customer-list/api.ts';
import { useCreateMerge, useMergeRecords } from './api.ts';
import { defaultChoice, differingFields, type MergeChoices, mergedName, mergeFields, mergeInput } from './merge-fields.ts';
import { MergeValueTable } from './merge-value-table.tsx';
import { SurvivorChoice } from './survivor-choice.tsx';
import { useMergeActions } from './use-merge-actions.tsx';

type Props = {
  entity: TDuplicateEntity;
  /** Two records or more (up to ten). */
  ids: string[];
  /** The record offered as the one that stays; the first by default. */
  initialSurvivorId?: string;
  onClose: () => void;
};

/**
 * Merges records into one: the user picks the record that stays, then, for each field whose values
 * differ, the value kept. Lists (phones, e-mails, tags) are joined by the server; related records move.
 * Once done, the survivor's page opens and a message offers to undo.
 */
export function MergeModal({ entity, ids, initialSurvivorId, onClose }: Props) {
  const { t } = useTranslation('duplicates');
  const navigate = useNavigate();
  const { records, pending, error } = useMergeRecords(entity, ids);
  const customFields = useCustomFields(entity);
  const merge = useCreateMerge();
  const { announce } = useMergeActions();
  const [survivorId, setSurvivorId] = useState(initialSurvivorId ?? ids[0] ?? '');
  // Only the fields the user picked by hand; the others follow the survivor (see defaultChoice).
  const [picked, setPicked] = useState<MergeChoices>({});

  const loading = pending || customFields.isPending;
  const fields = loading ? [] : differingFields(mergeFields(entity, customFields.data ?? []), records);
  const ready = !loading && records.length >= 2 && records.some((record) => record.id === survivorId);
  const choiceOf = (field: string) => picked[field] ?? defaultChoice(field, records, survivorId);

  const submit = async () => {
    const created = await merge.mutateAsync(mergeInput(entity, records, survivorId, fields, picked));
    announce(created, mergedName(entity, records, choiceOf));
    onClose();
    navigate(`/${RESOURCE[entity]}/${created.survivorId}`);
  };

  return (
    <Modal
      open
      title={t(`merge.title.${entity}`)}
      width={Math.min(360 + records.length * 260, 1200)}
      okText={t('merge.confirm')}
      okButtonProps={{ disabled: !ready }}
      confirmLoading={merge.isPending}
      // A refusal stays on screen in the ErrorAlert below.
      onOk={() => submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <ErrorAlert error={error ?? customFields.error ?? merge.error} />
      {loading ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <SurvivorChoice records={records} value={survivorId} onChange={setSurvivorId} />
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('merge.fieldsTitle')}
            </Typography.Title>
            {fields.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('merge.noDifferences')}</Typography.Paragraph>
            ) : (
              <MergeValueTable
                records={records}
                survivorId={survivorId}
                fields={fields}
                customFields={customFields.data ?? []}
                choiceOf={choiceOf}
                onPick={(field, recordId) => setPicked((current) => ({ ...current, [field]: recordId }))}
              />
            )}
          </div>
          <Alert type="info" role="note" showIcon title={t(`merge.joined.${entity}`)} />
        </Flex>
      )}
    </Modal>
  );
}
