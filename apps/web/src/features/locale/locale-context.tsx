import type { TLocale } from '@clientela/contract';
import { ConfigProvider } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { theme } from '../../app/theme.ts';
import { applyLocale, rememberLocale } from '../../lib/i18n.ts';

type LocaleContextValue = {
  locale: TLocale;
  /** Switches the whole UI (texts, antd, dates) to `locale` and remembers it in this browser. */
  changeLocale: (locale: TLocale) => Promise<void>;
};

const LocaleContext = createContext<LocaleContextValue | null>(null);

type Props = { initialLocale: TLocale; initialAntdLocale: AntdLocale; children: ReactNode };

/** Holds the UI language and feeds antd's ConfigProvider with the matching locale and theme. */
export function LocaleProvider({ initialLocale, initialAntdLocale, children }: Props) {
  const [state, setState] = useState({ locale: initialLocale, antd: initialAntdLocale });
  // Quick successive switches must end on the last one chosen, whatever order chunks load in.
  const latest = useRef(initialLocale);
  const queue = useRef(Promise.resolve());

  const changeLocale = useCallback((locale: TLocale) => {
    latest.current = locale;
    rememberLocale(locale);
    const run = queue.current.then(async () => {
      if (latest.current !== locale) return;
      const antd = await applyLocale(locale);
      setState({ locale, antd });
    });
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const value = useMemo(() => ({ locale: state.locale, changeLocale }), [state.locale, changeLocale]);

  return (
    <LocaleContext value={value}>
      <ConfigProvider locale={state.antd} theme={theme}>
        {children}
      </ConfigProvider>
    </LocaleContext>
  );
}

/** The current UI language and the way to change it. */
export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside LocaleProvider');
  return value;
}
