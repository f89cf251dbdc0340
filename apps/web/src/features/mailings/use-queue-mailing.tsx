import type { TMailing, TSavedView } from '@clientela/contract';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { RESOURCE } from '../customer-list/api.ts';
import type { Page } from '../customers/types.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useMailingAction } from './api.ts';

/** How many records a mailing's view or list holds now, asking for one row and reading the total. */
async function audienceSize(mailing: TMailing): Promise<number | null> {
  const source = mailing.view ?? mailing.list;
  if (!source) return null;
  let query: Record<string, string>;
  if (mailing.view) {
    const view = await api<TSavedView>(`/api/v1/views/${mailing.view.id}`);
    query = view.query;
  } else {
    query = { 'filter[listId]': source.id };
  }
  const page = await api<Page<unknown>>(`/api/v1/${RESOURCE[source.entity]}`, { query: { ...query, limit: 1 } });
  return page.total;
}

/**
 * "Queue and send": asks first, naming how many contacts (or companies, whose contacts get it) the audience
 * holds now, then queues; resolves with the queued mailing, or null when the user said no.
 */
export function useQueueMailing() {
  const { t } = useTranslation('mailings');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const { locale } = useLocale();
  const action = useMailingAction();

  return async (mailing: TMailing): Promise<TMailing | null> => {
    let size: number | null = null;
    try {
      size = await audienceSize(mailing);
    } catch {
      // The count only informs the question; without it the question is asked all the same.
      size = null;
    }
    const entity = (mailing.view ?? mailing.list)?.entity ?? 'contact';
    const audience = (mailing.view ?? mailing.list)?.name ?? '';
    const content =
      size === null
        ? t('queue.confirmUnknown', { audience })
        : t(entity === 'company' ? 'queue.confirmCompanies' : 'queue.confirmContacts', {
            count: size,
            number: formatNumber(size, locale),
            audience,
          });
    const confirmed = await modal.confirm({
      title: t('queue.title', { name: mailing.name }),
      content: (
        <>
          <p>{content}</p>
          <p>{t('queue.consentNote')}</p>
        </>
      ),
      okText: t('queue.send'),
      cancelText: tc('common.cancel'),
    });
    if (!confirmed) return null;
    try {
      const queued = await action.mutateAsync({ id: mailing.id, action: 'queue' });
      message.success(t('queue.queued', { name: queued.name }));
      return queued;
    } catch (error) {
      message.error(errorMessage(tc, error));
      return null;
    }
  };
}
