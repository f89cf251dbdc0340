import type { TStaticList } from '@clientela/contract';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { useDeleteList } from './api.ts';

/** Asks before deleting a list, then deletes it; `onDeleted` runs after. */
export function useConfirmDeleteList(onDeleted?: () => void) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const remove = useDeleteList();
  return (list: TStaticList) =>
    modal.confirm({
      title: t('lists.deleteConfirm', { name: list.name }),
      content: t('lists.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(list.id);
          message.success(t('lists.deleted', { name: list.name }));
          onDeleted?.();
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });
}
