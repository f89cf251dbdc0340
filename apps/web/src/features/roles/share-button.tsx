import type { TShareableEntity } from '@clientela/contract';
import { lazy, Suspense } from 'react';
import { loadRolesMessages } from '../../lib/roles-messages.ts';
import { useMe } from '../auth/api.ts';
import { mayShare, type ShareableRecord } from './share-access.ts';

// The dialog's code loads with the messages it speaks, on pages that may share.
const ShareOpener = lazy(async () => {
  const [module] = await Promise.all([import('./share-dialog.tsx'), loadRolesMessages()]);
  return { default: module.ShareOpener };
});

type Props = { entity: TShareableEntity; record: ShareableRecord & { id: string }; name: string };

/** "Share" on a record page, for whoever may change the record: opens who it is shared with. */
export function ShareButton({ entity, record, name }: Props) {
  const me = useMe();
  if (!mayShare(me, entity, record)) return null;
  return (
    <Suspense fallback={null}>
      <ShareOpener entity={entity} recordId={record.id} recordName={name} />
    </Suspense>
  );
}
