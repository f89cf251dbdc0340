import type { TAttachable } from '@clientela/contract';
import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadContractMessages } from '../../lib/contract-messages.ts';

// The card's code and messages load with it: pages that place it keep their own chunk as it was.
const AttachmentsList = lazy(async () => {
  const [module] = await Promise.all([import('./attachments-list.tsx'), loadContractMessages()]);
  return { default: module.AttachmentsList };
});

type Props = {
  /** The kind of record the files belong to. */
  entityType: TAttachable;
  entityId: string;
};

/** The files attached to any record, with upload, download and delete: for the record's page. */
export function AttachmentsCard({ entityType, entityId }: Props) {
  return (
    <Suspense fallback={<Card loading />}>
      <AttachmentsList entityType={entityType} entityId={entityId} />
    </Suspense>
  );
}
