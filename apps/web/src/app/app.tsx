import type { TLocale } from '@clientela/contract';
import { QueryClientProvider } from '@tanstack/react-query';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { LocaleProvider } from '../features/locale/locale-context.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { createRouter } from './router.tsx';

type Props = { locale: TLocale; antdLocale: AntdLocale };

/** The whole app: server state, language and theme, then the pages. */
export function App({ locale, antdLocale }: Props) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider initialLocale={locale} initialAntdLocale={antdLocale}>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
