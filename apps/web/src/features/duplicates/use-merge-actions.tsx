import type { TMerge } from '@clientela/contract';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { undoMerge } from './api.ts';

/** Says a merge is done, with an "Undo" that works even once the dialog has closed; and undoes merges. */
export function useMergeActions() {
  const { t } = useTranslation('duplicates');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const keyOf = (merge: TMerge) => `merge-${merge.id}`;

  const undo = async (merge: TMerge): Promise<void> => {
    // Undone from the page's banner, the merge's own message must not offer it again.
    message.destroy(keyOf(merge));
    try {
      await undoMerge(queryClient, merge.id);
      message.success(t('merge.undone'));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const announce = (merge: TMerge, survivorName: string): void => {
    const key = keyOf(merge);
    message.open({
      key,
      type: 'success',
      duration: 10,
      content: (
        <span>
          {t('merge.done', { name: survivorName })}{' '}
          <Button type="link" size="small" onClick={() => void undo(merge)}>
            {t('merge.undo')}
          </Button>
        </span>
      ),
    });
  };

  return { announce, undo };
}
