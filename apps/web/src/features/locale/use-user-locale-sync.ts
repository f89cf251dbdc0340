import type { TMe } from '@clientela/contract';
import { useEffect, useRef } from 'react';
import { useLocale } from './locale-context.tsx';

/** Once per sign-in, switches the UI to the language the user chose last time. */
export function useUserLocaleSync(me: TMe): void {
  const { locale, changeLocale } = useLocale();
  const syncedFor = useRef<string | null>(null);
  useEffect(() => {
    if (syncedFor.current === me.id) return;
    syncedFor.current = me.id;
    if (me.locale !== locale) void changeLocale(me.locale);
  }, [me.id, me.locale, locale, changeLocale]);
}
