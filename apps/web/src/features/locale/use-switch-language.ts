import type { TLocale, TMe, TSession } from '@clientela/contract';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { SESSION_KEY } from '../../lib/query-client.ts';
import { storeMe } from '../auth/api.ts';
import { useLocale } from './locale-context.tsx';

/** Switches the UI language and, when someone is signed in, remembers it in their profile. */
export function useSwitchLanguage(): (locale: TLocale) => Promise<void> {
  const { changeLocale } = useLocale();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();

  return useCallback(
    async (locale: TLocale) => {
      await changeLocale(locale);
      const session = queryClient.getQueryData<TSession | null>(SESSION_KEY);
      if (!session || session.user.locale === locale) return;
      try {
        const me = await api<TMe>('/api/v1/me', { method: 'PATCH', body: { locale } });
        storeMe(queryClient, me);
      } catch (error) {
        message.error(errorMessage(t, error));
      }
    },
    [changeLocale, queryClient, message, t],
  );
}
